import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPromql } from './index';
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
  assertOnly('sum(rate(foo[5m]) by (a)', syntax(18, 20, 'unexpected <by> in aggregation'));
  assertOnly('sum by (a)', syntax(10, 10, 'unexpected end of input in aggregation'));
  assertOnly('1 +', syntax(3, 3, 'unexpected end of input'));
  assertOnly('foo bar', syntax(4, 7, 'unexpected identifier "bar"'));
  assertOnly('1.5.5', syntax(3, 5, 'unexpected number ".5"'));
  assertOnly('rate(foo[5m],)', syntax(12, 13, 'trailing commas not allowed in function call args'));
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
