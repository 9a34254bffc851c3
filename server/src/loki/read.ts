/** What the Loki handler hands its checks, and small readers of its YAML tree. */
import { isMap, isPair, isScalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { InfraEnvironment } from './environment';

export interface LokiFile {
  /** The document that holds the configuration (a mapping that parsed). */
  document: Document.Parsed;
  /** The environment the file is for, when one is known (no environment: no policy). */
  environment?: InfraEnvironment;
}

/** The top-level keys only Loki's configuration has. */
export const LOKI_KEYS = ['schema_config', 'storage_config', 'limits_config'];
/** Top-level keys Loki shares with other Grafana databases (Mimir, Tempo): enough for a file named `loki*`. */
export const LOKI_NAMED_KEYS = [...LOKI_KEYS, 'auth_enabled', 'server', 'common', 'ingester', 'compactor', 'querier', 'query_range', 'frontend', 'ruler', 'memberlist', 'distributor'];

export function mayBeLoki(text: string): boolean {
  return /^(?:schema_config|storage_config|limits_config)\s*:/m.test(text);
}

export function topKeys(document: Document.Parsed): string[] {
  return isMap(document.contents) ? document.contents.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : [])) : [];
}

/** The pair of `key` in a mapping node, if the node is a mapping and has it. */
export function pairIn(node: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(node)) return undefined;
  return (node as YAMLMap<Node, Node | null>).items.find((pair) => isPair(pair) && isScalar(pair.key) && pair.key.value === key);
}

/** The value at a path of keys. */
export function valueAt(node: unknown, path: readonly string[]): Node | null | undefined {
  let current: unknown = node;
  for (const key of path) {
    const pair = pairIn(current, key);
    if (!pair) return undefined;
    current = pair.value;
  }
  return current as Node | null;
}

/** A scalar's value as text (numbers and booleans too). */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return typeof node.value === 'string' || typeof node.value === 'number' || typeof node.value === 'boolean' ? String(node.value) : undefined;
}

export function span(node: Node | null | undefined): [number, number] {
  const range = node?.range;
  return range ? [range[0], Math.max(range[1], range[0] + 1)] : [0, 0];
}

/** Where to report about the whole file: its first key. */
export function firstKeySpan(document: Document.Parsed): [number, number] {
  const first = isMap(document.contents) ? document.contents.items[0]?.key : undefined;
  return span(first);
}
