/**
 * The one reading of a prometheus.yaml: which document of the stream is the
 * configuration, and the nodes the checks of this folder walk (jobs, their
 * name and duration nodes). The handler makes it once per text; the facts of
 * the workspace (workspace/scrape.ts: jobs, intervals, rule_files, read by
 * consistency/metrics and consistency/rule-files) and every check of
 * prometheus/config are made from it.
 */
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { ParsedYaml } from '../base/yaml/parse';
import { TOP_LEVEL_KEYS } from './configShape';

/** Keys that make a YAML mapping look like a Prometheus configuration (`storage`, `tracing` and `remote_read` say too little alone). */
const MARKERS = ['scrape_configs', 'global', 'rule_files', 'alerting', 'remote_write'];

/** Cheap test before parsing: a top-level key that only a Prometheus configuration starts with among our kinds. */
export function mayBePrometheusConfig(text: string): boolean {
  return /^(?:scrape_configs|global|rule_files|alerting|remote_write)\s*:/m.test(text);
}

/**
 * Whether a document is a Prometheus configuration: a top-level mapping with
 * one of the markers, and more than half of its keys Prometheus's own — so an
 * Alertmanager file (`global`, `route`, `receivers`) or a Promtail file
 * (`server`, `positions`, `clients`, `scrape_configs`) is not one, while a
 * prometheus.yaml with a misspelt key still is.
 */
export function isPrometheusConfigDocument(document: Document): boolean {
  const contents = document.contents;
  if (!isMap(contents)) return false;
  const keys = contents.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : []));
  if (!keys.some((key) => MARKERS.includes(key))) return false;
  const known = keys.filter((key) => TOP_LEVEL_KEYS.includes(key)).length;
  return known * 2 > keys.length;
}

/** The document of the stream that is the configuration (the first that looks like one). */
export function prometheusConfigDocument(documents: readonly Document.Parsed[]): Document.Parsed | undefined {
  return documents.find(isPrometheusConfigDocument);
}

export interface PrometheusConfigModel {
  /** The configuration's document, undefined when the stream has none (a file named by the setting that is empty, say). */
  document: Document.Parsed | undefined;
  /** Its top-level mapping. */
  root: YAMLMap | undefined;
  /** Whether the document parsed without YAML errors: the checks only read clean documents (yaml/syntax says the rest). */
  clean: boolean;
}

export function readPrometheusConfig(parsed: ParsedYaml): PrometheusConfigModel {
  const document = prometheusConfigDocument(parsed.documents) ?? parsed.documents[0];
  const root = document && isMap(document.contents) ? document.contents : undefined;
  return { document, root, clean: document !== undefined && document.errors.length === 0 && parsed.syntax.length === 0 };
}

/** The pair of `key` in a mapping node, if it has one. */
export function pairOf(map: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair<Node, Node | null> | undefined;
}

/** The value node of `key` in a mapping node. */
export function valueOf(map: unknown, key: string): Node | null | undefined {
  return pairOf(map, key)?.value;
}

/** A scalar's text as Go's YAML reads it into a string, undefined for anything else or null. */
export function textOf(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : undefined;
}

/** Offsets of a node, never empty. */
export function spanOf(node: Node | null | undefined): [number, number] {
  const range = node?.range;
  return range ? [range[0], Math.max(range[1], range[0] + 1)] : [0, 0];
}

/** The items of a sequence node (none when it is not one). */
export function itemsOf(node: unknown): (Node | null)[] {
  return isSeq(node) ? (node.items as (Node | null)[]) : [];
}

export interface JobNode {
  index: number;
  node: YAMLMap;
  /** The `job_name` pair, when written. */
  namePair: Pair<Node, Node | null> | undefined;
  name: string | undefined;
}

/** The scrape jobs that are mappings, with their index in scrape_configs. */
export function jobsOf(model: PrometheusConfigModel): JobNode[] {
  return itemsOf(valueOf(model.root, 'scrape_configs')).flatMap((node, index) => {
    if (!isMap(node)) return [];
    const namePair = pairOf(node, 'job_name');
    return [{ index, node, namePair, name: textOf(namePair?.value) }];
  });
}

/** The scalar at `key` of a mapping when it is a non-null scalar. */
export function scalarAt(map: unknown, key: string): Scalar | undefined {
  const node = valueOf(map, key);
  return isScalar(node) && node.value !== null ? node : undefined;
}
