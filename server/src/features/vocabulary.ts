/**
 * Names an editor feature can offer or explain in PromQL: the effective
 * catalog (k1s0 metrics, exporters, workspace extensions, scrape labels) and
 * the recording rules of the workspace, behind one small interface.
 */
import type { Caches } from '../base/caches';
import { catalogFor, type Catalog, type MetricInfo } from '../catalog/catalog';
import { helpText } from '../catalog/helpJa';
import type { RecordingRuleDefinition, WorkspaceIndex } from '../workspace/index';
import { say } from './messages';

export interface Vocabulary {
  catalog: Catalog;
  /** The service's caches (parse trees of the expressions asked about). */
  caches: Caches;
  /** Recording rules by name. */
  rules: ReadonlyMap<string, readonly RecordingRuleDefinition[]>;
  /** Every metric name with what is known of it: k1s0 catalog first, then rules, then exporters. */
  metricNames(): { name: string; source: 'catalog' | 'rule' | 'exporter' }[];
  /** Label names a series may carry (all known labels when the metric is unknown or open). */
  labelNames(metric: string | undefined): string[];
  /** Known values of a label. */
  labelValues(label: string): readonly string[];
}

// Shared by every service: keyed by a workspace index, which is one service's, and dropped with it.
const vocabularies = new WeakMap<WorkspaceIndex, { generation: number; vocabulary: Vocabulary }>();

/** The vocabulary of a workspace, built once per generation of its facts (completion asks on every keystroke). */
export function vocabularyOf(workspace: WorkspaceIndex): Vocabulary {
  const known = vocabularies.get(workspace);
  if (known && known.generation === workspace.generation) return known.vocabulary;
  const vocabulary = buildVocabulary(workspace);
  vocabularies.set(workspace, { generation: workspace.generation, vocabulary });
  return vocabulary;
}

function buildVocabulary(workspace: WorkspaceIndex): Vocabulary {
  const catalog = catalogFor(workspace);
  const rules = workspace.recordingRules();
  let names: { name: string; source: 'catalog' | 'rule' | 'exporter' }[] | undefined;
  /** Label names of metrics the catalog has no labels for, by metric ('' for unknown ones): asked for on every keystroke in `{…}` and `by (…)`. */
  const labelNamesOf = new Map<string, string[]>();
  return {
    catalog,
    caches: workspace.caches,
    rules,
    metricNames() {
      if (names) return names;
      const seen = new Set<string>();
      const out: { name: string; source: 'catalog' | 'rule' | 'exporter' }[] = [];
      const add = (name: string, source: 'catalog' | 'rule' | 'exporter') => {
        if (seen.has(name)) return;
        seen.add(name);
        out.push({ name, source });
      };
      for (const name of catalog.catalogNames) add(name, 'catalog');
      for (const name of rules.keys()) add(name, 'rule');
      for (const name of catalog.exporterNames) add(name, 'exporter');
      names = out;
      return out;
    },
    labelNames(metric) {
      const info = metric ? catalog.metric(metric) : undefined;
      const own = info ? catalog.labelNames(info) : undefined;
      if (own) return own;
      const rule = metric ? rules.get(metric)?.[0] : undefined;
      // Unknown metrics all get every known label: one entry for them, whatever is typed.
      const key = info || rule ? (metric ?? '') : '';
      let labels = labelNamesOf.get(key);
      if (!labels) {
        const all = new Set<string>([...catalog.targetLabels, ...Object.keys(rule?.labels ?? {})]);
        if (!info && !rule) {
          for (const name of catalog.catalogNames) {
            const entry = catalog.metric(name);
            for (const label of (entry && catalog.labelNames(entry)) ?? []) all.add(label);
          }
        }
        labels = [...all].sort();
        labelNamesOf.set(key, labels);
      }
      return labels;
    },
    labelValues(label) {
      return catalog.knownValues(label)?.values ?? [];
    },
  };
}

/** Markdown describing a catalog metric: type, help, labels and where it comes from. */
export function describeMetric(catalog: Catalog, info: MetricInfo): string {
  const labels = catalog.labelNames(info);
  const lines = [say('metricTitle', { name: info.name, type: info.type, family: info.family, ...(info.series ? { series: info.series } : {}) })];
  if (info.help) lines.push('', helpText(info.help));
  if (labels) lines.push('', say('labels', { labels }));
  lines.push('', say('from', { origin: info.origin }));
  return lines.join('\n');
}

/** Markdown describing a recording rule: its expression and where it is defined. */
export function describeRule(rule: RecordingRuleDefinition, relativePath: string): string {
  return [say('ruleTitle', { name: rule.name }), '', '```promql', rule.expr.trim(), '```', '', say('definedIn', { path: relativePath })].join('\n');
}
