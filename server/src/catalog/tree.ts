/**
 * Reading the lezer-promql tree for the catalog checks: selectors with their
 * metric name and matchers (exact expression offsets), grouping labels, and
 * the wrappers that do not change what an expression selects.
 */
import { childNamed, childrenNamedFirst, childrenOf, collectPostOrder, matcherParts, treeNodes, type SyntaxNode, type Tree } from '../promql/parse';
import { operatorNames } from '../promql/functionTable';
import { SEMANTIC_NODES } from '../promql/semantics';
import { unquote } from '../promql/literals';
import { exprChildren, firstExprChild, functionName, lastExprChild, RANGE_NODES, TRANSPARENT_NODES } from '../promql/valueTypes';

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

const SELECTOR_PARTS = ['Identifier', 'LabelMatchers'];

export function readSelector(node: SyntaxNode, expr: string): SelectorInfo {
  const [id, labelMatchers] = childrenNamedFirst(node, SELECTOR_PARTS);
  const info: SelectorInfo = { node, metricFrom: node.from, metricTo: node.to, metricIsIdentifier: false, matchers: [] };
  if (id) {
    info.metric = expr.slice(id.from, id.to);
    info.metricFrom = id.from;
    info.metricTo = id.to;
    info.metricIsIdentifier = true;
  }
  for (let m = (labelMatchers ?? node).firstChild; m; m = m.nextSibling) {
    if (m.name === 'QuotedLabelName') {
      if (info.metric === undefined) {
        info.metric = unquote(expr.slice(m.from, m.to));
        info.metricFrom = m.from;
        info.metricTo = m.to;
      }
      continue;
    }
    if (m.name !== 'UnquotedLabelMatcher' && m.name !== 'QuotedLabelMatcher') continue;
    const { name: nameNode, op: opNode, value: valueNode } = matcherParts(m);
    if (!nameNode || !opNode || !valueNode) continue;
    const rawName = expr.slice(nameNode.from, nameNode.to);
    const matcher: MatcherInfo = {
      name: nameNode.name === 'QuotedLabelName' ? unquote(rawName) : rawName,
      op: expr.slice(opNode.from, opNode.to) as MatcherInfo['op'],
      value: unquote(expr.slice(valueNode.from, valueNode.to)),
      nameFrom: nameNode.from,
      nameTo: nameNode.to,
      opFrom: opNode.from,
      opTo: opNode.to,
      valueFrom: valueNode.from,
      valueTo: valueNode.to,
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

const CATALOG_NODES: ReadonlySet<string> = new Set(['VectorSelector', 'AggregateExpr', 'FunctionCall', 'BinaryExpr']);
const VECTOR_SELECTORS: ReadonlySet<string> = new Set(['VectorSelector']);
/** The type check's walk of the tree holds these nodes too: one walk serves both (see treeNodes). */
const WALK = [...CATALOG_NODES].every((n) => SEMANTIC_NODES.has(n)) ? SEMANTIC_NODES : CATALOG_NODES;

/** What the expression checks read of one tree, found once however many checks ask. */
interface TreeFacts {
  nodes: readonly SyntaxNode[];
  selectors?: { expr: string; list: readonly SelectorInfo[] };
}

/**
 * The facts of the last two trees asked about: an expression's checks run
 * one after the other on its tree (and the rule's checks right after). Not a
 * WeakMap: its values point back at their tree, and V8's young-generation
 * collector then keeps every tree and its nodes alive into the old
 * generation (+37 MB of promoted garbage on the 5 MB benchmark file).
 * Shared by every service: keyed by the tree object (no text, no workspace), two entries at most.
 */
const recent: { tree: Tree; facts: TreeFacts }[] = [];

function factsOf(tree: Tree): TreeFacts {
  const hit = recent.find((r) => r.tree === tree);
  if (hit) return hit.facts;
  const facts: TreeFacts = { nodes: treeNodes(tree, WALK).filter((n) => CATALOG_NODES.has(n.name)) };
  recent.unshift({ tree, facts });
  if (recent.length > 2) recent.pop();
  return facts;
}

/**
 * The vector selectors, aggregations, function calls and binary expressions
 * of a tree, children first (visitPostOrder's order): the nodes the catalog
 * checks look at, from one walk per tree instead of one per check.
 */
export function catalogNodes(tree: Tree): readonly SyntaxNode[] {
  return factsOf(tree).nodes;
}

/** Every vector selector of the tree, in document order. */
export function selectorsOf(tree: Tree | SyntaxNode, expr: string): SelectorInfo[] {
  if (!('topNode' in tree)) return readSelectors(collectPostOrder(tree, VECTOR_SELECTORS), expr);
  const facts = factsOf(tree);
  if (facts.selectors?.expr !== expr)
    facts.selectors = {
      expr,
      list: readSelectors(
        facts.nodes.filter((n) => n.name === 'VectorSelector'),
        expr,
      ),
    };
  // A copy: callers may sort or filter what they get.
  return facts.selectors.list.slice();
}

function readSelectors(nodes: readonly SyntaxNode[], expr: string): SelectorInfo[] {
  return nodes.map((node) => readSelector(node, expr)).sort((a, b) => a.node.from - b.node.from);
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
  const modifier = childNamed(node, 'AggregateModifier');
  if (!modifier) return undefined;
  return { kind: childNamed(modifier, 'Without') ? 'without' : 'by', labels: groupingLabels(childNamed(modifier, 'GroupingLabels'), expr) };
}

export function aggregationOp(node: SyntaxNode, expr: string): string {
  const op = childNamed(node, 'AggregateOp');
  return op ? expr.slice(op.from, op.to).toLowerCase() : '';
}

/** The expression arguments of a call or aggregation body. */
export function callArgs(node: SyntaxNode): SyntaxNode[] {
  const body = childNamed(node, 'FunctionCallBody');
  return body ? exprChildren(body) : [];
}

export { functionName, exprChildren, firstExprChild, lastExprChild };

/** The operator of a binary expression, as written (`>`, `and`, ...). */
export function binaryOperator(node: SyntaxNode, expr: string): string {
  const [lhs] = exprChildren(node);
  for (let c = lhs?.nextSibling; c; c = c.nextSibling) {
    if (c.type.is('Expr')) break;
    if (c.name !== 'BoolModifier' && c.name !== 'MatchingModifierClause') return expr.slice(c.from, c.to).toLowerCase();
  }
  return '';
}

/** The comparison operators as written (`==`, `>=`, ...), from the operator table. */
export const COMPARISONS = operatorNames('comparison');

/** The innermost expression under parentheses. */
export function unparen(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.name === 'ParenExpr' || n.name === 'PromQL') {
    const inner = firstExprChild(n);
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
    if (!TRANSPARENT_NODES.has(p.name) && !RANGE_NODES.has(p.name)) return undefined;
  }
  return undefined;
}
