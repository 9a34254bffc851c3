import type { Finding } from '../base/types';
import { describeJson, itemsOf, prop, spanOf, stringOf, type JsonNode } from './json';
import type { DashboardModel } from './model';
import type { FileCheck } from '../workspace/fileKind';
import { say } from './messages';

/**
 * `dashboard/structure`: the shape Grafana needs to show every panel and run
 * every query: lists where lists go, unique panel ids, `refId`s unique within
 * a panel (a target without one gets a free one from Grafana on load), named
 * template variables, unique names.
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
    if (list && list.type !== 'array' && list.type !== 'null') add(list, say('notPanels', { key, got: describeJson(list) }));
  }
  const templating = prop(dashboard, 'templating');
  const variables = prop(templating, 'list');
  if (templating && templating.type !== 'object') add(templating, say('templatingNotObject', { got: describeJson(templating) }));
  else if (variables && variables.type !== 'array') add(variables, say('templatingListNotArray', { got: describeJson(variables) }));

  for (const item of itemsOf(variables)) {
    if (item.type !== 'object') add(item, say('variableNotObject', { got: describeJson(item) }));
    else if (stringOf(prop(item, 'name')) === undefined) add(prop(item, 'name') ?? firstKey(item), say('variableNoName'));
  }
  const firstVariable = new Map<string, JsonNode>();
  for (const variable of model.variableList) {
    const first = firstVariable.get(variable.name);
    if (first && variable.nameNode) add(variable.nameNode, say('variableTwice', { name: variable.name }));
    else firstVariable.set(variable.name, variable.node);
  }

  const panelIds = new Map<number, JsonNode>();
  for (const { node: panel } of model.panels) {
    if (panel.type !== 'object') {
      add(panel, say('panelNotObject', { got: describeJson(panel) }));
      continue;
    }
    const idNode = prop(panel, 'id');
    if (idNode?.type === 'number') {
      const id = idNode.value as number;
      if (panelIds.has(id)) add(idNode, say('panelIdTwice', { id }), 'warning');
      else panelIds.set(id, idNode);
    }
    const nested = prop(panel, 'panels');
    if (nested && nested.type !== 'array') add(nested, say('notPanels', { key: 'panels', got: describeJson(nested) }));
    const targets = prop(panel, 'targets');
    if (!targets) continue;
    if (targets.type !== 'array') {
      add(targets, say('targetsNotArray', { got: describeJson(targets) }));
      continue;
    }
    const refIds = new Map<string, JsonNode>();
    for (const target of itemsOf(targets)) {
      if (target.type !== 'object') {
        add(target, say('targetNotObject', { got: describeJson(target) }));
        continue;
      }
      const expr = prop(target, 'expr');
      if (expr && expr.type !== 'string') add(expr, say('exprNotString', { got: describeJson(expr) }));
      const refIdNode = prop(target, 'refId');
      // No refId (or an empty one): Grafana assigns each such target, on load, the first of A, B, C, ... that no
      // target of the panel uses (PanelModel.ensureQueryIds, getNextRefId), so it never collides with one written down.
      if (refIdNode?.type !== 'string' || refIdNode.value === '') continue;
      const refId = refIdNode.value as string;
      if (refIds.has(refId)) add(refIdNode, say('refIdTwice', { refId }));
      else refIds.set(refId, refIdNode);
    }
  }
  return findings;
}

/** An object's first key (or the object itself when empty): a short place for a finding about the whole object. */
function firstKey(node: JsonNode): JsonNode {
  // Stryker disable next-line OptionalChaining: jsonc-parser gives an object node its children (an empty array for {}) and a property node its key
  return node.children?.[0]?.children?.[0] ?? node;
}

export const dashboardStructureCheck: FileCheck<DashboardModel> = {
  meta: {
    name: 'dashboards/structure',
    on: 'file',
    fileKinds: ['dashboard'],
    description:
      'dashboard shape: panels/targets/templating of the wrong type, duplicate panel ids (warning), duplicate `refId`s in a panel (a target without one is fine: Grafana assigns it a free one on load), a query of a `-- Mixed --` panel without its own datasource (warning), duplicate variable names',
    codes: [
      {
        code: 'dashboard/structure',
        severity: 'error',
        short: 'dashboard JSON has the wrong shape',
        help: 'Panels, targets or templating of the wrong type, duplicate panel ids or refIds, duplicate variable names, or a query of a Mixed panel without its own datasource.',
        ja: {
          short: '形の誤ったダッシュボード JSON',
          help: 'パネル、ターゲット、templating の型の誤り、パネル id や refId の重複、変数名の重複、または Mixed パネルの自身のデータソースを持たないクエリです。',
        },
      },
    ],
  },
  run: (model: DashboardModel) => checkStructure(model),
};
