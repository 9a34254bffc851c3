/**
 * What the SLO tree needs to know of rule files and dashboards, read at
 * indexing time into the workspace index: alerting rules and dashboard
 * panels with the matchers their PromQL puts on the labels that pick a
 * service (service, tier, job). Pure: no LSP, no vscode.
 */
import { cacheSlot, type Caches } from '../base/caches';
import type { RuleModel } from '../rules/model';
import { originOfRule } from '../rules/shift';
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
  // Kept by the memo: read from a copy Caches.keep gives, or its label values could keep this version of the document alive.
  const own = caches ? caches.keep(expr) : expr;
  try {
    selectors = selectorsOf(parsePromql(own, caches), own);
  } catch {
    return [];
  }
  const matchers = selectors.map((selector) => selector.matchers.filter((m) => SERVICE_LABELS.includes(m.name)).map((m) => ({ label: m.name, op: m.op, value: m.value })));
  if (memo) {
    if (memo.size >= SELECTOR_MEMO_SIZE) memo.clear();
    memo.set(own, matchers);
  }
  return matchers;
}

/** A service label's name, or a backslash (an escape in a quoted label name). */
const MAY_NAME_SERVICE_LABEL = new RegExp([...SERVICE_LABELS, '\\\\'].join('|'));

/** A service's service matchers by expression. */
const SELECTORS = cacheSlot('slo/selectors', () => new Map<string, ServiceMatcher[][]>());
const SELECTOR_MEMO_SIZE = 20_000;

/** What an alert's fact says of the rule itself, without where it is: the same for a rule that only moved. */
type AlertContent = Omit<AlertRuleFact, 'uri' | 'start' | 'end'>;

/**
 * Alert contents by the rule they were read from: every edit of a rule file makes the facts of
 * all its alerts again, and the rules the edit did not touch only moved. Shared by every
 * service: keyed by a rule model, which is one document's, and dropped with it.
 */
const alertContents = new WeakMap<RuleModel, AlertContent>();

function alertContent(rule: RuleModel, caches: Caches | undefined): AlertContent {
  const origin = originOfRule(rule);
  let content = alertContents.get(origin);
  if (!content) {
    const expr = rule.expr?.value ?? '';
    content = { name: rule.name, group: rule.group, expr, selectors: serviceSelectors(expr, caches) };
    const severity = rule.labels.find((l) => l.key === 'severity')?.value.value;
    if (severity !== undefined) content.severity = severity;
    if (rule.for) content.for = rule.for.value.value;
    alertContents.set(origin, content);
  }
  return content;
}

/** The facts made for a rule (not moved since), kept while it is: an edit leaves most rules as they were. Shared as alertContents is. */
const madeFacts = new WeakMap<RuleModel, AlertRuleFact>();

/** The alerting rules of a rule file's model. */
export function alertFacts(uri: string, rules: readonly RuleModel[], caches?: Caches): AlertRuleFact[] {
  const facts: AlertRuleFact[] = [];
  for (const rule of rules) {
    if (rule.kind !== 'alert') continue;
    const made = madeFacts.get(rule);
    if (made?.uri === uri) {
      facts.push(made);
      continue;
    }
    const { name, group, expr, selectors, severity, for: forValue } = alertContent(rule, caches);
    // The keys in the order they always had (facts are compared and sent as JSON).
    const fact: AlertRuleFact = { name, uri, start: rule.nameEntry.value.start, end: rule.nameEntry.value.end, group, expr, selectors };
    if (severity !== undefined) fact.severity = severity;
    if (forValue !== undefined) fact.for = forValue;
    madeFacts.set(rule, fact);
    facts.push(fact);
  }
  return facts;
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
