import { selectorsOf } from '../catalog/tree';
import { parsePromql } from '../promql';
import { argTypeAt, promqlAggregations, promqlFunctions, type FunctionSignature, type ValueType } from '../promql/functionTable';
import type { CompletionItem, CompletionKind, CompletionList, DocumentationKey } from './types';
import { enclosingCalls, promqlContextAt, type EnclosingCall } from './promqlContext';
import type { Vocabulary } from './vocabulary';
import type { Caches } from '../base/caches';
import { GRAFANA_DURATIONS, KEYWORDS, say } from './messages';
import { aggregationDoc, functionDoc } from '../promql/docs';
import { helpText } from '../catalog/helpJa';

const DURATIONS = ['1m', '5m', '10m', '15m', '30m', '1h', '6h', '1d', '30d'];
/** Where the expression is written: Grafana's variables exist only in dashboards. */
export type PromqlDialect = 'rules' | 'dashboard' | 'promql';

export interface PromqlCompletionOptions {
  dialect?: PromqlDialect;
  /** At most this many names (see MAX_NAME_ITEMS). */
  limit?: number;
}

/**
 * At most this many names — metrics, recording rules, labels, values — in one
 * answer, the best ranked; the list then says it is incomplete and the editor
 * asks again as the user types. PromQL's own words (functions, aggregations,
 * keywords) are a short fixed list and are always all offered.
 */
export const MAX_NAME_ITEMS = 200;

const EMPTY: CompletionList = { items: [], isIncomplete: false };

/**
 * Completion items at `offset` of a PromQL expression, with replace ranges in
 * expression offsets. Only items matching what is typed (see matchQuality) are
 * returned, names cut at `limit`; documentation is left to `documentationOf`
 * (completionItem/resolve) so that the list stays small.
 */
export function completePromql(expr: string, offset: number, vocabulary: Vocabulary, options: PromqlCompletionOptions = {}): CompletionList {
  const limit = options.limit ?? MAX_NAME_ITEMS;
  const context = promqlContextAt(expr, offset);
  switch (context.kind) {
    case 'none':
      return EMPTY;
    case 'expression':
      return expressionCompletion(vocabulary, expr.slice(context.from, offset), context.from, context.to, limit, expectationOf(enclosingCalls(expr, context.from)));
    case 'label-name': {
      const typed = expr.slice(context.from, offset);
      const used = new Set(context.used);
      const own = context.metric ? vocabulary.catalog.metric(context.metric)?.labels : undefined;
      const items = vocabulary
        .labelNames(context.metric)
        .filter((label) => !used.has(label))
        .map((label) => rankLabel(labelItem(label, context.metric, vocabulary), labelOrder(label, own, vocabulary), typed, context.from, context.to));
      return select(items, typed, limit);
    }
    case 'grouping-label': {
      const typed = expr.slice(context.from, offset);
      const metrics = metricsIn(expr, vocabulary.caches);
      const labels = new Set(metrics.length ? metrics.flatMap((m) => vocabulary.labelNames(m)) : vocabulary.labelNames(undefined));
      const own = new Set(metrics.flatMap((m) => [...(vocabulary.catalog.metric(m)?.labels ?? [])]));
      if (metrics.some((m) => m.endsWith('_bucket'))) {
        labels.add('le');
        own.add('le');
      }
      return select(
        [...labels].map((label) => rankLabel(labelItem(label, undefined, vocabulary), labelOrder(label, own, vocabulary), typed, context.from, context.to)),
        typed,
        limit,
      );
    }
    case 'label-value': {
      const typed = expr.slice(context.from, offset);
      // Values keep the order their source gives (the design's tiers: system, business, service).
      const items = vocabulary
        .labelValues(context.label)
        .map((value) => ({ label: value, kind: 'value' as const, detail: say('labelValue', { label: context.label }), insertText: escapeFor(value, context.quote) }))
        .map((item, index) => ranked(item, `${matchQuality(item.label, typed)}${String(index).padStart(4, '0')}`, context.from, context.to));
      return select(items, typed, limit);
    }
    case 'duration': {
      const typed = expr.slice(context.from, offset);
      const durations: Unranked[] = DURATIONS.map((d) => ({ label: d, kind: 'duration', detail: say('duration') }));
      if (options.dialect === 'dashboard') durations.push(...GRAFANA_DURATIONS.map((d): Unranked => ({ label: d, kind: 'duration', detail: say('grafanaDuration', { name: d }) })));
      // In the order written: the usual windows first, Grafana's variables after them.
      const items = durations.map((item, index) => ranked(item, `${matchQuality(item.label, typed)}${String(index).padStart(3, '0')}`, context.from, context.to));
      return select(items, typed, limit);
    }
  }
}

