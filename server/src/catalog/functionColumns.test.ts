/**
 * The behaviour columns of the function table (promql/functions.json) are
 * what the checks read: one test per column, driven by the table itself, so a
 * row added or changed there shows here as a changed finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binaryOperators, promqlAggregations, promqlFunctions, type FunctionSignature } from '../promql/functionTable';
import { diagnose } from './testSupport';
import type { Diagnostic } from '../base/types';

const GAUGE = 'container_memory_working_set_bytes';
const COUNTER = 'http_requests_total';
const CATALOG = 'the k1s0 catalog (observability-design.md: カスタムメトリクス一覧)';

/** Diagnostics of one rule file checked in the design workspace, by rule (index) for the given code. */
function byRule(rules: readonly string[], code: string): Map<number, string[]> {
  const text = `groups:\n  - name: t\n    rules:\n${rules.join('')}`;
  const starts: number[] = [];
  let line = 3;
  for (const rule of rules) {
    starts.push(line);
    line += rule.split('\n').length - 1;
  }
  const out = new Map<number, string[]>();
  for (const d of diagnose('t.yaml', { 't.yaml': text }).filter((x: Diagnostic) => x.code === code)) {
    const index = starts.filter((s) => s <= d.range.start.line).length - 1;
    const at = `${d.range.start.line - (starts[index] ?? 0)}:${d.range.start.character}-${d.range.end.character}`;
    out.set(index, [...(out.get(index) ?? []), `${at} ${d.message}`]);
  }
  return out;
}

const record = (i: number, expr: string): string => `      - record: t:r${i}\n        expr: ${expr}\n`;

/** A call of `fn` whose range-vector arguments read `metric[window]` and whose others are simple literals. */
function call(fn: FunctionSignature, metric: string, window = '5m'): string {
  const args = fn.args.map((type) => (type === 'range vector' ? `${metric}[${window}]` : type === 'scalar' ? '0.5' : type === 'string' ? '"x"' : metric));
  return `${fn.name}(${args.join(', ')})`;
}

const rangeFunctions = [...promqlFunctions.values()].filter((f) => !f.experimental && f.args.includes('range vector'));

test('reads: a counter-reading function over a gauge, and a gauge-reading one over a counter, is catalog/metric-type; no other', () => {
  const rules = rangeFunctions.flatMap((fn, i) => [record(2 * i, call(fn, GAUGE)), record(2 * i + 1, call(fn, COUNTER))]);
  const found = byRule(rules, 'catalog/metric-type');
  rangeFunctions.forEach((fn, i) => {
    const offset = `${fn.name}(`.length + (fn.args.indexOf('range vector') > 0 ? '0.5, '.length : 0);
    const onGauge =
      fn.reads === 'counter'
        ? [
            `1:${14 + offset}-${14 + offset + GAUGE.length} ${fn.name}() is for counters, but ${GAUGE} (from the cAdvisor exporter) is a gauge: use deriv() or delta() for a gauge's change, avg_over_time() for its level`,
          ]
        : undefined;
    const onCounter =
      fn.reads === 'gauge'
        ? [`1:${14 + offset}-${14 + offset + COUNTER.length} ${fn.name}() of a counter is meaningless (${COUNTER} (from ${CATALOG}) only grows and resets on restart): take rate() or increase() of it`]
        : undefined;
    assert.deepEqual(found.get(2 * i), onGauge, `${fn.name} over a gauge`);
    assert.deepEqual(found.get(2 * i + 1), onCounter, `${fn.name} over a counter`);
  });
  assert.deepEqual(
    rangeFunctions.filter((f) => f.reads === 'counter').map((f) => f.name),
    ['increase', 'irate', 'rate', 'resets'],
  );
});

test('minSamples: a function needing two samples over a window shorter than two scrape intervals is promql/rate-window; no other', () => {
  const rules = rangeFunctions.map((fn, i) => record(i, call(fn, 'up', '10s')));
  const found = byRule(rules, 'promql/rate-window');
  rangeFunctions.forEach((fn, i) => {
    const at = 14 + call(fn, 'up', '10s').indexOf('10s');
    const expected =
      (fn.minSamples ?? 1) >= 2
        ? [`1:${at}-${at + 3} ${fn.name}() over [10s] is shorter than two scrape intervals (the scrape interval: 15s): it sees fewer than two samples and returns nothing; use [1m]`]
        : undefined;
    assert.deepEqual(found.get(i), expected, fn.name);
  });
  assert.deepEqual(
    rangeFunctions.filter((f) => f.minSamples === 2).map((f) => f.name),
    ['delta', 'deriv', 'idelta', 'increase', 'irate', 'predict_linear', 'rate'],
  );
});

test('values: a raw counter is fine inside a function or aggregation that looks at something else than its values; elsewhere promql/counter', () => {
  const functions = [...promqlFunctions.values()].filter((f) => !f.experimental && f.args[0] === 'instant vector' && f.returns === 'instant vector' && f.args.length === 1);
  const aggregations = [...promqlAggregations.values()].filter((a) => !a.experimental && !a.param);
  const exprs = [...functions.map((f) => `${f.name}(${COUNTER})`), ...aggregations.map((a) => `${a.name}(${COUNTER})`), `count_values("v", ${COUNTER})`];
  const found = byRule(
    exprs.map((e, i) => record(i, e)),
    'promql/counter',
  );
  const fine = [...functions.map((f) => f.values !== undefined), ...aggregations.map((a) => a.values !== undefined), promqlAggregations.get('count_values')?.values !== undefined];
  exprs.forEach((expr, i) => {
    const at = 14 + expr.indexOf(COUNTER);
    const hint = `1:${at}-${at + COUNTER.length} ${COUNTER} is a counter used raw: it only grows and restarts from zero, so compare or graph rate(${COUNTER}[1m]) or increase(...) instead`;
    assert.deepEqual(found.get(i), fine[i] ? undefined : [hint], expr);
  });
  assert.deepEqual(
    exprs.filter((_, i) => fine[i]),
    ['absent(http_requests_total)', 'timestamp(http_requests_total)', 'count(http_requests_total)', 'group(http_requests_total)', 'count_values("v", http_requests_total)'],
  );
});

