/**
 * "Run it where it lives": a CodeLens row above every PromQL `expr` of a rule
 * file or a dashboard target — Run in Prometheus, Open in Prometheus, Open in
 * Grafana Explore. Each lens carries the query as Prometheus should receive
 * it: for dashboards, Grafana's template variables filled with representative
 * values (`$__rate_interval` a duration, a custom variable its current value,
 * a multi-value one `.*` inside a regex matcher). Pure: text in, lenses out.
 */
import { analyzeDashboard } from '../dashboards/analysis';
import { itemsOf, prop, stringOf, stringOffsets, type JsonNode } from '../dashboards/json';
import type { DashboardModel, VariableDefinition } from '../dashboards/model';
import { findVariableReferences, fixedKind, type VariableReference } from '../dashboards/variables';
import { getLocale } from '../l10n';
import { LineIndex } from '../base/lineIndex';
import type { FileKind, LocatedExpression } from '../service/languageService';
import type { Range, SourceFile } from '../base/types';
import { Commands, type QueryLensArguments } from '../protocol';

export interface QueryLens {
  range: Range;
  title: string;
  command: string;
  arguments: [QueryLensArguments];
}

const TITLES = {
  en: { run: '$(play) Run in Prometheus', prometheus: 'Open in Prometheus', grafana: 'Open in Grafana Explore' },
  ja: { run: '$(play) Prometheus で実行', prometheus: 'Prometheus で開く', grafana: 'Grafana Explore で開く' },
} as const;

/** Representative values of Grafana's global variables (a 1h range, 15s scrape interval). */
const BUILTIN_VALUES: Record<string, string> = {
  __rate_interval: '1m',
  __interval: '15s',
  __range: '1h',
  __auto: '15s',
  __interval_ms: '15000',
  __rate_interval_ms: '60000',
  __range_ms: '3600000',
  __range_s: '3600',
};

/**
 * The lenses of one document. `sites` are the language service's
 * `expressionSites` of it; `kind` what the service judged the file to be.
 * Never throws: a site that cannot be read is left without lenses.
 */
export function queryLenses(file: SourceFile, kind: FileKind | undefined, sites: readonly LocatedExpression[]): QueryLens[] {
  if (kind !== 'rules' && kind !== 'dashboard') return [];
  const lines = new LineIndex(file.text);
  const dashboard = kind === 'dashboard' ? dashboardTargets(file.text) : undefined;
  const lenses: QueryLens[] = [];
  for (const located of sites) {
    try {
      let query: string;
      let datasource: string | undefined;
      if (dashboard) {
        const target = dashboard.targets.get(located.start);
        if (!target) continue;
        query = fillVariables(target.expr, dashboard.model).trim();
        datasource = target.datasource;
      } else {
        query = located.site.value.trim();
      }
      if (query === '') continue;
      const key = exprKeyBefore(file.text, located.start);
      const range = lines.rangeOf(key[0], key[1]);
      const args: QueryLensArguments = { query, uri: file.uri, line: range.start.line, ...(datasource ? { datasource } : {}) };
      lenses.push(...lensRow(range, args));
    } catch {
      continue;
    }
  }
  return lenses;
}

function lensRow(range: Range, args: QueryLensArguments): QueryLens[] {
  const titles = TITLES[getLocale()];
  return [
    { range, title: titles.run, command: Commands.runQuery, arguments: [args] },
    { range, title: titles.prometheus, command: Commands.openQueryInPrometheus, arguments: [args] },
    { range, title: titles.grafana, command: Commands.openQueryInGrafana, arguments: [args] },
  ];
}

