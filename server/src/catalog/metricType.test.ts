import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, diagnose, recordingRule } from './testSupport';
import { checkMetricTypes } from './metricType';
import { parsePromql } from '../promql/parse';
import { WorkspaceIndex } from '../workspace/index';

const CODES = ['catalog/metric-type'];
const CATALOG = 'the k1s0 catalog (observability-design.md: カスタムメトリクス一覧)';

test('rate() over a gauge: an exporter gauge, and a recording rule that already is a rate', () => {
  assert.deepEqual(check(recordingRule('rate(container_memory_working_set_bytes[5m])'), CODES), [
    "4:19-4:53 warning catalog/metric-type rate() is for counters, but container_memory_working_set_bytes (from the cAdvisor exporter) is a gauge: use deriv() or delta() for a gauge's change, avg_over_time() for its level",
  ]);
  assert.deepEqual(check(recordingRule('rate(service:http_requests:rate5m[5m])'), CODES), [
    "4:19-4:47 warning catalog/metric-type rate() is for counters, but recording rule service:http_requests:rate5m (recording_rules.yaml) is a gauge: use deriv() or delta() for a gauge's change, avg_over_time() for its level",
  ]);
});

test('_over_time averages of a counter', () => {
  assert.deepEqual(check(recordingRule('avg_over_time(http_requests_total[5m])'), CODES), [
    `4:28-4:47 warning catalog/metric-type avg_over_time() of a counter is meaningless (http_requests_total (from ${CATALOG}) only grows and resets on restart): take rate() or increase() of it`,
  ]);
  assert.deepEqual(check(recordingRule('max_over_time(http_requests_total[5m]) + avg_over_time(up[5m])'), CODES), []);
});

test('histogram_quantile: le aggregated away (fix adds it), or a series that is not a bucket', () => {
  assert.deepEqual(check(recordingRule('histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (service))'), CODES), [
    '4:39-4:103 warning catalog/metric-type histogram_quantile() needs the le label, but its input drops it (by (service)): keep le in the aggregation',
    '  fix Keep le in by (...): 4:102-4:102 ", le"',
  ]);
  assert.deepEqual(check(recordingRule('histogram_quantile(0.99, rate(http_requests_total[5m]))'), CODES), [
    `4:44-4:63 warning catalog/metric-type histogram_quantile() needs the _bucket series of a histogram, but http_requests_total (from ${CATALOG}) is a counter`,
  ]);
  assert.deepEqual(check(recordingRule('histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))'), CODES), []);
});

test("a classic histogram's base name has no series: three fixes", () => {
  assert.deepEqual(check(recordingRule('rate(http_request_duration_seconds[5m])'), CODES), [
    `4:19-4:48 warning catalog/metric-type http_request_duration_seconds is a histogram (from ${CATALOG}) with no series of its own: select http_request_duration_seconds_bucket (with le), http_request_duration_seconds_sum or http_request_duration_seconds_count`,
    '  fix Change to http_request_duration_seconds_bucket: 4:48-4:48 "_bucket"',
    '  fix Change to http_request_duration_seconds_sum: 4:48-4:48 "_sum"',
    '  fix Change to http_request_duration_seconds_count: 4:48-4:48 "_count"',
  ]);
});

test('catalog/metric-type: keeping le in an empty by () inserts le alone, never "by (, le)"', () => {
  assert.deepEqual(check(recordingRule('histogram_quantile(0.9, sum by () (rate(http_request_duration_seconds_bucket[5m])))'), ['catalog/metric-type']), [
    '4:38-4:96 warning catalog/metric-type histogram_quantile() needs the le label, but its input drops it (by ()): keep le in the aggregation',
    '  fix Keep le in by (...): 4:46-4:46 "le"',
  ]);
});