const alert = (i: number, expr: string, annotation: string): string =>
  `      - alert: A${i}\n        expr: ${expr}\n        for: 5m\n        labels:\n          severity: warning\n        annotations:\n          summary: "${annotation}"\n`;

test('labels: what a call carries decides which $labels an alert can name (alerts/labels)', () => {
  const cases: { expr: string; label: string; empty: boolean }[] = [
    { expr: `abs(${COUNTER}) > 0`, label: 'service', empty: false }, // keep
    { expr: `vector(1) > 0`, label: 'service', empty: true }, // none
    { expr: `scalar(up) + up > 0`, label: 'job', empty: false }, // a scalar beside a vector: the vector's labels
    { expr: `label_replace(up, "dst", "$1", "job", "(.*)") > 0`, label: 'dst', empty: false }, // add-target
    { expr: `absent(up{job="kong"})`, label: 'job', empty: false }, // from-matchers
    { expr: `absent(up{job="kong"})`, label: 'instance', empty: true },
    { expr: `histogram_quantile(0.9, sum by (le, service) (rate(http_request_duration_seconds_bucket[5m]))) > 1`, label: 'le', empty: true }, // drop-le
    { expr: `histogram_quantile(0.9, sum by (le, service) (rate(http_request_duration_seconds_bucket[5m]))) > 1`, label: 'service', empty: false },
    { expr: `hour() > 1`, label: 'service', empty: true }, // no vector argument
  ];
  const found = byRule(
    cases.map((c, i) => alert(i, c.expr, `{{ $labels.${c.label} }}`)),
    'alerts/labels',
  );
  cases.forEach((c, i) => {
    const messages = (found.get(i) ?? []).map((m) => m.replace(/^\S+ /, '').replace(/: the alert's expression keeps only .*$/, ''));
    assert.deepEqual(messages, c.empty ? [`$labels.${c.label} is always empty`] : [], `${c.expr} / ${c.label}`);
  });
  const labelsColumn = Object.fromEntries([...promqlFunctions.values()].filter((f) => f.labels).map((f) => [f.name, f.labels]));
  assert.deepEqual(labelsColumn, {
    absent: 'from-matchers',
    absent_over_time: 'from-matchers',
    end: 'none',
    histogram_fraction: 'drop-le',
    histogram_quantile: 'drop-le',
    info: 'open',
    label_join: 'add-target',
    label_replace: 'add-target',
    pi: 'none',
    range: 'none',
    scalar: 'none',
    start: 'none',
    step: 'none',
    time: 'none',
    vector: 'none',
  });
});

test('selects and values: topk-like aggregations and absent() are conditions of an alert; sum() and abs() are not (alerts/condition)', () => {
  const exprs = [
    ...[...promqlAggregations.values()].filter((a) => a.param === 'scalar' && a.name !== 'quantile' && !a.experimental).map((a) => `${a.name}(3, up)`),
    'sum(up)',
    'abs(up)',
    'absent(up)',
    'absent_over_time(up[5m])',
    'vector(1)',
  ];
  const found = byRule(
    exprs.map((e, i) => alert(i, e, 's')),
    'alerts/condition',
  );
  assert.deepEqual(
    exprs.filter((_, i) => found.has(i)),
    ['sum(up)', 'abs(up)'],
  );
  assert.deepEqual(
    [...promqlAggregations.values()].filter((a) => a.selects).map((a) => a.name),
    ['topk', 'bottomk', 'limitk', 'limit_ratio'],
  );
});

test('keepsCounter: a recording rule summing a counter records a counter; one averaging it records a gauge (catalog/metric-type)', () => {
  const rules = [...[...promqlAggregations.values()].filter((a) => !a.param && a.name !== 'count' && a.name !== 'group').map((a, i) => record(100 + i, `${a.name}(${COUNTER})`))];
  const names = [...promqlAggregations.values()].filter((a) => !a.param && a.name !== 'count' && a.name !== 'group').map((a) => a.name);
  const uses = names.map((_, i) => record(i, `rate(t:r${100 + i}[5m])`));
  const found = byRule([...uses, ...rules], 'catalog/metric-type');
  const counters = names.filter((_, i) => !found.has(i));
  assert.deepEqual(
    counters,
    [...promqlAggregations.values()].filter((a) => a.keepsCounter).map((a) => a.name),
  );
  assert.deepEqual(counters, ['sum', 'min', 'max']);
});

test('binaryOperators: comparisons need bool between scalars (promql/type) and make an alert a condition; other operators do neither', () => {
  const ops = binaryOperators.filter((o) => o.kind !== 'trim');
  const scalars = byRule(
    ops.map((o, i) => record(i, `1 ${o.name} 2`)),
    'promql/type',
  );
  assert.deepEqual(
    ops.filter((_, i) => scalars.get(i)?.some((m) => m.includes('comparisons between scalars must use BOOL modifier'))).map((o) => o.name),
    ['==', '!=', '>', '<', '>=', '<='],
  );
  const conditions = byRule(
    ops.map((o, i) => alert(i, `up ${o.name} up`, 's')),
    'alerts/condition',
  );
  assert.deepEqual(
    ops.filter((_, i) => !conditions.has(i)).map((o) => o.name),
    ['==', '!=', '>', '<', '>=', '<=', 'and', 'unless'],
  );
});
