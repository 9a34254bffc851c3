import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, recordingRule } from '../catalog/testSupport';
import { inferType, parsePromql } from './index';
import { exprChildren, firstExprChild, functionName, lastExprChild, typeOfNode } from './valueTypes';

/** The expression's type, as inferType gives it for the whole tree. */
const typeOf = (expr: string) => inferType(parsePromql(expr).topNode, expr);

test('inferType: each node kind has the type Expr.Type() gives it', () => {
  const table: [string, string][] = [
    ['sum(foo)', 'instant vector'],
    ['foo', 'instant vector'],
    ['{a="b"}', 'instant vector'],
    ['foo[5m]', 'range vector'],
    ['foo[5m:1m]', 'range vector'],
    // lezer parses `a + b[5m]` as `(a + b)[5m]`; Prometheus reads a binary expression.
    ['foo + bar[5m]', 'instant vector'],
    ['1 + 2[5m:]', 'scalar'],
    ['1', 'scalar'],
    ['5m', 'scalar'],
    ['"a"', 'string'],
    ['time()', 'scalar'],
    ['rate(foo[5m])', 'instant vector'],
    ['scalar(foo)', 'scalar'],
    ['1 + 2', 'scalar'],
    ['1 + foo', 'instant vector'],
    ['foo + 1', 'instant vector'],
    ['foo + bar', 'instant vector'],
    ['(1)', 'scalar'],
    ['(("a"))', 'string'],
    ['(foo[5m])', 'range vector'],
    ['-foo', 'instant vector'],
    ['-(1 + 2)', 'scalar'],
    ['foo offset 5m', 'instant vector'],
    ['1 offset 5m', 'scalar'],
    ['foo @ 100', 'instant vector'],
    ['foo[5m] anchored', 'range vector'],
    ['foo[5m] smoothed', 'range vector'],
    // Incomplete expressions: an operand is missing.
    ['foo +', 'none'],
    ['+', 'none'],
  ];
  assert.deepEqual(
    table.map(([expr]) => [expr, typeOf(expr)]),
    table,
  );
});

test('inferType of a node inside the tree, and of a node that is no expression', () => {
  const expr = 'sum by (a) (rate(foo{b="c"}[5m])) > 1';
  const root = parsePromql(expr).topNode;
  const binary = root.firstChild!;
  const [lhs, rhs] = exprChildren(binary);
  assert.equal(inferType(lhs!, expr), 'instant vector');
  assert.equal(inferType(rhs!, expr), 'scalar');
  const call = firstExprChild(firstExprChild(lhs!.getChild('FunctionCallBody')!)!.parent!)!;
  assert.equal(call.name, 'FunctionCall');
  assert.equal(inferType(firstExprChild(call.getChild('FunctionCallBody')!)!, expr), 'range vector');
  // The grouping clause is no expression.
  assert.equal(inferType(lhs!.getChild('AggregateModifier')!, expr), 'none');
});

test('the children helpers: every expression child, the first, the last; a call’s function name', () => {
  const expr = 'label_replace(foo, "a", "b", "c", "d")';
  const call = parsePromql(expr).topNode.firstChild!;
  const body = call.getChild('FunctionCallBody')!;
  const text = (n: { from: number; to: number } | undefined) => (n ? expr.slice(n.from, n.to) : undefined);
  assert.deepEqual(exprChildren(body).map(text), ['foo', '"a"', '"b"', '"c"', '"d"']);
  assert.equal(text(firstExprChild(body)), 'foo');
  assert.equal(text(lastExprChild(body)), '"d"');
  assert.equal(functionName(call, expr), 'label_replace');
  // A node without expression children, and one that is no call.
  const identifier = call.getChild('FunctionIdentifier')!;
  assert.deepEqual(exprChildren(identifier), []);
  assert.equal(firstExprChild(identifier), undefined);
  assert.equal(lastExprChild(identifier), undefined);
  assert.equal(functionName(body, expr), '');
});

test('typeOfNode: a node that is no expression nor wraps one is typed none, whatever its children', () => {
  const expr = 'rate(foo{a="b"}[5m])';
  const call = parsePromql(expr).topNode.firstChild!;
  const body = call.getChild('FunctionCallBody')!;
  assert.equal(
    typeOfNode(body, expr, () => 'scalar'),
    'none',
  );
  assert.equal(
    typeOfNode(call, expr, () => 'scalar'),
    'instant vector',
  );
});

test('a subquery is a range as a range selector is (RANGE_NODES): a counter under one is not used raw', () => {
  assert.deepEqual(check(recordingRule('max_over_time(http_requests_total[10m:1m])'), ['promql/counter']), []);
  assert.deepEqual(check(recordingRule('max_over_time(http_requests_total[10m])'), ['promql/counter']), []);
});
