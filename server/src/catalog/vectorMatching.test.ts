import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';
import { WorkspaceIndex } from '../workspace/index';
import { parsePromql } from '../promql/parse';
import { checkVectorMatching } from './vectorMatching';
import { check as checkRule, recordingRule } from './testSupport';

const FIXTURE = join(__dirname, 'fixtures', 'vector-matching.yaml');

function check(text: string, path = '/ws/rules.yaml') {
  const service = new LanguageService();
  const request = { file: { uri: `file://${path}`, text }, settings: DEFAULT_SETTINGS, location: { path } };
  service.index(request);
  return service.validate(request).filter((d) => d.code === 'promql/vector-matching');
}

test('promql/vector-matching: sides that never match, on/ignoring/group_left labels no side can carry', () => {
  const found = check(readFileSync(FIXTURE, 'utf8'));
  assert.deepEqual(
    found.map((d) => [d.range.start.line, d.severity, d.message]),
    [
      [4, 'warning', 'the sides of "/" can never match on all their labels: the left carries service, status, the right service; every series differs on status, so the result is always empty'],
      [6, 'warning', 'on (tenant): neither side can carry "tenant" (left: service; right: service), so it is empty on every series and matches everything'],
      [8, 'hint', 'ignoring (tenant) changes nothing: neither side can carry "tenant" (left: service; right: service)'],
      [10, 'warning', 'group_left (method): the "one" side (right: service) cannot carry "method", so nothing is copied'],
      [14, 'warning', 'the sides of "/" can never match on all their labels: the left carries service, the right no labels; every series differs on service, so the result is always empty'],
    ],
  );
  const fixes = found[0]?.fixes ?? [];
  assert.deepEqual(
    fixes.map((f) => [f.title, f.edits[0]?.newText]),
    [
      ['Match on (service) group_left', ' on (service) group_left'],
      ['Match ignoring (status) group_left', ' ignoring (status) group_left'],
    ],
  );
});

test("promql/vector-matching: the design's error-budget rule divides {namespace, service} by a label_replace(vector(...)) without labels", () => {
  const path = join(__dirname, '../../../examples/infra/docker/prometheus/recording_rules.yaml');
  const found = check(readFileSync(path, 'utf8'), path);
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /the left carries namespace, service, the right no labels/);
  assert.deepEqual(
    found[0]?.fixes?.map((f) => f.title),
    ['Match on () group_left', 'Match ignoring (namespace, service) group_left'],
  );
});

test('promql/vector-matching: silent where a side is unknown or the matching is right', () => {
  const rules = (expr: string) => `groups:\n  - name: g\n    rules:\n      - record: job:x:y\n        expr: '${expr}'\n`;
  for (const expr of [
    'sum by (service) (rate(http_requests_total[5m])) / sum by (service) (rate(http_requests_total[5m]))',
    'rate(some_unknown_metric[5m]) / sum by (service) (rate(http_requests_total[5m]))',
    'sum by (service, status) (rate(http_requests_total[5m])) / ignoring (status) group_left sum by (service) (rate(http_requests_total[5m]))',
    'sum by (service) (rate(http_requests_total[5m])) > 0.5',
    'sum by (service) (rate(http_requests_total[5m])) and on () vector(1)',
  ]) {
    assert.deepEqual(
      check(rules(expr)).map((d) => d.message),
      [],
      expr,
    );
  }
});

const VM = ['promql/vector-matching', 'internal/check-failed'];
const inRule = (expr: string) => checkRule(recordingRule(`'${expr}'`), VM);
const BY_SERVICE_STATUS = 'sum by (service, status) (rate(http_requests_total[5m]))';
const BY_SERVICE = 'sum by (service) (rate(http_requests_total[5m]))';
const BY_SERVICE_METHOD = 'sum by (service, method) (rate(http_requests_total[5m]))';
const never = (op: string, how: string, left: string, right: string, differ: string) =>
  `warning promql/vector-matching the sides of "${op}" can never match ${how}: the left carries ${left}, the right ${right}; every series differs on ${differ}, so the result is always empty`;

test('promql/vector-matching: the side with more labels is grouped (left or right); extras on both sides are not', () => {
  assert.deepEqual(inRule(`${BY_SERVICE} / ${BY_SERVICE_STATUS}`), [
    `4:15-4:122 ${never('/', 'on all their labels', 'service', 'service, status', 'status')}`,
    '  fix Match on (service) group_right: 4:65-4:65 " on (service) group_right"',
    '  fix Match ignoring (status) group_right: 4:65-4:65 " ignoring (status) group_right"',
  ]);
  assert.deepEqual(inRule(`${BY_SERVICE_STATUS} / ${BY_SERVICE_METHOD}`), [
    `4:15-4:130 ${never('/', 'on all their labels', 'service, status', 'method, service', 'status, method')}`,
    '  fix Match on (service): 4:73-4:73 " on (service)"',
    '  fix Match ignoring (status, method): 4:73-4:73 " ignoring (status, method)"',
  ]);
});

