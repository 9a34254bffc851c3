/**
 * catalog/undefined-rule: a recording-rule name (`level:metric:operations`)
 * that no rule file of the workspace records (nor a catalog entry names).
 */
import type { Tree } from '../promql/parse';
import type { ExpressionContext, ExpressionProblem, ExpressionCheck } from '../promql/site';
import { envOf, replaceFix, requote } from './env';
import { selectorsOf } from './tree';
import { say } from './messages';

export const UNDEFINED_RULE = 'catalog/undefined-rule';

export function checkUndefinedRules(expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  const env = envOf(context);
  const rules = env.workspace.recordingRules();
  const problems: ExpressionProblem[] = [];
  for (const selector of selectorsOf(tree, expr)) {
    const name = selector.metric;
    if (name === undefined || !name.includes(':') || rules.has(name) || env.catalog.metric(name)) continue;
    // Stryker disable next-line ConditionalExpression: a variable in a metric's place is read with a stand-in made of its name, which has no ':' (passed over above); kept for a reading that puts a current value there
    if (env.substituted(selector.metricFrom, selector.metricTo)) continue;
    const suggestion = env.catalog.closestRule(name);
    // Stryker disable next-line OptionalChaining: the suggestion is one of the workspace's recording rules (closestRule), so it has at least one definition
    const where = suggestion ? rules.get(suggestion)?.[0]?.uri.split('/').pop() : undefined;
    const problem: ExpressionProblem = {
      from: selector.metricFrom,
      to: selector.metricTo,
      code: UNDEFINED_RULE,
      severity: 'warning',
      // Stryker disable next-line ConditionalExpression: where is undefined only without a suggestion, and the message names a file only with one
      message: say('undefinedRule', { name, noRules: rules.size === 0, ...(suggestion ? { suggestion } : {}), ...(where !== undefined ? { file: where } : {}) }),
    };
    if (suggestion) {
      const text = selector.metricIsIdentifier ? suggestion : requote(expr.slice(selector.metricFrom, selector.metricTo), suggestion);
      problem.fixes = replaceFix(selector.metricFrom, selector.metricTo, text, say('fixChange', { to: suggestion }));
    }
    problems.push(problem);
  }
  return problems;
}

export const undefinedRuleCheck: ExpressionCheck = {
  meta: {
    name: 'catalog/undefinedRule',
    on: 'expression',
    fileKinds: ['rules', 'dashboard', 'promql'],
    description: 'a `level:metric:operations` name that no rule file of the workspace records',
    codes: [
      {
        code: UNDEFINED_RULE,
        severity: 'warning',
        short: 'recording rule not defined',
        help: 'The name has the form level:metric:operations of a recording rule, but no rule file of the workspace records it (nor does the catalog name it): the query selects nothing.',
        ja: {
          short: '定義されていないレコーディングルール',
          help: '名前はレコーディングルールの level:metric:operations の形ですが、ワークスペースのどのルールファイルも記録しておらず（カタログにもなく）、クエリは何も選択しません。',
        },
      },
    ],
  },
  run: checkUndefinedRules,
};
