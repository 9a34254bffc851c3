import { buildModel, dashboardOf, mayBeDashboard, type DashboardModel } from './model';
import { parseJson, type ParsedJson } from './json';

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
