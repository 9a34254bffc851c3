import type { $ZodIssue } from 'zod/v4/core';
import type { Finding } from '../service/types';
import { closestMatch } from '../service/suggest';
import { OBSERVABILITY_FIELDS, observabilitySchema } from './fields';
import { describeValue, locate, spanOf, valueSpan, type ObservabilityEntry } from './section';

const CODE = 'config/schema';

/**
 * `config/schema`: the observability section checked against the zod schema,
 * each issue placed on the YAML node it is about — the value for a wrong
 * value, the key for an unknown key, the parent's key for a missing one.
 */
export function checkConfigSchema(entry: ObservabilityEntry): Finding[] {
  const value = entry.pair.value ? entry.pair.value.toJS(entry.document) : undefined;
  const result = observabilitySchema.safeParse(value);
  if (result.success) return [];
  const findings = result.error.issues.flatMap((issue) => findingsFor(entry, issue));
  // A misspelt key is one mistake: say "did you mean sample_rate", not also "sample_rate is missing".
  const renamed = new Set(findings.flatMap((f) => f.fixes?.filter((fix) => fix.title.startsWith('Rename')).map((fix) => fix.edits[0]?.newText) ?? []));
  return findings.filter((f) => !(f.message.includes(' is missing "') && [...renamed].some((key) => f.message.includes(`is missing "${key}"`))));
}

function findingsFor(entry: ObservabilityEntry, issue: $ZodIssue): Finding[] {
  const path = issue.path;
  const dotted = path.map(String).join('.');
  const name = dotted ? `observability.${dotted}` : 'observability';
  const info = OBSERVABILITY_FIELDS[dotted];
  const located = locate(entry, path);

  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => unknownKey(entry, path, key));
  }
  if (!located.found) {
    const parent = name.slice(0, name.lastIndexOf('.'));
    const key = String(path[path.length - 1]);
    const [start, end] = spanOf(located.pair.key) ?? [0, 0];
    const why = issue.code === 'custom' ? ' (required while enabled is true)' : '';
    const example = info?.example ? `, e.g. ${key}: ${info.example}` : '';
    return [finding(start, end, `${parent} is missing "${key}"${why}: expected ${info?.expects ?? 'a value'}${example}.`)];
  }

  const [start, end] = valueSpan(located.pair);
  const got = describeValue(located.pair.value);
  const expects = info?.expects ?? 'a valid value';
  const example = info?.example ? `, e.g. ${info.example}` : '';
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String);
    const actual = located.pair.value?.toJS(entry.document);
    const suggestion = typeof actual === 'string' ? closestMatch(actual, allowed) : undefined;
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
    const result = finding(start, end, `${name} must be ${expects}; got ${got}.${hint}`);
    if (suggestion) result.fixes = [{ title: `Change to "${suggestion}"`, preferred: true, edits: [{ start, end, newText: suggestion }] }];
    return [result];
  }
  if (issue.code === 'invalid_format' && issue.format === 'starts_with') {
    const actual = String(located.pair.value?.toJS(entry.document) ?? '');
    const result = finding(start, end, `${name} must be ${expects}${example}; got ${got}.`);
    result.fixes = [{ title: `Change to "/${actual}"`, preferred: true, edits: [{ start, end, newText: `/${actual}` }] }];
    return [result];
  }
  return [finding(start, end, `${name} must be ${expects}${example}; got ${got}.`)];
}

function unknownKey(entry: ObservabilityEntry, path: readonly PropertyKey[], key: string): Finding {
  const { pair } = locate(entry, [...path, key]);
  const [start, end] = spanOf(pair.key) ?? [0, 0];
  const parentPath = path.map(String).join('.');
  const where = parentPath ? `observability.${parentPath}` : 'observability';
  const allowed = Object.keys(OBSERVABILITY_FIELDS)
    .filter((field) => field !== '' && field.split('.').length === path.length + 1 && field.startsWith(parentPath ? `${parentPath}.` : ''))
    .map((field) => field.split('.').pop() ?? field);
  const suggestion = closestMatch(key, allowed);
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
  const result = finding(start, end, `Unknown key "${key}" in ${where}.${hint} Allowed keys: ${allowed.join(', ')}.`);
  if (suggestion) result.fixes = [{ title: `Rename to "${suggestion}"`, preferred: true, edits: [{ start, end, newText: suggestion }] }];
  return result;
}

function finding(start: number, end: number, message: string): Finding {
  return { start, end, code: CODE, message, severity: 'error' };
}