const CHAINS = `groups:
  - name: extra
    rules:
      - record: job:req:sum
        expr: sum by (job) (http_requests_total)
      - record: job:req:paren
        expr: (sum by (job) ((http_requests_total)))
      - record: job:req:avg
        expr: avg by (job) (http_requests_total)
      - record: job:req:nested
        expr: sum(job:req:sum)
      - record: job:num
        expr: "1"
      - record: job:unknown
        expr: sum(mysql_x_total)
      - record: job:mem
        expr: container_memory_working_set_bytes
      - record: loop:a
        expr: sum(loop:b)
      - record: loop:b
        expr: sum(loop:a)
`;
const inChains = (expr: string) => check(recordingRule(`'${expr}'`), [...CODES, 'internal/check-failed'], { 'extra.yaml': CHAINS });
const counterFn = (fn: string, series: string) => `warning catalog/metric-type ${fn}() of a counter is meaningless (${series} only grows and resets on restart): take rate() or increase() of it`;
const gaugeFn = (fn: string, series: string) =>
  `warning catalog/metric-type ${fn}() is for counters, but ${series} is a gauge: use deriv() or delta() for a gauge's change, avg_over_time() for its level`;

test("a recording rule's kind follows its expression: sum and parentheses keep a counter, avg makes a gauge, rules of rules are followed", () => {
  assert.deepEqual(inChains('rate(job:req:sum[5m]) + rate(job:req:paren[5m]) + rate(job:req:nested[5m])'), []);
  assert.deepEqual(inChains('avg_over_time(job:req:sum[5m])'), [`4:29-4:40 ${counterFn('avg_over_time', 'recording rule job:req:sum (extra.yaml)')}`]);
  assert.deepEqual(inChains('avg_over_time(job:req:paren[5m])'), [`4:29-4:42 ${counterFn('avg_over_time', 'recording rule job:req:paren (extra.yaml)')}`]);
  assert.deepEqual(inChains('avg_over_time(job:req:nested[5m])'), [`4:29-4:43 ${counterFn('avg_over_time', 'recording rule job:req:nested (extra.yaml)')}`]);
  assert.deepEqual(inChains('rate(job:req:avg[5m])'), [`4:20-4:31 ${gaugeFn('rate', 'recording rule job:req:avg (extra.yaml)')}`]);
  assert.deepEqual(inChains('rate(job:mem[5m])'), [`4:20-4:27 ${gaugeFn('rate', 'recording rule job:mem (extra.yaml)')}`]);
});

test('a recording rule of a number, of an unknown metric, or in a loop has no known kind', () => {
  for (const metric of ['job:num', 'job:unknown', 'loop:a']) {
    assert.deepEqual(inChains(`rate(${metric}[5m]) + avg_over_time(${metric}[5m])`), [], metric);
  }
});

test('the range argument is found wherever the function takes it, through offset and @; subqueries are not judged', () => {
  assert.deepEqual(inChains('quantile_over_time(0.9, http_requests_total[5m])'), [`4:39-4:58 ${counterFn('quantile_over_time', `http_requests_total (from ${CATALOG})`)}`]);
  assert.deepEqual(inChains('predict_linear(http_requests_total[5m], 3)'), [`4:30-4:49 ${counterFn('predict_linear', `http_requests_total (from ${CATALOG})`)}`]);
  assert.deepEqual(inChains('resets(container_memory_working_set_bytes[5m] offset 1h)'), [`4:22-4:56 ${gaugeFn('resets', 'container_memory_working_set_bytes (from the cAdvisor exporter)')}`]);
  assert.deepEqual(inChains('deriv(http_requests_total[5m] @ end())'), [`4:21-4:40 ${counterFn('deriv', `http_requests_total (from ${CATALOG})`)}`]);
  assert.deepEqual(inChains('rate({__name__="container_memory_working_set_bytes"}[5m])'), [`4:30-4:66 ${gaugeFn('rate', 'container_memory_working_set_bytes (from the cAdvisor exporter)')}`]);
  assert.deepEqual(inChains('rate(container_memory_working_set_bytes[5m:1m]) + rate(mysql_x[5m]) + abs(container_memory_working_set_bytes)'), []);
});

