/**
 * The tier and SLO tree: tiers → services → what covers each service (its
 * scrape targets, config files, SLO target and 30-day error budget, the
 * design's per-tier alerts and SLO burn-rate pair — present, missing or not
 * covering it — other alerts that select it, and the dashboards that show it).
 *
 * Computed from the workspace index alone, so the language server answers
 * the custom request with it, the CLI prints it and tests need no editor.
 * Pure: no LSP, no vscode.
 */
import type { Policy } from '../catalog/schema';
import type { SloPosition, SloLocation, SloAlertRole, SloAlert, SloScrapeTarget, SloConfigFile, SloTarget, SloService, SloTier, SloTree } from '../base/sloTree';

export type { SloPosition, SloLocation, SloAlertStatus, SloAlertRole, SloAlert, SloScrapeTarget, SloConfigFile, SloDashboard, SloTarget, SloService, SloTier, SloTree } from '../base/sloTree';
export { budgetRemaining } from '../base/sloTree';
import type { AlertRuleFact, ServiceMatcher, WorkspaceIndex } from '../workspace/index';
import { say } from './messages';

/** Maps a document offset of an indexed file to a position (the caller holds the texts). */
export type PositionResolver = (uri: string, offset: number) => SloPosition;

const MINUTES_30D = 30 * 24 * 60;

/** The SLO target of a tier per the design, with its 30-day error budget. */
export function sloTarget(objective: number, source: string): SloTarget {
  return {
    objective,
    percent: `${+(objective * 100).toFixed(3)}%`,
    errorBudgetMinutes: Math.round((1 - objective) * MINUTES_30D * 1000) / 1000,
    source,
  };
}

interface ServiceDraft {
  name: string;
  tiers: { tier: string; from: string }[];
  jobs: string[];
  sources: Set<'scrape' | 'config' | 'catalog'>;
  scrapeTargets: SloScrapeTarget[];
  configs: SloConfigFile[];
  catalogLocation?: SloLocation;
  /** A scrape job without a `service` label: listed under its job name. */
  jobOnly: boolean;
  /** Config files of the service that do not parse, as problems. */
  broken: string[];
}

