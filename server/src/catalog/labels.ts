/**
 * The labels an expression's result can carry, derived the way Prometheus
 * builds result series: selectors carry their metric's labels (catalog, or a
 * recording rule's output), `by` keeps only its list, `without` drops its
 * list, one-to-one `on(...)` keeps the matching labels, `group_left(...)`
 * adds the named ones, `label_replace` adds its target, `histogram_quantile`
 * drops `le`. A set is open when any label may appear (an unknown metric).
 */
import { checkPromql, parsePromql } from '../promql';
import { childNamed, childrenNamed, type SyntaxNode } from '../promql/parse';
import { labelsOf, promqlAggregations, promqlFunctions } from '../promql/functionTable';
import { unquote } from '../promql/literals';
import { RANGE_NODES, TRANSPARENT_NODES } from '../promql/valueTypes';
import type { WorkspaceIndex } from '../workspace/index';
import type { Catalog } from './catalog';
import { aggregationModifier, aggregationOp, binaryOperator, callArgs, exprChildren, firstExprChild, functionName, groupingLabels, readSelector } from './tree';
import { say } from './messages';

export interface LabelSet {
  /** Any label may appear (something unknown feeds the expression). */
  open: boolean;
  names: ReadonlySet<string>;
  /** Label name prefixes that may appear in any number (`label_*`). */
  prefixes: readonly string[];
}

export const OPEN: LabelSet = { open: true, names: new Set(), prefixes: [] };
const NONE: LabelSet = { open: false, names: new Set(), prefixes: [] };

export function closed(names: Iterable<string>, prefixes: readonly string[] = []): LabelSet {
  return { open: false, names: new Set(names), prefixes };
}

export function carries(set: LabelSet, label: string): boolean {
  return set.open || set.names.has(label) || set.prefixes.some((p) => label.startsWith(p));
}

export interface LabelEnv {
  catalog: Catalog;
  workspace: WorkspaceIndex;
}

/** The labels of a selector's series: a recording rule's output, a catalog metric's, or open. */
export function selectorLabels(metric: string | undefined, env: LabelEnv): LabelSet {
  if (metric === undefined) return OPEN;
  noteRuleRead(metric);
  if (env.workspace.recordingRules().has(metric)) return ruleOutputLabels(metric, env);
  const info = env.catalog.metric(metric);
  if (!info) return OPEN;
  let cache = metricLabelCache.get(env.catalog);
  if (!cache) metricLabelCache.set(env.catalog, (cache = new Map<string, LabelSet>()));
  let set = cache.get(metric);
  if (!set) {
    const names = env.catalog.labelNames(info);
    set = names ? closed([...names, '__name__'], info.labelPrefixes) : OPEN;
    cache.set(metric, set);
  }
  return set;
}

/** A catalog metric's label set by name, per catalog (sets are never changed in place). Shared by every service: keyed by a catalog, which is one service's (catalogFor), and dropped with it. */
const metricLabelCache = new WeakMap<Catalog, Map<string, LabelSet>>();

/** A recording rule's output labels, with every rule name looked up to find them (the rule's own first). */
interface RuleLabels {
  set: LabelSet;
  reads: readonly string[];
}

/**
 * Output labels by rule name, for one generation of one workspace (and its
 * catalog): a rule's labels follow from its expression, so an edit of any
 * recording rule starts over. (Not per catalog: the catalog now outlives
 * edits of rule expressions.) Shared by every service: keyed by a workspace
 * index, which is one service's, and dropped with it.
 */
const ruleCache = new WeakMap<WorkspaceIndex, { generation: number; catalog: Catalog; byName: Map<string, RuleLabels> }>();

/** The rule names looked up by the label sets being computed, innermost last: empty between calls, so nothing to share. */
const collecting: Set<string>[] = [];

function noteRuleRead(name: string): void {
  for (const reads of collecting) reads.add(name);
}

/**
 * The labels a recording rule's output carries: what its expression keeps,
 * plus the rule's own `labels:`. A name recorded by several rules carries
 * the union; a cycle (a rule fed by itself) is open. A remembered answer
 * looks its rules up again, so that whoever tracks the workspace's reads
 * (WorkspaceIndex.track) sees that the answer depends on them.
 */
