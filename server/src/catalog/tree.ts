/**
 * Reading the lezer-promql tree for the catalog checks: selectors with their
 * metric name and matchers (exact expression offsets), grouping labels, and
 * the wrappers that do not change what an expression selects.
 */
import { childrenOf, visitPostOrder, type SyntaxNode, type Tree } from '../promql/parse';
import { unquote } from '../promql/literals';
import { exprChildren, functionName } from '../promql/valueTypes';

export interface MatcherInfo {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
  /** The matcher's label name. */
  nameFrom: number;
  nameTo: number;
  /** The operator. */
  opFrom: number;
  opTo: number;
  /** The value's string literal, quotes included. */
  valueFrom: number;
  valueTo: number;
}

export interface SelectorInfo {
  node: SyntaxNode;
  /** The metric name (from the identifier or a `__name__=` / `{"name"}` matcher). */
  metric?: string;
  metricFrom: number;
  metricTo: number;
  /** Whether the metric name was written as an identifier (a quick fix can replace it as is). */
  metricIsIdentifier: boolean;
  matchers: MatcherInfo[];
}

export function readSelector(node: SyntaxNode, expr: string): SelectorInfo {
  const id = node.getChild('Identifier');
  const info: SelectorInfo = { node, metricFrom: node.from, metricTo: node.to, metricIsIdentifier: false, matchers: [] };
  if (id) {
    info.metric = expr.slice(id.from, id.to);
    info.metricFrom = id.from;
    info.metricTo = id.to;
    info.metricIsIdentifier = true;
  }
  for (const m of childrenOf(node.getChild('LabelMatchers') ?? node)) {
    if (m.name === 'QuotedLabelName') {
      if (info.metric === undefined) {
        info.metric = unquote(expr.slice(m.from, m.to));
        info.metricFrom = m.from;
        info.metricTo = m.to;
      }
      continue;
    }
    if (m.name !== 'UnquotedLabelMatcher' && m.name !== 'QuotedLabelMatcher') continue;
    const nameNode = m.getChild('LabelName') ?? m.getChild('QuotedLabelName');
    const opNode = m.getChild('MatchOp');
    const valueNode = m.getChild('StringLiteral');
    if (!nameNode || !opNode || !valueNode) continue;
    const rawName = expr.slice(nameNode.from, nameNode.to);
    const matcher: MatcherInfo = {
      name: nameNode.name === 'QuotedLabelName' ? unquote(rawName) : rawName,
      op: expr.slice(opNode.from, opNode.to) as MatcherInfo['op'],
      value: unquote(expr.slice(valueNode.from, valueNode.to)),
      nameFrom: nameNode.from, nameTo: nameNode.to, opFrom: opNode.from, opTo: opNode.to,
      valueFrom: valueNode.from, valueTo: valueNode.to,
    };
    if (matcher.name === '__name__' && matcher.op === '=' && info.metric === undefined) {
      info.metric = matcher.value;
      info.metricFrom = valueNode.from;
      info.metricTo = valueNode.to;
      continue;
    }
    info.matchers.push(matcher);
  }
  return info;
}

/** Every vector selector of the tree, in document order. */
export function selectorsOf(tree: Tree | SyntaxNode, expr: string): SelectorInfo[] {
  const out: SelectorInfo[] = [];
  visitPostOrder('topNode' in tree ? tree.topNode : tree, (node) => {
    if (node.name === 'VectorSelector') out.push(readSelector(node, expr));
  });
  return out.sort((a, b) => a.node.from - b.node.from);
}

export interface GroupingLabel {
  name: string;
  from: number;
  to: number;
}

/** The labels of a `GroupingLabels` node. */
export function groupingLabels(node: SyntaxNode | null | undefined, expr: string): GroupingLabel[] {
  if (!node) return [];
  return childrenOf(node).flatMap((c) => {
    if (c.name === 'LabelName') return [{ name: expr.slice(c.from, c.to), from: c.from, to: c.to }];
    if (c.name === 'QuotedLabelName') return [{ name: unquote(expr.slice(c.from, c.to)), from: c.from, to: c.to }];
    return [];
  });
}

/** An aggregation's `by`/`without` clause. */
export function aggregationModifier(node: SyntaxNode, expr: string): { kind: 'by' | 'without'; labels: GroupingLabel[] } | undefined {
  const modifier = node.getChild('AggregateModifier');
  if (!modifier) return undefined;
  return { kind: modifier.getChild('Without') ? 'without' : 'by', labels: groupingLabels(modifier.getChild('GroupingLabels'), expr) };
}

export function aggregationOp(node: SyntaxNode, expr: string): string {
  const op = node.getChild('AggregateOp');
  return op ? expr.slice(op.from, op.to).toLowerCase() : '';
}

/** The expression arguments of a call or aggregation body. */
export function callArgs(node: SyntaxNode): SyntaxNode[] {
  const body = node.getChild('FunctionCallBody');
  return body ? exprChildren(body) : [];
}

export { functionName, exprChildren };

/** The operator of a binary expression, as written (`>`, `and`, ...). */
export function binaryOperator(node: SyntaxNode, expr: string): string {
  const [lhs] = exprChildren(node);
  for (let c = lhs?.nextSibling; c; c = c.nextSibling) {
    if (c.type.is('Expr')) break;
    if (c.name !== 'BoolModifier' && c.name !== 'MatchingModifierClause') return expr.slice(c.from, c.to).toLowerCase();
  }
  return '';
}

export const COMPARISONS = new Set(['==', '!=', '>', '<', '>=', '<=']);

/** The innermost expression under parentheses. */
export function unparen(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.name === 'ParenExpr' || n.name === 'PromQL') {
    const inner = exprChildren(n)[0];
    if (!inner) break;
    n = inner;
  }
  return n;
}

/** The enclosing nodes of `node`, nearest first, stopping at the root. */
export function ancestors(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}

/** The function call whose argument `node` is (through a matrix selector, parentheses, modifiers), if any. */
export function enclosingCall(node: SyntaxNode, expr: string): { call: SyntaxNode; name: string } | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.name === 'FunctionCallBody') {
      const call = p.parent;
      if (call?.name === 'FunctionCall') return { call, name: functionName(call, expr) };
      return undefined;
    }
    if (!['MatrixSelector', 'ParenExpr', 'OffsetExpr', 'StepInvariantExpr', 'SubqueryExpr', 'AnchoredExpr', 'SmoothedExpr'].includes(p.name)) return undefined;
  }
  return undefined;
}
