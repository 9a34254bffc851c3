/**
 * consistency/dashboard-source: a dashboard query selecting a service that no
 * scrape job of the workspace produces — the design knows the service (or a
 * config file names it), but no prometheus.yaml gives any target its
 * `service` label, so the panel stays empty.
 *
 * Values nobody knows at all are catalog/label-value's (jobs only ever come
 * from scrape jobs, so an unknown `job` is always that), and recording rules
 * that no rule file records are catalog/undefined-rule's: this check reports
 * only what those leave out. Silent when no scrape job of the workspace sets
 * a `service` label (services are then labelled elsewhere, e.g. by Kubernetes).
 */
import type { Tree } from '../promql/parse';
import type { ExpressionContext, ExpressionProblem, ExpressionCheck } from '../promql/site';
import { envOf } from '../catalog/env';
import { selectorsOf } from '../catalog/tree';
import type { WorkspaceIndex } from '../workspace/index';
import { say } from './messages';

export const CONSISTENCY_DASHBOARD_SOURCE = 'consistency/dashboard-source';

/** Services some scrape job labels its targets with (once per change of the workspace's facts). */
function scrapedServices(workspace: WorkspaceIndex): ReadonlySet<string> {
  return workspace.derived('consistency/scraped-services', () => new Set(workspace.scrapeJobs().flatMap((job) => job.labels.service ?? [])));
}

export function checkDashboardSources(expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  if (context.origin !== 'dashboard') return [];
  const scraped = scrapedServices(context.workspace);
  if (scraped.size === 0) return [];
  const env = envOf(context);
  const known = new Set(env.catalog.knownValues('service')?.values ?? []);
  const problems: ExpressionProblem[] = [];
  for (const selector of selectorsOf(tree, expr)) {
    for (const m of selector.matchers) {
      if (m.name !== 'service' || env.substituted(m.valueFrom, m.valueTo)) continue;
      const values = m.op === '=' ? [m.value] : m.op === '=~' && /^[\w-]+(?:\|[\w-]+)*$/.test(m.value) ? m.value.split('|') : [];
      const missing = values.filter((v) => v !== '' && known.has(v) && !scraped.has(v));
      if (missing.length === 0) continue;
      problems.push({
        from: m.valueFrom,
        to: m.valueTo,
        code: CONSISTENCY_DASHBOARD_SOURCE,
        severity: 'warning',
        message: say('dashboardService', { missing, scraped: [...scraped].sort() }),
      });
    }
  }
  return problems;
}

export const dashboardSourceCheck: ExpressionCheck = {
  meta: {
    name: 'consistency/dashboardSources',
    on: 'expression',
    fileKinds: ['dashboard'],
    description: 'a dashboard query selecting a known service that no scrape job produces (unknown jobs and recording rules are `catalog/label-value` and `catalog/undefined-rule`)',
    codes: [
      {
        code: CONSISTENCY_DASHBOARD_SOURCE,
        severity: 'warning',
        short: 'dashboard selects a service no job scrapes',
        help: 'A dashboard query selects a known service that no scrape job of the workspace produces, so the panel stays empty.',
        ja: {
          short: 'どのジョブもスクレイプしないサービスを選ぶダッシュボード',
          help: 'ダッシュボードのクエリが既知のサービスを選択していますが、ワークスペースのどのスクレイプジョブもそのサービスの系列を生まないため、パネルは空のままです。',
        },
      },
    ],
  },
  run: checkDashboardSources,
};
