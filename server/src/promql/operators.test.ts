import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPromql } from './index';

/** Every problem of an expression: range, severity, message (and the fixes' edits, if any). */
const problems = (expr: string) => checkPromql(expr).map((p) => [p.from, p.to, p.severity, p.message, ...(p.fixes ? [p.fixes.map((f) => [f.title, f.edits])] : [])]);
const INFO = 'experimental in Prometheus 3, needs --enable-feature=promql-experimental-functions: function "info"';
const FILL = 'experimental in Prometheus 3, needs --enable-feature=promql-binop-fill-modifiers: fill modifiers';

test('function calls: as many arguments as the least and the most a function takes are fine', () => {
  assert.deepEqual(problems('label_join(foo, "dst", ",")'), []);
  assert.deepEqual(problems('round(foo, 1)'), []);
  assert.deepEqual(problems('sum(rate(foo[5m]), 1)'), [[0, 21, 'error', 'wrong number of arguments for aggregate expression provided, expected 1, got 2']]);
});

test('info(): its second argument is label matchers, not a call; one argument is fine; a third is one too many', () => {
  assert.deepEqual(problems('info(foo, rate(bar[5m]))'), [
    [0, 4, 'information', INFO],
    [10, 23, 'error', 'expected label selectors only'],
  ]);
  assert.deepEqual(problems('info(foo)'), [[0, 4, 'information', INFO]]);
  assert.deepEqual(problems('info(foo, {a="b"}, 1)'), [
    [0, 4, 'information', INFO],
    [0, 21, 'error', 'expected at most 2 argument(s) in call to "info", got 3'],
    [19, 20, 'error', 'expected type instant vector in call to function "info", got scalar'],
  ]);
});

test('aggregations: the operator in any case, the parameter and the operand each typed', () => {
  assert.deepEqual(problems('TOPK(foo)'), [[0, 9, 'error', 'wrong number of arguments for aggregate expression provided, expected 2, got 1']]);
  assert.deepEqual(problems('LIMITK(2, foo)'), [[0, 6, 'information', 'experimental in Prometheus 3, needs --enable-feature=promql-experimental-functions: limitk()']]);
  assert.deepEqual(problems('count_values("a", foo)'), []);
  assert.deepEqual(problems('quantile(0.5, foo)'), []);
  assert.deepEqual(problems('quantile(foo, "a")'), [
    [9, 12, 'error', 'expected type scalar in aggregation parameter, got instant vector'],
    [14, 17, 'error', 'expected type instant vector in aggregation expression, got string'],
  ]);
  assert.deepEqual(problems('sum(foo, bar)'), [[0, 13, 'error', 'wrong number of arguments for aggregate expression provided, expected 1, got 2']]);
});

test('binary operators: each operand typed, and the operator with its modifiers as the range', () => {
  const binaryTypes = 'binary expression must contain only scalar and instant vector types';
  assert.deepEqual(problems('1 + "a"'), [[4, 7, 'error', binaryTypes]]);
  assert.deepEqual(problems('"a" + "b"'), [
    [0, 3, 'error', binaryTypes],
    [6, 9, 'error', binaryTypes],
  ]);
  assert.deepEqual(problems('foo[5m] + foo[5m]'), [
    [0, 7, 'error', binaryTypes],
    [10, 17, 'error', binaryTypes],
  ]);
  assert.deepEqual(problems('foo + bool fill(0) bar'), [
    [4, 18, 'error', 'bool modifier can only be used on comparison operators'],
    [11, 18, 'information', FILL],
  ]);
  assert.deepEqual(problems('foo + bool on(a) group_left(a) fill(0) bar'), [
    [4, 38, 'error', 'bool modifier can only be used on comparison operators'],
    [4, 38, 'error', 'label "a" must not occur in ON and GROUP clause at once'],
    [31, 38, 'information', FILL],
  ]);
  assert.deepEqual(problems('foo + on("a") group_left("a") bar'), [[4, 29, 'error', 'label "a" must not occur in ON and GROUP clause at once']]);
  assert.deepEqual(problems('1 < 2'), [[2, 3, 'error', 'comparisons between scalars must use BOOL modifier', [['Use "< bool"', [{ start: 3, end: 3, newText: ' bool' }]]]]]);
  for (const clean of ['1 > bool 2', '1 > foo', 'foo > 1', 'foo < 1 > 2', 'foo and on(a) bar', '1 + on() foo']) assert.deepEqual(problems(clean), [], clean);
});

test('vector matching and fill need two instant vectors; set operators take no grouping, fill or scalar', () => {
  assert.deepEqual(problems('foo + on(a) 1'), [[0, 13, 'error', 'vector matching only allowed between instant vectors']]);
  assert.deepEqual(problems('1 + fill(0) foo'), [
    [0, 15, 'error', 'filling in missing series only allowed between instant vectors'],
    [4, 11, 'information', FILL],
  ]);
  assert.deepEqual(problems('foo and fill(0) bar'), [
    [0, 19, 'error', 'filling in missing series not allowed for set operators'],
    [8, 15, 'information', FILL],
  ]);
  assert.deepEqual(problems('foo or on(a) group_right bar'), [[0, 28, 'error', 'no grouping allowed for "or" operation']]);
  assert.deepEqual(problems('foo unless ignoring(a) group_left(b) bar'), [[0, 40, 'error', 'no grouping allowed for "unless" operation']]);
  assert.deepEqual(problems('foo and 1'), [[0, 9, 'error', 'set operator "and" not allowed in binary scalar expression']]);
  assert.deepEqual(problems('foo AND 1'), [[0, 9, 'error', 'set operator "and" not allowed in binary scalar expression']]);
  assert.deepEqual(problems('1 or foo'), [[0, 8, 'error', 'set operator "or" not allowed in binary scalar expression']]);
});