/** The markdown documentation of an item completion left it out of (completionItem/resolve). */
export function documentationOf(key: DocumentationKey, vocabulary: Vocabulary): string | undefined {
  switch (key.kind) {
    case 'metric': {
      const help = vocabulary.catalog.metric(key.name)?.help;
      return help === undefined ? undefined : helpText(help);
    }
    case 'recording-rule': {
      const rule = vocabulary.rules.get(key.name)?.[0];
      return rule ? `\`\`\`promql\n${rule.expr.trim()}\n\`\`\`` : undefined;
    }
    case 'function': {
      const fn = promqlFunctions.get(key.name);
      const doc = functionDoc(key.name);
      if (!fn || doc === undefined) return undefined;
      return fn.experimental ? `${doc}\n\n${say('experimental', { flag: fn.experimental })}` : doc;
    }
    case 'aggregation':
      return aggregationDoc(key.name);
    case 'keyword':
      return KEYWORDS.includes(key.name) ? say('keywordDoc', { keyword: key.name }) : undefined;
    case 'label': {
      const values = vocabulary.labelValues(key.name);
      const known = values.length ? say('knownValues', { values }) : undefined;
      const help = vocabulary.catalog.highCardinality.get(key.name);
      const high = help === undefined ? undefined : say('highCardinality', { help: helpText(help) });
      return [known, high].filter((part) => part !== undefined).join('\n\n') || undefined;
    }
    default:
      return undefined;
  }
}

/**
 * How an item's label matches what is typed (case-insensitive): 0 prefix,
 * 1 substring, 2 loosely, 3 not at all. Loosely is what an editor's fuzzy
 * filter may still keep — the typed characters in order, or in order but for
 * two neighbours swapped (VS Code forgives one such typo) — so the items
 * dropped here are only ones the editor would hide anyway.
 */
function matchQuality(label: string, typed: string): number {
  return typed === '' ? 0 : matchLower(label.toLowerCase(), typed.toLowerCase());
}

function matchLower(label: string, query: string): number {
  if (query === '' || label.startsWith(query)) return 0;
  if (label.includes(query)) return 1;
  if (isSubsequence(query, label, -1)) return 2;
  for (let swap = 0; swap + 1 < query.length; swap++) {
    if (query.charCodeAt(swap) !== query.charCodeAt(swap + 1) && isSubsequence(query, label, swap)) return 2;
  }
  return NO_MATCH;
}

const NO_MATCH = 3;

/** Whether `needle`, with its characters at `swap` and `swap + 1` exchanged (none when -1), is a subsequence of `haystack`. */
function isSubsequence(needle: string, haystack: string, swap: number): boolean {
  let i = 0;
  for (let j = 0; j < haystack.length && i < needle.length; j++) {
    const wanted = swap < 0 || (i !== swap && i !== swap + 1) ? needle.charCodeAt(i) : needle.charCodeAt(i === swap ? swap + 1 : swap);
    if (haystack.charCodeAt(j) === wanted) i++;
  }
  return i === needle.length;
}

/** The ranked items that match what is typed, best first, names cut at `limit`. */
function select(items: CompletionItem[], typed: string, limit: number): CompletionList {
  const query = typed.toLowerCase();
  const matching = query === '' ? items : items.filter((item) => matchLower(item.label.toLowerCase(), query) !== NO_MATCH);
  matching.sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
  const kept: CompletionItem[] = [];
  let names = 0;
  for (const item of matching) {
    if (NAME_KINDS.has(item.kind) && ++names > limit) continue;
    kept.push(item);
  }
  return { items: kept, isIncomplete: names > limit };
}

const NAME_KINDS: ReadonlySet<CompletionKind> = new Set(['metric', 'recording-rule', 'label', 'value']);

/** An item of an expression position, ready to rank: its label lower-cased, its sort key after the match quality. */
interface Candidate {
  item: Unranked;
  lower: string;
  /** The sort text without its first character, the match quality. */
  sortKey: string;
  /** A name (counts against the limit) rather than a word of PromQL. */
  name: boolean;
}

// Shared by every service: keyed by a vocabulary, which is one service's workspace's (vocabularyOf), and dropped with it.
const expressionCandidateCache = new WeakMap<Vocabulary, Candidate[]>();

/**
 * Everything an expression position offers, built once per vocabulary (that
 * is, per generation of the workspace's facts) and kept in rank order; only
 * matching against what is typed runs per request.
 */
