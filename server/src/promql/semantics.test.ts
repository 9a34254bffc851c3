import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPromql } from './index';
import { assertClean, assertOnly } from './testHelpers';

test('function arguments: count and types', () => {
  assertOnly('rate(foo)', { from: 5, to: 8, message: 'expected type range vector in call to function "rate", got instant vector' });
  assertOnly('abs(1)', { from: 4, to: 5, message: 'expected type instant vector in call to function "abs", got scalar' });
  assertOnly('time(1)', { from: 0, to: 7, message: 'expected 0 argument(s) in call to "time", got 1' });
  assertOnly('round(foo, 1, 2)', { from: 0, to: 16, message: 'expected at most 2 argument(s) in call to "round", got 3' });
  assertOnly('label_join(foo, "dst")', { from: 0, to: 22, message: 'expected at least 3 argument(s) in call to "label_join", got 2' });
  assertOnly('label_join(foo, "dst", ",", 1)', { from: 28, to: 29, message: 'expected type string in call to function "label_join", got scalar' });
  assertClean('label_join(foo, "dst", ",", "a", "b", "c")');
  assertClean('round(foo)');
  assertClean('day_of_week()');
  assertClean('histogram_quantile(0.9, sum by (le) (rate(foo_bucket[5m])))');
});

test('experimental functions are information notes, not errors', () => {
  assertOnly('sort_by_label(foo, "a")', {
    from: 0,
    to: 13,
    severity: 'information',
    message: 'experimental in Prometheus 3, needs --enable-feature=promql-experimental-functions: function "sort_by_label"',
  });
  assertOnly('limitk(2, foo)', {
    from: 0,
    to: 6,
    severity: 'information',
    message: 'experimental in Prometheus 3, needs --enable-feature=promql-experimental-functions: limitk()',
  });
  assertOnly('start_timestamp(foo)', {
    from: 0,
    to: 15,
    severity: 'information',
    message: 'experimental in Prometheus 3, needs --enable-feature=use-start-timestamps: function "start_timestamp"',
  });
});

test('experimental syntax is an information note too', () => {
  assertOnly('foo[5m + 1m]', {
    from: 4,
    to: 11,
    severity: 'information',
    message: 'experimental in Prometheus 3, needs --enable-feature=promql-duration-expr: duration expressions',
  });
  assertOnly('foo + fill(0) bar', {
    from: 6,
    to: 13,
    severity: 'information',
    message: 'experimental in Prometheus 3, needs --enable-feature=promql-binop-fill-modifiers: fill modifiers',
  });
});

test('info() takes label matchers as its second argument', () => {
  const errors = (e: string) => checkPromql(e).filter((p) => p.severity === 'error');
  assert.deepEqual(errors('info(foo, {k8s_cluster_name=~".+"})'), []);
  assert.deepEqual(errors('info(foo, {a=""})'), []); // the empty-matcher rule does not apply there
  assert.deepEqual(
    errors('info(foo, bar)').map((p) => [p.from, p.to, p.message]),
    [[10, 13, 'expected label selectors only, got vector selector instead']],
  );
});

test('aggregations', () => {
  assertOnly('topk(foo, bar)', { from: 5, to: 8, message: 'expected type scalar in aggregation parameter, got instant vector' });
  assertOnly('count_values(1, foo)', { from: 13, to: 14, message: 'expected type string in aggregation parameter, got scalar' });
  assertOnly('sum(1)', { from: 4, to: 5, message: 'expected type instant vector in aggregation expression, got scalar' });
  assertOnly('sum()', { from: 0, to: 5, message: 'no arguments for aggregate expression provided' });
  assertOnly('topk(foo)', { from: 0, to: 9, message: 'wrong number of arguments for aggregate expression provided, expected 2, got 1' });
  assertClean('sum without (a) (foo)');
  assertClean('quantile(0.9, foo) by (a)');
});

