/**
 * The shape of the tier and SLO tree (slo/model.ts builds it; the server
 * sends it to the client, the CLI prints it) and the error-budget arithmetic
 * the client's live view applies to it: shared by both sides, so it sits in
 * the base layer. Pure types and numbers.
 */
export interface SloPosition {
  line: number;
  character: number;
}

/** Somewhere in a file, as LSP says it (0-based lines, UTF-16 characters). */
export interface SloLocation {
  uri: string;
  range: { start: SloPosition; end: SloPosition };
}

export type SloAlertStatus = 'present' | 'missing' | 'not-covering';
export type SloAlertRole = 'tier' | 'burn-rate' | 'other';

export interface SloAlert {
  name: string;
  role: SloAlertRole;
  status: SloAlertStatus;
  severity?: string;
  /** The design's row for an expected alert (アラートルール一覧). */
  design?: { condition: string; for: string; severity: string };
  location?: SloLocation;
  /** Why an alert of that name does not cover the service, or what is missing (the design's row is in `design`). */
  note?: string;
  /**
   * For a missing alert: where it belongs — the first of the tier's alerts in the workspace (the
   * tier's alert file), which is where the policy/slo quick fix inserting the burn-rate pair sits.
   */
  home?: SloLocation;
}

export interface SloScrapeTarget {
  job: string;
  targets: string[];
  location: SloLocation;
}

export interface SloConfigFile {
  environment?: string;
  /** The name, or the first syntax error when the file does not parse. */
  location: SloLocation;
  /** Why the file does not parse (its first syntax error): its name and tier are then only what could be read. */
  error?: string;
}

export interface SloDashboard {
  title: string;
  location: SloLocation;
  /** Titles of the panels whose queries select the service. */
  panels: string[];
}

export interface SloTarget {
  /** 0.9995 */
  objective: number;
  /** "99.95%" */
  percent: string;
  /** The error budget of a 30-day window, in minutes (21.6 for 99.95%). */
  errorBudgetMinutes: number;
  /** Where the target comes from (the design's SLO section). */
  source: string;
}

export interface SloService {
  name: string;
  tier?: string;
  /** Where the service is known from. */
  sources: ('scrape' | 'config' | 'catalog')[];
  /** The first place that names it (scrape job, else config file, else catalog file). */
  location?: SloLocation;
  scrapeTargets: SloScrapeTarget[];
  configs: SloConfigFile[];
  slo?: SloTarget;
  alerts: SloAlert[];
  dashboards: SloDashboard[];
  /** PromQL for live values, run against a Prometheus when the stack is up. */
  live: { errorRatio: string; availability30d: string };
  /** Disagreements between the sources (a tier given two ways, a tier the design does not know). */
  problems: string[];
}

export interface SloTier {
  tier: string;
  slo: SloTarget;
  services: SloService[];
}

export interface SloTree {
  tiers: SloTier[];
  /** Services and scrape jobs whose tier is unknown or not one of the design's. */
  unassigned: SloService[];
  /** Counts for a status line. */
  summary: { services: number; missingAlerts: number; notCoveringAlerts: number };
}

/** Budget remaining (1 = untouched, 0 = spent, negative = overspent) from a 30-day availability. */
export function budgetRemaining(availability: number, objective: number): number {
  return 1 - (1 - availability) / (1 - objective);
}