function expressionCandidates(vocabulary: Vocabulary): Candidate[] {
  let candidates = expressionCandidateCache.get(vocabulary);
  if (!candidates) {
    const items: [Unranked, number][] = [
      // The k1s0 catalog's metrics before the exporters' (the list may be cut).
      ...vocabulary.metricNames().map(({ name, source }): [Unranked, number] => {
        const item = metricItem(name, source, vocabulary);
        return [item, source === 'exporter' ? EXPORTER_ORDER : KIND_ORDER[item.kind]];
      }),
      ...[...promqlFunctions.values()].map((fn): [Unranked, number] => [functionItem(fn), KIND_ORDER.function]),
      ...[...promqlAggregations.values()].map((agg): [Unranked, number] => [
        {
          label: agg.name,
          kind: 'aggregation',
          detail: agg.param ? `${agg.name}(${agg.param}, instant vector)` : `${agg.name}(instant vector)`,
          resolve: { kind: 'aggregation', name: agg.name },
          insertText: agg.param ? `${agg.name}(\${1:param}, \${2:expr})` : `${agg.name}(\${1:expr})`,
          snippet: true,
        },
        KIND_ORDER.aggregation,
      ]),
      ...KEYWORDS.map((word): [Unranked, number] => [{ label: word, kind: 'keyword', resolve: { kind: 'keyword', name: word } }, KIND_ORDER.keyword]),
    ];
    candidates = items
      .map(([item, order]) => ({ item, lower: item.label.toLowerCase(), sortKey: sortKeyOf(item, order), name: NAME_KINDS.has(item.kind) }))
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    expressionCandidateCache.set(vocabulary, candidates);
  }
  return candidates;
}

/**
 * What the position needs, from the calls around it: a range vector (`rate(`,
 * `*_over_time(`), where counters come first for the functions that take
 * them; a histogram's buckets (`histogram_quantile(φ, ` and anything inside
 * it); a scalar; or any instant vector (recording rules first).
 */
interface Expectation {
  type: ValueType | undefined;
  counters: boolean;
  buckets: boolean;
}

const COUNTER_FUNCTIONS = new Set(['rate', 'irate', 'increase', 'resets']);

function expectationOf(calls: readonly EnclosingCall[]): Expectation {
  const innermost = calls[calls.length - 1];
  let type: ValueType | undefined;
  if (innermost) {
    const fn = promqlFunctions.get(innermost.name);
    const aggregation = promqlAggregations.get(innermost.name);
    type = fn ? argTypeAt(fn, innermost.argument) : aggregation ? (aggregation.param && innermost.argument === 0 ? aggregation.param : 'instant vector') : undefined;
  }
  return {
    type,
    counters: innermost !== undefined && COUNTER_FUNCTIONS.has(innermost.name),
    buckets: calls.some((call) => call.name === 'histogram_quantile' && call.argument === 1),
  };
}

/** How well a candidate fits what the position needs: 0 best; each rank keeps the candidates' own order. */
function fitOf(candidate: Candidate, expectation: Expectation, vocabulary: Vocabulary): number {
  const { item } = candidate;
  if (expectation.buckets) {
    if (item.kind === 'metric') return vocabulary.catalog.metric(item.label)?.series === 'bucket' || item.label.endsWith('_bucket') ? 0 : 2;
    if (item.kind === 'recording-rule') return /bucket/.test(item.label) ? 0 : 2;
    return 1;
  }
  if (expectation.type === 'range vector') {
    // A selector with a range, or a subquery: metrics first (counters for rate and increase), recording rules after.
    if (item.kind === 'metric') return !expectation.counters || vocabulary.catalog.metric(item.label)?.sampleKind === 'counter' ? 0 : 1;
    return item.kind === 'recording-rule' ? 1 : 2;
  }
  if (expectation.type === 'scalar' || expectation.type === 'string') return item.kind === 'function' || item.kind === 'aggregation' ? 0 : 1;
  return 0;
}

const FITS = 3;

function expressionCompletion(vocabulary: Vocabulary, typed: string, start: number, end: number, limit: number, expectation: Expectation): CompletionList {
  const query = typed.toLowerCase();
  // Candidates are in sort-key order: grouping them by match quality, then fit, keeps each group sorted.
  const groups: Candidate[][] = Array.from({ length: NO_MATCH * FITS }, () => []);
  for (const candidate of expressionCandidates(vocabulary)) {
    const match = matchLower(candidate.lower, query);
    if (match !== NO_MATCH) groups[match * FITS + fitOf(candidate, expectation, vocabulary)]?.push(candidate);
  }
  const items: CompletionItem[] = [];
  let names = 0;
  groups.forEach((group, index) => {
    const match = Math.floor(index / FITS);
    const fit = index % FITS;
    for (const { item, sortKey, name } of group) {
      if (name && ++names > limit) continue;
      items.push(ranked(item, `${match}${fit}${sortKey}`, start, end));
    }
  });
  return { items, isIncomplete: names > limit };
}

