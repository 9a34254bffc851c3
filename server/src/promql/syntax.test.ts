import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setLocale } from '../l10n';
import { checkPromql, parsePromql, type PromqlProblem } from './index';
import { checkSyntax } from './syntax';
import { assertOnly } from './testHelpers';

const syntax = (from: number, to: number, message: string) => ({ from, to, message, code: 'promql/syntax' as const });

test('empty expression', () => {
  assertOnly('', syntax(0, 0, 'no expression found in input'));
  assertOnly('  # just a comment', syntax(0, 18, 'no expression found in input'));
});

test('lexical errors use Prometheus wording and start where Prometheus reports them', () => {
  assertOnly('foo)', syntax(3, 4, "unexpected right parenthesis ')'"));
  assertOnly('((foo)', syntax(0, 6, 'unclosed left parenthesis'));
  assertOnly('foo[5m', syntax(3, 6, 'unclosed left bracket'));
  assertOnly('foo{a="b"', syntax(3, 9, 'unexpected end of input inside braces'));
  assertOnly('"abc', syntax(0, 4, 'unterminated quoted string'));
  assertOnly('`abc', syntax(0, 4, 'unterminated raw string'));
  assertOnly('0x1g', syntax(0, 4, 'bad number or duration syntax: "0x1g"'));
  assertOnly('foo[30m1h]', syntax(4, 9, 'not a valid duration string: "30m1h"'));
  assertOnly('foo $ bar', syntax(4, 5, "unexpected character: '$'"));
  assertOnly('foo{a="\\q"}', syntax(6, 9, "unknown escape sequence U+0071 'q'"));
  assertOnly('"\\xZZ"', syntax(0, 4, "illegal character U+005A 'Z' in escape sequence"));
  assertOnly('foo{a b}', syntax(6, 7, 'unexpected identifier "b" in label matching'));
  assertOnly('foo\0bar', syntax(3, 4, "unexpected character: '\\x00'"));
});

test('parse errors name the unexpected token and the grammar context', () => {
  assertOnly('sum(rate(foo[5m]) by (a)', syntax(18, 20, 'unexpected <by> in aggregation — the `(` at column 4 of the expression is not closed'));
  assertOnly('sum by (a)', syntax(10, 10, 'unexpected end of input in aggregation'));
  assertOnly('1 +', syntax(3, 3, 'unexpected end of input'));
  assertOnly('foo bar', syntax(4, 7, 'unexpected identifier "bar"'));
  assertOnly('1.5.5', syntax(3, 5, 'unexpected number ".5"'));
  assertOnly('rate(foo[5m],)', syntax(12, 13, 'trailing commas not allowed in function call args'));
});

test('a parse error after a bracket that is never closed names the bracket, with its place as related information', () => {
  const cases: [string, PromqlProblem][] = [
    // Prometheus: 1:17: parse error: unexpected <by> in aggregation
    [
      'sum(rate(x[5m]) by (job)',
      {
        ...syntax(16, 18, 'unexpected <by> in aggregation — the `(` at column 4 of the expression is not closed'),
        severity: 'error',
        related: [{ from: 3, to: 4, message: 'this `(` is not closed' }],
      },
    ],
    // The innermost bracket still open before the token: rate's, not sum's.
    [
      'sum(rate(x[5m] by (job)',
      { ...syntax(15, 17, 'unexpected <by> — the `(` at column 9 of the expression is not closed'), severity: 'error', related: [{ from: 8, to: 9, message: 'this `(` is not closed' }] },
    ],
    // Prometheus: 1:10: parse error: unexpected ")" in subquery or range, expected ":" or "]"
    [
      'rate(x[5m) + 1',
      {
        ...syntax(9, 10, 'unexpected ")" in subquery or range — the `[` at column 7 of the expression is not closed'),
        severity: 'error',
        related: [{ from: 6, to: 7, message: 'this `[` is not closed' }],
      },
    ],
    [
      'x{a="b" c="d"',
      {
        ...syntax(8, 9, 'unexpected identifier "c" in label matching — the `{` at column 2 of the expression is not closed'),
        severity: 'error',
        related: [{ from: 1, to: 2, message: 'this `{` is not closed' }],
      },
    ],
    // Over several lines the line is named too (of the expression: where it sits in a file is the related place's).
    [
      'sum(\n  rate(x[5m]) by (job)',
      {
        ...syntax(19, 21, 'unexpected <by> in aggregation — the `(` at line 1, column 4 of the expression is not closed'),
        severity: 'error',
        related: [{ from: 3, to: 4, message: 'this `(` is not closed' }],
      },
    ],
    [
      '(\n  sum(rate(x[5m]) by (job)',
      {
        ...syntax(20, 22, 'unexpected <by> in aggregation — the `(` at line 2, column 6 of the expression is not closed'),
        severity: 'error',
        related: [{ from: 7, to: 8, message: 'this `(` is not closed' }],
      },
    ],
    // Brackets are matched as an editor matches them: the last `)` closes sum's, so the first `(` is the one left open.
    [
      '(\n  sum(rate(x[5m]) by (job)\n)',
      {
        ...syntax(20, 22, 'unexpected <by> in aggregation — the `(` at line 1, column 1 of the expression is not closed'),
        severity: 'error',
        related: [{ from: 0, to: 1, message: 'this `(` is not closed' }],
      },
    ],
  ];
  for (const [expr, expected] of cases) assert.deepEqual(checkPromql(expr), [expected], expr);
});