export function ruleOutputLabels(name: string, env: LabelEnv): LabelSet {
  let cache = ruleCache.get(env.workspace);
  if (!cache || cache.generation !== env.workspace.generation || cache.catalog !== env.catalog) {
    ruleCache.set(env.workspace, (cache = { generation: env.workspace.generation, catalog: env.catalog, byName: new Map() }));
  }
  const hit = cache.byName.get(name);
  if (hit) {
    const rules = env.workspace.recordingRules();
    for (const read of hit.reads) {
      noteRuleRead(read);
      rules.has(read);
    }
    return hit.set;
  }
  cache.byName.set(name, { set: OPEN, reads: [name] }); // guards cycles
  const reads = new Set([name]);
  noteRuleRead(name);
  collecting.push(reads);
  let final: LabelSet;
  try {
    const definitions = env.workspace.recordingRules().get(name) ?? [];
    let result: LabelSet | undefined;
    for (const rule of definitions) {
      let set = OPEN;
      if (!checkPromql(rule.expr, env.workspace.caches).some((p) => p.severity === 'error')) {
        set = inferLabels(parsePromql(rule.expr, env.workspace.caches).topNode, rule.expr, env);
      }
      set = union(without(set, ['__name__']), closed(Object.keys(rule.labels ?? {})));
      result = result ? union(result, set) : set;
    }
    final = result ?? OPEN;
  } finally {
    collecting.pop();
  }
  cache.byName.set(name, { set: final, reads: [...reads] });
  return final;
}

function union(a: LabelSet, b: LabelSet): LabelSet {
  if (a.open || b.open) return OPEN;
  return { open: false, names: new Set([...a.names, ...b.names]), prefixes: [...a.prefixes, ...b.prefixes] };
}

function without(set: LabelSet, labels: readonly string[]): LabelSet {
  if (set.open) return set;
  const names = new Set(set.names);
  for (const l of labels) names.delete(l);
  return { open: false, names, prefixes: set.prefixes };
}

function keep(set: LabelSet, labels: readonly string[]): LabelSet {
  // Kept labels the input cannot carry are absent from the result.
  return closed(labels.filter((l) => carries(set, l)));
}

function add(set: LabelSet, labels: readonly string[]): LabelSet {
  return set.open ? set : { open: false, names: new Set([...set.names, ...labels]), prefixes: set.prefixes };
}

/** Labels flow unchanged through the transparent wrappers and through ranges. */
function passesLabels(nodeName: string): boolean {
  return TRANSPARENT_NODES.has(nodeName) || RANGE_NODES.has(nodeName);
}

/** The labels the result of `node` can carry. Recursion depth follows the expression's nesting. */
export function inferLabels(node: SyntaxNode, expr: string, env: LabelEnv): LabelSet {
  switch (node.name) {
    case 'VectorSelector':
      return selectorLabels(readSelector(node, expr).metric, env);
    case 'NumberDurationLiteral':
    case 'StringLiteral':
      return NONE;
    case 'FunctionCall':
      return functionLabels(node, expr, env);
    case 'AggregateExpr':
      return aggregationLabels(node, expr, env);
    case 'BinaryExpr':
      return binaryLabels(node, expr, env);
    default: {
      if (!passesLabels(node.name)) return OPEN;
      const inner = firstExprChild(node);
      return inner ? inferLabels(inner, expr, env) : OPEN;
    }
  }
}

function stringArg(node: SyntaxNode | undefined, expr: string): string | undefined {
  return node?.name === 'StringLiteral' ? unquote(expr.slice(node.from, node.to)) : undefined;
}

function functionLabels(node: SyntaxNode, expr: string, env: LabelEnv): LabelSet {
  const behaviour = labelsOf(promqlFunctions.get(functionName(node, expr)));
  const args = callArgs(node);
  if (behaviour === 'none') return NONE;
  if (behaviour === 'add-target') {
    const input = args[0] ? inferLabels(args[0], expr, env) : OPEN;
    const target = stringArg(args[1], expr);
    if (target && writesNothing(functionName(node, expr), args, expr, input)) return without(input, [target]);
    return target ? add(input, [target]) : input;
  }
  if (behaviour === 'from-matchers') {
    // The one series has the equality matchers' labels of a plain selector.
    let inner = args[0];
    while (inner && (inner.name === 'MatrixSelector' || inner.name === 'ParenExpr')) inner = firstExprChild(inner);
    if (inner?.name !== 'VectorSelector') return NONE;
    return closed(
      readSelector(inner, expr)
        .matchers.filter((m) => m.op === '=')
        .map((m) => m.name),
    );
  }
  if (behaviour === 'open') return OPEN;
  // A call without a vector argument (hour() is hour(vector(time()))) has no labels.
  const vectorArg = args.find((a) => a.name !== 'NumberDurationLiteral' && a.name !== 'StringLiteral') ?? args[0];
  if (!vectorArg) return NONE;
  const input = inferLabels(vectorArg, expr, env);
  if (behaviour === 'drop-le') return without(input, ['le']);
  return input;
}