type Unranked = Omit<CompletionItem, 'sortText' | 'start' | 'end'>;

/**
 * Labels: prefix matches first, then substring matches, then loose ones;
 * within, by `labelOrder`.
 */
function rankLabel(item: Unranked, order: string, typed: string, start: number, end: number): CompletionItem {
  return ranked(item, `${matchQuality(item.label, typed)}${order}`, start, end);
}

/**
 * The design's labels first: the metric's own labels (as the catalog lists
 * them), then the target labels the design gives values (tier, service,
 * lang, job), then the other target labels, then high-cardinality ones
 * (path, instance, pod, …) last; within each, the catalog's order.
 */
function labelOrder(label: string, own: ReadonlySet<string> | undefined, vocabulary: Vocabulary): string {
  const { catalog } = vocabulary;
  const group = catalog.highCardinality.has(label) ? 3 : own?.has(label) ? 0 : vocabulary.labelValues(label).length ? 1 : 2;
  const ownIndex = own ? [...own].indexOf(label) : -1;
  const targetIndex = [...catalog.targetLabels].indexOf(label);
  const index = group === 0 ? ownIndex : targetIndex >= 0 ? targetIndex : 999;
  return `${group}${String(index).padStart(3, '0')}${label}`;
}

/** The item with its sort text and range (every item one shape: completion makes hundreds per keystroke). */
function ranked(item: Unranked, sortText: string, start: number, end: number): CompletionItem {
  return {
    label: item.label,
    kind: item.kind,
    detail: item.detail,
    documentation: item.documentation,
    resolve: item.resolve,
    insertText: item.insertText,
    snippet: item.snippet,
    sortText,
    start,
    end,
  };
}

function sortKeyOf(item: Unranked, order = KIND_ORDER[item.kind]): string {
  return `${order}${String(item.label.length).padStart(3, '0')}${item.label}`;
}

/**
 * The k1s0 catalog's metrics, then the workspace's recording rules (near the
 * top: what the workspace already computes), then the exporters' metrics,
 * then PromQL's functions, aggregations and keywords.
 */
const KIND_ORDER: Record<CompletionKind, number> = { metric: 0, 'recording-rule': 1, label: 0, value: 0, duration: 0, function: 3, aggregation: 4, keyword: 5, property: 0, enum: 0 };
/** Exporters' metrics: after the catalog's and the recording rules. */
const EXPORTER_ORDER = 2;

function metricItem(name: string, source: 'catalog' | 'rule' | 'exporter', vocabulary: Vocabulary): Unranked {
  if (source === 'rule') return { label: name, kind: 'recording-rule', detail: say('recordingRule'), resolve: { kind: 'recording-rule', name } };
  const info = vocabulary.catalog.metric(name);
  return {
    label: name,
    kind: 'metric',
    detail: info ? say('metricDetail', { type: info.type, ...(source === 'exporter' ? { origin: info.origin } : {}) }) : source,
    ...(info?.help ? { resolve: { kind: 'metric' as const, name } } : {}),
  };
}

function functionItem(fn: FunctionSignature): Unranked {
  const params = fn.args.map((arg, i) => `\${${i + 1}:${arg.replace(' ', '_')}}`).join(', ');
  return {
    label: fn.name,
    kind: 'function',
    detail: `${fn.name}(${fn.args.join(', ')}${fn.variadic !== 0 ? ', …' : ''}) → ${fn.returns}`,
    resolve: { kind: 'function', name: fn.name },
    insertText: `${fn.name}(${params})`,
    snippet: true,
  };
}

function labelItem(label: string, metric: string | undefined, vocabulary: Vocabulary): Unranked {
  const detail = say('labelDetail', { high: vocabulary.catalog.highCardinality.has(label), ...(metric ? { metric } : {}) });
  return { label, kind: 'label', detail, ...(vocabulary.labelValues(label).length || vocabulary.catalog.highCardinality.has(label) ? { resolve: { kind: 'label' as const, name: label } } : {}) };
}

/** Metric names of the selectors in an expression (for `by (…)` of what is aggregated). */
function metricsIn(expr: string, caches: Caches): string[] {
  const names = selectorsOf(parsePromql(expr, caches), expr).flatMap((selector) => (selector.metric ? [selector.metric] : []));
  return [...new Set(names)];
}

function escapeFor(value: string, quote: string): string {
  if (quote === '`') return value;
  return value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`);
}
