/**
 * What the stack commands say: one "k1s0:" prefix (the status text "k1s0 stack 2/4" is the status
 * bar's, not a message's), the components that are not up with why, and the actions that help
 * next. Pure: no vscode.
 */
import type { HealthReport } from './health';
import { l10n } from '../l10n';

export const SHOW_LOGS = 'Show logs';
export const RETRY = 'Retry';
export const OPEN_GRAFANA = 'Open Grafana';

export interface StackMessage {
  severity: 'information' | 'warning';
  text: string;
  actions: string[];
}

/** After "Start": all up (open Grafana), or which components are not and why (logs, retry). */
export function startOutcome(reports: readonly HealthReport[]): StackMessage {
  const down = reports.filter((r) => !r.up);
  if (down.length === 0)
    return { severity: 'information', text: l10n('k1s0: the observability stack is up ({0}).', reports.map((r) => `${r.component.name} :${r.component.port}`).join(', ')), actions: [OPEN_GRAFANA] };
  return {
    severity: 'warning',
    text: l10n(
      'k1s0: {0} of {1} stack components up; not up: {2}.',
      reports.length - down.length,
      reports.length,
      down.map((r) => `${r.component.name} :${r.component.port} (${r.detail})`).join(', '),
    ),
    actions: [SHOW_LOGS, RETRY],
  };
}

/** One line of the stack status list: the component, whether it answers, and where or why not. */
export function statusItem(report: HealthReport): { label: string; description: string; detail: string } {
  return {
    label: `${report.up ? '$(pass-filled)' : '$(error)'} ${report.component.name}`,
    description: report.up ? l10n('up :{0}', report.component.port) : l10n('down :{0}', report.component.port),
    detail: report.up ? report.component.uiUrl : report.detail,
  };
}
