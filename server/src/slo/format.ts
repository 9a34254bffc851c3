/**
 * The SLO tree as text, for `k1s0-obs slo`: one line per node, indented like
 * the editor's tree, each file location as `path:line:column` (1-based, as
 * terminals and editors link them).
 */
import type { SloAlert, SloLocation, SloService, SloTree } from './model';

export function formatSloText(tree: SloTree, displayPath: (uri: string) => string): string {
  const out: string[] = [];
  const where = (location: SloLocation | undefined): string => (location ? `  ${displayPath(location.uri)}:${location.range.start.line + 1}:${location.range.start.character + 1}` : '');
  const service = (s: SloService, indent: string): void => {
    out.push(`${indent}${s.name}${s.slo ? `  SLO ${s.slo.percent}, error budget ${s.slo.errorBudgetMinutes} min / 30d` : ''}${where(s.location)}`);
    const inner = `${indent}  `;
    for (const problem of s.problems) out.push(`${inner}! ${problem}`);
    for (const target of s.scrapeTargets) out.push(`${inner}scrape: job ${target.job}${target.targets.length ? ` → ${target.targets.join(', ')}` : ''}${where(target.location)}`);
    for (const config of s.configs) out.push(`${inner}config${config.environment ? ` (${config.environment})` : ''}${config.error ? ' ✗ does not parse' : ''}${where(config.location)}`);
    for (const alert of s.alerts) out.push(`${inner}${alertLine(alert)}${where(alert.location)}`);
    for (const dashboard of s.dashboards) out.push(`${inner}dashboard: ${dashboard.title} (${dashboard.panels.length} panel${dashboard.panels.length === 1 ? '' : 's'})${where(dashboard.location)}`);
  };
  for (const tier of tree.tiers) {
    out.push(`${tier.tier}  SLO ${tier.slo.percent}, error budget ${tier.slo.errorBudgetMinutes} min / 30d  (${tier.services.length} service${tier.services.length === 1 ? '' : 's'})`);
    for (const s of tier.services) service(s, '  ');
  }
  if (tree.unassigned.length) {
    out.push(`no tier  (${tree.unassigned.length})`);
    for (const s of tree.unassigned) service(s, '  ');
  }
  const { services, missingAlerts, notCoveringAlerts } = tree.summary;
  out.push('', `${services} service${services === 1 ? '' : 's'}, ${missingAlerts} missing alert${missingAlerts === 1 ? '' : 's'}, ${notCoveringAlerts} not covering`);
  return `${out.join('\n')}\n`;
}

function alertLine(alert: SloAlert): string {
  const kind = alert.role === 'burn-rate' ? 'burn-rate alert' : alert.role === 'tier' ? 'tier alert' : 'alert';
  const severity = alert.severity ?? alert.design?.severity;
  const mark = alert.status === 'present' ? '✓' : alert.status === 'missing' ? '✗ missing' : '⚠ not covering';
  // A missing alert's note says so; the design's row completes it (the note does not repeat it).
  const design = alert.status === 'missing' && alert.design ? ` (design: ${alert.design.condition}, for ${alert.design.for}, ${alert.design.severity})` : '';
  return `${kind}: ${alert.name}${severity ? ` [${severity}]` : ''} ${mark}${alert.note ? ` — ${alert.note}${design}` : ''}`;
}
