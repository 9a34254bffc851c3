/**
 * `alertmanager/unrouted-severity`: a `severity` the workspace's alerting
 * rules use (the design's `critical` and `warning`) that no route's severity
 * matchers accept, so those alerts fall to the root's default receiver.
 * Matchers on other labels are not judged (the rule's other labels are not
 * all known here): a route counts when it or an ancestor matches on severity
 * and every severity matcher on its way accepts the value.
 */
import type { Finding } from '../base/types';
import type { FileCheck } from '../workspace/fileKind';
import { findingAt, UNROUTED_SEVERITY } from './codes';
import { conditionsOf } from './labels';
import { matches } from './matchers';
import { say } from './messages';
import { routesOf, text, type AlertmanagerFile, type RouteNode } from './model';
import type { WorkspaceIndex } from '../workspace/index';

export function checkUnroutedSeverities(file: AlertmanagerFile, workspace: WorkspaceIndex): Finding[] {
  const routes = routesOf(file);
  const root = routes[0];
  if (!root?.receiver) return [];
  const bySeverity = new Map<string, string[]>();
  for (const alert of workspace.alerts()) {
    if (alert.severity === undefined) continue;
    const names = bySeverity.get(alert.severity) ?? [];
    if (!names.includes(alert.name)) names.push(alert.name);
    bySeverity.set(alert.severity, names);
  }
  const findings: Finding[] = [];
  for (const [severity, alerts] of bySeverity) {
    // Stryker disable next-line ConditionalExpression: the root has no parent, so routesSeverity finds no matcher on its path and says false for it all the same
    if (routes.some((route) => route !== root && routesSeverity(route, severity))) continue;
    const shown = alerts.length > 3 ? [...alerts.slice(0, 3), '…'] : alerts;
    findings.push(findingAt(root.receiver, UNROUTED_SEVERITY, 'information', say('unroutedSeverity', { severity, alerts: shown, receiver: text(root.receiver) })));
  }
  return findings;
}

/** Whether the route's path has a severity matcher and all of them accept `severity`. */
function routesSeverity(route: RouteNode, severity: string): boolean {
  let matched = false;
  // Stryker disable next-line OptionalChaining: the loop stops at the root, before at is undefined
  for (let at: RouteNode | undefined = route; at?.parent; at = at.parent) {
    for (const matcher of conditionsOf(at.node)) {
      if (matcher.name !== 'severity') continue;
      if (!matches(matcher, severity)) return false;
      matched = true;
    }
  }
  return matched;
}

export const alertmanagerUnroutedSeverityCheck: FileCheck<AlertmanagerFile> = {
  meta: {
    name: 'alertmanager/unroutedSeverity',
    on: 'file',
    fileKinds: ['alertmanager'],
    description: "information: a severity the workspace's alert rules use that no route matches (it falls to the default receiver)",
    codes: [
      {
        code: UNROUTED_SEVERITY,
        severity: 'information',
        short: 'alert severity no route matches',
        help: "The workspace's alerting rules set this severity label, but no route's matchers on severity accept it: those alerts go to the root route's default receiver. Add a route for it if they should go elsewhere.",
        // Stryker disable next-line ObjectLiteral: documentation in Japanese, as short and help (scripts/mutation/ignore-docs.mjs)
        ja: {
          short: 'どの route にも一致しないアラートの severity',
          help: 'ワークスペースのアラートルールが使う severity ですが、severity に対するどの route のマッチャーにも一致しないため、ルート route のデフォルトの receiver に送られます。別の通知先にする場合は route を追加してください。',
        },
      },
    ],
  },
  run: (file, { workspace }) => checkUnroutedSeverities(file, workspace),
};
