/**
 * promql/counter (hint): a counter used raw — compared, summed or graphed
 * without rate() / increase(). Its value only grows and falls back to zero
 * when the process restarts, so the raw number rarely means anything.
 * Uses that are fine with a raw counter are left alone: under a range
 * (rate, increase, ...), absent(), count(), group(), timestamp(), and the
 * right side of and / unless / or (a filter by label set).
 */
import { operatorNames, promqlAggregations, promqlFunctions } from '../promql/functionTable';
import { RANGE_NODES } from '../promql/valueTypes';
import type { SyntaxNode, Tree } from '../promql/parse';
import type { ExpressionContext, ExpressionProblem, ExpressionCheck } from '../promql/site';
import { formatSeconds } from './catalog';
import { envOf, type CheckEnv } from './env';
import { sampleKindOf } from './metricType';
import { aggregationOp, binaryOperator, exprChildren, functionName, selectorsOf } from './tree';
import { say } from './messages';

export const RAW_COUNTER = 'promql/counter';

const SET_OPERATORS = operatorNames('set');

export function checkRawCounters(expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  const env = envOf(context);
  const problems: ExpressionProblem[] = [];
  for (const selector of selectorsOf(tree, expr)) {
    if (!selector.metric || sampleKindOf(selector.metric, env) !== 'counter' || rawUseIsFine(selector.node, expr)) continue;
    if (env.substituted(selector.node.from, selector.node.to)) continue;
    const text = expr.slice(selector.node.from, selector.node.to);
    const window = formatSeconds(4 * intervalFor(selector.node, expr, env));
    problems.push({
      from: selector.metricFrom,
      to: selector.metricTo,
      code: RAW_COUNTER,
      severity: 'hint',
      message: say('rawCounter', { metric: selector.metric, window }),
      fixes: [{ title: say('fixUseRate', { text, window }), edits: [{ start: selector.node.from, end: selector.node.to, newText: `rate(${text}[${window}])` }] }],
    });
  }
  return problems;
}

function intervalFor(node: SyntaxNode, expr: string, env: CheckEnv): number {
  // Stryker disable next-line OptionalChaining: node is a selector, so selectorsOf gives it first
  const job = selectorsOf(node, expr)[0]?.matchers.find((m) => m.name === 'job' && m.op === '=')?.value;
  return env.catalog.intervalOf(job);
}

function rawUseIsFine(selector: SyntaxNode, expr: string): boolean {
  let child = selector;
  for (let p = selector.parent; p; child = p, p = p.parent) {
    if (RANGE_NODES.has(p.name)) return true;
    switch (p.name) {
      case 'FunctionCallBody': {
        const call = p.parent;
        // Functions and aggregations that look at something other than the values (the `values` column).
        // Stryker disable next-line ConditionalExpression,OptionalChaining: a FunctionCallBody always has a parent; an AggregateExpr has no FunctionIdentifier, so its name is '' and no function; and every function the parser accepts is in the table (an unknown one is a promql/type error, and no check beyond types runs then)
        if (call?.name === 'FunctionCall' && promqlFunctions.get(functionName(call, expr))?.values) return true;
        // Stryker disable next-line ConditionalExpression,OptionalChaining: a FunctionCallBody always has a parent; a FunctionCall has no AggregateOp, so its operator is '' and no aggregation; and the parser accepts only the aggregation operators of the table
        if (call?.name === 'AggregateExpr' && promqlAggregations.get(aggregationOp(call, expr))?.values) return true;
        break;
      }
      case 'BinaryExpr': {
        const op = binaryOperator(p, expr);
        // Stryker disable next-line OptionalChaining: a binary expression Prometheus loads has both sides (the checks beyond syntax run only then)
        if (SET_OPERATORS.has(op) && exprChildren(p)[1]?.from === child.from) return true;
        break;
      }
    }
  }
  return false;
}

export const rawCounterCheck: ExpressionCheck = {
  meta: {
    name: 'catalog/counterLint',
    on: 'expression',
    fileKinds: ['rules', 'dashboard', 'promql'],
    description: 'hint: a raw counter compared or graphed',
    codes: [
      {
        code: RAW_COUNTER,
        severity: 'hint',
        short: 'raw counter',
        help: 'A counter is compared, summed or graphed without rate() or increase(); its raw value only grows and resets on restart.',
        ja: { short: 'カウンターの生の値', help: 'カウンターが rate() や increase() を通さずに比較・合計・グラフ化されています。生の値は増え続け、再起動で 0 に戻ります。' },
      },
    ],
  },
  run: checkRawCounters,
};