test('histogram_quantile: sum and count series are named; the first selector that is no bucket is reported, unknown ones skipped', () => {
  const notBucket = (series: string, what: string) => `warning catalog/metric-type histogram_quantile() needs the _bucket series of a histogram, but ${series} is a ${what}`;
  assert.deepEqual(inChains('histogram_quantile(0.9, rate(http_request_duration_seconds_sum[5m]))'), [
    `4:44-4:77 ${notBucket(`http_request_duration_seconds_sum (from ${CATALOG})`, 'histogram sum series')}`,
  ]);
  assert.deepEqual(inChains('histogram_quantile(0.9, rate(http_request_duration_seconds_count[5m]))'), [
    `4:44-4:79 ${notBucket(`http_request_duration_seconds_count (from ${CATALOG})`, 'histogram count series')}`,
  ]);
  assert.deepEqual(inChains('histogram_quantile(0.9, rate(http_requests_total[5m]) + rate(container_memory_working_set_bytes[5m]))'), [
    `4:44-4:63 ${notBucket(`http_requests_total (from ${CATALOG})`, 'counter')}`,
    `4:76-4:110 ${gaugeFn('rate', 'container_memory_working_set_bytes (from the cAdvisor exporter)')}`,
  ]);
  assert.deepEqual(inChains('histogram_quantile(0.9, rate(mysql_x[5m]) + rate(container_memory_working_set_bytes[5m]))'), [
    `4:64-4:98 ${gaugeFn('rate', 'container_memory_working_set_bytes (from the cAdvisor exporter)')}`,
    `4:64-4:98 ${notBucket('container_memory_working_set_bytes (from the cAdvisor exporter)', 'gauge')}`,
  ]);
  assert.deepEqual(inChains('histogram_quantile(0.9, rate(mysql_x_bucket[5m]))'), []);
});

test('histogram_quantile: le dropped without a by (...) to fix, by (...) inside parentheses fixed', () => {
  const drops = (modifier: string) => `warning catalog/metric-type histogram_quantile() needs the le label, but its input drops it${modifier}: keep le in the aggregation`;
  assert.deepEqual(inChains('histogram_quantile(0.9, sum(rate(http_request_duration_seconds_bucket[5m])))'), [`4:39-4:90 ${drops('')}`]);
  assert.deepEqual(inChains('histogram_quantile(0.9, sum without (le) (rate(http_request_duration_seconds_bucket[5m])))'), [`4:39-4:104 ${drops(' (without (le))')}`]);
  assert.deepEqual(inChains('histogram_quantile(0.9, (sum by (service) (rate(http_request_duration_seconds_bucket[5m]))))'), [
    `4:39-4:106 ${drops(' (by (service))')}`,
    '  fix Keep le in by (...): 4:55-4:55 ", le"',
  ]);
  assert.deepEqual(inChains('histogram_quantile(0.9, job:req:sum)'), [`4:39-4:50 ${drops('')}`]);
});

test('metric names that stand in for a Grafana variable are not judged', () => {
  const workspace = new WorkspaceIndex();
  const expr = 'rate(container_memory_working_set_bytes[5m]) + histogram_quantile(0.9, rate(http_requests_total[5m]) or rate(mysql_x[5m])) + http_request_duration_seconds_count';
  const run = (standIn: string | undefined) =>
    checkMetricTypes(expr, parsePromql(expr, workspace.caches), {
      origin: 'dashboard',
      workspace,
      isSubstituted: (from, to) => standIn !== undefined && from < expr.indexOf(standIn) + standIn.length && to > expr.indexOf(standIn),
    }).map((p) => `${p.from}-${p.to} ${p.code}`);
  assert.deepEqual(run(undefined), ['5-39 catalog/metric-type', '76-95 catalog/metric-type']);
  assert.deepEqual(run('container_memory'), ['76-95 catalog/metric-type']);
  assert.deepEqual(run('http_requests_total'), ['5-39 catalog/metric-type']);
  const base = 'http_request_duration_seconds + up';
  const runBase = (substituted: boolean) =>
    checkMetricTypes(base, parsePromql(base, workspace.caches), { origin: 'dashboard', workspace, isSubstituted: (from) => substituted && from === 0 }).map((p) => `${p.from}-${p.to} ${p.code}`);
  assert.deepEqual(runBase(false), ['0-29 catalog/metric-type']);
  assert.deepEqual(runBase(true), []);
});

