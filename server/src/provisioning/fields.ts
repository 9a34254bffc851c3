import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { describeNode } from '../rules/sites';
import { closestMatch } from '../base/suggest';
import type { Finding, Fix, Severity } from '../base/types';
import { say, type Place } from './messages';

/**
 * Field tables for Grafana provisioning files, read the way Grafana reads
 * them: string values may hold `$ENV` references that provisioning expands,
 * and numbers and booleans may be written as strings (Grafana's
 * `values.IntValue` / `values.BoolValue`).
 */
export type FieldType = 'string' | 'int' | 'bool' | 'map' | 'list';

export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  values?: readonly string[];
}

export type FieldTable = Readonly<Record<string, FieldSpec>>;

export class Sink {
  readonly findings: Finding[] = [];
  add(code: string, node: Node | null | undefined, fallback: [number, number], message: string, severity: Severity = 'error', fixes?: Fix[]): void {
    const range = node?.range;
    const [start, end] = range && range[1] > range[0] ? [range[0], range[1]] : fallback;
    const finding: Finding = { start, end, code, message, severity };
    if (fixes?.length) finding.fixes = fixes;
    this.findings.push(finding);
  }
  at(code: string, start: number, end: number, message: string, severity: Severity = 'error', fixes?: Fix[]): void {
    const finding: Finding = { start, end, code, message, severity };
    if (fixes?.length) finding.fixes = fixes;
    this.findings.push(finding);
  }
}

const ENV = /\$(?:\{[^}]*\}|[A-Za-z_]\w*)/;

/** Whether a scalar is an environment reference that provisioning fills in (its type is then unknown). */
export function isEnvReference(value: unknown): boolean {
  return typeof value === 'string' && ENV.test(value.replace(/\$\$/g, ''));
}

function fits(spec: FieldSpec, node: Node | null): boolean {
  if (spec.type === 'map') return isMap(node);
  if (spec.type === 'list') return isSeq(node);
  if (!isScalar(node)) return false;
  const value = node.value;
  if (isEnvReference(value)) return true;
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    case 'int':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value.trim()));
    case 'bool':
      return typeof value === 'boolean' || (typeof value === 'string' && (GO_TRUE.test(value.trim()) || GO_FALSE.test(value.trim())));
  }
}

/** What Go's strconv.ParseBool reads as true, and as false (a quoted bool is read so). */
const GO_TRUE = /^(?:1|t|T|TRUE|true|True)$/;
const GO_FALSE = /^(?:0|f|F|FALSE|false|False)$/;

/** Whether a bool field's value is true as Grafana reads it: `true`, or a string strconv.ParseBool reads as true (`"1"`, `t`, `"TRUE"`). */
export function isTrue(node: Node | null | undefined): boolean {
  if (!isScalar(node)) return false;
  return node.value === true || (typeof node.value === 'string' && GO_TRUE.test(node.value.trim()));
}

export function pairsOf(map: YAMLMap): Pair<Node, Node | null>[] {
  return map.items as Pair<Node, Node | null>[];
}

export function keyOf(pair: Pair<Node, Node | null>): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

export function valueOf(map: YAMLMap, key: string): Node | null | undefined {
  for (const pair of pairsOf(map)) if (keyOf(pair) === key) return pair.value;
  return undefined;
}

export function scalarString(node: Node | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : undefined;
}

/**
 * Checks a mapping against its table: unknown keys (warning, with
 * did-you-mean), wrong types and values outside an enumeration (error),
 * missing required keys (error, on `where`).
 */
export function checkFields(map: YAMLMap, table: FieldTable, where: Place, sink: Sink, code = 'provisioning/schema'): void {
  const seen = new Set<string>();
  // A missing key is reported on the mapping's first key: the entry it belongs to.
  const firstKey = pairsOf(map)[0]?.key?.range;
  const mapSpan: [number, number] = firstKey ? [firstKey[0], firstKey[1]] : [map.range?.[0] ?? 0, (map.range?.[0] ?? 0) + 1];
  for (const pair of pairsOf(map)) {
    const key = keyOf(pair);
    if (key === undefined) continue;
    seen.add(key);
    const keySpan: [number, number] = [pair.key.range?.[0] ?? 0, pair.key.range?.[1] ?? 0];
    const spec = table[key];
    if (!spec) {
      const suggestion = closestMatch(key, Object.keys(table));
      const fixes = suggestion ? [{ title: say('fixChangeQuoted', { to: suggestion }), preferred: true, edits: [{ start: keySpan[0], end: keySpan[1], newText: suggestion }] }] : undefined;
      sink.at(code, keySpan[0], keySpan[1], say('unknownField', { key, where, known: Object.keys(table), ...(suggestion ? { suggestion } : {}) }), 'warning', fixes);
      continue;
    }
    const value = pair.value;
    if (!fits(spec, value)) {
      sink.add(
        code,
        value,
        keySpan,
        say('wrongType', { where, key, type: spec.type, got: describeNode(value), ...(isScalar(value) && value.value !== null ? { value: JSON.stringify(value.value) } : {}) }),
      );
      continue;
    }
    const text = scalarString(value);
    if (spec.values && text !== undefined && !isEnvReference(text) && !spec.values.includes(text)) {
      const suggestion = closestMatch(text, spec.values);
      const range = value?.range;
      const fixes = suggestion && range ? [{ title: say('fixChangeQuoted', { to: suggestion }), preferred: true, edits: [{ start: range[0], end: range[1], newText: suggestion }] }] : undefined;
      sink.add(code, value, keySpan, say('notInEnum', { where, key, values: spec.values, got: text, ...(suggestion ? { suggestion } : {}) }), 'error', fixes);
    }
  }
  for (const [key, spec] of Object.entries(table)) {
    if (spec.required && !seen.has(key)) sink.at(code, mapSpan[0], mapSpan[1], say('missing', { where, key }));
  }
}

export { isMap, isScalar, isSeq };