export function buildSloTree(workspace: WorkspaceIndex, policy: Policy, positionOf: PositionResolver): SloTree {
  const at = (uri: string, start: number, end: number): SloLocation => ({ uri, range: { start: positionOf(uri, start), end: positionOf(uri, end) } });
  const drafts = new Map<string, ServiceDraft>();
  const draft = (name: string, jobOnly = false): ServiceDraft => {
    let d = drafts.get(name);
    if (!d) drafts.set(name, (d = { name, tiers: [], jobs: [], sources: new Set(), scrapeTargets: [], configs: [], jobOnly, broken: [] }));
    else if (!jobOnly) d.jobOnly = false;
    return d;
  };

  for (const job of workspace.scrapeJobs()) {
    const names = job.labels.service?.length ? job.labels.service : [job.name];
    for (const name of names) {
      const d = draft(name, !job.labels.service?.length);
      d.sources.add('scrape');
      if (!d.jobs.includes(job.name)) d.jobs.push(job.name);
      for (const tier of job.labels.tier ?? []) d.tiers.push({ tier, from: say('fromScrapeJob', { job: job.name }) });
      d.scrapeTargets.push({ job: job.name, targets: job.targets ?? [], location: at(job.uri, job.start, job.end) });
    }
  }
  for (const service of workspace.services()) {
    const d = draft(service.name);
    d.sources.add('config');
    if (service.tier !== undefined) d.tiers.push({ tier: service.tier, from: `config ${fileName(service.uri)}` });
    if (service.uri !== undefined) {
      d.configs.push({
        ...(service.environment !== undefined ? { environment: service.environment } : {}),
        location: at(service.uri, service.start ?? 0, service.end ?? 0),
        ...(service.configError ? { error: service.configError.message } : {}),
      });
      if (service.configError) d.broken.push(say('doesNotParse', { file: fileName(service.uri), error: service.configError.message }));
    }
  }
  for (const { uri, extension } of workspace.catalogExtensions()) {
    for (const entry of extension.services ?? []) {
      const name = typeof entry === 'string' ? entry : entry.name;
      const d = draft(name);
      d.sources.add('catalog');
      if (typeof entry !== 'string' && entry.tier !== undefined) d.tiers.push({ tier: entry.tier, from: `catalog ${fileName(uri)}` });
      d.catalogLocation ??= at(uri, 0, 0);
    }
  }

  const designTiers = Object.keys(policy.slo.targets);
  const alerts = workspace.alerts();
  const dashboards = workspace.dashboards();
  const tiers: SloTier[] = designTiers.map((tier) => ({ tier, slo: sloTarget(policy.slo.targets[tier] ?? 0, policy.slo.source), services: [] }));
  const unassigned: SloService[] = [];
  // Where each tier's alerts live: the first of its per-tier alerts (as policy/slo reports the missing pair there).
  const homes = new Map<string, SloLocation>();
  for (const { tier } of tiers) {
    const names = new Set(policy.alerts.filter((a) => a.kind !== 'burn-rate' && a.tiers?.includes(tier)).map((a) => a.name));
    const home = alerts.find((a) => names.has(a.name));
    if (home) homes.set(tier, at(home.uri, home.start, home.end));
  }

  for (const d of [...drafts.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const problems: string[] = [...d.broken];
    const distinct = [...new Set(d.tiers.map((t) => t.tier))];
    const tier = d.tiers[0]?.tier;
    if (distinct.length > 1) problems.push(say('tierConflict', { given: d.tiers, tier: String(tier) }));
    const tierNode = tier !== undefined ? tiers.find((t) => t.tier === tier) : undefined;
    if (tier !== undefined && !tierNode) problems.push(say('tierUnknown', { tier, tiers: designTiers }));
    const identity: Identity = { name: d.name, tier, jobs: d.jobs };
    const service: SloService = {
      name: d.name,
      ...(tier !== undefined ? { tier } : {}),
      sources: [...d.sources].sort(),
      scrapeTargets: d.scrapeTargets,
      configs: d.configs,
      alerts: alertsFor(identity, tierNode ? tier : undefined, alerts, policy, at, tierNode ? homes.get(tierNode.tier) : undefined),
      dashboards: dashboards.flatMap((dashboard) => {
        const panels = dashboard.panels.filter((panel) => panel.selectors.some((selector) => selector.length > 0 && accepts(selector, identity)));
        return panels.length ? [{ title: dashboard.title, location: at(dashboard.uri, dashboard.start, dashboard.end), panels: panels.map((p) => p.title) }] : [];
      }),
      live: liveQueries(d.jobOnly ? { label: 'job', value: d.name } : { label: 'service', value: d.name }),
      problems,
    };
    // Known only from config files that do not parse: the service opens at the error.
    const location = d.scrapeTargets[0]?.location ?? d.configs.find((c) => c.error === undefined)?.location ?? d.catalogLocation ?? d.configs[0]?.location;
    if (location) service.location = location;
    if (tierNode) {
      service.slo = tierNode.slo;
      tierNode.services.push(service);
    } else {
      if (tier === undefined && !d.jobOnly) problems.push(say('noTier'));
      unassigned.push(service);
    }
  }
  const all = [...tiers.flatMap((t) => t.services), ...unassigned];
  return {
    tiers,
    unassigned,
    summary: {
      services: all.length,
      missingAlerts: all.reduce((n, s) => n + s.alerts.filter((a) => a.status === 'missing').length, 0),
      notCoveringAlerts: all.reduce((n, s) => n + s.alerts.filter((a) => a.status === 'not-covering').length, 0),
    },
  };
}

interface Identity {
  name: string;
  tier: string | undefined;
  jobs: string[];
}

/** The design's alerts for the tier (present, missing or not covering), then other alerts that select the service. */
function alertsFor(
  service: Identity,
  tier: string | undefined,
  alerts: readonly AlertRuleFact[],
  policy: Policy,
  at: (uri: string, start: number, end: number) => SloLocation,
  home: SloLocation | undefined,
): SloAlert[] {
  const out: SloAlert[] = [];
  const expected = tier === undefined ? [] : policy.alerts.filter((a) => a.kind === 'burn-rate' || (a.tiers ?? []).includes(tier));
  // The design's order: per-tier alerts first, the burn-rate pair last.
  expected.sort((a, b) => Number(a.kind === 'burn-rate') - Number(b.kind === 'burn-rate'));
  for (const design of expected) {
    const role: SloAlertRole = design.kind === 'burn-rate' ? 'burn-rate' : 'tier';
    const base = { name: design.name, role, design: { condition: design.condition, for: design.for, severity: design.severity } };
    const named = alerts.filter((a) => a.name === design.name);
    const covering = named.find((a) => covers(a, service));
    if (covering) {
      out.push({ ...base, status: 'present', ...(covering.severity !== undefined ? { severity: covering.severity } : {}), location: at(covering.uri, covering.start, covering.end) });
    } else if (named[0]) {
      const first = named[0];
      const selector = first.selectors.find((s) => !accepts(s, service)) ?? [];
      out.push({
        ...base,
        status: 'not-covering',
        location: at(first.uri, first.start, first.end),
        ...(first.severity !== undefined ? { severity: first.severity } : {}),
        note: say('notCovering', {
          alert: design.name,
          selects: selector.map(describeMatcher).join(', '),
          service: service.name,
          jobs: service.jobs,
          ...(service.tier !== undefined ? { tier: service.tier } : {}),
        }),
      });
    } else {
      out.push({ ...base, status: 'missing', note: say('noAlertingRule', { alert: design.name }), ...(home ? { home } : {}) });
    }
  }
  const expectedNames = new Set(policy.alerts.filter((a) => a.kind === 'burn-rate' || a.tiers?.length).map((a) => a.name));
  for (const alert of alerts) {
    if (expectedNames.has(alert.name) || !covers(alert, service)) continue;
    out.push({ name: alert.name, role: 'other', status: 'present', ...(alert.severity !== undefined ? { severity: alert.severity } : {}), location: at(alert.uri, alert.start, alert.end) });
  }
  return out;
}

/** An alert covers a service when every selector of its expression lets the service's series through. */
function covers(alert: AlertRuleFact, service: Identity): boolean {
  return alert.selectors.every((selector) => accepts(selector, service));
}

/** Whether a selector's matchers on service, tier and job all accept the service. */
export function accepts(selector: readonly ServiceMatcher[], service: Identity): boolean {
  return selector.every((m) => {
    // A Grafana template variable (`$service`) picks any service.
    if (m.value.includes('$')) return true;
    const values = m.label === 'service' ? [service.name] : m.label === 'tier' ? [service.tier ?? ''] : service.jobs.length ? service.jobs : [''];
    return values.some((value) => matches(m, value));
  });
}

function matches(m: ServiceMatcher, value: string): boolean {
  switch (m.op) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
    case '!~': {
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${m.value})$`, 'u');
      } catch {
        return false;
      }
      return re.test(value) === (m.op === '=~');
    }
  }
}

function describeMatcher(m: ServiceMatcher): string {
  return `${m.label}${m.op}"${m.value}"`;
}

function fileName(uri: string | undefined): string {
  return uri?.split('/').pop() ?? '';
}

/** The design's RED metrics per service: error ratio over 5m, availability over the 30-day SLO window. */
function liveQueries(pick: { label: string; value: string }): SloService['live'] {
  const sel = `${pick.label}="${pick.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return {
    errorRatio: `sum(rate(http_requests_total{${sel}, status=~"5.."}[5m])) / sum(rate(http_requests_total{${sel}}[5m]))`,
    availability30d: `sum(rate(http_requests_total{${sel}, status!~"5.."}[30d])) / sum(rate(http_requests_total{${sel}}[30d]))`,
  };
}
