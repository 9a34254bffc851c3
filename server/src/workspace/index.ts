/**
 * What the workspace defines, file by file: the facts other files are checked
 * against (recording rules, scrape jobs and their static labels, catalog
 * extensions, services named by config files; dashboards as that area adds
 * them). Updated per file, so a change costs the size of that file, not the
 * workspace.
 */
import { Caches } from '../base/caches';
import type { CatalogExtension } from '../catalog/schema';
import { compareFacts, Reads, TrackedRules } from './changes';
import type {
  AlertRuleFact,
  ComposeFacts,
  DashboardFact,
  DatasourceFact,
  FileFacts,
  LiveFacts,
  RecordingRuleDefinition,
  ScrapeFacts,
  ScrapeJob,
  ServiceFact,
  TraceConfigFact,
  OtlpEndpointFact,
} from './facts';

// The facts' types, declared in facts.ts (which changes.ts imports too).
export type * from './facts';

export const NO_FACTS: FileFacts = { recordingRules: [] };

/** When a tracked result was computed and what it read (see WorkspaceIndex.track). */
export interface ReadStamp {
  generation: number;
  catalogGeneration: number;
  reads: Reads;
}

/** How many generations of recording-rule changes are remembered for stamps to be checked against. */
const RULE_CHANGE_LOG = 512;

export class WorkspaceIndex {
  /**
   * The caches of the service this index belongs to (base/caches.ts): every check and reader
   * is handed the index, so this is how they reach the caches of their own service.
   */
  readonly caches: Caches;

  constructor({ caches = new Caches() }: { caches?: Caches } = {}) {
    this.caches = caches;
  }

  private readonly facts = new Map<string, FileFacts>();
  private recordingRuleCache: Map<string, RecordingRuleDefinition[]> | undefined;
  /** Views derived from every file's facts, computed once per change (see derived). */
  private readonly derivedCache = new Map<string, unknown>();
  /** Bumped whenever what some check reads changes (not when facts only move); dependants revalidate on a new generation. */
  generation = 0;
  /** Bumped when the effective catalog's sources change: scrape configs, catalog extensions, services, live facts, the set of recording-rule names. */
  catalogGeneration = 0;
  /** Bumped on every change of stored facts, positions included (the SLO tree's locations). */
  revision = 0;
  /** Recording rules whose definition changed, per generation, newest last. */
  private readonly ruleChanges: { generation: number; names: Set<string> }[] = [];
  /** Stamps older than this cannot be checked against the log any more. */
  private forgottenBefore = 0;
  private tracking: Reads | undefined;

  /** Records a file's facts; returns whether what checks read of them changed. */
  update(uri: string, facts: FileFacts): boolean {
    const before = this.facts.get(uri) ?? NO_FACTS;
    if (before === facts) return false;
    const change = compareFacts(before, facts);
    if (isEmpty(facts)) this.facts.delete(uri);
    else this.facts.set(uri, facts);
    // Even when nothing a check reads changed, positions may have moved: views are rebuilt.
    this.recordingRuleCache = undefined;
    this.derivedCache.clear();
    this.revision++;
    if (change.none) return false;
    this.generation++;
    if (change.catalog || change.ruleNames) this.catalogGeneration++;
    if (change.rules.size > 0) {
      this.ruleChanges.push({ generation: this.generation, names: change.rules });
      if (this.ruleChanges.length > RULE_CHANGE_LOG) this.forgottenBefore = this.ruleChanges.shift()?.generation ?? this.generation;
    }
    return true;
  }

  /** What one file contributes (NO_FACTS when nothing). */
  get(uri: string): FileFacts {
    return this.facts.get(uri) ?? NO_FACTS;
  }

  remove(uri: string): boolean {
    if (!this.facts.has(uri)) return false;
    this.update(uri, NO_FACTS);
    return true;
  }

  /**
   * Runs `compute` noting what it reads of the workspace: the stamp tells later
   * (stillValid) whether the result still holds after other files changed.
   */
  track<T>(compute: () => T): { value: T; stamp: ReadStamp } {
    const outer = this.tracking;
    const reads = new Reads();
    this.tracking = reads;
    try {
      const value = compute();
      return { value, stamp: { generation: this.generation, catalogGeneration: this.catalogGeneration, reads } };
    } finally {
      this.tracking = outer;
      if (outer) {
        for (const name of reads.names) outer.names.add(name);
        outer.allRules ||= reads.allRules;
        outer.other ||= reads.other;
      }
    }
  }

  /** Whether a tracked result still holds: nothing it read changed since. Refreshes the stamp when it does. */
  stillValid(stamp: ReadStamp): boolean {
    if (stamp.generation === this.generation) return true;
    if (stamp.catalogGeneration !== this.catalogGeneration || stamp.reads.other || stamp.generation < this.forgottenBefore) return false;
    for (let i = this.ruleChanges.length - 1; i >= 0; i--) {
      const change = this.ruleChanges[i];
      if (!change || change.generation <= stamp.generation) break;
      if (stamp.reads.allRules) return false;
      for (const name of change.names) if (stamp.reads.names.has(name)) return false;
    }
    stamp.generation = this.generation;
    return true;
  }

