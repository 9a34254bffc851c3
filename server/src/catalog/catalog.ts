/**
 * The effective catalog of a workspace: the built-in k1s0 catalog (from the
 * observability design, k1s0-catalog.json) plus what the workspace adds —
 * `.k1s0/catalog.yaml` extensions, scrape jobs and their static labels,
 * services named by config files, and a live Prometheus when configured.
 * Rebuilt only when the workspace index's generation changes.
 */
import rawCatalog from './k1s0-catalog.json';
import { builtinCatalogSchema, type BuiltinCatalog, type MetricEntry, type MetricType, type Policy } from './schema';
import type { WorkspaceIndex } from '../workspace/index';
import { NameIndex } from '../base/suggest';
import { cacheSlot, type Caches } from '../base/caches';
import { say } from './messages';
import { getLocale } from '../l10n';

/** The built-in catalog, validated at load: a bad edit of the data fails loudly, here. */
export const BUILTIN_CATALOG: BuiltinCatalog = builtinCatalogSchema.parse(rawCatalog);

/** What the values of one series are, for the functions applied to it. */
export type SampleKind = 'counter' | 'gauge' | 'histogram-base' | 'summary-base' | 'unknown';

/** A series name the catalog knows, resolved (a histogram gives `_bucket`, `_sum`, `_count`). */
export interface MetricInfo {
  /** The series name (`http_request_duration_seconds_bucket`). */
  name: string;
  /** The catalog entry's name (`http_request_duration_seconds`). */
  family: string;
  type: MetricType;
  series?: 'bucket' | 'sum' | 'count';
  sampleKind: SampleKind;
  /** Labels the series may carry; undefined when not known (any label accepted). */
  labels?: ReadonlySet<string>;
  labelPrefixes: readonly string[];
  /** Where the entry comes from, as messages name it. */
  origin: string;
  help?: string;
  /** A histogram's bucket upper bounds (`le`), ascending, when the catalog says them. */
  buckets?: readonly number[];
}

export interface KnownValues {
  values: readonly string[];
  /**
   * 'target': a target label (tier, service, job, ...), checked on every known series;
   * 'metric': a label some metrics declare (status, grpc_code), checked only on those.
   */
  scope: 'target' | 'metric';
  /** Where the values come from, as messages name it. */
  source: string;
}

export class Catalog {
  private readonly metrics = new Map<string, MetricInfo>();
  private readonly families: { prefix: string; exporter: string }[] = [];
  readonly targetLabels = new Set<string>();
  private readonly values = new Map<string, { values: Set<string>; sources: Set<string>; scope: 'target' | 'metric' }>();
  readonly policy: Policy;
  /** Labels the catalog marks `highCardinality`, with their help. */
  readonly highCardinality = new Map<string, string>();
  readonly scrapeIntervalSeconds: number;
  private readonly jobIntervals = new Map<string, number>();
  /** Exact names in lookup order: the k1s0 catalog first (did-you-mean prefers them). */
  readonly catalogNames: string[] = [];
  readonly exporterNames: string[] = [];

