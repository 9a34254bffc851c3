/**
 * catalog/metric-type: a function applied to the wrong kind of series —
 * rate / irate / increase / resets over something that is not a counter;
 * histogram_quantile over anything but `_bucket` series aggregated with `le`
 * kept; `_over_time` averages, sums and derivatives of a counter (meaningless
 * for an ever-growing total); a classic histogram's base name, which has no
 * series of its own. Only series whose kind some source knows are judged.
 */
import type { SyntaxNode, Tree } from '../promql/parse';
import { promqlAggregations, promqlFunctions } from '../promql/functionTable';
import { postfixTarget } from '../promql/selectors';
import { MODIFIER_NODES } from '../promql/valueTypes';
import type { ExpressionContext, ExpressionProblem, ExpressionCheck } from '../promql/site';
import type { SampleKind } from './catalog';
import { envOf, type CheckEnv } from './env';
import { carries, inferLabels } from './labels';
import { aggregationModifier, aggregationOp, callArgs, catalogNodes, firstExprChild, functionName, readSelector, selectorsOf, type SelectorInfo } from './tree';
import { childNamed, parsePromql } from '../promql/parse';
import { say } from './messages';

export const METRIC_TYPE = 'catalog/metric-type';

export function checkMetricTypes(expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  const env = envOf(context);
  const problems: ExpressionProblem[] = [];
  for (const node of catalogNodes(tree)) {
    if (node.name === 'VectorSelector') {
      checkBase(node, expr, env, problems);
      continue;
    }
    // Stryker disable next-line ConditionalExpression: a shortcut; functionName of any other node is '', no function of the table and not histogram_quantile
    if (node.name !== 'FunctionCall') continue;
    const name = functionName(node, expr);
    const fn = promqlFunctions.get(name);
    // Stryker disable next-line OptionalChaining: every function of an expression that type-checked is in the table
    if (fn?.reads) checkRangeFunction(node, name, fn.reads, fn.args.indexOf('range vector'), expr, env, problems);
    else if (name === 'histogram_quantile') checkQuantile(node, expr, env, problems);
  }
  return problems.sort((a, b) => a.from - b.from);
}

/**
 * Not a kind the checks judge. No check compares a kind with it (they look for 'counter', 'gauge' and
 * 'histogram-base'), so it is one constant rather than a literal per place.
 */
// Stryker disable next-line StringLiteral: see above; any other string that is no judged kind reads the same
const UNKNOWN: SampleKind = 'unknown';

/** What the values of a metric's series are: catalog, live, or what a recording rule computes (followed `depth` rules deep). */
export function sampleKindOf(metric: string, env: CheckEnv, depth = 0): SampleKind {
  const rule = env.workspace.recordingRules().get(metric)?.[0];
  if (rule) return ruleKind(rule.expr, env, depth);
  return env.catalog.metric(metric)?.sampleKind ?? UNKNOWN;
}

/** A recording rule's output kind: a (summed) counter stays a counter; rates and ratios are gauges. */
function ruleKind(ruleExpr: string, env: CheckEnv, depth: number): SampleKind {
  if (depth > 8) return UNKNOWN;
  let node: SyntaxNode | undefined = parsePromql(ruleExpr, env.workspace.caches).topNode;
  while (node && (node.name === 'PromQL' || node.name === 'ParenExpr' || (node.name === 'AggregateExpr' && keepsCounter(aggregationOp(node, ruleExpr))))) {
    node = node.name === 'AggregateExpr' ? callArgs(node).at(-1) : firstExprChild(node);
  }
  // Stryker disable next-line ConditionalExpression: a shortcut; no rule's expression is empty, and neither branch below takes an absent node
  if (!node) return UNKNOWN;
  if (node.name === 'VectorSelector') {
    const metric = readSelector(node, ruleExpr).metric;
    // Stryker disable next-line ConditionalExpression: a shortcut; no rule and no catalog metric has an undefined name, so sampleKindOf would say UNKNOWN too
    return metric === undefined ? UNKNOWN : sampleKindOf(metric, env, depth + 1);
  }
  if (node.name === 'FunctionCall' || node.name === 'BinaryExpr' || node.name === 'AggregateExpr') return 'gauge';
  return UNKNOWN;
}

function keepsCounter(aggregation: string): boolean {
  // Stryker disable next-line OptionalChaining: every aggregation of an expression that parsed is in the table
  return promqlAggregations.get(aggregation)?.keepsCounter === true;
}

function checkBase(node: SyntaxNode, expr: string, env: CheckEnv, problems: ExpressionProblem[]): void {
  const selector = readSelector(node, expr);
  // Stryker disable next-line ConditionalExpression: a shortcut; the catalog has no metric of an undefined name
  const info = selector.metric !== undefined ? env.catalog.metric(selector.metric) : undefined;
  if (!info || info.sampleKind !== 'histogram-base' || env.substituted(selector.metricFrom, selector.metricTo)) return;
  problems.push({
    from: selector.metricFrom,
    to: selector.metricTo,
    code: METRIC_TYPE,
    severity: 'warning',
    message: say('histogramNoSeries', { name: info.name, origin: info.origin }),
    fixes: ['_bucket', '_sum', '_count'].map((suffix) => ({
      title: say('fixChange', { to: `${info.name}${suffix}` }),
      edits: [{ start: selector.metricTo, end: selector.metricTo, newText: suffix }],
    })),
  });
}

