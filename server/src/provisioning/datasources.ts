import { RE2JS } from 're2js';
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { scalarOffsets } from '../base/yaml/scalarOffsets';
import type { Finding } from '../base/types';
import { checkFields, isEnvReference, isTrue, keyOf, pairsOf, scalarString, Sink, valueOf, type FieldTable } from './fields';
import type { FileCheck } from '../workspace/fileKind';
import type { ParsedYaml } from '../base/yaml/parse';
import { provisioningKindOf } from './detect';
import { say, type Place } from './messages';

/**
 * Grafana datasource provisioning (`provisioning/datasources/*.yaml`):
 * fields and types, unique names and uids, one default per organisation,
 * Loki derived fields that point at a defined datasource with a regex that
 * compiles and captures, URLs that are URLs, and Grafana data-link variables
 * that provisioning would take for environment variables.
 */

const FILE_FIELDS: FieldTable = {
  apiVersion: { type: 'int' },
  datasources: { type: 'list' },
  deleteDatasources: { type: 'list' },
  prune: { type: 'bool' },
};

const DATASOURCE_FIELDS: FieldTable = {
  name: { type: 'string', required: true },
  type: { type: 'string', required: true },
  access: { type: 'string', values: ['proxy', 'direct'] },
  orgId: { type: 'int' },
  uid: { type: 'string' },
  url: { type: 'string' },
  user: { type: 'string' },
  database: { type: 'string' },
  basicAuth: { type: 'bool' },
  basicAuthUser: { type: 'string' },
  withCredentials: { type: 'bool' },
  isDefault: { type: 'bool' },
  jsonData: { type: 'map' },
  secureJsonData: { type: 'map' },
  version: { type: 'int' },
  editable: { type: 'bool' },
  password: { type: 'string' },
  basicAuthPassword: { type: 'string' },
  correlations: { type: 'list' },
};

const DELETE_FIELDS: FieldTable = {
  name: { type: 'string', required: true },
  orgId: { type: 'int' },
};

const DERIVED_FIELD_FIELDS: FieldTable = {
  name: { type: 'string', required: true },
  matcherRegex: { type: 'string', required: true },
  matcherType: { type: 'string', values: ['regex', 'label'] },
  url: { type: 'string' },
  urlDisplayLabel: { type: 'string' },
  datasourceUid: { type: 'string' },
  targetBlank: { type: 'bool' },
};

/** Datasource types that talk HTTP to a server and are useless without a `url`. */
const HTTP_TYPES = new Set(['prometheus', 'loki', 'jaeger', 'tempo', 'zipkin', 'alertmanager', 'elasticsearch', 'graphite', 'influxdb', 'opentsdb']);

interface Entry {
  map: YAMLMap;
  name?: { value: string; node: Node };
  uid?: { value: string; node: Node };
  orgId: string;
}

export function checkDatasourcesFile(text: string, document: Document.Parsed): Finding[] {
  const sink = new Sink();
  const root = document.contents;
  if (!isMap(root)) return [];
  checkFields(root, FILE_FIELDS, { kind: 'datasourcesFile' }, sink);
  const list = valueOf(root, 'datasources');
  const entries: Entry[] = [];
  if (isSeq(list)) {
    for (const item of list.items as (Node | null)[]) {
      if (!isMap(item)) {
        sink.add('provisioning/schema', item, dashOf(text, item), say('datasourceNotMapping'));
        continue;
      }
      entries.push(checkDatasource(text, item, sink));
    }
  }
  const deletes = valueOf(root, 'deleteDatasources');
  if (isSeq(deletes)) for (const item of deletes.items as (Node | null)[]) if (isMap(item)) checkFields(item, DELETE_FIELDS, { kind: 'deleteEntry' }, sink);

  checkUnique(entries, 'name', sink);
  checkUnique(entries, 'uid', sink);
  checkDefaults(entries, sink);
  checkDerivedFields(text, entries, sink);
  return sink.findings;
}

