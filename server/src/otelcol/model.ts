/**
 * A collector configuration as the checks read it: its components by kind
 * (IDs located at their keys) and its pipelines (each named component located
 * where the list names it). Read from the parsed tree once per text; anything
 * of the wrong shape is left out here (the shape check reports it).
 */
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { COMPONENT_KINDS, type ComponentKind } from './components';
import { typeOf } from './shapes';

export interface Located {
  text: string;
  start: number;
  end: number;
}

export interface Component {
  kind: ComponentKind;
  id: string;
  type: string;
  /** The ID's key. */
  start: number;
  end: number;
  /** Its configuration (null when written `otlp:`). */
  node: Node | null;
}

export type PipelineRole = 'receivers' | 'processors' | 'exporters';

export interface Pipeline {
  id: string;
  /** The part before `/`: traces, metrics, logs. */
  signal: string;
  start: number;
  end: number;
  /** The pipeline's mapping, or null. */
  node: Node | null;
  /** The components each list names; undefined when the list is absent. */
  receivers?: Located[];
  processors?: Located[];
  exporters?: Located[];
}

export interface CollectorFile {
  document: Document.Parsed;
  text: string;
  components: Component[];
  pipelines: Pipeline[];
  /** `service.extensions`, when written. */
  extensions?: Located[];
  /** Keys of the top level and of service, for findings about a whole section. */
  sections: Map<string, Located>;
}

function located(node: Node | null | undefined, text: string): Located | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return { text: isScalar(node) ? String(node.value) : text.slice(range[0], range[1]), start: range[0], end: Math.max(range[1], range[0] + 1) };
}

function pairsOf(node: unknown): Pair[] {
  return isMap(node) ? node.items.filter((pair) => isScalar(pair.key)) : [];
}

function listOf(node: unknown, text: string): Located[] | undefined {
  if (!isSeq(node)) return undefined;
  return node.items.flatMap((item) => {
    if (!isScalar(item) || item.value === null || typeof item.value === 'object') return [];
    const at = located(item, text);
    return at ? [at] : [];
  });
}

/** Whether a YAML tree's top level looks like a collector configuration: receivers and exporters, or service.pipelines. */
export function looksLikeCollector(document: Document.Parsed | undefined): boolean {
  const contents = document?.contents;
  if (!isMap(contents)) return false;
  const keys = new Set(pairsOf(contents).map((pair) => String((pair.key as Scalar).value)));
  if (keys.has('receivers') && keys.has('exporters')) return true;
  const service = contents.get('service', true);
  return isMap(service) && service.has('pipelines');
}

export function readCollector(document: Document.Parsed, text: string): CollectorFile {
  const components: Component[] = [];
  const pipelines: Pipeline[] = [];
  const sections = new Map<string, Located>();
  let extensions: Located[] | undefined;
  for (const pair of pairsOf(document.contents)) {
    const key = String((pair.key as Scalar).value);
    const keyAt = located(pair.key as Node, text);
    if (keyAt) sections.set(key, keyAt);
    if ((COMPONENT_KINDS as readonly string[]).includes(key)) {
      for (const entry of pairsOf(pair.value)) {
        const at = located(entry.key as Node, text);
        if (!at) continue;
        components.push({ kind: key as ComponentKind, id: at.text, type: typeOf(at.text), start: at.start, end: at.end, node: (entry.value as Node | null) ?? null });
      }
    }
    if (key !== 'service') continue;
    for (const servicePair of pairsOf(pair.value)) {
      const serviceKey = String((servicePair.key as Scalar).value);
      const serviceKeyAt = located(servicePair.key as Node, text);
      if (serviceKeyAt) sections.set(`service.${serviceKey}`, serviceKeyAt);
      if (serviceKey === 'extensions') extensions = listOf(servicePair.value, text);
      if (serviceKey !== 'pipelines') continue;
      for (const entry of pairsOf(servicePair.value)) {
        const at = located(entry.key as Node, text);
        if (!at) continue;
        const pipeline: Pipeline = { id: at.text, signal: typeOf(at.text), start: at.start, end: at.end, node: (entry.value as Node | null) ?? null };
        for (const role of ['receivers', 'processors', 'exporters'] as const) {
          const list = isMap(entry.value) ? listOf(entry.value.get(role, true), text) : undefined;
          if (list) pipeline[role] = list;
        }
        pipelines.push(pipeline);
      }
    }
  }
  return { document, text, components, pipelines, ...(extensions ? { extensions } : {}), sections };
}

/** A scalar's value at a path of keys under a node, with where it is. */
export function scalarAt(node: Node | null | undefined, path: readonly string[], text: string): (Located & { value: unknown }) | undefined {
  let current: unknown = node;
  for (const key of path) {
    if (!isMap(current)) return undefined;
    current = current.get(key, true);
  }
  if (!isScalar(current)) return undefined;
  const at = located(current, text);
  return at ? { ...at, value: current.value } : undefined;
}

/** The node at a path of keys under a node. */
export function nodeAt(node: Node | null | undefined, path: readonly string[]): Node | undefined {
  let current: unknown = node;
  for (const key of path) {
    if (!isMap(current)) return undefined;
    current = current.get(key, true);
  }
  return (current as Node | undefined) ?? undefined;
}

/** The key of `key` in a mapping, located. */
export function keyAt(node: Node | null | undefined, key: string, text: string): Located | undefined {
  if (!isMap(node)) return undefined;
  const pair = pairsOf(node).find((p) => (p.key as Scalar).value === key);
  return pair ? located(pair.key as Node, text) : undefined;
}