  constructor(
    base: BuiltinCatalog,
    private readonly workspace?: WorkspaceIndex,
  ) {
    this.policy = base.policy;
    for (const label of base.targetLabels) this.targetLabels.add(label.name);
    for (const entry of base.metrics) this.addEntry(entry, say('origin', { origin: { kind: 'catalog', design: BUILTIN_CATALOG.design } }), true, base.histogramBuckets);
    for (const exporter of base.exporters) this.addExporter(exporter.name, exporter.prefixes, exporter.metrics);
    this.addValues('tier', base.tiers, say('origin', { origin: { kind: 'tiers' } }));
    this.addValues('lang', base.languages, say('origin', { origin: { kind: 'languages' } }));
    this.addValues(
      'service',
      base.services.map((s) => s.name),
      say('origin', { origin: { kind: 'services' } }),
    );
    for (const [label, spec] of Object.entries(base.labels)) if (spec.highCardinality) this.highCardinality.set(label, spec.help ?? '');
    for (const [label, spec] of Object.entries(base.labels))
      if (spec.values) this.addValues(label, spec.values, say('origin', { origin: { kind: 'catalog' } }), this.targetLabels.has(label) ? 'target' : 'metric');
    let interval = parseSeconds(base.scrapeInterval) ?? 15;
    if (workspace) {
      for (const { uri, extension } of workspace.catalogExtensions()) {
        const origin = say('origin', { origin: { kind: 'workspaceCatalog', file: basename(uri) } });
        for (const entry of extension.metrics ?? []) this.addEntry(entry, origin, true, base.histogramBuckets);
        for (const exporter of extension.exporters ?? []) this.addExporter(exporter.name, exporter.prefixes, exporter.metrics);
        for (const label of extension.targetLabels ?? []) this.targetLabels.add(label);
        for (const service of extension.services ?? []) this.addValues('service', [typeof service === 'string' ? service : service.name], origin);
        this.addValues('tier', extension.tiers ?? [], origin);
        this.addValues('lang', extension.languages ?? [], origin);
        for (const [label, spec] of Object.entries(extension.labels ?? {})) {
          this.targetLabels.add(label);
          if (spec.highCardinality) this.highCardinality.set(label, spec.help ?? '');
          if (spec.values) this.addValues(label, spec.values, origin);
        }
      }
      const configs = workspace.scrapeConfigs();
      for (const config of configs) {
        if (config.globalIntervalSeconds !== undefined) interval = config.globalIntervalSeconds;
        for (const label of config.externalLabels) this.targetLabels.add(label);
        for (const job of config.jobs) {
          this.addValues('job', [job.name], say('origin', { origin: { kind: 'scrapeJobs' } }));
          if (job.intervalSeconds !== undefined) this.jobIntervals.set(job.name, job.intervalSeconds);
          for (const [label, values] of Object.entries(job.labels)) {
            this.targetLabels.add(label);
            this.addValues(label, values, say('origin', { origin: { kind: 'scrapeJobs' } }));
          }
        }
      }
      for (const service of workspace.services()) this.addValues('service', [service.name], say('origin', { origin: { kind: 'configFiles' } }));
      for (const live of workspace.live()) {
        for (const metric of live.metrics) {
          if (this.metrics.has(metric.name)) continue;
          const type = (['counter', 'gauge', 'histogram', 'summary'] as const).find((t) => t === metric.type);
          this.metrics.set(metric.name, {
            name: metric.name,
            family: metric.name,
            type: type ?? 'unknown',
            sampleKind: type === 'counter' || type === 'gauge' ? type : 'unknown',
            labelPrefixes: [],
            origin: say('origin', { origin: { kind: 'live' } }),
            ...(metric.help ? { help: metric.help } : {}),
          });
          this.exporterNames.push(metric.name);
        }
        for (const [label, values] of Object.entries(live.labelValues)) {
          // A live source widens what is known but never makes a label closed by itself.
          if (this.values.has(label)) this.addValues(label, values, say('origin', { origin: { kind: 'live' } }));
        }
      }
    }
    this.scrapeIntervalSeconds = interval;
    this.families.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  private metricNames: NameIndex | undefined;
  private catalogOnly: NameIndex | undefined;

  /** The known name (catalog, exporters, recording rules) `name` most likely misspells. */
  closestMetric(name: string): string | undefined {
    this.metricNames ??= nameIndexOf([...this.catalogNames, ...this.exporterNames, ...(this.workspace?.recordingRules().keys() ?? [])], this.workspace?.caches);
    return this.metricNames.closest(name);
  }

  private ruleNames: NameIndex | undefined;

  /** The recording rule of the workspace `name` most likely misspells. */
  closestRule(name: string): string | undefined {
    this.ruleNames ??= nameIndexOf([...(this.workspace?.recordingRules().keys() ?? [])], this.workspace?.caches);
    return this.ruleNames.closest(name);
  }

  /** The k1s0 catalog name `name` most likely misspells. */
  closestCatalogMetric(name: string): string | undefined {
    this.catalogOnly ??= nameIndexOf(this.catalogNames, this.workspace?.caches);
    return this.catalogOnly.closest(name);
  }

  /** The series, when some source knows it by name. */
  metric(name: string): MetricInfo | undefined {
    return this.metrics.get(name);
  }

  /** Whether a series may carry the label: its own labels, the target labels, its label prefixes. */
  canCarry(info: MetricInfo, label: string): boolean {
    if (!info.labels) return true;
    return info.labels.has(label) || this.targetLabels.has(label) || info.labelPrefixes.some((p) => label.startsWith(p));
  }

  /** The labels a series may carry (for messages and suggestions); undefined when open. */
  labelNames(info: MetricInfo): string[] | undefined {
    return info.labels ? [...new Set([...info.labels, ...this.targetLabels])].filter((l) => l !== '__name__') : undefined;
  }

  /** The exporter whose family (name prefix) covers `name`, if any. */
  exporterFamily(name: string): string | undefined {
    return this.families.find((f) => name.startsWith(f.prefix))?.exporter;
  }

  /** The known values of a label, when the catalog or workspace closes them. */
  knownValues(label: string): KnownValues | undefined {
    const known = this.values.get(label);
    return known ? { values: [...known.values], source: say('sources', { sources: [...known.sources] }), scope: known.scope } : undefined;
  }

  /** The scrape interval of a job (its own, else the global one), in seconds. */
  intervalOf(job: string | undefined): number {
    return (job !== undefined ? this.jobIntervals.get(job) : undefined) ?? this.scrapeIntervalSeconds;
  }

  private addValues(label: string, values: readonly string[], source: string, scope: 'target' | 'metric' = 'target'): void {
    if (values.length === 0) return;
    let known = this.values.get(label);
    if (!known) this.values.set(label, (known = { values: new Set(), sources: new Set(), scope }));
    for (const value of values) known.values.add(value);
    known.sources.add(source);
  }

  private addExporter(name: string, prefixes: readonly string[], metrics: readonly Partial<MetricEntry>[]): void {
    for (const prefix of prefixes) this.families.push({ prefix, exporter: name });
    for (const metric of metrics) {
      if (!metric.name) continue;
      this.addEntry({ ...metric, name: metric.name, type: metric.type ?? 'unknown' }, say('origin', { origin: { kind: 'exporter', name } }), false, []);
    }
  }

  private addEntry(entry: MetricEntry, origin: string, ownCatalog: boolean, defaultBuckets: readonly number[]): void {
    const buckets = entry.buckets === 'default' ? defaultBuckets : entry.buckets;
    // Only metrics that list their labels are closed (exporters' carry relabelled extras:
    // cluster, ...); target labels come on top (see canCarry).
    const labels = entry.labels ? new Set([...entry.labels, '__name__']) : undefined;
    const names = ownCatalog ? this.catalogNames : this.exporterNames;
    const base = {
      family: entry.name,
      type: entry.type,
      labelPrefixes: entry.labelPrefixes ?? [],
      origin,
      ...(entry.help ? { help: entry.help } : {}),
      ...(entry.type === 'histogram' && buckets?.length ? { buckets: [...buckets].sort((a, b) => a - b) } : {}),
    };
    const add = (info: MetricInfo): void => {
      if (this.metrics.has(info.name)) return;
      this.metrics.set(info.name, info);
      names.push(info.name);
    };
    if (entry.type === 'histogram' || entry.type === 'summary') {
      const extra = entry.type === 'histogram' ? 'le' : 'quantile';
      const withExtra = labels ? new Set([...labels, extra]) : undefined;
      if (entry.type === 'histogram') add({ ...base, name: `${entry.name}_bucket`, series: 'bucket', sampleKind: 'counter', ...(withExtra ? { labels: withExtra } : {}) });
      else add({ ...base, name: entry.name, sampleKind: 'summary-base', ...(withExtra ? { labels: withExtra } : {}) });
      add({ ...base, name: `${entry.name}_sum`, series: 'sum', sampleKind: 'counter', ...(labels ? { labels } : {}) });
      add({ ...base, name: `${entry.name}_count`, series: 'count', sampleKind: 'counter', ...(labels ? { labels } : {}) });
      if (entry.type === 'histogram' && !this.metrics.has(entry.name)) {
        // Not a series of a classic histogram: kept so a selector of it can be told so.
        this.metrics.set(entry.name, { ...base, name: entry.name, sampleKind: 'histogram-base', ...(labels ? { labels } : {}) });
      }
      return;
    }
    const sampleKind: SampleKind = entry.type === 'counter' ? 'counter' : entry.type === 'unknown' ? 'unknown' : 'gauge';
    add({ ...base, name: entry.name, sampleKind, ...(labels ? { labels } : {}) });
  }
}

/**
 * A service's name indexes by their list of names: a did-you-mean answer
 * depends on the names only, so it outlives the catalog that asked (a scrape
 * job, a catalog extension or a renamed rule rebuilds the catalog; most lists
 * stay the same) — the unknown names of a big workspace are not ranked again
 * each time. A few lists are kept (metric, rule and catalog names, and the
 * previous ones while they change).
 */
const NAME_INDEXES = cacheSlot('catalog/nameIndexes', () => new Map<string, NameIndex>());
const NAME_INDEXES_KEPT = 6;

function nameIndexOf(names: readonly string[], caches: Caches | undefined): NameIndex {
  if (!caches) return new NameIndex([...names]);
  const nameIndexes = caches.get(NAME_INDEXES);
  const key = JSON.stringify(names);
  let index = nameIndexes.get(key);
  if (index) {
    nameIndexes.delete(key);
  } else {
    index = new NameIndex([...names]);
    if (nameIndexes.size >= NAME_INDEXES_KEPT) nameIndexes.delete(nameIndexes.keys().next().value as string);
  }
  nameIndexes.set(key, index);
  return index;
}

// Shared by every service: keyed by a workspace index, which is one service's, and dropped with it.
const cache = new WeakMap<WorkspaceIndex, { generation: number; locale: string; catalog: Catalog }>();

/** The effective catalog of a workspace, rebuilt when the workspace's facts change. */
export function catalogFor(workspace: WorkspaceIndex): Catalog {
  const hit = cache.get(workspace);
  // The catalog generation moves only when its sources do (not on every edit of a rule's expr).
  if (hit && hit.generation === workspace.catalogGeneration && hit.locale === getLocale()) return hit.catalog;
  const catalog = new Catalog(BUILTIN_CATALOG, workspace);
  cache.set(workspace, { generation: workspace.catalogGeneration, locale: getLocale(), catalog });
  return catalog;
}

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

/** Seconds of a Prometheus duration (`15s`, `1m30s`); undefined when it is not one. */
export function parseSeconds(text: string): number | undefined {
  if (!/^(\d+(ms|s|m|h|d|w|y))+$/.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) total += Number(m[1]) * (UNIT_SECONDS[m[2] ?? ''] ?? 0);
  return total;
}

/** A number of seconds as a Prometheus duration (`30s`, `1m`, `1h30m`). */
export function formatSeconds(seconds: number): string {
  if (seconds > 0 && seconds < 1) return `${Math.round(seconds * 1000)}ms`;
  let rest = Math.round(seconds);
  let out = '';
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= size) {
      out += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return out || '0s';
}

function basename(uri: string): string {
  const parts = uri.split('/');
  const name = parts.pop() ?? uri;
  const dir = parts.pop();
  return dir === '.k1s0' ? `.k1s0/${name}` : name;
}