function checkDatasource(text: string, map: YAMLMap, sink: Sink): Entry {
  const nameNode = valueOf(map, 'name');
  const name = scalarString(nameNode);
  const where: Place = { kind: 'datasource', ...(name ? { name } : {}) };
  checkFields(map, DATASOURCE_FIELDS, where, sink);
  const uidNode = valueOf(map, 'uid');
  const uid = scalarString(uidNode);
  const orgId = scalarString(valueOf(map, 'orgId')) ?? '1';
  const type = scalarString(valueOf(map, 'type'));
  const urlNode = valueOf(map, 'url');
  const url = scalarString(urlNode);
  const firstKey = pairsOf(map)[0]?.key?.range;
  if (type && HTTP_TYPES.has(type) && urlNode === undefined && firstKey) {
    sink.at('provisioning/schema', firstKey[0], firstKey[1], say('noUrl', { where, type, port: defaultPort(type) }));
  }
  if (url !== undefined && urlNode && (type === undefined || HTTP_TYPES.has(type)) && !isEnvReference(url)) {
    const problem = urlProblem(url);
    if (problem) sink.add('provisioning/url', urlNode, [0, 0], say('badUrl', { where, problem }));
  }
  checkDataLinkVariables(text, map, sink);
  return {
    map,
    orgId,
    ...(name !== undefined && nameNode ? { name: { value: name, node: nameNode } } : {}),
    ...(uid !== undefined && uidNode ? { uid: { value: uid, node: uidNode } } : {}),
  };
}

function defaultPort(type: string): string {
  return { prometheus: '9090', loki: '3100', jaeger: '16686', tempo: '3200', alertmanager: '9093', elasticsearch: '9200', zipkin: '9411' }[type] ?? '80';
}

/** What is wrong with a datasource URL, or undefined when it is a well-formed http(s) URL. */
export function urlProblem(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '') return say('urlEmpty');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return say('urlNoScheme', { url, example: trimmed.replace(/^\/+/, '') });
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return say('urlMalformed', { url });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return say('urlScheme', { url, scheme: parsed.protocol.slice(0, -1) });
  // Stryker disable next-line ConditionalExpression: the URL parser refuses an http(s) URL without a host, so this guard never holds
  if (!parsed.hostname) return say('urlNoHost', { url });
  return undefined;
}

/** Where a list item with no text of its own is shown: a bare `-` is a null scalar whose empty range follows its dash. */
function dashOf(text: string, item: Node | null): [number, number] {
  // Stryker disable next-line OptionalChaining: YAML gives every item of a block list a node with a range
  const dash = text.lastIndexOf('-', item?.range?.[0] ?? 0);
  return [dash, dash + 1];
}

function checkUnique(entries: Entry[], key: 'name' | 'uid', sink: Sink): void {
  const first = new Map<string, Entry>();
  for (const entry of entries) {
    const field = entry[key];
    if (!field) continue;
    const id = `${entry.orgId}\u0000${field.value}`;
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, entry);
      continue;
    }
    sink.add('provisioning/duplicate', field.node, [0, 0], say('duplicateField', { org: entry.orgId, key, value: field.value }));
  }
}

function checkDefaults(entries: Entry[], sink: Sink): void {
  const defaults = new Map<string, Entry>();
  for (const entry of entries) {
    const node = valueOf(entry.map, 'isDefault');
    if (!isTrue(node)) continue;
    const earlier = defaults.get(entry.orgId);
    if (!earlier) {
      defaults.set(entry.orgId, entry);
      continue;
    }
    sink.add('provisioning/duplicate', node, [0, 0], say('twoDefaults', { name: earlier.name?.value ?? '?', org: entry.orgId }));
  }
}

function checkDerivedFields(text: string, entries: Entry[], sink: Sink): void {
  const uids = new Set(entries.flatMap((e) => (e.uid ? [e.uid.value] : [])));
  for (const entry of entries) {
    const jsonData = valueOf(entry.map, 'jsonData');
    if (!isMap(jsonData)) continue;
    const derived = valueOf(jsonData, 'derivedFields');
    // `derivedFields:` with nothing after it is a null scalar: no derived fields, as absent.
    if (derived === undefined || derived === null || (isScalar(derived) && derived.value === null)) continue;
    if (!isSeq(derived)) {
      sink.add('provisioning/schema', derived, [0, 0], say('derivedNotList'));
      continue;
    }
    for (const item of derived.items as (Node | null)[]) {
      if (!isMap(item)) {
        sink.add('provisioning/schema', item, dashOf(text, item), say('derivedNotMapping'));
        continue;
      }
      const fieldName = scalarString(valueOf(item, 'name'));
      const where: Place = { kind: 'derivedField', ...(fieldName ? { name: fieldName } : {}) };
      checkFields(item, DERIVED_FIELD_FIELDS, where, sink);
      const uidNode = valueOf(item, 'datasourceUid');
      const uid = scalarString(uidNode);
      if (uid !== undefined && uidNode && !isEnvReference(uid) && !uids.has(uid)) {
        const known = [...uids];
        sink.add('provisioning/reference', uidNode, [0, 0], say('unknownUid', { where, uid, known }));
      }
      const matcherType = scalarString(valueOf(item, 'matcherType')) ?? 'regex';
      const regexNode = valueOf(item, 'matcherRegex');
      const regex = scalarString(regexNode);
      if (matcherType === 'regex' && regex !== undefined && regexNode && !isEnvReference(regex)) {
        const problem = regexProblem(regex.replace(/\$\$/g, '$'));
        if (problem) sink.add('provisioning/regex', regexNode, [0, 0], say('badRegex', { where, problem }));
      }
    }
  }
}

