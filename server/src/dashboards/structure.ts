import type { Finding } from '../base/types';
import { describeJson, itemsOf, keyNode, prop, spanOf, stringOf, type JsonNode } from './json';
import type { DashboardModel } from './model';
import type { FileCheck } from '../workspace/fileKind';

/**
 * `dashboard/structure`: the shape Grafana needs to show every panel and run
 * every query: lists where lists go, unique panel ids, one `refId` per target
 * and unique within its panel, named template variables, unique names.
 * Panel types are not judged: any plugin may be installed.
 */
export function checkStructure(model: DashboardModel): Finding[] {
  const findings: Finding[] = [];
  const add = (node: JsonNode, message: string, severity: Finding['severity'] = 'error'): void => {
    const [start, end] = spanOf(node);
    findings.push({ start, end, code: 'dashboard/structure', severity, message });
  };
  const { dashboard } = model;
  for (const key of ['panels', 'rows'] as const) {
    const list = prop(dashboard, key);
    if (list && list.type !== 'array' && list.type !== 'null') add(list, `"${key}" must be an array of panels; got ${describeJson(list)}.`);
  }
  const templating = prop(dashboard, 'templating');
  const variables = prop(templating, 'list');
  if (templating && templating.type !== 'object') add(templating, `"templating" must be an object with a "list" of variables; got ${describeJson(templating)}.`);
  else if (variables && variables.type !== 'array') add(variables, `"templating.list" must be an array of variables; got ${describeJson(variables)}.`);

  for (const item of itemsOf(variables)) {
    if (item.type !== 'object') add(item, `A template variable must be an object; got ${describeJson(item)}.`);
    else if (stringOf(prop(item, 'name')) === undefined) add(prop(item, 'name') ?? firstKey(item), 'This template variable has no "name": it cannot be used in queries.');
  }
  const firstVariable = new Map<string, JsonNode>();
  for (const variable of model.variableList) {
    const first = firstVariable.get(variable.name);
    if (first && variable.nameNode) add(variable.nameNode, `Template variable "${variable.name}" is defined twice; Grafana keeps only one of them.`);
    else firstVariable.set(variable.name, variable.node);
  }

  const panelIds = new Map<number, JsonNode>();
  for (const { node: panel } of model.panels) {
    if (panel.type !== 'object') {
      add(panel, `A panel must be an object; got ${describeJson(panel)}.`);
      continue;
    }
    const idNode = prop(panel, 'id');
    if (idNode?.type === 'number' && typeof idNode.value === 'number') {
      if (panelIds.has(idNode.value))
        add(idNode, `Panel id ${idNode.value} is used by another panel; ids must be unique within a dashboard (links to a panel and panel editing pick the wrong one).`, 'warning');
      else panelIds.set(idNode.value, idNode);
    }
    const nested = prop(panel, 'panels');
    if (nested && nested.type !== 'array') add(nested, `"panels" must be an array of panels; got ${describeJson(nested)}.`);
    const targets = prop(panel, 'targets');
    if (!targets) continue;
    if (targets.type !== 'array') {
      add(targets, `"targets" must be an array of queries; got ${describeJson(targets)}.`);
      continue;
    }
    const refIds = new Map<string, JsonNode>();
    for (const target of itemsOf(targets)) {
      if (target.type !== 'object') {
        add(target, `A target must be an object; got ${describeJson(target)}.`);
        continue;
      }
      const expr = prop(target, 'expr');
      if (expr && expr.type !== 'string') add(expr, `"expr" must be a string; got ${describeJson(expr)}.`);
      const refIdNode = prop(target, 'refId');
      const refId = stringOf(refIdNode);
      if (refIdNode === undefined || refId === undefined || refId === '') {
        // Grafana assigns missing refIds when the dashboard loads, so this is only a note.
        add(
          refIdNode ?? keyNode(target, 'expr') ?? firstKey(target),
          'This target has no "refId"; Grafana assigns one when the dashboard loads, but transformations, expressions and overrides that name a query need it written down.',
          'information',
        );
        continue;
      }
      if (refIds.has(refId)) add(refIdNode, `refId "${refId}" is used by another target of this panel; each query of a panel needs its own refId, or one result replaces the other.`);
      else refIds.set(refId, refIdNode);
    }
  }
  return findings;
}

/** An object's first key (or the object itself when empty): a short place for a finding about the whole object. */
function firstKey(node: JsonNode): JsonNode {
  return node.children?.[0]?.children?.[0] ?? node;
}

export const dashboardStructureCheck: FileCheck<DashboardModel> = {
  meta: {
    name: 'dashboards/structure',
    on: 'file',
    fileKinds: ['dashboard'],
    description:
      'dashboard shape: panels/targets/templating of the wrong type, duplicate panel ids (warning), duplicate `refId`s in a panel, missing `refId` (information), a query of a `-- Mixed --` panel without its own datasource (warning), duplicate variable names',
    codes: [
      {
        code: 'dashboard/structure',
        severity: 'error',
        short: 'dashboard JSON has the wrong shape',
        help: 'Panels, targets or templating of the wrong type, duplicate panel ids or refIds, duplicate variable names, or a query of a Mixed panel without its own datasource.',
      },
    ],
  },
  run: (model: DashboardModel) => checkStructure(model),
};
