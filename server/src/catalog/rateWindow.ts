/**
 * promql/rate-window (hint): a rate-like function over a range shorter than
 * two scrape intervals of the job (15s in the design's prometheus.yaml, or
 * the job's own `scrape_interval`): the window holds fewer than two samples
 * and the function returns nothing. The fix proposes four intervals, which
 * also survives a missed scrape.
 */
import { childNamed, type SyntaxNode, type Tree } from '../promql/parse';
import { promqlFunctions } from '../promql/functionTable';
import { literalSeconds } from '../promql/literals';
import type { ExpressionContext, ExpressionProblem, ExpressionCheck } from '../promql/site';
import { formatSeconds } from './catalog';
import { envOf } from './env';
import { callArgs, catalogNodes, firstExprChild, functionName, selectorsOf } from './tree';
import { say } from './messages';

export const RATE_WINDOW = 'promql/rate-window';

export function checkRateWindows(expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  const env = envOf(context);
  const problems: ExpressionProblem[] = [];
  for (const node of catalogNodes(tree)) {
    // Stryker disable next-line ConditionalExpression: a shortcut; another node has no FunctionIdentifier, so its name is '' and the next line skips it
    if (node.name !== 'FunctionCall') continue;
    const name = functionName(node, expr);
    // Stryker disable next-line OptionalChaining: every function the parser accepts is in the table; an unknown one is a promql/type error, and no check beyond types runs then
    if ((promqlFunctions.get(name)?.minSamples ?? 1) < 2) continue;
    const arg = callArgs(node)[0];
    // Stryker disable next-line OptionalChaining: a two-sample function without an argument is a promql/type error, and no check beyond types runs then
    if (arg?.name !== 'MatrixSelector') continue;
    const duration = literalDuration(arg);
    if (!duration || env.substituted(duration.from, duration.to)) continue;
    const seconds = literalSeconds(expr.slice(duration.from, duration.to));
    const inner = firstExprChild(arg);
    const job = inner
      ? // Stryker disable next-line OptionalChaining: a range Prometheus accepts is over a vector selector (a range over anything else is a promql/type error, and no check beyond types runs then), and selectorsOf gives it
        selectorsOf(inner, expr)
          .at(-1)
          ?.matchers.find((m) => m.name === 'job' && m.op === '=')?.value
      : undefined;
    const interval = env.catalog.intervalOf(job);
    if (!(seconds < 2 * interval)) continue;
    const better = formatSeconds(4 * interval);
    problems.push({
      from: duration.from,
      to: duration.to,
      code: RATE_WINDOW,
      severity: 'hint',
      // Stryker disable next-line ConditionalExpression: the message words a job that is undefined as one that is absent
      message: say('rateWindow', { fn: name, window: expr.slice(duration.from, duration.to), interval: formatSeconds(interval), better, ...(job !== undefined ? { job } : {}) }),
      fixes: [{ title: say('fixUseWindow', { better }), preferred: true, edits: [{ start: duration.from, end: duration.to, newText: better }] }],
    });
  }
  return problems;
}

function literalDuration(matrix: SyntaxNode): SyntaxNode | undefined {
  const duration = childNamed(matrix, 'DurationExpr');
  const literal = duration ? childNamed(duration, 'NumberDurationLiteralInDurationContext') : null;
  if (!literal || !duration) return undefined;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a guard; the grammar nests the parts of a duration expression (`5s * 2`, `+5s`) in DurationExprs of their own, so a literal directly under the DurationExpr is all of it
  return literal.from === duration.from && literal.to === duration.to ? literal : undefined;
}

export const rateWindowCheck: ExpressionCheck = {
  meta: {
    name: 'catalog/rateWindow',
    on: 'expression',
    fileKinds: ['rules', 'dashboard', 'promql'],
    description: 'hint: a rate window shorter than two scrape intervals',
    codes: [
      {
        code: RATE_WINDOW,
        severity: 'hint',
        short: 'rate window too short',
        help: 'The range of a rate-like function is shorter than two scrape intervals of the job, so the window holds fewer than two samples and the function returns nothing.',
        ja: { short: '短すぎる rate の範囲', help: 'rate 系の関数の範囲がジョブのスクレイプ間隔の 2 倍より短いため、範囲内のサンプルが 2 つ未満になり、関数は何も返しません。' },
      },
    ],
  },
  run: checkRateWindows,
};
