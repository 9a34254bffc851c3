/**
 * catalog/unknown-metric: a selector whose metric is in none of the k1s0
 * catalog, the known exporters (by name, or by the family prefix of an
 * exporter in the design's stack), the workspace's recording rules and the
 * live Prometheus. Names with a `:` are recording-rule names: see
 * catalog/undefined-rule. A name inside a known exporter family is accepted,
 * unless it is one edit or two from a k1s0 catalog name (`kafka_messages_produce_total`).
 */
import type { Tree } from '../promql/parse';
import { editDistance } from '../base/suggest';
import type { ExpressionContext, ExpressionProblem, ExpressionCheck } from '../promql/site';
import { envOf, replaceFix, requote } from './env';
import { selectorsOf, type SelectorInfo } from './tree';
import { say } from './messages';

export const UNKNOWN_METRIC = 'catalog/unknown-metric';

export function checkUnknownMetrics(expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  const env = envOf(context);
  const problems: ExpressionProblem[] = [];
  const rules = env.workspace.recordingRules();
  for (const selector of selectorsOf(tree, expr)) {
    const name = selector.metric;
    if (name === undefined || name.includes(':') || rules.has(name) || env.catalog.metric(name)) continue;
    if (env.substituted(selector.metricFrom, selector.metricTo)) continue;
    const family = env.catalog.exporterFamily(name);
    if (family) {
      const near = env.catalog.closestCatalogMetric(name);
      if (near && editDistance(name.toLowerCase(), near.toLowerCase()) <= 2) problems.push(report(selector, expr, name, near, env.catalog.metric(near)?.origin, family));
      continue;
    }
    const suggestion = env.catalog.closestMetric(name);
    const origin = suggestion ? (env.catalog.metric(suggestion)?.origin ?? say('origin', { origin: { kind: 'workspaceRule' } })) : undefined;
    problems.push(report(selector, expr, name, suggestion, origin));
  }
  return problems;
}

function report(selector: SelectorInfo, expr: string, name: string, suggestion: string | undefined, origin: string | undefined, family?: string): ExpressionProblem {
  const problem: ExpressionProblem = {
    from: selector.metricFrom,
    to: selector.metricTo,
    code: UNKNOWN_METRIC,
    severity: 'warning',
    message: say('unknownMetric', { name, ...(suggestion ? { suggestion, origin: origin ?? 'undefined' } : {}), ...(family ? { family } : {}) }),
  };
  if (suggestion) {
    const text = selector.metricIsIdentifier ? suggestion : requote(expr.slice(selector.metricFrom, selector.metricTo), suggestion);
    problem.fixes = replaceFix(selector.metricFrom, selector.metricTo, text, say('fixChange', { to: suggestion }));
  }
  return problem;
}

export const unknownMetricCheck: ExpressionCheck = {
  meta: {
    name: 'catalog/unknownMetric',
    on: 'expression',
    fileKinds: ['rules', 'dashboard', 'promql'],
    description:
      'a metric in none of the k1s0 catalog (the design\'s "カスタムメトリクス一覧"), the exporters the design uses, the workspace\'s recording rules (or a live Prometheus); did-you-mean fix (`http_request_total` → `http_requests_total`)',
    codes: [
      {
        code: UNKNOWN_METRIC,
        severity: 'warning',
        short: 'metric not in the catalog',
        help: "The metric is in none of the k1s0 catalog, the exporters the design uses, the workspace's recording rules or a live Prometheus: a typo, or a metric to add to .k1s0/catalog.yaml.",
        ja: {
          short: 'カタログにないメトリクス',
          help: 'メトリクスが k1s0 カタログ、設計が使うエクスポーター、ワークスペースのレコーディングルール、稼働中の Prometheus のどれにもありません。打ち間違いか、.k1s0/catalog.yaml に追加すべきメトリクスです。',
        },
      },
    ],
  },
  run: checkUnknownMetrics,
};
