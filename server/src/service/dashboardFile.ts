import { buildModel, dashboardOf, mayBeDashboard, type DashboardModel } from '../dashboards/model';
import { parseJson, type ParsedJson } from '../dashboards/json';
import { checkQueries, type QueryStats } from '../dashboards/queries';
import { checkStructure } from '../dashboards/structure';
import type { WorkspaceIndex } from '../workspace/index';
import type { Finding } from '../base/types';

/** What is known of a JSON document: its parse and, when it is a dashboard, the located model. */
export interface DashboardAnalysis {
  json: ParsedJson;
  model: DashboardModel | undefined;
  /** The text looked like a dashboard before parsing (used for broken files). */
  looksLikeDashboard: boolean;
}

export function analyzeDashboard(text: string): DashboardAnalysis {
  const looksLikeDashboard = mayBeDashboard(text);
  const json = parseJson(text);
  let model: DashboardModel | undefined;
  try {
    const dashboard = dashboardOf(json.root);
    model = dashboard ? buildModel(dashboard) : undefined;
  } catch {
    model = undefined;
  }
  return { json, model, looksLikeDashboard };
}

/**
 * A dashboard's findings: `json/syntax` when it does not parse (and nothing
 * built on the parser's guess), else its structure and every target's query.
 */
export function checkDashboardFile(text: string, analysis: DashboardAnalysis, workspace: WorkspaceIndex, stats?: QueryStats): Finding[] {
  if (analysis.json.syntax.length > 0) return analysis.json.syntax;
  const { model } = analysis;
  if (!model) return [];
  return [...checkStructure(model), ...checkQueries(text, model, workspace, stats)];
}