test('binary operators', () => {
  const p = assertOnly('1 > 2', { from: 2, to: 3, message: 'comparisons between scalars must use BOOL modifier' });
  assert.deepEqual(p.fixes?.[0]?.edits, [{ start: 3, end: 3, newText: ' bool' }]);
  assertOnly('foo + bool bar', { from: 4, to: 10, message: 'bool modifier can only be used on comparison operators' });
  assertOnly('1 and 2', { from: 0, to: 7, message: 'set operator "and" not allowed in binary scalar expression' });
  assertOnly('"a" + 1', { from: 0, to: 3, message: 'binary expression must contain only scalar and instant vector types' });
  assertOnly('foo + on(a) group_left(a) bar', { from: 4, to: 25, message: 'label "a" must not occur in ON and GROUP clause at once' });
  assertOnly('foo and on(a) group_left bar', { from: 0, to: 28, message: 'no grouping allowed for "and" operation' });
  assertOnly('1 + on(a) foo', { from: 0, to: 13, message: 'vector matching only allowed between instant vectors' });
  assertClean('foo + ignoring(a) group_left(a) bar');
  assertClean('1 == bool 2');
  assertClean('foo > bool on(a) bar');
});

test('unary operators', () => {
  assertOnly('-"a"', { from: 0, to: 4, message: 'unary expression only allowed on expressions of type scalar or instant vector, got "string"' });
  assertOnly('-foo[5m]', { from: 0, to: 8, message: 'unary expression only allowed on expressions of type scalar or instant vector, got "range vector"' });
});

test('selectors and matchers', () => {
  assertOnly('{a=~".*"}', { from: 0, to: 9, message: 'vector selector must contain at least one non-empty matcher' });
  assertOnly('foo{__name__="bar"}', { from: 0, to: 19, message: 'metric name must not be set twice: "foo" or "bar"' });
  assertOnly('foo{a=~"("}', { from: 4, to: 10, message: 'error parsing regexp: missing closing ): `^(?s:()$`' });
  assertClean('foo{a=~"(a+)+$"}');
  assertClean('{"foo.bar"}');
  assertClean('foo{}');
});

test('ranges, subqueries, offset and @', () => {
  const p = assertOnly('(foo)[5m]', { from: 5, to: 9, message: 'ranges only allowed for vector selectors' });
  assert.deepEqual(p.fixes?.[0]?.edits, [{ start: 8, end: 8, newText: ':' }]);
  assertOnly('foo[0s]', { from: 4, to: 6, message: 'duration must be greater than 0' });
  assertOnly('foo[5m][5m:]', { from: 0, to: 12, message: 'subquery is only allowed on instant vector, got matrix instead' });
  assertOnly('foo offset 5m [5m]', { from: 14, to: 18, message: 'no offset modifiers allowed before range' });
  assertOnly('foo offset 1m offset 2m', { from: 0, to: 23, message: 'offset may not be set multiple times' });
  assertOnly('foo @ 1 @ 2', { from: 0, to: 11, message: '@ <timestamp> may not be set multiple times' });
  assertOnly('1 offset 5m', { from: 0, to: 1, message: 'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery' });
  assertOnly('foo @ Inf', { from: 0, to: 9, message: 'timestamp out of bounds for @ modifier: +Inf' });
  assertOnly('foo + bar[5m]', { from: 6, to: 13, message: 'binary expression must contain only scalar and instant vector types' });
  assertClean('foo offset -5m'); // negative offsets are fine in Prometheus 3
  assertClean('foo @ start() offset 5m');
  assertClean('rate(foo[5m] offset 1h @ end())');
  assertClean('max_over_time(rate(foo[5m])[1h:1m])');
});

test('postfix modifiers bind to the rightmost operand, as in Prometheus', () => {
  // lezer-promql parses `a / b offset 1h` as `(a / b) offset 1h`.
  assertClean('foo / bar offset 1h');
  assertClean('-foo offset 5m');
  assertClean('sum(foo) + bar @ 100');
  assertOnly('1 + 2 offset 5m', { from: 4, to: 5, message: 'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery' });
});

test('Prometheus 3 syntax that promtool 2.42 rejects', () => {
  assertClean('foo > 10m'); // durations as numbers
  assertClean('foo[300]'); // seconds as a range
  assertClean('1_000'); // underscores in numbers
  assertClean('sum by ("a.b") (foo)'); // quoted label names
});

test('a problem two checks find alike is reported once', () => {
  // Both offsets find the aggregation they follow; Prometheus stops at the first.
  assertOnly('sum(foo) offset 1m offset 2m', { from: 0, to: 8, message: 'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery' });
  assertOnly('sum(foo) @ 1 @ 2', { from: 0, to: 8, message: '@ modifier must be preceded by an instant vector selector or range vector selector or a subquery' });
});
