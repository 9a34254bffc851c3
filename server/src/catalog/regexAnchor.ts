/**
 * promql/regex-anchor (hint): `^` at the start or `$` at the end of a label
 * regex. Prometheus anchors every label regex at both ends (`=~"api"` matches
 * only "api"), so these anchors change nothing; writing them suggests the
 * others are unanchored. The fix removes them. An escaped `\$` is a literal
 * dollar, not an anchor.
 */
import type { ExpressionCheck, ExpressionContext, ExpressionProblem } from '../promql/site';
import type { Tree } from '../promql/parse';
import { envOf } from './env';
import { selectorsOf, type MatcherInfo } from './tree';
import { say } from './messages';

export const REGEX_ANCHOR = 'promql/regex-anchor';

export function checkRegexAnchors(expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  const env = envOf(context);
  const problems: ExpressionProblem[] = [];
  for (const selector of selectorsOf(tree, expr)) {
    for (const matcher of selector.matchers) {
      if (matcher.op !== '=~' && matcher.op !== '!~') continue;
      if (env.substituted(matcher.valueFrom, matcher.valueTo)) continue;
      const anchors = anchorsOf(matcher, expr);
      if (anchors.length === 0) continue;
      const written = anchors.map((a) => a.text);
      problems.push({
        from: matcher.valueFrom,
        to: matcher.valueTo,
        code: REGEX_ANCHOR,
        severity: 'hint',
        message: say('regexAnchor', { anchors: written, name: matcher.name, op: matcher.op, value: matcher.value }),
        fixes: [{ title: say('fixRemove', { what: written }), preferred: true, edits: anchors.map((a) => ({ start: a.from, end: a.from + 1, newText: '' })) }],
      });
    }
  }
  return problems;
}

/**
 * The leading `^` and trailing unescaped `$` of a matcher's value, at their
 * offsets in the expression. Only a plain string literal (no escapes) is
 * read, so value offsets are the literal's own plus one for the quote.
 */
function anchorsOf(matcher: MatcherInfo, expr: string): { text: string; from: number }[] {
  const literal = expr.slice(matcher.valueFrom, matcher.valueTo);
  if (literal.length !== matcher.value.length + 2) return [];
  const anchors: { text: string; from: number }[] = [];
  if (matcher.value.startsWith('^')) anchors.push({ text: '^', from: matcher.valueFrom + 1 });
  const trailing = /(\\*)\$$/.exec(matcher.value);
  if (trailing && (trailing[1]?.length ?? 0) % 2 === 0 && matcher.value.length > (anchors.length ? 1 : 0)) anchors.push({ text: '$', from: matcher.valueTo - 2 });
  return anchors;
}

export const regexAnchorCheck: ExpressionCheck = {
  meta: {
    name: 'catalog/regexAnchor',
    on: 'expression',
    fileKinds: ['rules', 'dashboard', 'promql'],
    description: 'hint: `^` or `$` at the ends of a label regex, which Prometheus anchors anyway (fix removes them)',
    codes: [
      {
        code: REGEX_ANCHOR,
        severity: 'hint',
        short: 'redundant regex anchor',
        help: 'Prometheus anchors every label regex at both ends, so a leading ^ or trailing $ changes nothing; the fix removes it.',
        ja: { short: '不要な正規表現のアンカー', help: 'Prometheus はラベルの正規表現を常に両端で固定するため、先頭の ^ や末尾の $ は何も変えません。修正で削除できます。' },
      },
    ],
  },
  run: checkRegexAnchors,
};