test('findings come in the order of the text: a base name inside an aggregation comes after the le finding on the aggregation', () => {
  assert.deepEqual(inChains('histogram_quantile(0.9, sum by (service) (http_request_duration_seconds))'), [
    '4:39-4:87 warning catalog/metric-type histogram_quantile() needs the le label, but its input drops it (by (service)): keep le in the aggregation',
    '  fix Keep le in by (...): 4:54-4:54 ", le"',
    `4:57-4:86 warning catalog/metric-type http_request_duration_seconds is a histogram (from ${CATALOG}) with no series of its own: select http_request_duration_seconds_bucket (with le), http_request_duration_seconds_sum or http_request_duration_seconds_count`,
    '  fix Change to http_request_duration_seconds_bucket: 4:86-4:86 "_bucket"',
    '  fix Change to http_request_duration_seconds_sum: 4:86-4:86 "_sum"',
    '  fix Change to http_request_duration_seconds_count: 4:86-4:86 "_count"',
  ]);
});

test('histogram_quantile: a base name is reported once as such (not as no bucket), metrics of unknown kind and recording rules are not judged as buckets', () => {
  const drops = '4:39-4:48 warning catalog/metric-type histogram_quantile() needs the le label, but its input drops it: keep le in the aggregation';
  assert.deepEqual(inChains('histogram_quantile(0.9, http_request_duration_seconds)'), [
    `4:39-4:68 warning catalog/metric-type http_request_duration_seconds is a histogram (from ${CATALOG}) with no series of its own: select http_request_duration_seconds_bucket (with le), http_request_duration_seconds_sum or http_request_duration_seconds_count`,
    '  fix Change to http_request_duration_seconds_bucket: 4:68-4:68 "_bucket"',
    '  fix Change to http_request_duration_seconds_sum: 4:68-4:68 "_sum"',
    '  fix Change to http_request_duration_seconds_count: 4:68-4:68 "_count"',
    '4:39-4:68 warning catalog/metric-type histogram_quantile() needs the le label, but its input drops it: keep le in the aggregation',
  ]);
  const extension = { '.k1s0/catalog.yaml': 'metrics:\n  - name: app_thing\n    type: unknown\n    labels: [service]\n' };
  assert.deepEqual(check(recordingRule("'histogram_quantile(0.9, app_thing)'"), CODES, extension), [drops]);
  assert.deepEqual(inChains('histogram_quantile(0.9, service:http_requests:rate5m)'), [
    '4:39-4:67 warning catalog/metric-type histogram_quantile() needs the le label, but its input drops it: keep le in the aggregation',
  ]);
});

test('keeping le is the preferred fix', () => {
  const found = diagnose('t.yaml', { 't.yaml': recordingRule('histogram_quantile(0.9, sum by (service) (rate(http_request_duration_seconds_bucket[5m])))') }).filter(
    (d) => d.code === 'catalog/metric-type',
  );
  assert.deepEqual(
    found.map((d) => d.fixes?.map((f) => [f.title, f.preferred])),
    [[['Keep le in by (...)', true]]],
  );
});

test('a recording rule of a function or of arithmetic is a gauge', () => {
  const rules = 'groups:\n  - name: g\n    rules:\n      - record: job:fn\n        expr: abs(http_requests_total)\n      - record: job:arith\n        expr: http_requests_total * 2\n';
  assert.deepEqual(check(recordingRule("'rate(job:fn[5m]) + rate(job:arith[5m])'"), CODES, { 'more.yaml': rules }), [
    `4:20-4:26 ${gaugeFn('rate', 'recording rule job:fn (more.yaml)')}`,
    `4:39-4:48 ${gaugeFn('rate', 'recording rule job:arith (more.yaml)')}`,
  ]);
});

test('recording rules are followed nine deep, no deeper', () => {
  const chain = (length: number) =>
    `groups:\n  - name: g\n    rules:\n${Array.from({ length }, (_, i) => `      - record: c:${i}\n        expr: sum(${i === length - 1 ? 'http_requests_total' : `c:${i + 1}`})\n`).join('')}`;
  assert.deepEqual(check(recordingRule("'avg_over_time(c:0[5m])'"), CODES, { 'chain.yaml': chain(9) }), [`4:29-4:32 ${counterFn('avg_over_time', 'recording rule c:0 (chain.yaml)')}`]);
  assert.deepEqual(check(recordingRule("'avg_over_time(c:0[5m])'"), CODES, { 'chain.yaml': chain(10) }), []);
});
