import { selectorsOf } from '../catalog/tree';
import { parsePromql } from '../promql';
import { promqlAggregations, promqlFunctions, type FunctionSignature } from '../promql/functionTable';
import type { CompletionItem, CompletionKind } from './types';
import { promqlContextAt } from './promqlContext';
import type { Vocabulary } from './vocabulary';

const KEYWORDS: Record<string, string> = {
  by: 'Keep only these labels in the aggregation result.',
  without: 'Drop these labels in the aggregation result.',
  on: 'Match series of both sides on these labels only.',
  ignoring: 'Match series of both sides ignoring these labels.',
  group_left: 'Many-to-one matching: the left side may have several series per match.',
  group_right: 'One-to-many matching: the right side may have several series per match.',
  bool: 'Comparison returns 0 or 1 instead of filtering.',
  offset: 'Shift the evaluation time back by a duration.',
  and: 'Set intersection.',
  or: 'Set union.',
  unless: 'Set complement.',
};

const DURATIONS = ['1m', '5m', '10m', '15m', '30m', '1h', '6h', '1d', '30d', '$__rate_interval'];

/** Completion items at `offset` of a PromQL expression, with replace ranges in expression offsets. */
export function completePromql(expr: string, offset: number, vocabulary: Vocabulary): CompletionItem[] {
  const context = promqlContextAt(expr, offset);
  switch (context.kind) {
    case 'none':
      return [];
    case 'expression': {
      const typed = expr.slice(context.from, offset);
      return expressionItems(vocabulary).map((item) => rank(item, typed, context.from, context.to));
    }
    case 'label-name': {
      const typed = expr.slice(context.from, offset);
      const used = new Set(context.used);
      return vocabulary
        .labelNames(context.metric)
        .filter((label) => !used.has(label))
        .map((label) => labelItem(label, vocabulary, context.metric))
        .map((item) => rank(item, typed, context.from, context.to));
    }
    case 'grouping-label': {
      const typed = expr.slice(context.from, offset);
      const metrics = metricsIn(expr);
      const labels = new Set(metrics.length ? metrics.flatMap((m) => vocabulary.labelNames(m)) : vocabulary.labelNames(undefined));
      if (metrics.some((m) => m.endsWith('_bucket'))) labels.add('le');
      return [...labels].sort().map((label) => rank(labelItem(label, vocabulary, undefined), typed, context.from, context.to));
    }
    case 'label-value': {
      const typed = expr.slice(context.from, offset);
      // Values keep the order their source gives (the design's tiers: system, business, service).
      return vocabulary
        .labelValues(context.label)
        .map((value) => ({ label: value, kind: 'value' as const, detail: `${context.label} value`, insertText: escapeFor(value, context.quote) }))
        .map((item, index) => ({ ...rank(item, typed, context.from, context.to), sortText: `${matchQuality(item.label, typed)}${String(index).padStart(4, '0')}` }));
    }
    case 'duration': {
      const typed = expr.slice(context.from, offset);
      return DURATIONS.map((d) => rank({ label: d, kind: 'duration', detail: d.startsWith('$') ? 'Grafana: at least four scrape intervals' : 'duration' }, typed, context.from, context.to));
    }
  }
}

function matchQuality(label: string, typed: string): number {
  const query = typed.toLowerCase();
  return query === '' || label.toLowerCase().startsWith(query) ? 0 : label.toLowerCase().includes(query) ? 1 : 2;
}

const expressionItemCache = new WeakMap<Vocabulary, Unranked[]>();

/** Everything an expression position offers, built once per vocabulary; only the ranking depends on what is typed. */
function expressionItems(vocabulary: Vocabulary): Unranked[] {
  let items = expressionItemCache.get(vocabulary);
  if (!items) {
    items = [
      ...vocabulary.metricNames().map(({ name, source }) => metricItem(name, source, vocabulary)),
      ...[...promqlFunctions.values()].map((fn) => functionItem(fn)),
      ...[...promqlAggregations.values()].map((agg) => ({ label: agg.name, kind: 'aggregation' as const, detail: agg.param ? `${agg.name}(${agg.param}, instant vector)` : `${agg.name}(instant vector)`, documentation: agg.doc, insertText: agg.param ? `${agg.name}(\${1:param}, \${2:expr})` : `${agg.name}(\${1:expr})`, snippet: true })),
      ...Object.entries(KEYWORDS).map(([word, doc]) => ({ label: word, kind: 'keyword' as const, documentation: doc })),
    ];
    expressionItemCache.set(vocabulary, items);
  }
  return items;
}

type Unranked = Omit<CompletionItem, 'sortText' | 'start' | 'end'>;

/**
 * Prefix matches first, then substring matches, then the rest; within, by
 * kind, then the shortest name (the nearest completion of what is typed).
 */
function rank(item: Unranked, typed: string, start: number, end: number): CompletionItem {
  const match = matchQuality(item.label, typed);
  return { ...item, sortText: `${match}${KIND_ORDER[item.kind]}${String(item.label.length).padStart(3, '0')}${item.label}`, start, end };
}

const KIND_ORDER: Record<CompletionKind, number> = { metric: 0, 'recording-rule': 1, label: 0, value: 0, duration: 0, function: 2, aggregation: 3, keyword: 4, property: 0, enum: 0 };

function metricItem(name: string, source: 'catalog' | 'rule' | 'exporter', vocabulary: Vocabulary): Unranked {
  if (source === 'rule') {
    const rule = vocabulary.rules.get(name)?.[0];
    return { label: name, kind: 'recording-rule', detail: 'recording rule', documentation: rule ? `\`\`\`promql\n${rule.expr.trim()}\n\`\`\`` : undefined };
  }
  const info = vocabulary.catalog.metric(name);
  return { label: name, kind: 'metric', detail: info ? `${info.type}${source === 'exporter' ? ` · ${info.origin}` : ' · k1s0 catalog'}` : source, documentation: info?.help };
}

function functionItem(fn: FunctionSignature): Unranked {
  const params = fn.args.map((arg, i) => `\${${i + 1}:${arg.replace(' ', '_')}}`).join(', ');
  return {
    label: fn.name,
    kind: 'function',
    detail: `${fn.name}(${fn.args.join(', ')}${fn.variadic !== 0 ? ', …' : ''}) → ${fn.returns}`,
    documentation: fn.experimental ? `${fn.doc}\n\nExperimental: needs \`--enable-feature=${fn.experimental}\`.` : fn.doc,
    insertText: `${fn.name}(${params})`,
    snippet: true,
  };
}

function labelItem(label: string, vocabulary: Vocabulary, metric: string | undefined): Unranked {
  const values = vocabulary.labelValues(label);
  return { label, kind: 'label', detail: metric ? `label of ${metric}` : 'label', documentation: values.length ? `Known values: ${values.map((v) => `\`${v}\``).join(', ')}` : undefined };
}

/** Metric names of the selectors in an expression (for `by (…)` of what is aggregated). */
function metricsIn(expr: string): string[] {
  const names = selectorsOf(parsePromql(expr), expr).flatMap((selector) => (selector.metric ? [selector.metric] : []));
  return [...new Set(names)];
}

function escapeFor(value: string, quote: string): string {
  if (quote === '`') return value;
  return value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`);
}
