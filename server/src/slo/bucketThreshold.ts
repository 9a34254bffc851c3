/**
 * slo/bucket-threshold: a latency threshold `histogram_quantile(φ, …) > X`
 * whose X is not one of the histogram's bucket bounds (the catalog's; the
 * design's 0.005 … 10 for its latency histograms). Between two bounds
 * histogram_quantile interpolates linearly, so the alert fires on an estimate
 * rather than on a count of slow requests; the quick fixes offer the nearest
 * bounds. A recording rule of histogram_quantile (`service:…:p99 > 0.3`) is
 * followed to the histogram it reads.
 */
import { childNamed, parsePromql, type SyntaxNode, type Tree } from '../promql/parse';
import { parseNumber } from '../promql/literals';
import type { ExpressionContext, ExpressionProblem, ExpressionCheck } from '../promql/site';
import { envOf, type CheckEnv } from '../catalog/env';
import { binaryOperator, catalogNodes, COMPARISONS, exprChildren, functionName, readSelector, selectorsOf, unparen } from '../catalog/tree';
import { say } from './messages';

export const SLO_BUCKET_THRESHOLD = 'slo/bucket-threshold';

interface Histogram {
  /** The `_bucket` series histogram_quantile reads. */
  series: string;
  family: string;
  buckets: readonly number[];
  /** The recording rule followed to it, if any. */
  via?: string;
}

export function checkBucketThresholds(expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  const env = envOf(context);
  const problems: ExpressionProblem[] = [];
  for (const node of catalogNodes(tree)) {
    // Stryker disable next-line ConditionalExpression: a shortcut; the operator of any other node is no comparison
    if (node.name !== 'BinaryExpr' || !COMPARISONS.has(binaryOperator(node, expr))) continue;
    const [lhs, rhs] = exprChildren(node).map(unparen);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a binary expression Prometheus loads has both sides (the checks beyond syntax run only then)
    if (!lhs || !rhs) continue;
    // Stryker disable next-line ArrayDeclaration: any array without two nodes leaves literal undefined, and the next line skips it
    const [quantile, literal] = isNumber(rhs) ? [lhs, rhs] : isNumber(lhs) ? [rhs, lhs] : [];
    // Stryker disable next-line LogicalOperator: both are set or neither is
    if (!quantile || !literal) continue;
    const histogram = histogramOf(quantile, expr, env, 0);
    if (!histogram) continue;
    const text = expr.slice(literal.from, literal.to);
    // A sign lezer keeps apart (`-0.3 < …`, a UnaryExpr) may be followed by blanks, as in `- 0.3`.
    // Stryker disable next-line Regex: removing the blanks one at a time or a run at a time leaves the same text
    const value = parseNumber(text.replace(/\s+/g, ''));
    if (!Number.isFinite(value) || histogram.buckets.includes(value)) continue;
    if (env.substituted(literal.from, literal.to)) continue;
    const nearest = nearestBounds(value, histogram.buckets);
    const [low = 0, high = 0] = nearest;
    const between =
      nearest.length === 2
        ? ({ kind: 'between', low, high } as const)
        : // Stryker disable next-line EqualityOperator: a value equal to the largest bound is a bound, skipped above
          value > (histogram.buckets.at(-1) ?? 0)
          ? ({ kind: 'above', bound: low } as const)
          : ({ kind: 'below', bound: low } as const);
    problems.push({
      from: literal.from,
      to: literal.to,
      code: SLO_BUCKET_THRESHOLD,
      severity: 'warning',
      message: say('bucketThreshold', { threshold: text, family: histogram.family, between, buckets: histogram.buckets, ...(histogram.via ? { via: histogram.via } : {}) }),
      fixes: [...nearest]
        .sort((a, b) => Math.abs(a - value) - Math.abs(b - value))
        .map((bound, i) => ({ title: say('fixChange', { to: String(bound) }), ...(i === 0 ? { preferred: true } : {}), edits: [{ start: literal.from, end: literal.to, newText: String(bound) }] })),
    });
  }
  return problems;
}