/** The selector a range function's range argument reads, through the matrix selector and its modifiers. */
function rangeSelector(call: SyntaxNode, rangeArg: number, expr: string): SelectorInfo | undefined {
  let arg = callArgs(call)[rangeArg];
  // `x[5m] offset 1h` and `x[5m] @ end()` wrap the matrix selector itself.
  while (arg && MODIFIER_NODES.has(arg.name)) arg = firstExprChild(arg);
  // Stryker disable next-line OptionalChaining: a call that type-checked has its range argument
  if (arg?.name !== 'MatrixSelector') return undefined;
  const inner = firstExprChild(arg);
  const target = inner ? postfixTarget(inner) : undefined;
  // Stryker disable next-line ConditionalExpression,OptionalChaining: a range that type-checked is of a vector selector (promql/type reports any other)
  return target?.name === 'VectorSelector' ? readSelector(target, expr) : undefined;
}

/** A series of a known kind: a recording rule's output, or a catalog metric (whose origin says where it comes from). */
function describe(metric: string, env: CheckEnv): string {
  const rule = env.workspace.recordingRules().get(metric)?.[0];
  if (rule) return say('seriesRule', { metric, file: rule.uri.slice(rule.uri.lastIndexOf('/') + 1) });
  // Stryker disable next-line OptionalChaining,StringLiteral: only series of a known kind are described, and a series that is no rule's has its kind from the catalog
  return say('seriesFrom', { metric, origin: env.catalog.metric(metric)?.origin ?? '' });
}

function checkRangeFunction(call: SyntaxNode, name: string, reads: 'counter' | 'gauge', rangeArg: number, expr: string, env: CheckEnv, problems: ExpressionProblem[]): void {
  const selector = rangeSelector(call, rangeArg, expr);
  if (!selector?.metric || env.substituted(selector.metricFrom, selector.metricTo)) return;
  const kind = sampleKindOf(selector.metric, env);
  if (reads === 'counter' && kind === 'gauge') {
    problems.push({
      from: selector.metricFrom,
      to: selector.metricTo,
      code: METRIC_TYPE,
      severity: 'warning',
      message: say('rateOfGauge', { fn: name, series: describe(selector.metric, env) }),
    });
  } else if (reads === 'gauge' && kind === 'counter') {
    problems.push({
      from: selector.metricFrom,
      to: selector.metricTo,
      code: METRIC_TYPE,
      severity: 'warning',
      message: say('gaugeFnOfCounter', { fn: name, series: describe(selector.metric, env) }),
    });
  }
}

function checkQuantile(call: SyntaxNode, expr: string, env: CheckEnv, problems: ExpressionProblem[]): void {
  const input = callArgs(call)[1];
  // Stryker disable next-line ConditionalExpression: a shortcut; histogram_quantile that type-checked has its second argument
  if (!input) return;
  for (const selector of selectorsOf(input, expr)) {
    // Stryker disable next-line ConditionalExpression: a shortcut; the catalog has no metric of an undefined name
    const info = selector.metric !== undefined ? env.catalog.metric(selector.metric) : undefined;
    if (!info || info.series === 'bucket' || info.sampleKind === 'unknown' || info.sampleKind === 'histogram-base' || env.substituted(selector.metricFrom, selector.metricTo)) continue;
    if (env.workspace.recordingRules().has(selector.metric ?? '')) continue;
    problems.push({
      from: selector.metricFrom,
      to: selector.metricTo,
      code: METRIC_TYPE,
      severity: 'warning',
      message: say('quantileNotBucket', { series: describe(info.name, env), type: info.type, ...(info.series ? { part: info.series } : {}) }),
    });
    return;
  }
  const labels = inferLabels(input, expr, env);
  if (labels.open || carries(labels, 'le')) return;
  const aggregation = unwrapToAggregation(input);
  const modifier = aggregation ? aggregationModifier(aggregation, expr) : undefined;
  const problem: ExpressionProblem = {
    from: input.from,
    to: input.to,
    code: METRIC_TYPE,
    severity: 'warning',
    // Stryker disable next-line ArrayDeclaration: without a modifier the message names no labels
    message: say('quantileDropsLe', { labels: modifier?.labels.map((l) => l.name) ?? [], ...(modifier ? { modifier: modifier.kind } : {}) }),
  };
  const modifierNode = aggregation ? childNamed(aggregation, 'AggregateModifier') : null;
  const clause = modifierNode ? childNamed(modifierNode, 'GroupingLabels') : null;
  if (modifier?.kind === 'by' && clause) {
    const insertAt = clause.to - 1;
    problem.fixes = [{ title: say('fixKeepLe'), preferred: true, edits: [{ start: insertAt, end: insertAt, newText: modifier.labels.length ? ', le' : 'le' }] }];
  }
  problems.push(problem);
}

function unwrapToAggregation(node: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | undefined = node;
  while (n && n.name === 'ParenExpr') n = firstExprChild(n);
  // Stryker disable next-line ConditionalExpression,OptionalChaining: a shortcut; any other node has no AggregateModifier, so no modifier is read from it
  return n?.name === 'AggregateExpr' ? n : undefined;
}

export const metricTypeCheck: ExpressionCheck = {
  meta: {
    name: 'catalog/metricType',
    on: 'expression',
    fileKinds: ['rules', 'dashboard', 'promql'],
    description: '`rate`/`increase` over a gauge, `histogram_quantile` without `_bucket` or with `le` aggregated away (fix: add `le`)',
    codes: [
      {
        code: METRIC_TYPE,
        severity: 'warning',
        short: 'function used on the wrong kind of metric',
        help: 'A function is applied to the wrong kind of series: rate/increase over a gauge, histogram_quantile without _bucket series or with le aggregated away.',
        ja: {
          short: '種類の合わないメトリクスに使われた関数',
          help: '関数が誤った種類の系列に使われています: ゲージに対する rate/increase、_bucket 系列でない、または le を集約で落とした histogram_quantile。',
        },
      },
    ],
  },
  run: checkMetricTypes,
};