/** The `expr` key (`expr`, `"expr"`) nearest before the value at `start`; the value itself when there is none. */
function exprKeyBefore(text: string, start: number): [number, number] {
  const before = text.slice(Math.max(0, start - 2000), start);
  const base = Math.max(0, start - 2000);
  const pattern = /(["']?)expr\1\s*:/g;
  let found: [number, number] | undefined;
  for (let match = pattern.exec(before); match; match = pattern.exec(before)) {
    const length = match[1] ? 6 : 4;
    found = [base + match.index, base + match.index + length];
  }
  return found ?? [start, start];
}

interface DashboardTargets {
  model: DashboardModel;
  /** By the document offset of the target's `expr` string: its decoded text and datasource. */
  targets: Map<number, { expr: string; datasource?: string }>;
}

function dashboardTargets(text: string): DashboardTargets | undefined {
  const { model } = analyzeDashboard(text);
  if (!model) return undefined;
  const targets = new Map<number, { expr: string; datasource?: string }>();
  for (const { node: panel } of model.panels) {
    if (panel.type !== 'object') continue;
    const panelDatasource = datasourceName(prop(panel, 'datasource'), model);
    for (const target of itemsOf(prop(panel, 'targets'))) {
      const exprNode = prop(target, 'expr');
      if (exprNode?.type !== 'string') continue;
      const datasource = datasourceName(prop(target, 'datasource'), model) ?? panelDatasource;
      targets.set(exprNode.offset, { expr: stringOffsets(text, exprNode).value, ...(datasource ? { datasource } : {}) });
    }
  }
  return { model, targets };
}

/**
 * The uid (or name) Grafana knows a target's datasource by, when the
 * dashboard names a concrete one; a datasource variable gives its current value.
 */
function datasourceName(node: JsonNode | undefined, model: DashboardModel): string | undefined {
  const raw = stringOf(node) ?? stringOf(prop(node, 'uid'));
  if (raw === undefined || raw === '' || raw.startsWith('-- ')) return undefined;
  const [ref] = findVariableReferences(raw);
  if (!ref) return raw;
  if (ref.from !== 0 || ref.to !== raw.length) return undefined;
  const variable = model.variables.get(ref.name);
  const current = variable ? currentValues(variable) : [];
  return current.length === 1 && !current[0]?.includes('$') ? current[0] : undefined;
}

/** The values a variable currently holds (`$__all` and multi-selections as they are stored). */
function currentValues(variable: VariableDefinition): string[] {
  if (variable.current !== undefined) return [variable.current];
  const value = prop(prop(variable.node, 'current'), 'value');
  const single = stringOf(value);
  if (single !== undefined) return [single];
  return itemsOf(value).flatMap((item) => (typeof item.value === 'string' ? [item.value] : []));
}

/** The first option of a variable (or the first of a custom variable's comma-separated query). */
function firstOption(variable: VariableDefinition): string | undefined {
  for (const option of itemsOf(prop(variable.node, 'options'))) {
    const value = stringOf(prop(option, 'value'));
    if (value !== undefined && value !== '$__all') return value;
  }
  if (variable.type === 'custom') {
    const first = (stringOf(prop(variable.node, 'query')) ?? '').split(',')[0]?.trim();
    return first ? first.replace(/^[^:]*\s:\s/, '') : undefined;
  }
  return undefined;
}

/**
 * A dashboard query with every template variable replaced by what Grafana
 * would send for it: built-ins by representative durations and numbers,
 * declared variables by their single current value; inside a regex matcher a
 * multi-value, `All` or unknown selection becomes `.*`.
 */
export function fillVariables(query: string, model: Pick<DashboardModel, 'variables'>): string {
  const references = findVariableReferences(query);
  let out = '';
  let pos = 0;
  for (const ref of references) {
    out += query.slice(pos, ref.from);
    out += valueFor(query, ref, model.variables.get(ref.name));
    pos = ref.to;
  }
  return out + query.slice(pos);
}

function valueFor(query: string, ref: VariableReference, variable: VariableDefinition | undefined): string {
  const builtin = BUILTIN_VALUES[ref.name];
  if (builtin !== undefined) return builtin;
  const regex = inRegexMatcher(query, ref.from);
  const current = variable ? currentValues(variable).filter((v) => v !== '$__all') : [];
  const all = variable ? currentValues(variable).includes('$__all') : false;
  if (regex && (all || current.length !== 1)) return '.*';
  const value = current.length === 1 ? current[0] : undefined;
  if (value !== undefined && !value.includes('$')) return value;
  if (variable && fixedKind(ref.name, variable.type) === 'duration') return firstOption(variable) ?? '5m';
  if (ref.name.startsWith('__')) return fixedKind(ref.name, undefined) === 'number' ? '0' : '1m';
  const option = variable ? firstOption(variable) : undefined;
  return option ?? (regex ? '.*' : ref.name);
}

/** Whether offset `at` sits inside a quoted string that follows `=~` or `!~`. */
function inRegexMatcher(query: string, at: number): boolean {
  let quote: string | undefined;
  let opened = -1;
  for (let i = 0; i < at; i++) {
    const ch = query[i];
    if (quote !== undefined) {
      if (ch === '\\' && quote !== '`') i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
      opened = i;
    }
  }
  return quote !== undefined && /[=!]~\s*$/.test(query.slice(0, opened));
}
