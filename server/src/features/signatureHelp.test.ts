import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signatureAt } from './signatureHelp';

const at = (marked: string) => signatureAt(marked.replace('|', ''), marked.indexOf('|'));

test('the innermost call and the argument being typed', () => {
  assert.deepEqual(at('histogram_quantile(0.9, |'), {
    label: 'histogram_quantile(scalar, instant vector) → instant vector',
    documentation: at('histogram_quantile(|')?.documentation,
    parameters: [
      [19, 25],
      [27, 41],
    ],
    activeParameter: 1,
  });
  assert.equal(at('sum(rate(foo[5m|]))'), undefined, 'inside a range: no signature');
  assert.deepEqual([at('sum(rate(|')?.label, at('sum(rate(|')?.activeParameter], ['rate(range vector) → instant vector', 0]);
  assert.equal(at('up|'), undefined, 'not in a call');
});

test('aggregations with a parameter, variadic functions and grouping parentheses', () => {
  assert.deepEqual([at('topk(5, |')?.label, at('topk(5, |')?.activeParameter], ['topk(scalar, instant vector) → instant vector', 1]);
  const join = at('label_join(up, "dst", ",", "a", "b", |');
  assert.equal(join?.label, 'label_join(instant vector, string, string, string...) → instant vector');
  assert.equal(join?.activeParameter, 3, 'the variadic parameter stays active');
  assert.equal(at('sum by (|'), undefined, '`by (` is not a call');
  assert.equal(at('rate(x{job="a,b|"}[5m])'), undefined, 'commas inside strings and braces do not count');
});

test('brackets and commas in a # comment do not count', () => {
  assert.deepEqual([at('topk(5, # the top (five, say\n  |')?.label, at('topk(5, # the top (five, say\n  |')?.activeParameter], ['topk(scalar, instant vector) → instant vector', 1]);
});
