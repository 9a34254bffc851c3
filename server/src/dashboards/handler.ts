/**
 * Grafana dashboards (`*.json`), by content or by `k1s0.files.dashboards`:
 * `json/syntax` when the file does not parse (and nothing built on the
 * parser's guess), else the registry's dashboard checks and every target's
 * query through the checker of its datasource's language.
 */
import { guarded } from '../base/guard';
import { matchesAny } from '../base/files';
import { dashboardFacts } from '../slo/facts';
import { NO_FACTS } from '../workspace/index';
import type { DocumentView, FileKindHandler, KindContext } from '../workspace/fileKind';
import { analyzeDashboard, type DashboardAnalysis } from './analysis';
import { mayBeDashboard } from './model';
import { checkQueries, promqlSitesOf } from './queries';

const analysisOf = (doc: DocumentView): DashboardAnalysis => doc.memo('dashboard', () => analyzeDashboard(doc.text));

export const dashboardHandler: FileKindHandler = {
  kind: 'dashboard',
  claims(doc, { settings, location, workspace }) {
    if (!/\.json$/i.test(location.path)) return false;
    const named = matchesAny(settings.files.dashboards, location.path, location.relativePath, workspace.caches);
    if (!named && !mayBeDashboard(doc.text)) return false;
    const analysis = analysisOf(doc);
    if (analysis.model) return true;
    return analysis.json.syntax.length > 0 && (named || analysis.looksLikeDashboard);
  },
  facts(doc, context) {
    const { model, json } = analysisOf(doc);
    return model && json.syntax.length === 0 ? { recordingRules: [], dashboard: dashboardFacts(doc.uri, model, context.workspace.caches) } : NO_FACTS;
  },
  findings(doc, context: KindContext) {
    const analysis = analysisOf(doc);
    if (analysis.json.syntax.length > 0) return analysis.json.syntax;
    const { model } = analysis;
    if (!model) return [];
    return [...context.checks.file('dashboard', model), ...guarded('dashboards/queries', () => checkQueries(doc.text, model, context.checks.expression, undefined, context.workspace.caches))];
  },
  expressionSites(doc, context) {
    const { model } = analysisOf(doc);
    return model ? promqlSitesOf(doc.text, model, context.workspace.caches) : [];
  },
  suppressible: () => false,
};