test('no hint when every bracket before the error is closed, when the error is the unclosed bracket itself, or when the lexer stopped early', () => {
  // Closed brackets; an unclosed one after the error is not its cause.
  assert.deepEqual(checkPromql('sum(rate(x[5m])) by (job) foo'), [{ ...syntax(26, 29, 'unexpected identifier "foo"'), severity: 'error' }]);
  assert.deepEqual(checkPromql('foo bar + (baz'), [{ ...syntax(4, 7, 'unexpected identifier "bar"'), severity: 'error' }]);
  // Prometheus reports the unclosed bracket itself: its message already points at the cause.
  assert.deepEqual(checkPromql('sum(rate(x[5m]) '), [{ ...syntax(3, 16, 'unclosed left parenthesis'), severity: 'error' }]);
  assert.deepEqual(checkPromql('sum(x) by (a'), [{ ...syntax(10, 12, 'unclosed left parenthesis'), severity: 'error' }]);
  // The lexer stopped at a bad character, so what follows is unknown: brackets are not called unclosed.
  assert.deepEqual(checkPromql('sum(x by (a)) $'), [{ ...syntax(6, 8, 'unexpected <by> in aggregation'), severity: 'error' }]);
});

test('the hint speaks Japanese, Prometheus keeps its words', () => {
  try {
    setLocale('ja');
    const expr = 'max(rate(y[1m]) by (instance)';
    assert.deepEqual(checkSyntax(expr, parsePromql(expr)), {
      ...syntax(16, 18, '集約の中に予期しない by があります（Prometheus: unexpected <by> in aggregation）。式の 4 列目の `(` が閉じられていません'),
      severity: 'error',
      related: [{ from: 3, to: 4, message: 'この `(` が閉じられていません' }],
    });
    // An expression that ends inside an aggregation: "in it" becomes "…の中で" (where it ended), not "…の中に".
    assert.equal(checkSyntax('sum by (a) ', parsePromql('sum by (a) '))?.message, '集約の中で式が途中で終わっています（Prometheus: unexpected end of input in aggregation）');
    assert.equal(checkSyntax('foo offset', parsePromql('foo offset'))?.message, 'offset の中で式が途中で終わっています（Prometheus: unexpected end of input in offset）');
    const lines = 'max(\n rate(y[1m]) by (instance)';
    assert.equal(checkSyntax(lines, parsePromql(lines))?.message, '集約の中に予期しない by があります（Prometheus: unexpected <by> in aggregation）。式の 1 行 4 列目の `(` が閉じられていません');
  } finally {
    setLocale('en');
  }
});

test('one mistake gives one diagnostic', () => {
  for (const expr of ['sum(rate(foo[5m]) by (a) + bar{', 'foo bar baz qux', '((a + ) + (b + ))', 'sum by (a (foo)) by']) {
    assert.equal(checkPromql(expr).length, 1, expr);
  }
});

test('unknown functions get a did-you-mean fix', () => {
  const p = assertOnly('rat(foo[5m])', { from: 0, to: 3, message: 'unknown function with name "rat" (did you mean "rad", "rate"?)' });
  assert.deepEqual(
    p.fixes?.map((f) => f.edits),
    [[{ start: 0, end: 3, newText: 'rad' }], [{ start: 0, end: 3, newText: 'rate' }]],
  );
  assertOnly('foo(bar)', { from: 0, to: 3, message: 'unknown function with name "foo"' });
  assertOnly('zzzzzzzz(bar)', { from: 0, to: 8, message: 'unknown function with name "zzzzzzzz"' });
});

test('holt_winters was renamed in Prometheus 3 (promtool 2.42 still accepts it)', () => {
  const p = assertOnly('holt_winters(foo[5m], 0.5, 0.1)', {
    from: 0,
    to: 12,
    message:
      'unknown function with name "holt_winters": holt_winters was renamed to double_exponential_smoothing in Prometheus 3.0 (experimental, behind --enable-feature=promql-experimental-functions)',
  });
  assert.deepEqual(p.fixes?.[0]?.edits, [{ start: 0, end: 12, newText: 'double_exponential_smoothing' }]);
});
