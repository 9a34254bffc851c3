import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';
import { WorkspaceIndex } from '../workspace/index';
import { catalogFor } from './catalog';
import { ruleOutputLabels } from './labels';
import { alertRule, check, recordingRule, render } from './testSupport';
import { checkUnknownLabels } from './unknownLabel';
import { parsePromql } from '../promql/parse';

const CODES = ['catalog/unknown-label'];

test('a matcher label the catalog metric does not carry, and a by label the input lost', () => {
  assert.deepEqual(check(recordingRule('sum(rate(http_requests_total{statuss="500", tier="system", foo=""}[5m])) by (service, grpc_code)'), CODES), [
    '4:43-4:50 warning catalog/unknown-label label "statuss" cannot be on these series: http_requests_total, from the k1s0 catalog (observability-design.md: カスタムメトリクス一覧), carries container, endpoint, instance, job, lang, method, namespace, node, path, pod, service, status, tier; did you mean "status"?',
    '  fix Change to status: 4:43-4:50 "status"',
    '4:100-4:109 warning catalog/unknown-label label "grpc_code" cannot be on these series: the input of sum by (...) carries container, endpoint, instance, job, lang, method, namespace, node, path, pod, service, status, tier',
  ]);
});

test("a recording rule's output carries only what its expression keeps", () => {
  assert.deepEqual(check(recordingRule('service:http_errors:rate5m{tier="system"}'), CODES), [
    '4:41-4:45 warning catalog/unknown-label label "tier" cannot be on these series: the recording rule service:http_errors:rate5m (recording_rules.yaml) keeps only service',
  ]);
  assert.deepEqual(check(recordingRule('sum without (tier) (service:http_requests:rate5m)'), CODES), [
    '4:27-4:31 warning catalog/unknown-label label "tier" cannot be on these series: the input of sum without (...) carries service',
  ]);
  assert.deepEqual(check(recordingRule('slo:availability:ratio{namespace="k1s0-system", service="auth-server"}'), CODES), []);
});

test('unknown metrics are open: nothing to say about their labels', () => {
  assert.deepEqual(check(recordingRule('sum by (le) (mysql_x_bucket{a="b"})'), CODES), []);
});

test('static labels of prometheus.yaml and catalog extensions become target labels', () => {
  const extension = 'targetLabels: [cluster]\n';
  assert.deepEqual(check(recordingRule('http_requests_total{cluster="a"}'), CODES, { '.k1s0/catalog.yaml': extension }), []);
});

test("editing a recording rule's expression changes what its output carries, in the files that use it", () => {
  const service = new LanguageService();
  const request = (path: string, text: string) => ({ file: { uri: `file:///ws/${path}`, text }, settings: DEFAULT_SETTINGS, location: { path: `/ws/${path}`, relativePath: path } });
  const rules = (by: string) => `groups:\n  - name: a\n    rules:\n      - record: job:up:sum\n        expr: sum by (${by}) (up)\n`;
  const user = request('b.yaml', alertRule('X', 'job:up:sum{instance="a"} > 0'));
  service.index(request('a.yaml', rules('job')));
  service.index(user);
  const found = () => render(service.validate(user), CODES);
  assert.deepEqual(found(), ['4:25-4:33 warning catalog/unknown-label label "instance" cannot be on these series: the recording rule job:up:sum (a.yaml) keeps only job']);
  service.index(request('a.yaml', rules('job, instance')));
  assert.deepEqual(found(), []);
  service.index(request('a.yaml', rules('job')));
  assert.deepEqual(found().length, 1);
});

test('a remembered answer still reads the rules behind the rule it reads (for WorkspaceIndex.track)', () => {
  const workspace = new WorkspaceIndex();
  const rule = (name: string, expr: string) => ({ name, uri: 'file:///ws/a.yaml', start: 0, end: 1, expr, labels: {} });
  workspace.update('file:///ws/a.yaml', { recordingRules: [rule('job:up:sum', 'sum by (job) (up)'), rule('job:up:outer', 'sum by (job, instance) (job:up:sum)')] });
  const env = { catalog: catalogFor(workspace), workspace };
  for (const round of ['computed', 'remembered']) {
    const { value, stamp } = workspace.track(() => ruleOutputLabels('job:up:outer', env));
    assert.deepEqual([...value.names], ['job'], round);
    assert.ok(stamp.reads.names.has('job:up:sum'), `${round}: the inner rule is read`);
  }
});

