import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPromql } from './index';

/** Every problem of an expression: range, severity, message (and the fixes' edits, if any). */
const problems = (expr: string) => checkPromql(expr).map((p) => [p.from, p.to, p.severity, p.message, ...(p.fixes ? [p.fixes.map((f) => [f.title, f.edits])] : [])]);
const EMPTY = 'vector selector must contain at least one non-empty matcher';
const DURATION_EXPR = 'experimental in Prometheus 3, needs --enable-feature=promql-duration-expr: duration expressions';
const NOT_POSITIVE = 'duration must be greater than 0';
const extended = (kind: string) => `experimental in Prometheus 3, needs --enable-feature=promql-extended-range-selectors: the ${kind} modifier`;

test('a selector needs a matcher that does not match the empty string, whatever its operator', () => {
  const table: [string, unknown[]][] = [
    ['{a=""}', [[0, 6, 'error', EMPTY]]],
    ['{a!=""}', []],
    ['{a!="x"}', [[0, 8, 'error', EMPTY]]],
    ['{a=~""}', [[0, 7, 'error', EMPTY]]],
    ['{a!~".+"}', [[0, 9, 'error', EMPTY]]],
    ['{a!~""}', []],
    ['{"a.b"="c"}', []],
    ['{""}', [[0, 4, 'error', EMPTY]]],
    ['{"foo", "__name__"="bar"}', []],
    // A regex that does not compile is no matcher (Prometheus stops at the regex).
    [
      '{a!~"("}',
      [
        [0, 8, 'error', EMPTY],
        [1, 7, 'error', 'error parsing regexp: missing closing ): `^(?s:()$`'],
      ],
    ],
  ];
  assert.deepEqual(
    table.map(([expr]) => [expr, problems(expr)]),
    table,
  );
});

test('the metric name set twice, quoted; only info()’s second argument may match nothing', () => {
  assert.deepEqual(problems('foo{"__name__"="bar"}'), [[0, 21, 'error', 'metric name must not be set twice: "foo" or "bar"']]);
  assert.deepEqual(problems('info({a=""}, {a=""})'), [
    [0, 4, 'information', 'experimental in Prometheus 3, needs --enable-feature=promql-experimental-functions: function "info"'],
    [5, 11, 'error', EMPTY],
  ]);
  assert.deepEqual(problems('rate({a=""}[5m])'), [[5, 11, 'error', EMPTY]]);
});

test('ranges: constant duration expressions are worked out, each operator and sign; a range must be positive', () => {
  const table: [string, unknown[]][] = [
    [
      'foo[1m - 1m]',
      [
        [4, 11, 'information', DURATION_EXPR],
        [4, 11, 'error', NOT_POSITIVE],
      ],
    ],
    ['foo[3m - 1m]', [[4, 11, 'information', DURATION_EXPR]]],
    ['foo[1m + 1m]', [[4, 11, 'information', DURATION_EXPR]]],
    [
      'foo[2m * 0]',
      [
        [4, 10, 'information', DURATION_EXPR],
        [4, 10, 'error', NOT_POSITIVE],
      ],
    ],
    ['foo[1m * 2]', [[4, 10, 'information', DURATION_EXPR]]],
    ['foo[1m / 0]', [[4, 10, 'information', DURATION_EXPR]]],
    ['foo[4m/2]', [[4, 8, 'information', DURATION_EXPR]]],
    [
      'foo[1m % 1m]',
      [
        [4, 11, 'information', DURATION_EXPR],
        [4, 11, 'error', NOT_POSITIVE],
      ],
    ],
    ['foo[5m % 3m]', [[4, 11, 'information', DURATION_EXPR]]],
    [
      'foo[0 ^ 2]',
      [
        [4, 9, 'information', DURATION_EXPR],
        [4, 9, 'error', NOT_POSITIVE],
      ],
    ],
    ['foo[2 ^ 2]', [[4, 9, 'information', DURATION_EXPR]]],
    [
      'foo[-1m]',
      [
        [4, 7, 'information', DURATION_EXPR],
        [4, 7, 'error', NOT_POSITIVE],
      ],
    ],
    [
      'foo[-(1m)]',
      [
        [4, 9, 'information', DURATION_EXPR],
        [4, 9, 'error', NOT_POSITIVE],
      ],
    ],
    ['foo[+1m]', [[4, 7, 'information', DURATION_EXPR]]],
    ['foo[+(1m)]', [[4, 9, 'information', DURATION_EXPR]]],
    ['foo[(1m)]', [[4, 8, 'information', DURATION_EXPR]]],
    ['foo[step()]', [[4, 10, 'information', DURATION_EXPR]]],
    ['foo[5m:0s]', [[7, 9, 'error', NOT_POSITIVE]]],
    [
      'foo[5m:-1m]',
      [
        [7, 10, 'information', DURATION_EXPR],
        [7, 10, 'error', NOT_POSITIVE],
      ],
    ],
    ['foo[5m : 1m + 1m]', [[9, 16, 'information', DURATION_EXPR]]],
    ['foo[5m:step()]', [[7, 13, 'information', DURATION_EXPR]]],
    ['foo[-step()]', [[4, 11, 'information', DURATION_EXPR]]],
    ['foo[5m:]', []],
  ];
  assert.deepEqual(
    table.map(([expr]) => [expr, problems(expr)]),
    table,
  );
});

