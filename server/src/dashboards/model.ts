import { itemsOf, prop, stringOf, type JsonNode } from './json';

/**
 * A Grafana dashboard as located JSON: the dashboard object (bare, or inside
 * the `{ "dashboard": … }` wrapper of the HTTP API), its panels flattened
 * (rows, collapsed rows' panels, legacy `rows[].panels`), its template
 * variables and its `__inputs`.
 */
export interface DashboardModel {
  dashboard: JsonNode;
  /** Every panel object, in document order, rows and nested panels included. */
  panels: PanelSite[];
  /** Template variables by name (the last definition of a name wins, like Grafana). */
  variables: Map<string, VariableDefinition>;
  /** All definitions in order, duplicates included. */
  variableList: VariableDefinition[];
  /** `__inputs` of an exported dashboard: `DS_PROMETHEUS` → `prometheus`. */
  inputs: Map<string, string>;
}

export interface PanelSite {
  node: JsonNode;
  /** The row this panel sits in, when it is one of a row's `panels`. */
  row?: JsonNode;
}

export interface VariableDefinition {
  name: string;
  /** `query`, `custom`, `datasource`, `interval`, `textbox`, `constant`, `adhoc`, ... */
  type: string | undefined;
  /** For `datasource` variables: the plugin id they choose among (`prometheus`, `loki`). */
  pluginId: string | undefined;
  /** The single value a custom, constant or textbox variable currently holds, when it has one. */
  current: string | undefined;
  node: JsonNode;
  nameNode: JsonNode | undefined;
}

/** Whether an object looks like a dashboard: panels (or legacy rows) plus a title or schema version. */
function isDashboardObject(node: JsonNode | undefined): boolean {
  if (node?.type !== 'object') return false;
  const hasPanels = prop(node, 'panels') !== undefined || prop(node, 'rows')?.type === 'array';
  return hasPanels && (prop(node, 'title') !== undefined || prop(node, 'schemaVersion') !== undefined);
}

/** The dashboard object of a JSON document, or undefined when it is not a dashboard. */
export function dashboardOf(root: JsonNode | undefined): JsonNode | undefined {
  if (isDashboardObject(root)) return root;
  const wrapped = prop(root, 'dashboard');
  return isDashboardObject(wrapped) ? wrapped : undefined;
}

/** A cheap look at the text before parsing: could this be a dashboard at all? */
export function mayBeDashboard(text: string): boolean {
  return /"(?:panels|rows)"\s*:/.test(text) && /"(?:title|schemaVersion)"\s*:/.test(text);
}

export function buildModel(dashboard: JsonNode): DashboardModel {
  const panels: PanelSite[] = [];
  const visit = (list: JsonNode | undefined, row?: JsonNode): void => {
    for (const panel of itemsOf(list)) {
      panels.push({ node: panel, ...(row ? { row } : {}) });
      // A row's own panels (collapsed rows keep theirs inside); other panels rarely nest, but may.
      if (panel.type === 'object') visit(prop(panel, 'panels'), panel);
    }
  };
  visit(prop(dashboard, 'panels'));
  for (const row of itemsOf(prop(dashboard, 'rows'))) visit(prop(row, 'panels'), row);

  const variableList: VariableDefinition[] = [];
  for (const item of itemsOf(prop(prop(dashboard, 'templating'), 'list'))) {
    const nameNode = prop(item, 'name');
    const name = stringOf(nameNode);
    if (name === undefined) continue;
    const type = stringOf(prop(item, 'type'));
    const query = prop(item, 'query');
    const pluginId = type === 'datasource' ? (stringOf(query) ?? stringOf(prop(query, 'query'))) : undefined;
    const currentValue = prop(prop(item, 'current'), 'value');
    const single = prop(item, 'multi')?.value !== true && prop(item, 'includeAll')?.value !== true;
    const current = type === 'constant' ? stringOf(query) : type === 'custom' || type === 'textbox' ? (single ? stringOf(currentValue) : undefined) : undefined;
    variableList.push({ name, type, pluginId, current, node: item, nameNode });
  }
  const variables = new Map(variableList.map((v) => [v.name, v]));

  const inputs = new Map<string, string>();
  const root = dashboard.parent?.parent ?? dashboard;
  for (const holder of new Set([dashboard, root])) {
    for (const input of itemsOf(prop(holder, '__inputs'))) {
      const name = stringOf(prop(input, 'name'));
      const pluginId = stringOf(prop(input, 'pluginId'));
      if (name !== undefined) inputs.set(name, pluginId ?? '');
    }
  }
  return { dashboard, panels, variables, variableList, inputs };
}
