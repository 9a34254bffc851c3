/**
 * promql/regex (hint): a regex matcher without a metacharacter is an
 * equality in disguise (Prometheus anchors regexes: `=~"500"` matches only
 * "500"): `=` says so and is cheaper.
 */
import type { Tree } from '../promql/parse';
import type { ExpressionContext, ExpressionProblem, ExpressionCheck } from '../promql/site';
import { envOf } from './env';
import { selectorsOf } from './tree';
import { say } from './messages';

export const PLAIN_REGEX = 'promql/regex';

const METACHARACTERS = /[.+*?()[\]{}|^$\\]/;

export function checkPlainRegexes(expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  const env = envOf(context);
  const problems: ExpressionProblem[] = [];
  for (const selector of selectorsOf(tree, expr)) {
    for (const m of selector.matchers) {
      if ((m.op !== '=~' && m.op !== '!~') || m.value === '' || METACHARACTERS.test(m.value)) continue;
      if (env.substituted(m.valueFrom, m.valueTo)) continue;
      const op = m.op === '=~' ? '=' : '!=';
      problems.push({
        from: m.opFrom,
        to: m.opTo,
        code: PLAIN_REGEX,
        severity: 'hint',
        message: say('plainRegex', { name: m.name, op: m.op, value: m.value, better: op }),
        fixes: [{ title: say('fixUseOp', { op }), preferred: true, edits: [{ start: m.opFrom, end: m.opTo, newText: op }] }],
      });
    }
  }
  return problems;
}

export const plainRegexCheck: ExpressionCheck = {
  meta: {
    name: 'catalog/regexLint',
    on: 'expression',
    fileKinds: ['rules', 'dashboard', 'promql'],
    description: 'hint: a regex matcher with no metacharacters',
    codes: [
      {
        code: PLAIN_REGEX,
        severity: 'hint',
        short: 'regex that should be an equality',
        help: 'A regex matcher without a metacharacter is an equality in disguise (Prometheus anchors regexes): = or != says so and is cheaper.',
        ja: {
          short: '等値にすべき正規表現',
          help: 'メタ文字のない正規表現マッチャーは実質的に等値です（Prometheus は正規表現を両端で固定します）。= または != のほうが意図が明確で、処理も軽くなります。',
        },
      },
    ],
  },
  run: checkPlainRegexes,
};