test('ranges on what is no selector: from the bracket, a subquery fix for an instant vector only', () => {
  const notSelector = 'ranges only allowed for vector selectors';
  const subquery = (at: number) => [['Make it a subquery', [{ start: at, end: at, newText: ':' }]]];
  assert.deepEqual(problems('(foo) [5m]'), [[6, 10, 'error', notSelector, subquery(9)]]);
  assert.deepEqual(problems('rate(foo[5m])[5m]'), [[13, 17, 'error', notSelector, subquery(16)]]);
  assert.deepEqual(problems('(foo[5m])[5m]'), [[9, 13, 'error', notSelector]]);
  assert.deepEqual(problems('foo + bar * baz[5m]'), [[12, 19, 'error', 'binary expression must contain only scalar and instant vector types']]);
  assert.deepEqual(problems('foo + bar[5m:]'), [[6, 14, 'error', 'binary expression must contain only scalar and instant vector types']]);
  assert.deepEqual(problems('-foo[5m:]'), [[0, 9, 'error', 'unary expression only allowed on expressions of type scalar or instant vector, got "range vector"']]);
});

test('modifiers before a range: a non-zero offset, else a numeric @, is refused', () => {
  const table: [string, unknown[]][] = [
    ['foo @ 1 [5m]', [[8, 12, 'error', 'no @ modifiers allowed before range']]],
    ['foo @ 1 offset 0s [5m]', [[18, 22, 'error', 'no @ modifiers allowed before range']]],
    ['foo @ start() [5m]', []],
    ['foo anchored [5m]', [[0, 12, 'information', extended('anchored')]]],
    ['foo offset 0s [5m]', []],
    ['foo offset -0s [5m]', []],
    ['foo offset -5m [5m]', [[15, 19, 'error', 'no offset modifiers allowed before range']]],
    ['foo offset +5m [5m]', [[15, 19, 'error', 'no offset modifiers allowed before range']]],
    ['foo offset 5m @ start() [5m]', [[24, 28, 'error', 'no offset modifiers allowed before range']]],
    ['foo @ end() offset 5m [5m]', [[22, 26, 'error', 'no offset modifiers allowed before range']]],
  ];
  assert.deepEqual(
    table.map(([expr]) => [expr, problems(expr)]),
    table,
  );
});

test('subqueries of what is no instant vector, in Go’s type names', () => {
  assert.deepEqual(problems('"a"[5m:]'), [[0, 8, 'error', 'subquery is only allowed on instant vector, got string instead']]);
  assert.deepEqual(problems('1[5m:]'), [[0, 6, 'error', 'subquery is only allowed on instant vector, got scalar instead']]);
});

test('offset and @: after a selector or subquery, once each, across operators; @ within int64 milliseconds', () => {
  const table: [string, unknown[]][] = [
    ['foo[5m:1m] offset 1m @ 1', []],
    ['foo[5m] @ 100', []],
    ['foo[5m] offset 1m', []],
    ['foo offset 1m + bar offset 2m', []],
    ['foo @ 1 + bar @ 2', []],
    ['foo @ 100.5', []],
    ['foo @ 1.5e3', []],
    ['foo offset 1m offset 2m', [[0, 23, 'error', 'offset may not be set multiple times']]],
    ['foo offset 1m @ 2 offset 3m', [[0, 27, 'error', 'offset may not be set multiple times']]],
    ['sum(foo) offset 1m', [[0, 8, 'error', 'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery']]],
    ['(foo offset 1m) offset 2m', [[0, 15, 'error', 'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery']]],
    ['"a" @ 1', [[0, 3, 'error', '@ modifier must be preceded by an instant vector selector or range vector selector or a subquery']]],
    ['foo offset (5m + 1m)', [[11, 20, 'information', DURATION_EXPR]]],
    ['foo @ -Inf', [[0, 10, 'error', 'timestamp out of bounds for @ modifier: -Inf']]],
    ['foo @ NaN', [[0, 9, 'error', 'timestamp out of bounds for @ modifier: NaN']]],
    ['foo @ 1e20', [[0, 10, 'error', 'timestamp out of bounds for @ modifier: 100000000000000000000.000000']]],
    ['foo @ -1e20', [[0, 11, 'error', 'timestamp out of bounds for @ modifier: -100000000000000000000.000000']]],
    ['foo @ 9223372036854776', [[0, 22, 'error', 'timestamp out of bounds for @ modifier: 9223372036854776.000000']]],
    ['foo @ 9223372036854', []],
  ];
  assert.deepEqual(
    table.map(([expr]) => [expr, problems(expr)]),
    table,
  );
});

