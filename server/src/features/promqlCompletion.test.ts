import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';
import { EditorFeatures, type CompletionResult } from './editorFeatures';
import { documentationOf } from './promqlCompletion';
import { vocabularyOf } from './vocabulary';

/** Completion at the `|` of a text, in a file at `path` of a workspace that also holds `others`. */
function completeAt(path: string, textWithCaret: string, others: Record<string, string> = {}) {
  const service = new LanguageService();
  for (const [other, text] of Object.entries(others))
    service.index({ file: { uri: `file:///ws/${other}`, text }, settings: DEFAULT_SETTINGS, location: { path: `/ws/${other}`, relativePath: other } });
  const features = new EditorFeatures(service, (uri) => ({ settings: DEFAULT_SETTINGS, location: { path: uri.replace('file://', ''), relativePath: uri.replace('file:///ws/', '') } }));
  const offset = textWithCaret.indexOf('|');
  assert.ok(offset >= 0, 'a caret');
  const text = textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: (before.at(-1) ?? '').length };
  const list = features.completionList({ file: { uri: `file:///ws/${path}`, text }, position });
  const items = [...list.items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  return { items, labels: items.map((i) => i.label), position, service, features, text };
}

const rule = (expr: string) => `groups:\n  - name: g\n    rules:\n      - record: job:x:sum\n        expr: ${expr}\n`;
const blockRule = (expr: string) => `groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: |\n          ${expr}\n`;
const dashboard = (expr: string) => JSON.stringify({ title: 'd', panels: [{ type: 'timeseries', title: 'p', targets: [{ expr: 'EXPR' }] }] }, null, 2).replace('EXPR', expr);

function assertReplacesAtCursor(item: CompletionResult | undefined, position: { line: number; character: number }) {
  assert.ok(item, 'an item');
  assert.deepEqual(item.range, { start: position, end: position }, `${item.label} is inserted at the cursor`);
}

test('completion at the start of an empty expression: rule file, dashboard, .promql', () => {
  for (const [path, text] of [
    ['rules/r.yaml', rule('|')],
    ['dashboards/d.json', dashboard('|')],
    ['q.promql', '|'],
  ] as const) {
    const { items, labels, position } = completeAt(path, text);
    assert.ok(labels.includes('http_requests_total'), `${path}: catalog metrics`);
    assert.ok(labels.includes('sum') && labels.includes('rate'), `${path}: aggregations and functions`);
    assertReplacesAtCursor(items[0], position);
  }
});

test('completion after a binary operator, a comma or an opening parenthesis, wherever PromQL is written', () => {
  for (const [path, text] of [
    ['rules/r.yaml', rule('sum(rate(http_requests_total[5m])) / |')],
    ['rules/block.yaml', blockRule('sum(rate(http_requests_total[5m])) / |')],
    ['dashboards/d.json', dashboard('sum(rate(http_requests_total[5m])) / |')],
    ['q.promql', 'sum(rate(http_requests_total[5m])) / |'],
    ['rules/r.yaml', rule('rate(http_requests_total[5m]) > on (service) |')],
    ['rules/r.yaml', rule('histogram_quantile(0.99, |')],
    ['rules/r.yaml', rule('clamp_max(|')],
  ] as const) {
    const { items, labels, position } = completeAt(path, text);
    assert.ok(labels.includes('http_requests_total'), `${path} ${text}: metrics offered`);
    assertReplacesAtCursor(items[0], position);
  }
  // A word begun after the operator replaces that word only.
  const { items, position } = completeAt('rules/r.yaml', rule('sum(x) / http_req|'));
  assert.equal(items[0]?.label, 'http_requests_total');
  assert.deepEqual(items[0]?.range, { start: { line: position.line, character: position.character - 8 }, end: position });
});

