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
import { aggregationModifier, callArgs, catalogNodes, firstExprChild, functionName, readSelector, selectorsOf, type SelectorInfo } from './tree';
import { childNamed, parsePromql } from '../promql/parse';
import { say } from './messages';

export const METRIC_TYPE = 'catalog/metric-type';

export function checkMetricTypes(expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  const env = envOf(context);
  const problems: ExpressionProblem[] = [];
  for (const node of catalogNodes(tree)) {
    if (node.name === 'VectorSelector') checkBase(node, expr, env, problems);
    if (node.name !== 'FunctionCall') continue;
    const name = functionName(node, expr);
    const reads = promqlFunctions.get(name)?.reads;
    if (reads) checkRangeFunction(node, name, reads, expr, env, problems);
    else if (name === 'histogram_quantile') checkQuantile(node, expr, env, problems);
  }
  return problems.sort((a, b) => a.from - b.from);
}

/** What the values of a selector's series are: catalog, live, or what a recording rule computes. */
export function sampleKindOf(metric: string | undefined, env: CheckEnv): SampleKind {
  if (metric === undefined) return 'unknown';
  const rules = env.workspace.recordingRules().get(metric);
  if (rules?.length) return ruleKind(rules[0]?.expr ?? '', env);
  return env.catalog.metric(metric)?.sampleKind ?? 'unknown';
}

/** A recording rule's output kind: a (summed) counter stays a counter; rates and ratios are gauges. */
function ruleKind(ruleExpr: string, env: CheckEnv, depth = 0): SampleKind {
  if (depth > 8) return 'unknown';
  let node: SyntaxNode | undefined = parsePromql(ruleExpr, env.workspace.caches).topNode;
  while (node && (node.name === 'PromQL' || node.name === 'ParenExpr' || (node.name === 'AggregateExpr' && keepsCounter(childNamed(node, 'AggregateOp')?.firstChild?.name.toLowerCase() ?? '')))) {
    node = node.name === 'AggregateExpr' ? callArgs(node).at(-1) : firstExprChild(node);
  }
  if (!node) return 'unknown';
  if (node.name === 'VectorSelector') {
    const metric = readSelector(node, ruleExpr).metric;
    const rules = metric !== undefined ? env.workspace.recordingRules().get(metric) : undefined;
    if (rules?.length) return ruleKind(rules[0]?.expr ?? '', env, depth + 1);
    return metric !== undefined ? (env.catalog.metric(metric)?.sampleKind ?? 'unknown') : 'unknown';
  }
  if (node.name === 'FunctionCall' || node.name === 'BinaryExpr' || node.name === 'AggregateExpr') return 'gauge';
  return 'unknown';
}

function keepsCounter(aggregation: string): boolean {
  return promqlAggregations.get(aggregation)?.keepsCounter === true;
}

function checkBase(node: SyntaxNode, expr: string, env: CheckEnv, problems: ExpressionProblem[]): void {
  const selector = readSelector(node, expr);
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
function rangeSelector(call: SyntaxNode, expr: string): SelectorInfo | undefined {
  let arg = callArgs(call)[promqlFunctions.get(functionName(call, expr))?.args.indexOf('range vector') ?? 0];
  // `x[5m] offset 1h` and `x[5m] @ end()` wrap the matrix selector itself.
  while (arg && MODIFIER_NODES.has(arg.name)) arg = firstExprChild(arg);
  if (arg?.name !== 'MatrixSelector') return undefined;
  const inner = firstExprChild(arg);
  const target = inner ? postfixTarget(inner) : undefined;
  return target?.name === 'VectorSelector' ? readSelector(target, expr) : undefined;
}

function describe(metric: string, env: CheckEnv): string {
  const rule = env.workspace.recordingRules().get(metric)?.[0];
  if (rule) return say('seriesRule', { metric, file: rule.uri.split('/').pop() ?? '' });
  return say('seriesFrom', { metric, origin: env.catalog.metric(metric)?.origin ?? say('origin', { origin: { kind: 'unknown' } }) });
}

function checkRangeFunction(call: SyntaxNode, name: string, reads: 'counter' | 'gauge', expr: string, env: CheckEnv, problems: ExpressionProblem[]): void {
  const selector = rangeSelector(call, expr);
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
  if (!input) return;
  for (const selector of selectorsOf(input, expr)) {
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