test('promql/vector-matching: the fix goes after bool, keeps a space before the right-hand side, and replaces an existing clause', () => {
  assert.deepEqual(inRule(`${BY_SERVICE_STATUS} > bool ${BY_SERVICE}`), [
    `4:15-4:127 ${never('>', 'on all their labels', 'service, status', 'service', 'status')}`,
    '  fix Match on (service) group_left: 4:78-4:78 " on (service) group_left"',
    '  fix Match ignoring (status) group_left: 4:78-4:78 " ignoring (status) group_left"',
  ]);
  assert.deepEqual(inRule(`${BY_SERVICE_STATUS} /${BY_SERVICE}`), [
    `4:15-4:121 ${never('/', 'on all their labels', 'service, status', 'service', 'status')}`,
    '  fix Match on (service) group_left: 4:73-4:73 " on (service) group_left "',
    '  fix Match ignoring (status) group_left: 4:73-4:73 " ignoring (status) group_left "',
  ]);
  assert.deepEqual(inRule(`${BY_SERVICE_STATUS} > bool on (service, status) ${BY_SERVICE}`), [
    `4:15-4:148 ${never('>', 'with on (service, status)', 'service, status', 'service', 'status')}`,
    '  fix Match on (service) group_left: 4:79-4:99 "on (service) group_left"',
    '  fix Match ignoring (status) group_left: 4:79-4:99 "ignoring (status) group_left"',
  ]);
});

test('promql/vector-matching: ignoring a label no side has is a hint whose fix removes it with its comma', () => {
  assert.deepEqual(inRule(`${BY_SERVICE_STATUS} / ignoring (method) ${BY_SERVICE}`), [
    `4:15-4:140 ${never('/', 'with ignoring (method)', 'service, status', 'service', 'status')}`,
    '  fix Match on (service) group_left: 4:74-4:91 "on (service) group_left"',
    '  fix Match ignoring (status) group_left: 4:74-4:91 "ignoring (status) group_left"',
    '4:84-4:90 hint promql/vector-matching ignoring (method) changes nothing: neither side can carry "method" (left: service, status; right: service)',
    '  fix Remove method: 4:84-4:90 ""',
  ]);
  const nothing = (label: string) => `hint promql/vector-matching ignoring (${label}) changes nothing: neither side can carry "${label}" (left: service; right: service)`;
  assert.deepEqual(inRule(`${BY_SERVICE} / ignoring (method, tenant) ${BY_SERVICE}`), [
    `4:76-4:82 ${nothing('method')}`,
    '  fix Remove method: 4:76-4:84 ""',
    `4:84-4:90 ${nothing('tenant')}`,
    '  fix Remove tenant: 4:82-4:90 ""',
  ]);
  assert.deepEqual(inRule(`${BY_SERVICE} / ignoring (tenant , method) ${BY_SERVICE}`), [
    `4:76-4:82 ${nothing('tenant')}`,
    '  fix Remove tenant: 4:76-4:85 ""',
    `4:85-4:91 ${nothing('method')}`,
    '  fix Remove method: 4:82-4:91 ""',
  ]);
});

test('promql/vector-matching: set operators are only checked for their on/ignoring labels; group_right copies from the left', () => {
  assert.deepEqual(inRule(`${BY_SERVICE_STATUS} and ${BY_SERVICE_METHOD}`), []);
  assert.deepEqual(inRule(`${BY_SERVICE_STATUS} or on (tenant) ${BY_SERVICE_METHOD}`), [
    '4:79-4:85 warning promql/vector-matching on (tenant): neither side can carry "tenant" (left: service, status; right: method, service), so it is empty on every series and matches everything',
  ]);
  assert.deepEqual(inRule(`${BY_SERVICE_STATUS} unless ignoring (tenant) ${BY_SERVICE}`), [
    '4:89-4:95 hint promql/vector-matching ignoring (tenant) changes nothing: neither side can carry "tenant" (left: service, status; right: service)',
    '  fix Remove tenant: 4:89-4:95 ""',
  ]);
  assert.deepEqual(inRule(`${BY_SERVICE_STATUS} / on (service) group_right (status) ${BY_SERVICE}`), []);
  assert.deepEqual(inRule(`${BY_SERVICE} / on (service) group_right (method) ${BY_SERVICE_STATUS}`), [
    '4:92-4:98 warning promql/vector-matching group_right (method): the "one" side (left: service) cannot carry "method", so nothing is copied',
  ]);
  assert.deepEqual(inRule(`${BY_SERVICE} / on (service, tenant) group_left ${BY_SERVICE}`), [
    '4:79-4:85 warning promql/vector-matching on (tenant): neither side can carry "tenant" (left: service; right: service), so it is empty on every series and matches everything',
  ]);
});

test('promql/vector-matching: scalars, label prefixes (label_*) and Grafana stand-ins are not checked', () => {
  assert.deepEqual(inRule(`${BY_SERVICE_STATUS} / 2 + kube_pod_labels / kube_pod_info`), []);
  const workspace = new WorkspaceIndex();
  const expr = `${BY_SERVICE_STATUS} / ${BY_SERVICE}`;
  const run = (isSubstituted: (from: number, to: number) => boolean) =>
    checkVectorMatching(expr, parsePromql(expr, workspace.caches), { origin: 'dashboard', workspace, isSubstituted }).map((p) => `${p.from}-${p.to} ${p.code}`);
  assert.deepEqual(
    run(() => false),
    ['0-107 promql/vector-matching'],
  );
  assert.deepEqual(
    run((from, to) => from <= 9 && to > 9),
    [],
  );
});