/**
 * Whether label_replace / label_join can only write an empty value (which
 * deletes the target): the source labels are none the input carries, and the
 * value is made of them alone — label_join's join of empty values, or
 * label_replace's replacement of `$1`-style references only (the groups of
 * an empty source are empty). `label_replace(vector(1), "ns", "$1", "ns", "(.*)")`
 * has no labels at all.
 */
function writesNothing(name: string, args: readonly SyntaxNode[], expr: string, input: LabelSet): boolean {
  if (input.open) return false;
  const sources = name === 'label_join' ? args.slice(3) : args.slice(3, 4);
  const labels = sources.map((a) => stringArg(a, expr));
  if (labels.length === 0 || labels.some((l) => l === undefined || carries(input, l))) return false;
  if (name === 'label_join') return true;
  const replacement = stringArg(args[2], expr);
  return replacement !== undefined && /^(?:\$(?:\d+|\{\w+\}|\w+))*$/.test(replacement);
}

function aggregationLabels(node: SyntaxNode, expr: string, env: LabelEnv): LabelSet {
  const op = aggregationOp(node, expr);
  const args = callArgs(node);
  const vector = args.at(-1);
  const input = vector ? inferLabels(vector, expr, env) : OPEN;
  if (promqlAggregations.get(op)?.selects) return input;
  const modifier = aggregationModifier(node, expr);
  let result: LabelSet;
  if (!modifier) result = NONE;
  else if (modifier.kind === 'by')
    result = input.open
      ? closed(modifier.labels.map((l) => l.name))
      : keep(
          input,
          modifier.labels.map((l) => l.name),
        );
  else result = without(input, [...modifier.labels.map((l) => l.name), '__name__']);
  if (op === 'count_values') {
    const target = stringArg(args[0], expr);
    if (target) result = add(result, [target]);
  }
  return result;
}

function binaryLabels(node: SyntaxNode, expr: string, env: LabelEnv): LabelSet {
  const [lhsNode, rhsNode] = exprChildren(node);
  if (!lhsNode || !rhsNode) return OPEN;
  const lhs = inferLabels(lhsNode, expr, env);
  const rhs = inferLabels(rhsNode, expr, env);
  const op = binaryOperator(node, expr);
  const lhsScalar = isScalarLike(lhsNode, expr);
  const rhsScalar = isScalarLike(rhsNode, expr);
  if (lhsScalar && rhsScalar) return NONE;
  if (rhsScalar) return lhs;
  if (lhsScalar) return rhs;
  if (op === 'and' || op === 'unless') return lhs;
  if (op === 'or') return union(lhs, rhs);
  const clause = childNamed(node, 'MatchingModifierClause');
  if (!clause) return lhs;
  const labelLists = childrenNamed(clause, 'GroupingLabels');
  const matching = groupingLabels(labelLists[0], expr).map((l) => l.name);
  const include = groupingLabels(labelLists[1], expr).map((l) => l.name);
  if (childNamed(clause, 'GroupLeft')) return add(lhs, include);
  if (childNamed(clause, 'GroupRight')) return add(rhs, include);
  return childNamed(clause, 'On') ? keep(lhs, matching) : without(lhs, matching);
}

/** Whether a node is a number (or arithmetic on numbers only): it carries no labels. */
function isScalarLike(node: SyntaxNode, expr: string): boolean {
  let n = node;
  while (n.name === 'ParenExpr' || n.name === 'UnaryExpr') {
    const inner = firstExprChild(n);
    if (!inner) return false;
    n = inner;
  }
  if (n.name === 'NumberDurationLiteral') return true;
  if (n.name === 'BinaryExpr') return exprChildren(n).every((c) => isScalarLike(c, expr));
  if (n.name === 'FunctionCall') return promqlFunctions.get(functionName(n, expr))?.returns === 'scalar';
  return false;
}

/** The label names of a set, sorted, for messages. */
export function describeLabels(set: LabelSet): string {
  const names = [...set.names].filter((n) => n !== '__name__').sort();
  return names.length ? names.join(', ') : say('noLabels');
}
