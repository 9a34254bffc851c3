/**
 * `otelcol/config`: what `otelcol validate` would refuse, and what it would
 * run other than meant — the structure of the file and of the components'
 * configuration (shapes.ts), component IDs and types (components.ts), the
 * removed types by name, `${…}` substitutions, and the rules of tail_sampling,
 * batch and memory_limiter that need more than one value.
 */
import { isMap, isScalar, isSeq, visit, type Node, type Range, type YAMLMap } from 'yaml';
import type { Finding, Severity } from '../base/types';
import { checkShape, shapeFindings } from '../base/yaml/shape';
import { closestMatch } from '../base/suggest';
import { getLocale } from '../l10n';
import type { FileCheck } from '../workspace/fileKind';
import { COMPONENT_KINDS, componentType, shippedTypes, singular } from './components';
import { say } from './messages';
import { keyAt, nodeAt, scalarAt, type CollectorFile, type Component } from './model';
import { LEAF_POLICY_TYPES, POLICY_NEEDS, POLICY_TYPES, SUB_POLICY_KEY } from './policies';
import { COLLECTOR_SHAPE } from './shapes';

export const CONFIG_CODE = 'otelcol/config';

function finding(start: number, end: number, message: string, severity: Severity = 'error', fix?: { title: string; start: number; end: number; newText: string }): Finding {
  return {
    start,
    end,
    code: CONFIG_CODE,
    message,
    severity,
    ...(fix ? { fixes: [{ title: fix.title, preferred: true, edits: [{ start: fix.start, end: fix.end, newText: fix.newText }] }] } : {}),
  };
}

export function checkCollectorConfig(file: CollectorFile): Finding[] {
  return [...structure(file), ...file.components.flatMap((component) => componentFindings(component, file.text)), ...substitutions(file)].sort((a, b) => a.start - b.start);
}

/** Shape issues, except on values written as a substitution (their type is known only once expanded). */
function structure(file: CollectorFile): Finding[] {
  const issues = checkShape(file.document.contents as Node | null, COLLECTOR_SHAPE).filter(
    (issue) => issue.kind === 'unknown-key' || issue.kind === 'missing' || !file.text.slice(issue.start, issue.end).includes('${'),
  );
  return shapeFindings(issues, CONFIG_CODE);
}

const TYPE = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

function componentFindings(component: Component, text: string): Finding[] {
  const { kind, id, type } = component;
  // `type/` (an empty name): the first "/" is the last character (an ID without one is never empty: its type is tested first).
  if (!TYPE.test(type) || id.indexOf('/') === id.length - 1) return [finding(component.start, component.end, say('badId', { id }))];
  const known = componentType(kind, type);
  const typeEnd = component.start + type.length;
  if (known?.removed) {
    const instead = getLocale() === 'ja' ? known.removed.instead.ja : known.removed.instead.en;
    return [finding(component.start, typeEnd, say('removed', { kind: singular(kind), type, version: known.removed.version, instead }))];
  }
  if (!known) {
    // Not this kind's type (known is undefined), maybe another's.
    const elsewhere = COMPONENT_KINDS.filter((other) => {
      const row = componentType(other, type);
      return row !== undefined && !row.removed;
    });
    if (elsewhere.length > 0) return [finding(component.start, typeEnd, say('wrongSection', { type, kind, kinds: elsewhere }))];
    const suggestion = closestMatch(type, shippedTypes(kind));
    const fix = suggestion ? { title: say('renameFix', { to: suggestion }), start: component.start, end: typeEnd, newText: suggestion } : undefined;
    return [finding(component.start, typeEnd, say('unknownType', { kind: singular(kind), type, ...(suggestion ? { suggestion } : {}) }), 'warning', fix)];
  }
  return configRules(component, text);
}

function configRules(component: Component, text: string): Finding[] {
  // Only processors have these types: componentFindings has reported the others.
  const { type, node } = component;
  if (type === 'memory_limiter') return memoryRules(component, text);
  if (type === 'batch') return batchRules(node, text);
  if (type !== 'tail_sampling') return [];
  const policies = nodeAt(node, ['policies']);
  return isSeq(policies) ? policyFindings(policies.items as Node[], POLICY_TYPES, text) : [];
}

function numberAt(node: Node | null, key: string, text: string) {
  const at = scalarAt(node, [key], text);
  return at && typeof at.value === 'number' ? { ...at, value: at.value } : undefined;
}

function batchRules(node: Node | null, text: string): Finding[] {
  const size = numberAt(node, 'send_batch_size', text);
  const max = numberAt(node, 'send_batch_max_size', text);
  const sizeValue = size?.value ?? 8192;
  if (!max || max.value === 0 || max.value >= sizeValue) return [];
  return [finding(max.start, max.end, say('batchMax', { max: String(max.value), size: String(sizeValue) }))];
}

