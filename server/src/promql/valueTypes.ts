/**
 * The value type of a PromQL expression node, as Prometheus's Expr.Type()
 * defines it (prometheus/promql/parser/ast.go).
 */
import { promqlFunctions, type ValueType } from './functionTable';
import { childNamed, collectPostOrder, nodeKeyFor, type SyntaxNode } from './parse';

/** 'none' is the type of things that are not expressions (or not parsed). */
export type PromqlType = ValueType | 'none';

/** Postfix modifiers (offset, @, anchored, smoothed): the expression they modify, moved in time. */
export const MODIFIER_NODES: ReadonlySet<string> = new Set(['OffsetExpr', 'StepInvariantExpr', 'AnchoredExpr', 'SmoothedExpr']);

/**
 * Wrappers transparent to what flows through an expression: the root,
 * parentheses, a sign and the modifiers. Their value type, their series'
 * labels and their sample kind are those of the expression they wrap.
 */
export const TRANSPARENT_NODES: ReadonlySet<string> = new Set(['PromQL', 'ParenExpr', 'UnaryExpr', ...MODIFIER_NODES]);

/** Ranges over what they wrap (`x[5m]`, `x[5m:1m]`): the same series and labels, but a range vector. */
export const RANGE_NODES: ReadonlySet<string> = new Set(['MatrixSelector', 'SubqueryExpr']);

const TRANSPARENT = TRANSPARENT_NODES;

/** Every node type typeOfNode may give a type other than 'none'. */
export const TYPED_NODES: ReadonlySet<string> = new Set([
  'AggregateExpr',
  'VectorSelector',
  'MatrixSelector',
  'SubqueryExpr',
  'NumberDurationLiteral',
  'StringLiteral',
  'FunctionCall',
  'BinaryExpr',
  ...TRANSPARENT,
]);

export function exprChildren(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.type.is('Expr')) out.push(c);
  return out;
}

/** firstExprChild(node), without walking the other children. */
export function firstExprChild(node: SyntaxNode): SyntaxNode | undefined {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.type.is('Expr')) return c;
  return undefined;
}

/** lastExprChild(node), without an array. */
export function lastExprChild(node: SyntaxNode): SyntaxNode | undefined {
  let last: SyntaxNode | undefined;
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.type.is('Expr')) last = c;
  return last;
}

/** The function name of a FunctionCall node. */
export function functionName(call: SyntaxNode, expr: string): string {
  const id = childNamed(call, 'FunctionIdentifier');
  return id ? expr.slice(id.from, id.to) : '';
}

/**
 * The type of one node given the types of its children: used by the checker's
 * single post-order walk and by inferType.
 */
export function typeOfNode(node: SyntaxNode, expr: string, typeOfChild: (n: SyntaxNode) => PromqlType): PromqlType {
  const name = node.type.name;
  switch (name) {
    case 'AggregateExpr':
    case 'VectorSelector':
      return 'instant vector';
    case 'MatrixSelector':
    case 'SubqueryExpr': {
      // `a + b[5m:]` parses as `(a + b)[5m:]` in lezer-promql but is a binary expression in Prometheus.
      const inner = firstExprChild(node);
      // Stryker disable next-line OptionalChaining: types are asked only of trees that parsed (checkSemantics, and the catalog checks after it), where a range or subquery has the expression it ranges over
      return inner?.name === 'BinaryExpr' ? typeOfChild(inner) : 'range vector';
    }
    case 'NumberDurationLiteral':
      return 'scalar';
    case 'StringLiteral':
      return 'string';
    case 'FunctionCall':
      // Stryker disable next-line OptionalChaining,StringLiteral: every function the parser accepts is in the table (an unknown one is a promql/syntax error, and no type is asked of a tree that did not parse)
      return promqlFunctions.get(functionName(node, expr))?.returns ?? 'none';
    case 'BinaryExpr': {
      const [lhs, rhs] = exprChildren(node);
      if (!lhs || !rhs) return 'none';
      return typeOfChild(lhs) === 'scalar' && typeOfChild(rhs) === 'scalar' ? 'scalar' : 'instant vector';
    }
    default: {
      if (!TRANSPARENT.has(name)) return 'none';
      const inner = firstExprChild(node);
      return inner ? typeOfChild(inner) : 'none';
    }
  }
}

/** The value type of an expression node (a pure function of the tree and text). */
export function inferType(node: SyntaxNode, expr: string): PromqlType {
  const types = new Map<number | string, PromqlType>();
  const key = nodeKeyFor(expr.length);
  const lookup = (n: SyntaxNode): PromqlType => types.get(key(n)) ?? 'none';
  // Nodes of other types are typed 'none', as a missing entry is.
  for (const n of collectPostOrder(node, TYPED_NODES)) types.set(key(n), typeOfNode(n, expr, lookup));
  return lookup(node);
}
