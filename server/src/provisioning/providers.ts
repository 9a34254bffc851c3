import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Finding } from '../base/types';
import { checkFields, isTrue, keyOf, pairsOf, scalarString, Sink, valueOf, type FieldTable } from './fields';
import type { FileCheck } from '../workspace/fileKind';
import type { ParsedYaml } from '../base/yaml/parse';
import { provisioningKindOf } from './detect';
import { say, type Place } from './messages';

/**
 * Grafana dashboard providers (`provisioning/dashboards/*.yml`): fields and
 * their types, a path for file providers, unique provider names, and the
 * folder options Grafana refuses together.
 */

const FILE_FIELDS: FieldTable = {
  apiVersion: { type: 'int' },
  // Stryker disable next-line BooleanLiteral: a file is read as dashboard providers only when it has a providers list (detect.ts), so it is never missing
  providers: { type: 'list', required: true },
};

const PROVIDER_FIELDS: FieldTable = {
  name: { type: 'string', required: true },
  orgId: { type: 'int' },
  folder: { type: 'string' },
  folderUid: { type: 'string' },
  type: { type: 'string', values: ['file'] },
  disableDeletion: { type: 'bool' },
  editable: { type: 'bool' },
  allowUiUpdates: { type: 'bool' },
  updateIntervalSeconds: { type: 'int' },
  options: { type: 'map' },
};

const FILE_OPTIONS: FieldTable = {
  path: { type: 'string', required: true },
  foldersFromFilesStructure: { type: 'bool' },
};

export function checkProvidersFile(document: Document.Parsed): Finding[] {
  const sink = new Sink();
  const root = document.contents;
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: a guard for the types; a file is read as dashboard providers only when it is a mapping with a providers list (detect.ts)
  if (!isMap(root)) return [];
  checkFields(root, FILE_FIELDS, { kind: 'providersFile' }, sink);
  const list = valueOf(root, 'providers');
  // Stryker disable next-line ConditionalExpression: a guard for the types; a file is read as dashboard providers only when providers is a list (detect.ts)
  if (!isSeq(list)) return sink.findings;
  const names = new Map<string, Node>();
  for (const item of list.items as (Node | null)[]) {
    if (!isMap(item)) {
      // Stryker disable next-line OptionalChaining: a parsed list has a range
      sink.add('provisioning/schema', item, [list.range?.[0] ?? 0, (list.range?.[0] ?? 0) + 1], say('providerNotMapping'));
      continue;
    }
    const nameNode = valueOf(item, 'name');
    const name = scalarString(nameNode);
    const where: Place = { kind: 'provider', ...(name !== undefined && name !== '' ? { name } : {}) };
    checkFields(item, PROVIDER_FIELDS, where, sink);
    if (name !== undefined && nameNode) {
      // Stryker disable next-line ArrayDeclaration: a fallback; a name (a scalar with a value) has a range of one character or more
      if (names.has(name)) sink.add('provisioning/duplicate', nameNode, [0, 0], say('duplicateProvider', { name }));
      else names.set(name, nameNode);
    }
    const interval = valueOf(item, 'updateIntervalSeconds');
    const seconds = isScalar(interval) ? integerOf(interval.value) : undefined;
    if (seconds !== undefined && seconds < 0) {
      // Stryker disable next-line ArrayDeclaration: a fallback; a scalar that is an integer has a range of one character or more
      sink.add('provisioning/schema', interval, [0, 0], say('negativeInterval', { where, value: seconds }));
    }
    const options = valueOf(item, 'options');
    const type = scalarString(valueOf(item, 'type')) ?? 'file';
    if (type !== 'file') continue;
    // Stryker disable next-line OptionalChaining: a parsed pair's key is a node (an empty key is a null scalar with a range)
    const firstKey = pairsOf(item)[0]?.key?.range;
    if (options === undefined && firstKey) {
      sink.at('provisioning/schema', firstKey[0], firstKey[1], say('noOptions', { where }));
      continue;
    }
    if (!isMap(options)) continue;
    checkFields(options, FILE_OPTIONS, { ...where, kind: 'providerOptions' }, sink);
    const fromFiles = valueOf(options, 'foldersFromFilesStructure');
    const folder = pairsOf(item).find((pair) => keyOf(pair) === 'folder' || keyOf(pair) === 'folderUid');
    const folderValue = scalarString(folder?.value);
    if (isTrue(fromFiles) && folder && folderValue) {
      // Stryker disable next-line ArrayDeclaration,StringLiteral: a fallback; the folder key is a scalar named folder or folderUid, so it has a range and keyOf gives its name
      sink.add('provisioning/schema', folder.key, [0, 0], say('folderAndFromFiles', { where, key: keyOf(folder) ?? '' }));
    }
  }
  return sink.findings;
}

/** An int field's value: a number, or a quoted integer, which Grafana takes too (fields.ts). */
function integerOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : undefined;
}

export const providersCheck: FileCheck<ParsedYaml> = {
  meta: {
    name: 'provisioning/providers',
    on: 'file',
    fileKinds: ['provisioning'],
    description: 'Grafana provisioning of dashboard providers: fields and types, duplicate names, folder options',
    codes: [
      {
        code: 'provisioning/schema',
        severity: 'error',
        short: 'provisioning field problem',
        help: 'A datasource or dashboard-provider field is unknown, missing or of the wrong type.',
        ja: { short: 'プロビジョニングのフィールドの問題', help: 'データソースまたはダッシュボードプロバイダーのフィールドが未知、不足、または型の誤りです。' },
      },
      {
        code: 'provisioning/duplicate',
        severity: 'error',
        short: 'duplicate provisioning entry',
        help: 'Two datasources (or providers) share a name, uid or default.',
        ja: { short: 'プロビジョニングの項目の重複', help: '2 つのデータソース（またはプロバイダー）で name や uid が重複しているか、デフォルトが 2 つあります。' },
      },
    ],
  },
  run: (parsed: ParsedYaml, { location }) =>
    parsed.documents.flatMap((document) => (document.errors.length === 0 && provisioningKindOf(document, location.path) === 'dashboards' ? checkProvidersFile(document) : [])),
};