/** What is wrong with a derived field's regex (RE2 syntax, one capture group for the value), or undefined. */
export function regexProblem(regex: string): string | undefined {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(regex);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return say('regexNotCompiling', { error: message });
  }
  if (compiled.groupCount() < 1) return say('regexNoGroup');
  return undefined;
}

const DATA_LINK = /(?<!\$)\$\{(__[^}]*)\}/g;

/**
 * Provisioning expands `$VAR` and `${VAR}` from the environment in every
 * value before Grafana sees it; a data-link variable such as
 * `${__value.raw}` must be written `$${__value.raw}` to survive.
 */
function checkDataLinkVariables(text: string, map: YAMLMap, sink: Sink): void {
  const visit = (node: Node | null | undefined): void => {
    if (isMap(node)) for (const pair of pairsOf(node)) visit(pair.value);
    else if (isSeq(node)) for (const item of node.items as (Node | null)[]) visit(item);
    else if (isScalar(node) && typeof node.value === 'string' && node.value.includes('${__')) {
      const offsets = scalarOffsets(text, node);
      DATA_LINK.lastIndex = 0;
      for (let match = DATA_LINK.exec(offsets.value); match; match = DATA_LINK.exec(offsets.value)) {
        const [start, end] = offsets.toDocumentRange(match.index, match.index + match[0].length);
        const [insertAt] = offsets.toDocumentRange(match.index, match.index + 1);
        sink.at('provisioning/env', start, end, say('dataLinkVariable', { variable: match[0] }), 'error', [
          { title: say('fixEscape', { variable: match[0] }), preferred: true, edits: [{ start: insertAt, end: insertAt, newText: '$' }] },
        ]);
      }
    }
  };
  for (const pair of pairsOf(map)) if (keyOf(pair) !== 'secureJsonData') visit(pair.value);
}

export const datasourcesCheck: FileCheck<ParsedYaml> = {
  meta: {
    name: 'provisioning/datasources',
    on: 'file',
    fileKinds: ['provisioning'],
    description:
      'Grafana provisioning of datasources: fields and types, duplicate names/uids/defaults, Loki `derivedFields[].datasourceUid` pointing to no datasource, `matcherRegex` that RE2 rejects or that has no capture group, malformed URLs, `${__value.raw}` that provisioning would expand as an environment variable (write `$${…}`)',
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
      {
        code: 'provisioning/reference',
        severity: 'error',
        short: 'reference to no datasource',
        help: 'A Loki derivedFields datasourceUid names no provisioned datasource.',
        ja: { short: '存在しないデータソースへの参照', help: 'Loki の derivedFields の datasourceUid が、プロビジョニングされたどのデータソースも指していません。' },
      },
      {
        code: 'provisioning/regex',
        severity: 'error',
        short: 'matcherRegex problem',
        help: "A derived field's matcherRegex is rejected by RE2 or has no capture group.",
        ja: { short: 'matcherRegex の問題', help: '派生フィールドの matcherRegex が RE2 に拒否されるか、キャプチャグループがありません。' },
      },
      {
        code: 'provisioning/url',
        severity: 'error',
        short: 'malformed URL',
        help: 'A datasource url is not a valid URL.',
        ja: { short: '不正な URL', help: 'データソースの url が正しい URL ではありません。' },
      },
      {
        code: 'provisioning/env',
        severity: 'warning',
        short: 'value expanded as an environment variable',
        help: "Provisioning expands $VAR and ${VAR} as environment variables; write $${…} for Grafana's own ${__value.raw}.",
        ja: { short: '環境変数として展開される値', help: 'プロビジョニングは $VAR と ${VAR} を環境変数として展開します。Grafana 自身の ${__value.raw} は $${…} と書いてください。' },
      },
    ],
  },
  run: (parsed: ParsedYaml, { text, location }) =>
    parsed.documents.flatMap((document) => (document.errors.length === 0 && provisioningKindOf(document, location.path) === 'datasources' ? checkDatasourcesFile(text, document) : [])),
};
