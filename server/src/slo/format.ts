/**
 * The SLO tree as text, for `k1s0-obs slo`: one line per node, indented like
 * the editor's tree, each file location as `path:line:column` (1-based, as
 * terminals and editors link them).
 */
import type { SloAlert, SloLocation, SloService, SloTree } from './model';
import { say } from './messages';

export function formatSloText(tree: SloTree, displayPath: (uri: string) => string): string {
  const out: string[] = [];
  const where = (location: SloLocation | undefined): string => (location ? `  ${displayPath(location.uri)}:${location.range.start.line + 1}:${location.range.start.character + 1}` : '');
  const service = (s: SloService, indent: string): void => {
    out.push(`${indent}${s.name}${s.slo ? `  ${say('textSlo', { percent: s.slo.percent, minutes: s.slo.errorBudgetMinutes })}` : ''}${where(s.location)}`);
    const inner = `${indent}  `;
    for (const problem of s.problems) out.push(`${inner}! ${problem}`);
    for (const target of s.scrapeTargets) out.push(`${inner}${say('textScrape', { job: target.job, targets: target.targets })}${where(target.location)}`);
    for (const config of s.configs)
      out.push(`${inner}${say('textConfig', config.environment ? { environment: config.environment } : {})}${config.error ? ` ${say('textDoesNotParse')}` : ''}${where(config.location)}`);
    for (const alert of s.alerts) out.push(`${inner}${alertLine(alert)}${where(alert.location)}`);
    for (const dashboard of s.dashboards) out.push(`${inner}${say('textDashboard', { title: dashboard.title, panels: dashboard.panels.length })}${where(dashboard.location)}`);
  };
  for (const tier of tree.tiers) {
    out.push(`${tier.tier}  ${say('textSlo', { percent: tier.slo.percent, minutes: tier.slo.errorBudgetMinutes })}  ${say('textServices', { count: tier.services.length })}`);
    for (const s of tier.services) service(s, '  ');
  }
  if (tree.unassigned.length) {
    out.push(`${say('textNoTier')}  (${tree.unassigned.length})`);
    for (const s of tree.unassigned) service(s, '  ');
  }
  const { services, missingAlerts, notCoveringAlerts } = tree.summary;
  out.push('', say('textSummary', { services, missing: missingAlerts, notCovering: notCoveringAlerts }));
  return `${out.join('\n')}\n`;
}

function alertLine(alert: SloAlert): string {
  const kind = say('textAlertKind', { role: alert.role });
  const severity = alert.severity ?? alert.design?.severity;
  const mark = say('textMark', { status: alert.status });
  // A missing alert's note says so; the design's row completes it (the note does not repeat it).
  const design = alert.status === 'missing' && alert.design ? say('textDesign', { condition: alert.design.condition, for: alert.design.for, severity: alert.design.severity }) : '';
  return `${kind}: ${alert.name}${severity ? ` [${severity}]` : ''} ${mark}${alert.note ? ` — ${alert.note}${design}` : ''}`;
}