function memoryRules(component: Component, text: string): Finding[] {
  const node = component.node;
  const findings: Finding[] = [];
  for (const unit of ['mib', 'percentage']) {
    const limit = numberAt(node, `limit_${unit}`, text);
    const spike = numberAt(node, `spike_limit_${unit}`, text);
    if (limit && spike && limit.value > 0 && spike.value >= limit.value)
      findings.push(finding(spike.start, spike.end, say('spikeLimit', { spike: String(spike.value), limit: String(limit.value), unit })));
  }
  const limits = ['limit_mib', 'limit_percentage'].map((key) => scalarAt(node, [key], text));
  if (limits.every((at) => at === undefined || at.value === 0)) findings.push(finding(component.start, component.end, say('memoryLimit')));
  return findings;
}

/** A tail_sampling policy list: each policy's needs, keys of other types, names; sub-policies at their level. */
function policyFindings(items: readonly Node[], allowed: readonly string[], text: string): Finding[] {
  const findings: Finding[] = [];
  const names = new Map<string, number>();
  // An item that is no mapping has no name or type: scalarAt finds none, and it is skipped below.
  for (const item of items) {
    const typeAt = scalarAt(item, ['type'], text);
    const nameAt = scalarAt(item, ['name'], text);
    const name = nameAt ? String(nameAt.value) : '';
    if (nameAt) {
      const count = (names.get(name) ?? 0) + 1;
      names.set(name, count);
      if (count > 1) findings.push(finding(nameAt.start, nameAt.end, say('policyDuplicate', { name })));
    }
    if (!typeAt) continue;
    const type = String(typeAt.value);
    // A type not allowed at this level is the shape's finding; what it would need is beside the point.
    if (!allowed.includes(type)) continue;
    const own = nodeAt(item, [type]);
    for (const group of POLICY_NEEDS[type as keyof typeof POLICY_NEEDS] ?? []) {
      if (isMap(own) && group.some((key) => has(own, key))) continue;
      const at = (isMap(own) ? keyAt(item, type, text) : undefined) ?? typeAt;
      findings.push(finding(at.start, at.end, say('policyNeeds', { name, type, keys: group })));
    }
    for (const key of POLICY_TYPES) {
      const at = key === type ? undefined : keyAt(item, key, text);
      if (at) findings.push(finding(at.start, at.end, say('policyIgnored', { name, type, key }), 'warning'));
    }
    // The sub-policies of and, drop and composite (the other types have no SUB_POLICY_KEY: get finds nothing under undefined).
    const subs = isMap(own) ? own.get(SUB_POLICY_KEY[type as keyof typeof SUB_POLICY_KEY]) : undefined;
    if (isSeq(subs)) findings.push(...policyFindings(subs.items as Node[], type === 'composite' ? [...LEAF_POLICY_TYPES, 'and'] : LEAF_POLICY_TYPES, text));
    if (type === 'composite') findings.push(...compositeNames(item));
  }
  return findings;
}

function has(map: YAMLMap, key: string): boolean {
  const value = map.get(key, true) as Node | undefined;
  return value !== undefined && !(isScalar(value) && value.value === null);
}

/** policy_order and rate_allocation name composite_sub_policy entries. */
function compositeNames(item: Node): Finding[] {
  const subs = nodeAt(item, ['composite', 'composite_sub_policy']);
  const known = isSeq(subs) ? subs.items.flatMap((sub) => (isMap(sub) && isScalar(sub.get('name', true)) ? [String(sub.get('name'))] : [])) : [];
  const findings: Finding[] = [];
  const check = (node: unknown) => {
    if (!isScalar(node) || !node.range) return;
    const name = String(node.value);
    if (known.includes(name)) return;
    const suggestion = closestMatch(name, known);
    const fix = suggestion ? { title: say('renameFix', { to: suggestion }), start: node.range[0], end: node.range[1], newText: suggestion } : undefined;
    findings.push(finding(node.range[0], node.range[1], say('policyUnknownName', { name, known: known.join(', ') }), 'error', fix));
  };
  const order = nodeAt(item, ['composite', 'policy_order']);
  if (isSeq(order)) order.items.forEach(check);
  const allocation = nodeAt(item, ['composite', 'rate_allocation']);
  if (isSeq(allocation)) for (const entry of allocation.items) if (isMap(entry)) check(entry.get('policy', true));
  return findings;
}

const PROVIDERS = ['env', 'file', 'http', 'https', 'yaml'];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `${env:VAR}`, `${env:VAR:-default}`, `${VAR}` and the other providers are
 * expanded; `$$` is a literal `$`; a bare `$VAR` is left as written (since
 * v0.104), which is nearly always a mistake.
 */
