/**
 * An alertmanager.yml as its checks read it: the YAML tree of its first
 * document, the route tree flattened in document order, the receivers and
 * time intervals with the nodes of their names. Values of the wrong type are
 * left out here (the shape reports them).
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { EnvironmentName } from '../base/settings';

export interface AlertmanagerFile {
  document: Document.Parsed;
  /** The top-level mapping (undefined when the document is not one: the shape says so). */
  root: YAMLMap | undefined;
  /** The environment the file is for, when known (setting, file name or folder). */
  environment: EnvironmentName | undefined;
}

/** A route of the tree, the root first, children after their parent (document order). */
export interface RouteNode {
  node: YAMLMap;
  /** The route's path as messages name it (`route`, `route.routes[0].routes[1]`). */
  path: string;
  parent: RouteNode | undefined;
  /** Its own `receiver` value, when it sets one. */
  receiver: Scalar | undefined;
  depth: number;
}

export interface NamedItem {
  node: YAMLMap;
  name: string;
  nameNode: Scalar;
  index: number;
}

export function pairOf(map: YAMLMap | undefined, key: string): Pair | undefined {
  return map?.items.find((pair): pair is Pair => isPair(pair) && isScalar(pair.key) && pair.key.value === key);
}

export function valueOf(map: YAMLMap | undefined, key: string): Node | null | undefined {
  return pairOf(map, key)?.value as Node | null | undefined;
}

export function mapAt(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const value = valueOf(map, key);
  return isMap(value) ? value : undefined;
}

/** A string-like scalar value of `key` (Go reads numbers and booleans into strings too). */
export function scalarAt(map: YAMLMap | undefined, key: string): Scalar | undefined {
  const value = valueOf(map, key);
  return isScalar(value) && value.value !== null && typeof value.value !== 'object' ? value : undefined;
}

/** The scalar items of a list value. */
export function scalarsAt(map: YAMLMap | undefined, key: string): Scalar[] {
  const value = valueOf(map, key);
  if (!isSeq(value)) return [];
  return value.items.filter((item): item is Scalar => isScalar(item) && item.value !== null && typeof item.value !== 'object');
}

/** The mapping items of a list value, with their index. */
export function mapsAt(map: YAMLMap | undefined, key: string): { node: YAMLMap; index: number }[] {
  const value = valueOf(map, key);
  if (!isSeq(value)) return [];
  return value.items.flatMap((item, index) => (isMap(item) ? [{ node: item, index }] : []));
}

/** The scalar pairs of a mapping value (`match`, `match_re`): key node and value node. */
export function scalarPairsAt(map: YAMLMap | undefined, key: string): { key: Scalar; value: Scalar | undefined }[] {
  const value = mapAt(map, key);
  if (!value) return [];
  return value.items.flatMap((pair) => (isPair(pair) && isScalar(pair.key) ? [{ key: pair.key, value: isScalar(pair.value) ? pair.value : undefined }] : []));
}

export function text(scalar: Scalar): string {
  return String(scalar.value);
}

/** Every route of the tree, the root first. */
export function routesOf(file: AlertmanagerFile): RouteNode[] {
  const root = mapAt(file.root, 'route');
  if (!root) return [];
  const out: RouteNode[] = [];
  const visit = (node: YAMLMap, path: string, parent: RouteNode | undefined, depth: number): void => {
    const route: RouteNode = { node, path, parent, receiver: scalarAt(node, 'receiver'), depth };
    out.push(route);
    for (const child of mapsAt(node, 'routes')) visit(child.node, `${path}.routes[${child.index}]`, route, depth + 1);
  };
  visit(root, 'route', undefined, 0);
  return out;
}

/** The receiver a route delivers to: its own, else its nearest ancestor's. */
export function effectiveReceiver(route: RouteNode): Scalar | undefined {
  for (let at: RouteNode | undefined = route; at; at = at.parent) if (at.receiver) return at.receiver;
  return undefined;
}

function namedItems(file: AlertmanagerFile, key: string): NamedItem[] {
  return mapsAt(file.root, key).flatMap(({ node, index }) => {
    const nameNode = scalarAt(node, 'name');
    return nameNode ? [{ node, name: text(nameNode), nameNode, index }] : [];
  });
}

export function receiversOf(file: AlertmanagerFile): NamedItem[] {
  return namedItems(file, 'receivers');
}

/** Time intervals of both lists (`time_intervals` and the older `mute_time_intervals`), with the list each is in. */
export function timeIntervalsOf(file: AlertmanagerFile): (NamedItem & { list: string })[] {
  return ['mute_time_intervals', 'time_intervals'].flatMap((list) => namedItems(file, list).map((item) => ({ ...item, list })));
}

/** A node's document span, at least one character wide. */
export function span(node: Node | undefined | null): [number, number] {
  const range = node?.range;
  return range ? [range[0], Math.max(range[1], range[0] + 1)] : [0, 0];
}