  /** Recording rules by name (a name may be defined in several files). */
  recordingRules(): ReadonlyMap<string, readonly RecordingRuleDefinition[]> {
    if (!this.recordingRuleCache) {
      const byName = new Map<string, RecordingRuleDefinition[]>();
      for (const facts of this.facts.values()) {
        for (const rule of facts.recordingRules) {
          const list = byName.get(rule.name);
          if (list) list.push(rule);
          else byName.set(rule.name, [rule]);
        }
      }
      this.recordingRuleCache = byName;
    }
    return this.tracking ? new TrackedRules(this.recordingRuleCache, this.tracking) : this.recordingRuleCache;
  }

  /** Every Prometheus configuration's facts, in URI order (stable). */
  scrapeConfigs(): ScrapeFacts[] {
    return this.sorted().flatMap(([, f]) => (f.scrape ? [f.scrape] : []));
  }

  /** Catalog extensions with the URI they come from, in URI order. */
  catalogExtensions(): { uri: string; extension: CatalogExtension }[] {
    return this.sorted().flatMap(([uri, f]) => (f.catalog ? [{ uri, extension: f.catalog }] : []));
  }

  services(): ServiceFact[] {
    return this.sorted().flatMap(([, f]) => f.services ?? []);
  }

  live(): LiveFacts[] {
    return this.sorted().flatMap(([, f]) => (f.live ? [f.live] : []));
  }

  /** Every alerting rule of the workspace, in URI then document order (shared: do not change it). */
  alerts(): readonly AlertRuleFact[] {
    return this.derived('alerts', () => this.sorted().flatMap(([, f]) => f.alerts ?? []));
  }

  /** Every dashboard of the workspace, in URI order (shared: do not change it). */
  dashboards(): readonly DashboardFact[] {
    return this.derived('dashboards', () => this.sorted().flatMap(([, f]) => (f.dashboard ? [f.dashboard] : [])));
  }

  /** Rule files of the workspace (URI → shape), whatever they define. */
  ruleFiles(): ReadonlyMap<string, 'plain' | 'PrometheusRule'> {
    return this.derived('ruleFiles', () => new Map(this.sorted().flatMap(([uri, f]) => (f.ruleFile ? [[uri, f.ruleFile] as const] : []))));
  }

  /** Compose files of the workspace, in URI order. */
  composeFiles(): ComposeFacts[] {
    return this.derived('compose', () => this.sorted().flatMap(([, f]) => (f.compose ? [f.compose] : [])));
  }

  /** Grafana datasources provisioned in the workspace, in URI order. */
  datasources(): DatasourceFact[] {
    return this.derived('datasources', () => this.sorted().flatMap(([, f]) => f.datasources ?? []));
  }

  /** OTLP endpoints Kubernetes workloads send to, in URI order. */
  otlpEndpoints(): OtlpEndpointFact[] {
    return this.derived('otlpEndpoints', () => this.sorted().flatMap(([, f]) => f.otlpEndpoints ?? []));
  }

  /** Config files' tracing settings, in URI order. */
  traceConfigs(): TraceConfigFact[] {
    return this.derived('traceConfig', () => this.sorted().flatMap(([, f]) => (f.traceConfig ? [f.traceConfig] : [])));
  }

  /** Prometheus configurations with the URI they come from, in URI order. */
  prometheusConfigs(): { uri: string; scrape: ScrapeFacts }[] {
    return this.derived('prometheus', () => this.sorted().flatMap(([uri, f]) => (f.scrape ? [{ uri, scrape: f.scrape }] : [])));
  }

  /**
   * A view computed from every file's facts, kept until any file's facts change:
   * checks that run once per file read it without walking the workspace each time.
   */
  derived<T>(key: string, compute: () => T): T {
    this.readOther();
    if (this.derivedCache.has(key)) return this.derivedCache.get(key) as T;
    const value = compute();
    this.derivedCache.set(key, value);
    return value;
  }

  /** A tracked result that reads facts the change log does not follow holds for one generation only. */
  private readOther(): void {
    if (this.tracking) this.tracking.other = true;
  }

  /** Scrape jobs with the URI of the configuration they come from, in URI order. */
  scrapeJobs(): ScrapeJob[] {
    return this.scrapeConfigs().flatMap((config) => config.jobs);
  }

  private sorted(): [string, FileFacts][] {
    return [...this.facts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

function isEmpty(facts: FileFacts): boolean {
  return (
    facts.recordingRules.length === 0 &&
    !facts.scrape &&
    !facts.catalog &&
    !facts.services?.length &&
    !facts.live &&
    !facts.alerts?.length &&
    !facts.dashboard &&
    !facts.ruleFile &&
    !facts.compose &&
    !facts.datasources?.length &&
    !facts.traceConfig &&
    !facts.otlpEndpoints?.length
  );
}