test("labels: the metric's own and the design's first, high-cardinality ones last and marked", () => {
  const braces = completeAt('rules/r.yaml', rule('http_requests_total{|}'));
  assert.deepEqual(braces.labels.slice(0, 3), ['service', 'method', 'status'], "the catalog entry's own labels, in its order");
  assert.deepEqual(braces.labels.slice(3, 6), ['tier', 'lang', 'job'], 'then the target labels the design gives values');
  const high = ['path', 'instance', 'pod'];
  assert.deepEqual(braces.labels.slice(-high.length).sort(), [...high].sort(), 'high-cardinality labels last');
  for (const label of high) assert.match(braces.items.find((i) => i.label === label)?.detail ?? '', /high cardinality/, label);
  assert.doesNotMatch(braces.items.find((i) => i.label === 'service')?.detail ?? '', /high cardinality/);

  const grouping = completeAt('rules/r.yaml', rule('sum by (|) (rate(http_requests_total[5m]))'));
  assert.equal(grouping.labels[0], 'service');
  assert.ok(grouping.labels.indexOf('tier') < grouping.labels.indexOf('path'));
  assert.ok(grouping.labels.indexOf('job') < grouping.labels.indexOf('pod'));

  const vocabulary = vocabularyOf(new LanguageService().workspace);
  assert.match(documentationOf({ kind: 'label', name: 'path' }, vocabulary) ?? '', /^High cardinality: HTTP request path/);
});

test('function arguments ranked by what they need: _bucket series for histogram_quantile, counters for rate', () => {
  const quantile = completeAt('rules/r.yaml', rule('histogram_quantile(0.99, |'));
  assert.match(quantile.labels[0] ?? '', /_bucket$/);
  const buckets = quantile.labels.filter((l) => l.endsWith('_bucket'));
  assert.deepEqual(quantile.labels.slice(0, buckets.length), buckets, 'every _bucket series before anything else');
  // Inside it, what is rated is the buckets too.
  const inner = completeAt('rules/r.yaml', rule('histogram_quantile(0.99, sum by (le) (rate(|'));
  assert.match(inner.labels[0] ?? '', /_bucket$/);

  const rate = completeAt('rules/r.yaml', rule('rate(|'));
  const firstGauge = rate.labels.findIndex((l) => /^(process_resident_memory_bytes|go_goroutines|.*_in_flight.*|up)$/.test(l));
  const counters = rate.labels.map((l, i) => (/_total$/.test(l) && rate.items.find((item) => item.label === l)?.detail?.startsWith('counter') ? i : -1));
  const lastCounter = Math.max(...counters);
  assert.ok(lastCounter >= 0);
  if (firstGauge >= 0) assert.ok(lastCounter < firstGauge, 'counters before gauges in rate(');
  assert.ok(
    rate.items.slice(0, 5).every((i) => /^counter|histogram/.test(i.detail ?? '')),
    rate.labels.slice(0, 5).join(' '),
  );
});

test("the workspace's recording rules rank near the top: after the catalog's metrics, before the exporters'", () => {
  const rules = 'groups:\n  - name: g\n    rules:\n      - record: service:http_requests:rate5m\n        expr: sum by (service) (rate(http_requests_total[5m]))\n';
  const { items } = completeAt('q.promql', '|', { 'rules/recording.yaml': rules });
  const kinds = items
    .filter((i) => i.kind === 'metric' || i.kind === 'recording-rule')
    .map((i) => (i.kind === 'recording-rule' ? 'rule' : /k1s0 catalog/.test(i.detail ?? '') ? 'catalog' : 'exporter'));
  assert.deepEqual([...new Set(kinds)], ['catalog', 'rule', 'exporter']);
});

test("Grafana's interval variables only in dashboards", () => {
  const inRule = completeAt('rules/r.yaml', rule('rate(http_requests_total[|'));
  assert.ok(!inRule.labels.some((l) => l.startsWith('$')), inRule.labels.join(' '));
  assert.equal(inRule.labels[0], '1m');
  const inPromql = completeAt('q.promql', 'rate(http_requests_total[|');
  assert.ok(!inPromql.labels.some((l) => l.startsWith('$')));
  const inDashboard = completeAt('dashboards/d.json', dashboard('rate(http_requests_total[|'));
  assert.ok(inDashboard.labels.includes('$__rate_interval'));
  assert.ok(inDashboard.labels.indexOf('5m') < inDashboard.labels.indexOf('$__rate_interval'));
});

test('signature help where the cursor is after a blank of a plain YAML value', () => {
  const { features, text, position } = completeAt('rules/r.yaml', rule('histogram_quantile(0.99, |'));
  const signature = features.signatureHelp({ file: { uri: 'file:///ws/rules/r.yaml', text }, position });
  assert.equal(signature?.activeParameter, 1);
  assert.match(signature?.label ?? '', /^histogram_quantile\(/);
});
