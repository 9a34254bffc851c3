/**
 * The shortcuts the checks take must not change what they find: the memo of
 * checkPromql, the bounded tree cache (a service's, base/caches.ts), the shared tree walks, the sibling
 * walks that stand in for lezer's getChild, and matcher regexes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RE2JS } from 're2js';
import { Caches } from '../base/caches';
import { checkPromql, parsePromql } from './index';
import { TextMemo } from './memo';
import { childNamed, childrenNamed, collectPostOrder, matcherParts, nodeKey, nodeKeyFor, visitPostOrder, type SyntaxNode } from './parse';
import { compileMatcherRegex } from './regex';
import { exprChildren, firstExprChild, lastExprChild } from './valueTypes';

const SAMPLES = [
  'sum by (job) (rate(http_requests_total{job="api", code=~"5..|429"}[5m])) / ignoring(code) group_left sum(rate(x[5m]))',
  'histogram_quantile(0.99, sum by (le) (rate(foo_bucket{"quoted.name"="a", b!~"c|"}[5m]))) > 0.3',
  '-foo offset 5m @ 100 + bar[5m:1m] and on(a) label_replace(up, "x", "$1", "y", "(.*)")',
  'foo{',
  'rate(foo[5m]',
  '(((a)))',
  '{__name__="up", job=""}',
];

test('checkPromql hands out a fresh array each call, with the same problems', () => {
  const caches = new Caches();
  for (const expr of SAMPLES) {
    const first = checkPromql(expr, caches);
    const again = checkPromql(expr, caches);
    assert.notEqual(first, again);
    assert.deepEqual(again, first);
    assert.deepEqual(checkPromql(expr), first, 'without caches, the same problems');
    first.push({ from: 0, to: 0, code: 'promql/type', severity: 'error', message: 'added by a caller' });
    assert.deepEqual(checkPromql(expr, caches), again, 'what a caller adds does not stick');
  }
});

test('collectPostOrder gives the nodes visitPostOrder visits, in the same order', () => {
  for (const expr of SAMPLES) {
    const names = new Set(['VectorSelector', 'FunctionCall', 'BinaryExpr', 'AggregateExpr', 'StringLiteral']);
    const visited: string[] = [];
    visitPostOrder(parsePromql(expr).topNode, (n) => {
      if (names.has(n.name)) visited.push(nodeKey(n));
    });
    assert.deepEqual(collectPostOrder(parsePromql(expr).topNode, names).map(nodeKey), visited, expr);
  }
});

test('the sibling walks find what getChild, getChildren and exprChildren find', () => {
  const all = (expr: string): SyntaxNode[] => {
    const out: SyntaxNode[] = [];
    visitPostOrder(parsePromql(expr).topNode, (n) => out.push(n));
    return out;
  };
  const key = (n: SyntaxNode | null | undefined) => (n ? nodeKey(n) : String(n));
  for (const expr of SAMPLES) {
    for (const node of all(expr)) {
      for (const name of ['Identifier', 'LabelMatchers', 'LabelName', 'MatchOp', 'StringLiteral', 'FunctionCallBody', 'GroupingLabels', 'Expr']) {
        assert.equal(key(childNamed(node, name)), key(node.getChild(name)), `${expr}: ${node.name} ${name}`);
        assert.deepEqual(childrenNamed(node, name).map(key), node.getChildren(name).map(key));
      }
      assert.equal(key(firstExprChild(node)), key(exprChildren(node)[0]));
      assert.equal(key(lastExprChild(node)), key(exprChildren(node).at(-1)));
      if (node.name === 'UnquotedLabelMatcher' || node.name === 'QuotedLabelMatcher') {
        const parts = matcherParts(node);
        assert.equal(key(parts.name), key(node.getChild('LabelName') ?? node.getChild('QuotedLabelName')));
        assert.equal(key(parts.op), key(node.getChild('MatchOp')));
        assert.equal(key(parts.value), key(node.getChild('StringLiteral')));
      }
    }
  }
});

test('numeric node keys tell nodes apart as the string keys do', () => {
  for (const expr of SAMPLES) {
    const numeric = new Set<number | string>();
    const strings = new Set<string>();
    const keyOf = nodeKeyFor(expr.length);
    visitPostOrder(parsePromql(expr).topNode, (n) => {
      numeric.add(keyOf(n));
      strings.add(nodeKey(n));
    });
    assert.equal(numeric.size, strings.size, expr);
  }
  assert.equal(nodeKeyFor(1e9), nodeKey, 'texts too long for exact numbers keep string keys');
});

test('a huge expression is parsed once for its checks but not kept among the recent trees', () => {
  const caches = new Caches();
  const huge = `foo{a="${'x'.repeat(40_000)}"} + bar`;
  const tree = parsePromql(huge, caches);
  assert.equal(parsePromql(huge, caches), tree, 'the last tree is kept whatever its size');
  for (const expr of SAMPLES) parsePromql(expr, caches);
  assert.notEqual(parsePromql(huge, caches), tree, 'then it makes way');
});

test('trees and regexes are remembered by the caches they are asked with, and without caches not at all', () => {
  const [mine, theirs] = [new Caches(), new Caches()];
  const expr = SAMPLES[0] as string;
  const tree = parsePromql(expr, mine);
  assert.equal(parsePromql(expr, mine), tree);
  assert.notEqual(parsePromql(expr, theirs), tree, 'another service parses its own');
  assert.notEqual(parsePromql(expr), parsePromql(expr), 'no caches, no memory');
  const re = compileMatcherRegex('a+', mine);
  assert.equal(compileMatcherRegex('a+', mine), re);
  assert.notEqual(compileMatcherRegex('a+', theirs), re);
  assert.notEqual(compileMatcherRegex('a+'), compileMatcherRegex('a+'));
});

test('matcher regexes: literal alternations match as RE2 does; others are RE2 (errors as messages)', () => {
  const caches = new Caches();
  const inputs = ['', 'GET', 'POST', 'get', 'GET|POST', '5xx', 'a b', 'x', '-'];
  for (const pattern of ['GET|POST', 'GET|', '|', '', 'a b|-', '5..', 'a+', '(?i)get', 'x|y|z', 'a:b/c@d,e=f%g_h-0']) {
    const re = compileMatcherRegex(pattern, caches);
    assert.notEqual(typeof re, 'string', pattern);
    const reference = RE2JS.compile(`^(?s:${pattern})$`);
    for (const input of inputs) assert.equal(typeof re !== 'string' && re.matches(input), reference.matches(input), `${pattern} ~ ${input}`);
    assert.equal(compileMatcherRegex(pattern, caches), re, 'compiled once');
  }
  assert.equal(typeof compileMatcherRegex('a('), 'string');
});

test('TextMemo keeps at most two generations and no long texts', () => {
  const memo = new TextMemo<number>(2, { longestKey: 10 });
  memo.set('a', 1);
  memo.set('b', 2);
  memo.set('c', 3); // a and b move to the older generation
  assert.equal(memo.get('a'), 1); // back to the newer one, with c
  memo.set('d', 4); // c and a move to the older generation; b is gone
  assert.equal(memo.get('b'), undefined);
  assert.equal(memo.get('c'), 3);
  memo.set('x'.repeat(11), 5);
  assert.equal(memo.get('x'.repeat(11)), undefined);
});
