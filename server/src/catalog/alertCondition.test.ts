import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertRule, check } from './testSupport';

const CODES = ['alerts/condition', 'internal/check-failed'];
const fires = (range: string, expr: string) =>
  `${range} warning alerts/condition alert A has no comparison or filter: it fires for every series "${expr}" returns, all the time; compare it with a threshold (e.g. > 0)`;
const found = (expr: string) => check(alertRule('A', expr), CODES);

test('alerts/condition: arithmetic, functions, aggregations and modifiers of an unfiltered vector always fire', () => {
  for (const expr of [
    'up + 1',
    'sum(up)',
    'abs(up)',
    'label_replace(up, "a", "b", "c", "d")',
    'clamp_min(up, 0)',
    'up offset 1h',
    '-up',
    'up @ 100',
    'up or up > 0',
    'up > 0 or up',
    'rate(up[5m])',
    'max_over_time(up[5m:1m])',
    'time()',
    'scalar(up)',
  ]) {
    assert.deepEqual(found(expr), [fires(`4:14-4:${14 + expr.length}`, expr)], expr);
  }
});

test('alerts/condition: a filter anywhere inside, a selecting aggregation, set filters and constants are conditions', () => {
  for (const expr of [
    '1',
    '1 + 1',
    '(up == 0) + 1',
    'topk(3, up)',
    'sum(up == 0)',
    'abs(up == 0)',
    '-(up == 0)',
    '(up == 0) @ 100',
    'up > 0 or up < 1',
    'up unless up',
    'up{state=~".*x"}',
    'up{state!~".*"}',
  ]) {
    assert.deepEqual(found(expr), [], expr);
  }
});

test('alerts/condition: target labels and match-anything regexes do not filter', () => {
  for (const expr of ['up{job=~".*"}', 'up{state=~".+"}', 'up{state=~".*"}', 'up{instance="a"}']) {
    assert.deepEqual(found(expr), [fires(`4:14-4:${14 + expr.length}`, expr)], expr);
  }
});

test('alerts/condition: the range is the expression without its surrounding blanks, the message folds its whitespace', () => {
  assert.deepEqual(found('"  up   +\\n  1  "'), [fires('4:17-4:28', 'up + 1')]);
  const long = `up + ${Array.from({ length: 40 }, (_, i) => i + 1).join(' + ')}`;
  assert.deepEqual(found(long), [fires(`4:14-4:${14 + long.length}`, long.slice(0, 80))]);
});

test('alerts/condition and alerts/labels: recording rules are not alerts', () => {
  assert.deepEqual(check('groups:\n  - name: t\n    rules:\n      - record: a:b:c\n        expr: up\n', [...CODES, 'alerts/labels']), []);
});