function substitutions(file: CollectorFile): Finding[] {
  const findings: Finding[] = [];
  visit(file.document, {
    // Every scalar's text: one that is not a string has no `$` in it.
    Scalar(_key, node) {
      // A parsed scalar always has its range.
      const [from, to] = node.range as Range;
      // A quoted scalar's range ends after its closing quote, which is no part of a `${` left open.
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      findings.push(...substitutionsIn(file.text.slice(from, quoted ? to - 1 : to), from));
    },
  });
  return findings;
}

export function substitutionsIn(raw: string, base: number): Finding[] {
  const findings: Finding[] = [];
  for (let i = raw.indexOf('$'); i >= 0; i = raw.indexOf('$', i)) {
    const next = raw[i + 1];
    if (next === '$') {
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = raw.indexOf('}', i);
      const end = close === -1 ? raw.length : close + 1;
      const inner = close === -1 ? undefined : raw.slice(i + 2, close);
      const problem = inner === undefined ? say('envBad', { text: raw.slice(i, end) }) : substitutionProblem(inner, base + i + 2);
      if (problem) findings.push(typeof problem === 'string' ? finding(base + i, base + end, problem) : problem);
      i = end;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1))?.[0];
    if (name) {
      const start = base + i;
      const end = start + 1 + name.length;
      findings.push(finding(start, end, say('envBare', { name }), 'warning', { title: say('envFix', { name }), start, end, newText: `\${env:${name}}` }));
      i += 1 + name.length;
      continue;
    }
    i += 1;
  }
  return findings;
}

/** Why the inside of `${…}` is not a substitution, or undefined when it is one. */
function substitutionProblem(inner: string, at: number): string | Finding | undefined {
  const colon = inner.indexOf(':');
  if (colon === -1) return ENV_NAME.test(inner) ? undefined : say('envBad', { text: `\${${inner}}` });
  const scheme = inner.slice(0, colon);
  const rest = inner.slice(colon + 1);
  if (!/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme)) return say('envBad', { text: `\${${inner}}` });
  if (!PROVIDERS.includes(scheme)) {
    const suggestion = closestMatch(scheme, PROVIDERS);
    const fix = suggestion ? { title: say('renameFix', { to: suggestion }), start: at, end: at + scheme.length, newText: suggestion } : undefined;
    return finding(at, at + scheme.length, say('envScheme', { scheme, ...(suggestion ? { suggestion } : {}) }), 'error', fix);
  }
  if (scheme !== 'env') return rest === '' ? say('envBad', { text: `\${${inner}}` }) : undefined;
  const defaultAt = rest.indexOf(':-');
  const name = defaultAt === -1 ? rest : rest.slice(0, defaultAt);
  return ENV_NAME.test(name) ? undefined : say('envBad', { text: `\${${inner}}` });
}

export const otelcolConfigCheck: FileCheck<CollectorFile> = {
  meta: {
    name: 'otelcol/config',
    on: 'file',
    fileKinds: ['otelcol'],
    description:
      'OpenTelemetry Collector configuration: unknown keys (did-you-mean fix), types, enums, ranges and Go durations of the common components; component IDs and types, removed types (`jaeger`, `logging`); tail_sampling policies; `${env:VAR}` substitutions',
    codes: [
      {
        code: CONFIG_CODE,
        severity: 'error',
        short: 'collector configuration the collector refuses or misreads',
        help: 'The structure of an OpenTelemetry Collector configuration and of the configuration of its common components (otlp, batch, memory_limiter, tail_sampling, probabilistic_sampler, attributes, resource, k8sattributes, otlp/otlphttp/prometheus/debug exporters): unknown keys with the key probably meant, wrong types, values outside their enum or range, Go durations. Component IDs `type[/name]` of types no distribution ships (warning), removed types named with their replacement (`jaeger` → `otlp` to port 4317, `logging` → `debug`), tail_sampling policies that lack their settings or repeat a name, and `${env:VAR}` substitutions (a bare `$VAR` is left unexpanded: warning).',
        ja: {
          short: 'Collector が受け付けない・読み違える設定',
          help: 'OpenTelemetry Collector の設定と主なコンポーネント（otlp、batch、memory_limiter、tail_sampling、probabilistic_sampler、attributes、resource、k8sattributes、otlp/otlphttp/prometheus/debug エクスポーター）の設定の構造: 未知のキー（候補つき）、型、列挙値や範囲外の値、Go の時間表記。どのディストリビューションにもない種類（警告）、削除された種類（`jaeger` → 4317 番への `otlp`、`logging` → `debug`）、設定の足りない・名前が重複した tail_sampling ポリシー、`${env:VAR}` の置換（`$VAR` は展開されない: 警告）。',
        },
      },
    ],
  },
  run: (file) => checkCollectorConfig(file),
};
