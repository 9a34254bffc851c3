import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';

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
