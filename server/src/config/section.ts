import { isMap, isScalar, type Document, type Node, type Pair } from 'yaml';
import { pairOf } from '../base/yaml/parse';
import { t } from '../l10n';
import type { EnvironmentName } from '../base/settings';
import type { TraceConfigFact } from '../workspace/facts';

/** The `observability:` entry of a config document: its key/value nodes and the document. */
export interface ObservabilityEntry {
  document: Document.Parsed;
  pair: Pair<Node, Node | null>;
}

/** What a config file's checks are handed: its observability entry and the environment it is judged as. */
export interface ConfigFile {
  entry: ObservabilityEntry;
  environment: EnvironmentName | undefined;
}

/** The first document whose top level is a mapping with an `observability` key. */
export function findObservabilityEntry(documents: readonly Document.Parsed[]): ObservabilityEntry | undefined {
  for (const document of documents) {
    if (!isMap(document.contents)) continue;
    const pair = pairOf(document.contents, 'observability');
    if (pair) return { document, pair };
  }
  return undefined;
}

/** Where a path inside the section lives: the deepest existing pair and whether the full path exists. */
export interface Located {
  /** The pair at the path, or at its deepest existing ancestor. */
  pair: Pair<Node, Node | null>;
  found: boolean;
}

export function locate(entry: ObservabilityEntry, path: readonly PropertyKey[]): Located {
  let pair = entry.pair;
  for (const segment of path) {
    const value = pair.value;
    if (!isMap(value)) return { pair, found: false };
    const child = pairOf(value, String(segment));
    if (!child) return { pair, found: false };
    pair = child;
  }
  return { pair, found: true };
}

/** [start, end) of a node in the source, if it has one. */
export function spanOf(node: Node | null | undefined): [number, number] | undefined {
  if (!node?.range) return undefined;
  return [node.range[0], node.range[1]];
}

/** The span diagnostics about a pair's value use: the value, or the key where the value is empty. */
export function valueSpan(pair: Pair<Node, Node | null>): [number, number] {
  const value = spanOf(pair.value);
  if (value && value[1] > value[0]) return value;
  return spanOf(pair.key) ?? [0, 0];
}

export function describeValue(node: Node | null | undefined): string {
  if (node === null || node === undefined) return t('value.nothing');
  if (isScalar(node)) {
    if (node.value === null) return t('value.null');
    if (typeof node.value === 'string') return t('value.string', { json: JSON.stringify(node.value) });
    // A scalar's value is a number, boolean or bigint here (a Date with YAML 1.1 timestamps): no [object Object].
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    return t('value.scalar', { type: typeof node.value, value: String(node.value) });
  }
  return isMap(node) ? t('value.mapping') : t('value.list');
}

/** The tracing settings of a config file (otel/env compares a service's OTEL_* variables with them); undefined when it has none. */
export function traceConfigFact(entry: ObservabilityEntry, uri: string, text: string, environment: string | undefined): TraceConfigFact | undefined {
  const line = (node: Node | null | undefined): number => {
    const at = node?.range?.[0] ?? 0;
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) count++;
    return count;
  };
  const fact: TraceConfigFact = { uri };
  const app = entry.document.getIn(['app', 'name']);
  if (typeof app === 'string' && app !== '') fact.app = app;
  if (environment !== undefined) fact.environment = environment;
  const endpoint = locate(entry, ['trace', 'endpoint']);
  if (endpoint.found && isScalar(endpoint.pair.value) && typeof endpoint.pair.value.value === 'string') fact.endpoint = { value: endpoint.pair.value.value, line: line(endpoint.pair.value) };
  const rate = locate(entry, ['trace', 'sample_rate']);
  if (rate.found && isScalar(rate.pair.value) && typeof rate.pair.value.value === 'number') fact.sampleRate = { value: rate.pair.value.value, line: line(rate.pair.value) };
  return fact.endpoint || fact.sampleRate ? fact : undefined;
}
