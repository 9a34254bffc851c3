/**
 * catalog/unknown-label: a matcher or `by` / `without` label the series
 * cannot carry. A catalog metric carries its own labels and the target labels
 * (job, instance, service, tier, ...); a recording rule's output only the
 * labels its expression keeps (`service:http_errors:rate5m` is summed
 * `by (service)`: it has no `tier`). Unknown metrics are open: not checked.
 * A matcher that matches the empty string asserts the label's absence: fine.
 */
import type { SyntaxNode, Tree } from '../promql/parse';
import { compileMatcherRegex } from '../promql/regex';
import { closestMatch } from '../base/suggest';
import type { ExpressionContext, ExpressionProblem, ExpressionCheck } from '../promql/site';
import { envOf, replaceFix, type CheckEnv } from './env';
import { carries, describeLabels, inferLabels, selectorLabels, type LabelSet } from './labels';
import { aggregationModifier, aggregationOp, callArgs, catalogNodes, readSelector, type MatcherInfo } from './tree';
import { say } from './messages';

export const UNKNOWN_LABEL = 'catalog/unknown-label';

export function checkUnknownLabels(expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  const env = envOf(context);
  const problems: ExpressionProblem[] = [];
  for (const node of catalogNodes(tree)) {
    if (node.name === 'VectorSelector') {
      checkSelector(node, expr, env, problems);
      continue;
    }
    // Stryker disable next-line ConditionalExpression: a shortcut; aggregationModifier is undefined for any node but an AggregateExpr, so checkGrouping returns at once
    if (node.name === 'AggregateExpr') checkGrouping(node, expr, env, problems);
  }
  return problems.sort((a, b) => a.from - b.from);
}

function describeSeries(metric: string, env: CheckEnv, labels: string): string {
  const rule = env.workspace.recordingRules().get(metric)?.[0];
  if (rule) return say('seriesRuleKeeps', { metric, file: rule.uri.slice(rule.uri.lastIndexOf('/') + 1), labels });
  const info = env.catalog.metric(metric);
  return say('seriesCarries', { metric, labels, ...(info ? { origin: info.origin } : {}) });
}

function checkSelector(node: SyntaxNode, expr: string, env: CheckEnv, problems: ExpressionProblem[]): void {
  const selector = readSelector(node, expr);
  // Stryker disable next-line ConditionalExpression: a shortcut; selectorLabels gives a selector without a metric name the open set, whose every label carries() accepts
  if (selector.metric === undefined) return;
  const set = selectorLabels(selector.metric, env);
  // Stryker disable next-line ConditionalExpression: a shortcut; carries() accepts every label of an open set
  if (set.open) return;
  for (const matcher of selector.matchers) {
    if (matcher.name.startsWith('__') || carries(set, matcher.name) || matchesEmpty(matcher, env)) continue;
    if (env.substituted(matcher.nameFrom, matcher.nameTo)) continue;
    problems.push(problem(matcher.name, matcher.nameFrom, matcher.nameTo, set, describeSeries(selector.metric, env, describeLabels(set))));
  }
}

function checkGrouping(node: SyntaxNode, expr: string, env: CheckEnv, problems: ExpressionProblem[]): void {
  const modifier = aggregationModifier(node, expr);
  const input = callArgs(node).at(-1);
  if (!modifier || !input) return;
  const set = inferLabels(input, expr, env);
  // Stryker disable next-line ConditionalExpression: a shortcut; carries() accepts every label of an open set
  if (set.open) return;
  const op = aggregationOp(node, expr);
  for (const label of modifier.labels) {
    if (label.name.startsWith('__') || carries(set, label.name) || env.substituted(label.from, label.to)) continue;
    problems.push(problem(label.name, label.from, label.to, set, say('aggregationInput', { op, modifier: modifier.kind, labels: describeLabels(set) })));
  }
}

function problem(label: string, from: number, to: number, set: LabelSet, context: string): ExpressionProblem {
  const suggestion = closestMatch(
    label,
    [...set.names].filter((n) => n !== '__name__'),
  );
  const p: ExpressionProblem = {
    from,
    to,
    code: UNKNOWN_LABEL,
    severity: 'warning',
    message: say('unknownLabel', { label, context, ...(suggestion ? { suggestion } : {}) }),
  };
  if (suggestion) p.fixes = replaceFix(from, to, suggestion);
  return p;
}

function matchesEmpty(matcher: MatcherInfo, env: CheckEnv): boolean {
  if (matcher.op === '=') return matcher.value === '';
  if (matcher.op === '!=') return matcher.value !== '';
  const re = compileMatcherRegex(matcher.value, env.workspace.caches);
  // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable through the checks: promql/type reports an invalid regex as an error, and the checks beyond types do not run on such an expression
  if (typeof re === 'string') return true;
  const matches = re.matches('');
  return matcher.op === '=~' ? matches : !matches;
}

export const unknownLabelCheck: ExpressionCheck = {
  meta: {
    name: 'catalog/unknownLabel',
    on: 'expression',
    fileKinds: ['rules', 'dashboard', 'promql'],
    description: 'a matcher or `by`/`without` label the series cannot carry (a recording rule keeps only its `by` labels)',
    codes: [
      {
        code: UNKNOWN_LABEL,
        severity: 'warning',
        short: 'label the series cannot carry',
        help: 'A matcher or by/without label names a label the series cannot carry: a catalog metric carries its own labels and the target labels; a recording rule only the labels its expression keeps.',
        ja: {
          short: '系列が持てないラベル',
          help: 'マッチャーまたは by/without が、系列の持てないラベルを指定しています。カタログのメトリクスが持つのは自身のラベルとターゲットラベル、レコーディングルールが持つのは式が残すラベルだけです。',
        },
      },
    ],
  },
  run: checkUnknownLabels,
};