const CARRIES = 'container, endpoint, instance, job, lang, method, namespace, node, path, pod, service, status, tier';
const HTTP_REQUESTS = `http_requests_total, from the k1s0 catalog (observability-design.md: カスタムメトリクス一覧), carries ${CARRIES}`;

test('a matcher that matches the empty string asserts absence; one that cannot match it needs the label', () => {
  const expr = 'http_requests_total{__address__="x", foo!="x", bar!="", baz=~".*", qux=~".+", quux!~".+", corge!~".*", grault!=".*"}';
  assert.deepEqual(check(recordingRule(expr), CODES), [
    `4:61-4:64 warning catalog/unknown-label label "bar" cannot be on these series: ${HTTP_REQUESTS}`,
    `4:81-4:84 warning catalog/unknown-label label "qux" cannot be on these series: ${HTTP_REQUESTS}`,
    `4:104-4:109 warning catalog/unknown-label label "corge" cannot be on these series: ${HTTP_REQUESTS}`,
  ]);
});

test('a selector without a metric name, internal (__-prefixed) labels and an aggregation without by/without are not checked', () => {
  assert.deepEqual(check(recordingRule(`'{foo="x"} + sum(http_requests_total) + sum by (__name__, tierr) (http_requests_total)'`), [...CODES, 'internal/check-failed']), [
    `4:72-4:77 warning catalog/unknown-label label "tierr" cannot be on these series: the input of sum by (...) carries ${CARRIES}; did you mean "tier"?`,
    '  fix Change to tier: 4:72-4:77 "tier"',
  ]);
  assert.deepEqual(check(recordingRule('sum by (__foo, foo__) (http_requests_total{__bar="x", bar__="y"})'), CODES), [
    `4:29-4:34 warning catalog/unknown-label label "foo__" cannot be on these series: the input of sum by (...) carries ${CARRIES}`,
    `4:68-4:73 warning catalog/unknown-label label "bar__" cannot be on these series: ${HTTP_REQUESTS}`,
  ]);
});

test('findings come in the order of the text, whatever the order of the tree; __name__ is never suggested', () => {
  assert.deepEqual(check(recordingRule('sum(http_requests_total{barr="1"}) by (tierr) + http_requests_total{_name_="a"}'), CODES), [
    `4:38-4:42 warning catalog/unknown-label label "barr" cannot be on these series: ${HTTP_REQUESTS}`,
    `4:53-4:58 warning catalog/unknown-label label "tierr" cannot be on these series: the input of sum by (...) carries ${CARRIES}; did you mean "tier"?`,
    '  fix Change to tier: 4:53-4:58 "tier"',
    `4:82-4:88 warning catalog/unknown-label label "_name_" cannot be on these series: ${HTTP_REQUESTS}`,
  ]);
  assert.deepEqual(check(recordingRule('count_values("v", http_requests_total) without (_name_)'), CODES), [
    `4:62-4:68 warning catalog/unknown-label label "_name_" cannot be on these series: the input of count_values without (...) carries ${CARRIES}`,
  ]);
});

test('labels that stand in for a Grafana variable are not checked; the others are', () => {
  const workspace = new WorkspaceIndex();
  const expr = 'sum by (tierr, fooo) (http_requests_total{barr="1", bazz="2"})';
  const standIn = (name: string) => (from: number, to: number) => from < expr.indexOf(name) + name.length && to > expr.indexOf(name);
  const run = (isSubstituted?: (from: number, to: number) => boolean) =>
    checkUnknownLabels(expr, parsePromql(expr, workspace.caches), { origin: 'dashboard', workspace, ...(isSubstituted ? { isSubstituted } : {}) }).map((p) => `${p.from}-${p.to} ${p.code}`);
  assert.deepEqual(run(), ['8-13 catalog/unknown-label', '15-19 catalog/unknown-label', '42-46 catalog/unknown-label', '52-56 catalog/unknown-label']);
  const either = (a: string, b: string) => (from: number, to: number) => standIn(a)(from, to) || standIn(b)(from, to);
  assert.deepEqual(run(either('tierr', 'barr')), ['15-19 catalog/unknown-label', '52-56 catalog/unknown-label']);
});