test('anchored and smoothed: on selectors only, not together', () => {
  const table: [string, unknown[]][] = [
    ['foo anchored', [[0, 12, 'information', extended('anchored')]]],
    ['foo[5m] smoothed', [[0, 16, 'information', extended('smoothed')]]],
    [
      'foo[5m:1m] anchored',
      [
        [0, 19, 'information', extended('anchored')],
        [0, 19, 'error', 'anchored modifier is not supported for subqueries'],
      ],
    ],
    [
      'foo[5m:] smoothed',
      [
        [0, 17, 'information', extended('smoothed')],
        [0, 17, 'error', 'smoothed modifier is not supported for subqueries'],
      ],
    ],
    [
      'rate(foo[5m]) anchored',
      [
        [0, 22, 'information', extended('anchored')],
        [0, 22, 'error', 'anchored modifier not implemented'],
      ],
    ],
    [
      '(foo + bar) anchored',
      [
        [0, 20, 'information', extended('anchored')],
        [0, 20, 'error', 'anchored modifier not implemented'],
      ],
    ],
    [
      'foo[5m] anchored smoothed',
      [
        [0, 16, 'information', extended('anchored')],
        [0, 25, 'information', extended('smoothed')],
        [0, 25, 'error', 'anchored and smoothed modifiers cannot be used together'],
      ],
    ],
    [
      'foo smoothed anchored',
      [
        [0, 12, 'information', extended('smoothed')],
        [0, 21, 'information', extended('anchored')],
        [0, 21, 'error', 'anchored and smoothed modifiers cannot be used together'],
      ],
    ],
  ];
  assert.deepEqual(
    table.map(([expr]) => [expr, problems(expr)]),
    table,
  );
});

test('more edges: info()’s only argument, a call’s second argument, one non-empty matcher of two, a range over a modified call', () => {
  const subquery = (at: number) => [['Make it a subquery', [{ start: at, end: at, newText: ':' }]]];
  const table: [string, unknown[]][] = [
    [
      'info({a=""})',
      [
        [0, 4, 'information', 'experimental in Prometheus 3, needs --enable-feature=promql-experimental-functions: function "info"'],
        [5, 11, 'error', EMPTY],
      ],
    ],
    [
      'clamp_max(foo, {a=""})',
      [
        [15, 21, 'error', EMPTY],
        [15, 21, 'error', 'expected type scalar in call to function "clamp_max", got instant vector'],
      ],
    ],
    ['{a="",b="x"}', []],
    ['foo{"bar"}', [[0, 10, 'error', 'metric name must not be set twice: "foo" or "bar"']]],
    ['foo + (bar)[5m]', [[11, 15, 'error', 'ranges only allowed for vector selectors']]],
    [
      'rate(foo[5m]) offset 1m [5m]',
      [
        [0, 13, 'error', 'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery'],
        [24, 28, 'error', 'ranges only allowed for vector selectors', subquery(27)],
      ],
    ],
    // The offset inside the subquery is not the subquery's own.
    ['(foo offset 1m)[5m:] offset 2m', []],
    ['foo[step() + 1m]', [[4, 15, 'information', DURATION_EXPR]]],
    ['foo[1m - step()]', [[4, 15, 'information', DURATION_EXPR]]],
    [
      'foo[(1m - 1m)]',
      [
        [4, 13, 'information', DURATION_EXPR],
        [4, 13, 'error', NOT_POSITIVE],
      ],
    ],
    // After a modifier's target is refused, the modifier itself is not judged.
    ['sum(foo) @ 1e20', [[0, 8, 'error', '@ modifier must be preceded by an instant vector selector or range vector selector or a subquery']]],
    ['foo @ 1 @ 1e20', [[0, 14, 'error', '@ <timestamp> may not be set multiple times']]],
    ['sum(foo) offset (1m + 1m)', [[0, 8, 'error', 'offset modifier must be preceded by an instant vector selector or range vector selector or a subquery']]],
    // 2^63 ms is out of bounds itself.
    ['foo @ 9223372036854775.808', [[0, 26, 'error', 'timestamp out of bounds for @ modifier: 9223372036854776.000000']]],
  ];
  assert.deepEqual(
    table.map(([expr]) => [expr, problems(expr)]),
    table,
  );
});