/** A number, signed or not: `0.3`, `-0.3` on the right (one literal), `-0.3` on the left (a sign and a literal). */
function isNumber(node: SyntaxNode): boolean {
  if (node.name === 'NumberDurationLiteral') return true;
  // Stryker disable next-line LogicalOperator,ConditionalExpression,OptionalChaining: a node taken for a number by mistake (`1 + 0.3`, `-(0.3)`, `-x`) has a text that is no number: parseNumber gives NaN and the check skips it (tested); a UnaryExpr always has an operand
  return node.name === 'UnaryExpr' && node.lastChild?.name === 'NumberDurationLiteral';
}

/** The nearest bound below and above `value` (one of them at the ends). */
export function nearestBounds(value: number, buckets: readonly number[]): number[] {
  const below = [...buckets].reverse().find((b) => b < value);
  const above = buckets.find((b) => b > value);
  return [below, above].filter((b): b is number => b !== undefined);
}

/** The histogram a quantile expression reads: `histogram_quantile(φ, …_bucket…)` or a recording rule of one. */
function histogramOf(node: SyntaxNode, expr: string, env: CheckEnv, depth: number): Histogram | undefined {
  // Stryker disable next-line ConditionalExpression: a shortcut; another node has no function name
  if (node.name === 'FunctionCall' && functionName(node, expr) === 'histogram_quantile') {
    const body = childNamed(node, 'FunctionCallBody');
    const arg = body ? exprChildren(body)[1] : undefined;
    // Stryker disable next-line ConditionalExpression: histogram_quantile with one argument is a promql/type error, and no check beyond types runs then
    if (!arg) return undefined;
    for (const selector of selectorsOf(arg, expr)) {
      // Stryker disable next-line ConditionalExpression: the catalog has no metric of an undefined name either
      const info = selector.metric !== undefined ? env.catalog.metric(selector.metric) : undefined;
      if (info?.series === 'bucket' && info.buckets?.length) return { series: info.name, family: info.family, buckets: info.buckets };
    }
    return undefined;
  }
  // Stryker disable next-line ConditionalExpression: a shortcut; readSelector finds no metric name in another node (the top of a rule's or a comparison's side, parentheses removed)
  if (node.name === 'VectorSelector' && depth < 3) {
    const name = readSelector(node, expr).metric;
    // Stryker disable next-line ConditionalExpression: no recording rule has an undefined name either
    const rule = name !== undefined ? env.workspace.recordingRules().get(name)?.[0] : undefined;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a guard; without it, reading a missing rule's expr throws inside the try below, which answers undefined all the same
    if (!rule || !name) return undefined;
    let tree: Tree;
    try {
      tree = parsePromql(rule.expr, env.workspace.caches);
      // Stryker disable next-line BlockStatement: a guard; lezer recovers from any text and text too deep for it is not parsed (UNPARSED), so parsePromql does not throw
    } catch {
      return undefined;
    }
    const found = histogramOf(unparen(tree.topNode), rule.expr, env, depth + 1);
    return found ? { ...found, via: found.via ?? name } : undefined;
  }
  return undefined;
}

export const bucketThresholdCheck: ExpressionCheck = {
  meta: {
    name: 'slo/bucketThreshold',
    on: 'expression',
    fileKinds: ['rules', 'dashboard', 'promql'],
    description: "`histogram_quantile(…) > X` (directly or through a recording rule) with X between the histogram's bucket bounds (the design's 0.005 … 10): fixes offer the nearest bounds",
    codes: [
      {
        code: SLO_BUCKET_THRESHOLD,
        severity: 'warning',
        short: 'latency threshold between bucket bounds',
        help: 'histogram_quantile(…) > X with X between two bucket bounds of the histogram: Prometheus interpolates, so the alert fires on an estimate; use a bucket bound.',
        ja: {
          short: 'バケット境界の間にあるレイテンシのしきい値',
          help: 'histogram_quantile(…) > X の X がヒストグラムの 2 つのバケット境界の間にあります。Prometheus は補間するため、アラートは推定値で発火します。バケット境界の値を使ってください。',
        },
      },
    ],
  },
  run: checkBucketThresholds,
};
