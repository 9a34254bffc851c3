/**
 * What the SLO tree needs to know of rule files and dashboards, read at
 * indexing time into the workspace index: alerting rules and dashboard
 * panels with the matchers their PromQL puts on the labels that pick a
 * service (service, tier, job). Pure: no LSP, no vscode.
 */
import { cacheSlot, type Caches } from '../base/caches';
import type { RuleModel } from '../rules/model';
import type { DashboardModel } from '../dashboards/model';
import { itemsOf, prop, spanOf, stringOf } from '../dashboards/json';
import { parsePromql } from '../promql/parse';
import { selectorsOf } from '../catalog/tree';
import type { AlertRuleFact, DashboardFact, ServiceMatcher } from '../workspace/index';

/** The labels whose matchers decide which services a query looks at. */
export const SERVICE_LABELS: readonly string[] = ['service', 'tier', 'job'];

/**
 * Per vector selector of an expression, its matchers on service, tier and
 * job. The lezer parser recovers from errors, so a query with a Grafana
 * variable outside a string (`[$__rate_interval]`) still gives its selectors.
 */
export function serviceSelectors(expr: string, caches?: Caches): ServiceMatcher[][] {
  if (expr.trim() === '') return [];
  // No matcher can name service, tier or job (not even a quoted name spelt with escapes): no selector
  // restricts the service, as a list of empty selectors would say (every reader takes one as accepting
  // all). Spares parsing most alerts when a rule file is indexed.
  if (!MAY_NAME_SERVICE_LABEL.test(expr)) return [];
  // Every edit of a rule file re-reads its alerts: only expressions not seen before are parsed.
  const memo = caches?.get(SELECTORS);
  const known = memo?.get(expr);
  if (known) return known;
  let selectors;
  try {
    selectors = selectorsOf(parsePromql(expr, caches), expr);
  } catch {
    return [];
  }
  const matchers = selectors.map((selector) => selector.matchers.filter((m) => SERVICE_LABELS.includes(m.name)).map((m) => ({ label: m.name, op: m.op, value: m.value })));
  if (memo) {
    if (memo.size >= SELECTOR_MEMO_SIZE) memo.clear();
    memo.set(expr, matchers);
  }
  return matchers;
}

/** A service label's name, or a backslash (an escape in a quoted label name). */
const MAY_NAME_SERVICE_LABEL = new RegExp([...SERVICE_LABELS, '\\\\'].join('|'));

/** A service's service matchers by expression. */
const SELECTORS = cacheSlot('slo/selectors', () => new Map<string, ServiceMatcher[][]>());
const SELECTOR_MEMO_SIZE = 20_000;

/** The alerting rules of a rule file's model. */
export function alertFacts(uri: string, rules: readonly RuleModel[], caches?: Caches): AlertRuleFact[] {
  return rules
    .filter((rule) => rule.kind === 'alert')
    .map((rule) => {
      const fact: AlertRuleFact = {
        name: rule.name,
        uri,
        start: rule.nameEntry.value.start,
        end: rule.nameEntry.value.end,
        group: rule.group,
        expr: rule.expr?.value ?? '',
        selectors: serviceSelectors(rule.expr?.value ?? '', caches),
      };
      const severity = rule.labels.find((l) => l.key === 'severity')?.value.value;
      if (severity !== undefined) fact.severity = severity;
      if (rule.for) fact.for = rule.for.value.value;
      return fact;
    });
}

/** A dashboard's title and its panels' service-picking matchers. */
export function dashboardFacts(uri: string, model: DashboardModel, caches?: Caches): DashboardFact {
  const titleNode = prop(model.dashboard, 'title');
  const [start, end] = titleNode ? spanOf(titleNode) : [0, 0];
  const panels: DashboardFact['panels'] = [];
  for (const { node } of model.panels) {
    if (node.type !== 'object') continue;
    const targets = itemsOf(prop(node, 'targets'));
    if (targets.length === 0) continue;
    const selectors = targets.flatMap((target) => serviceSelectors(stringOf(prop(target, 'expr')) ?? '', caches));
    const panelTitle = prop(node, 'title');
    const [pStart, pEnd] = panelTitle ? spanOf(panelTitle) : spanOf(node);
    panels.push({ title: stringOf(panelTitle) ?? '', start: pStart, end: pEnd, selectors });
  }
  return { uri, title: stringOf(titleNode) ?? '', start, end, panels };
}
