import type { $ZodIssue } from 'zod/v4/core';
import type { Finding } from '../base/types';
import { closestMatch } from '../base/suggest';
import { t } from '../l10n';
import { OBSERVABILITY_FIELDS, observabilitySchema } from './fields';
import { describeValue, locate, spanOf, valueSpan, type ObservabilityEntry } from './section';
import type { FileCheck } from '../workspace/fileKind';
import type { ConfigFile } from './section';

const CODE = 'config/schema';

/**
 * `config/schema`: the observability section checked against the zod schema,
 * each issue placed on the YAML node it is about — the value for a wrong
 * value, the key for an unknown key, the parent's key for a missing one.
 */
export function checkConfigSchema(entry: ObservabilityEntry): Finding[] {
  const value: unknown = entry.pair.value ? entry.pair.value.toJS(entry.document) : undefined;
  const result = observabilitySchema.safeParse(value);
  if (result.success) return [];
  const marks: Marks = { renamedTo: new Set(), missing: new Map() };
  const findings = result.error.issues.flatMap((issue) => findingsFor(entry, issue, marks));
  // A misspelt key is one mistake: say "did you mean sample_rate", not also "sample_rate is missing".
  // Stryker disable next-line StringLiteral: only "is missing" findings have a key; for the others no renamed key equals any placeholder
  return findings.filter((f) => !marks.renamedTo.has(marks.missing.get(f) ?? ''));
}

/** What the findings are about, kept beside them: their messages are in the user's language. */
interface Marks {
  /** Keys a did-you-mean fix renames to. */
  renamedTo: Set<string>;
  /** The key each "is missing" finding is about. */
  missing: Map<Finding, string>;
}

function findingsFor(entry: ObservabilityEntry, issue: $ZodIssue, marks: Marks): Finding[] {
  const path = issue.path;
  const dotted = path.map(String).join('.');
  const name = dotted ? `observability.${dotted}` : 'observability';
  const info = OBSERVABILITY_FIELDS[dotted];
  const located = locate(entry, path);

  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => unknownKey(entry, path, key, marks));
  }
  if (!located.found) {
    const parent = name.slice(0, name.lastIndexOf('.'));
    const key = String(path[path.length - 1]);
    // Stryker disable next-line ArrayDeclaration: a parsed key always has a range
    const [start, end] = spanOf(located.pair.key) ?? [0, 0];
    const missing = finding(
      start,
      end,
      t('schema.missing', {
        parent,
        key,
        whileEnabled: issue.code === 'custom',
        // Stryker disable next-line OptionalChaining,StringLiteral: every path the schema reports is a row of OBSERVABILITY_FIELDS (fields.ts), so info is defined and its fallbacks are never read
        expects: t('field.expects', { field: dotted, expects: info?.expects, fallback: 'any' }),
        // Stryker disable next-line OptionalChaining,StringLiteral: every path the schema reports is a row of OBSERVABILITY_FIELDS (fields.ts), so info is defined and its fallbacks are never read
        example: info?.example ?? '',
      }),
    );
    marks.missing.set(missing, key);
    return [missing];
  }

  const [start, end] = valueSpan(located.pair);
  const got = describeValue(located.pair.value);
  // Stryker disable next-line OptionalChaining,StringLiteral: every path the schema reports is a row of OBSERVABILITY_FIELDS (fields.ts), so info is defined and its fallbacks are never read
  const expects = t('field.expects', { field: dotted, expects: info?.expects, fallback: 'valid' });
  // Stryker disable next-line OptionalChaining,StringLiteral: every path the schema reports is a row of OBSERVABILITY_FIELDS (fields.ts), so info is defined and its fallbacks are never read
  const example = info?.example ?? '';
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String);
    const actual: unknown = located.pair.value?.toJS(entry.document);
    const suggestion = typeof actual === 'string' ? closestMatch(actual, allowed) : undefined;
    const result = finding(start, end, t('schema.notInEnum', { name, expects, got, ...(suggestion ? { suggestion } : {}) }));
    if (suggestion) result.fixes = [{ title: t('fix.changeTo', { value: suggestion }), preferred: true, edits: [{ start, end, newText: suggestion }] }];
    return [result];
  }
  if (issue.code === 'invalid_format' && issue.format === 'starts_with') {
    // Stryker disable next-line OptionalChaining,StringLiteral: zod checks starts_with only on a string, so the value node is there
    const actual = String(located.pair.value?.toJS(entry.document) ?? '');
    const result = finding(start, end, t('schema.invalid', { name, expects, example, got }));
    result.fixes = [{ title: t('fix.changeTo', { value: `/${actual}` }), preferred: true, edits: [{ start, end, newText: `/${actual}` }] }];
    return [result];
  }
  return [finding(start, end, t('schema.invalid', { name, expects, example, got }))];
}

function unknownKey(entry: ObservabilityEntry, path: readonly PropertyKey[], key: string, marks: Marks): Finding {
  const { pair } = locate(entry, [...path, key]);
  // Stryker disable next-line ArrayDeclaration: a parsed key always has a range
  const [start, end] = spanOf(pair.key) ?? [0, 0];
  // Stryker disable next-line StringLiteral: unknown keys sit at most one mapping deep (observability.trace), so the parent path has one segment
  const parentPath = path.map(String).join('.');
  const where = parentPath ? `observability.${parentPath}` : 'observability';
  const allowed = Object.keys(OBSERVABILITY_FIELDS)
    .filter((field) => field !== '' && field.split('.').length === path.length + 1 && field.startsWith(parentPath ? `${parentPath}.` : ''))
    .map((field) => field.split('.').pop() ?? field);
  const suggestion = closestMatch(key, allowed);
  const result = finding(start, end, t('schema.unknownKey', { key, where, allowed, ...(suggestion ? { suggestion } : {}) }));
  if (suggestion) {
    marks.renamedTo.add(suggestion);
    result.fixes = [{ title: t('fix.renameTo', { key: suggestion }), preferred: true, edits: [{ start, end, newText: suggestion }] }];
  }
  return result;
}

function finding(start: number, end: number, message: string): Finding {
  return { start, end, code: CODE, message, severity: 'error' };
}

export const configSchemaCheck: FileCheck<ConfigFile> = {
  meta: {
    name: 'config/schema',
    on: 'file',
    fileKinds: ['config'],
    description:
      'the `observability:` section of `config*.yaml`: `log.level` (debug, info, warn, error), `log.format` (text, json), `trace.enabled` (boolean), `trace.endpoint` (`host:port` or an http(s) URL with a port), `trace.sample_rate` (0–1), `metrics.enabled` (boolean), `metrics.path` (starts with `/`); unknown keys (with did-you-mean), missing keys',
    codes: [
      {
        code: 'config/schema',
        severity: 'error',
        short: 'observability section does not match the schema',
        help: 'The observability: section of a k1s0 config.yaml has a wrong type, a value outside its enum or range, an unknown key or a missing key. log.level is debug|info|warn|error, log.format text|json, trace.sample_rate 0–1, trace.endpoint host:port, metrics.path starts with "/".',
        ja: {
          short: 'observability セクションがスキーマに合わない',
          help: 'k1s0 の config.yaml の observability: セクションに、型の誤り、列挙・範囲外の値、未知のキー、または不足しているキーがあります。log.level は debug|info|warn|error、log.format は text|json、trace.sample_rate は 0〜1、trace.endpoint は host:port、metrics.path は "/" で始まります。',
        },
      },
    ],
  },
  run: ({ entry }: ConfigFile) => checkConfigSchema(entry),
};
