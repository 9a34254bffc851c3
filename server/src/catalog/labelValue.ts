/**
 * catalog/label-value: equality matchers and regexes checked against the
 * known values of their label — tiers, languages, services, jobs (from the
 * workspace's prometheus.yaml), HTTP `status` codes, `grpc_code`s, methods.
 * A regex is evaluated with RE2 semantics (re2js, linear time: a hostile
 * regex cannot hang the server), anchored as Prometheus anchors it; one that
 * can match none of the known values is reported. Selectors of unknown
 * metrics are left to catalog/unknown-metric.
 */
import { compileMatcherRegex } from '../promql/regex';
import type { Tree } from '../promql/parse';
import { closestMatch } from '../base/suggest';
import type { ExpressionContext, ExpressionProblem, ExpressionCheck } from '../promql/site';
import { envOf, listValues, replaceFix, requote, type CheckEnv } from './env';
import { selectorsOf, type MatcherInfo } from './tree';
import { say } from './messages';

export const LABEL_VALUE = 'catalog/label-value';

/** Regexes longer than this are not evaluated (RE2 is linear, but the program size is not free). */
const MAX_REGEX_LENGTH = 4096;

export function checkLabelValues(expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  const env = envOf(context);
  const problems: ExpressionProblem[] = [];
  for (const selector of selectorsOf(tree, expr)) {
    const metric = selector.metric;
    if (metric !== undefined && !isKnown(metric, env)) continue;
    for (const matcher of selector.matchers) {
      if (matcher.value === '' || env.substituted(matcher.valueFrom, matcher.valueTo)) continue;
      const known = env.catalog.knownValues(matcher.name);
      if (!known || (known.scope === 'metric' && !declares(metric, matcher.name, env))) continue;
      const found = matcher.op === '=' || matcher.op === '!=' ? checkEquality(matcher, known.values, known.source, expr) : checkRegex(matcher, known.values, known.source, env);
      if (found) problems.push(found);
    }
  }
  return problems;
}

/** Whether the series declares the label itself (a catalog metric's own labels, or a recording rule's output). */
function declares(metric: string | undefined, label: string, env: CheckEnv): boolean {
  // Stryker disable next-line ConditionalExpression: a shortcut; without it an undefined metric is no recording rule and no catalog metric, so false all the same
  if (metric === undefined) return false;
  if (env.workspace.recordingRules().has(metric)) return true;
  return env.catalog.metric(metric)?.labels?.has(label) ?? false;
}

function isKnown(metric: string, env: CheckEnv): boolean {
  return env.workspace.recordingRules().has(metric) || env.catalog.metric(metric) !== undefined || env.catalog.exporterFamily(metric) !== undefined;
}

function checkEquality(matcher: MatcherInfo, values: readonly string[], source: string, expr: string): ExpressionProblem | undefined {
  if (values.includes(matcher.value)) return undefined;
  const suggestion = closestMatch(matcher.value, values);
  const problem: ExpressionProblem = {
    from: matcher.valueFrom,
    to: matcher.valueTo,
    code: LABEL_VALUE,
    severity: 'warning',
    message: say('unknownValue', { name: matcher.name, op: matcher.op, value: matcher.value, source, values: listValues(values), ...(suggestion ? { suggestion } : {}) }),
  };
  if (suggestion) problem.fixes = replaceFix(matcher.valueFrom, matcher.valueTo, requote(expr.slice(matcher.valueFrom, matcher.valueTo), suggestion), say('fixChangeQuoted', { to: suggestion }));
  return problem;
}

function checkRegex(matcher: MatcherInfo, values: readonly string[], source: string, env: CheckEnv): ExpressionProblem | undefined {
  if (matcher.value.length > MAX_REGEX_LENGTH) return undefined;
  const re = compileMatcherRegex(matcher.value, env.workspace.caches);
  // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable through the checks: promql/type reports an invalid regex as an error, and the checks beyond types do not run on such an expression
  if (typeof re === 'string') return undefined; // promql/type reports invalid regexes
  if (values.some((v) => re.matches(v))) return undefined;
  return {
    from: matcher.valueFrom,
    to: matcher.valueTo,
    code: LABEL_VALUE,
    severity: 'warning',
    message: say('regexMatchesNone', { name: matcher.name, op: matcher.op, value: matcher.value, source, values: listValues(values) }),
  };
}

export const labelValueCheck: ExpressionCheck = {
  meta: {
    name: 'catalog/labelValue',
    on: 'expression',
    fileKinds: ['rules', 'dashboard', 'promql'],
    description: 'values outside the known tiers, services, jobs, languages, status classes — regexes evaluated with RE2 in linear time',
    codes: [
      {
        code: LABEL_VALUE,
        severity: 'warning',
        short: 'label value outside the known values',
        help: "An equality or regex matcher can match none of the label's known values (tiers, services, jobs, languages, status classes): the selector selects nothing.",
        ja: {
          short: '既知の値にないラベル値',
          help: '等値または正規表現のマッチャーが、ラベルの既知の値（Tier、サービス、ジョブ、言語、ステータスクラス）のどれにもマッチしないため、セレクタは何も選択しません。',
        },
      },
    ],
  },
  run: checkLabelValues,
};
