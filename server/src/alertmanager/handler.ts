/**
 * alertmanager.yml: found by content (top-level `route` and `receivers`)
 * wherever it is, and by `k1s0.files.alertmanagerConfig` (`alertmanager*.yml`)
 * whatever it holds — a file named as one that is empty, not YAML or not a
 * mapping gets the one diagnostic that says so. Alertmanager reads the first
 * document only; on a document that does not parse, only its syntax errors
 * are reported.
 */
import { isMap, type Node, type YAMLMap } from 'yaml';
import { isYamlPath, matchesAny } from '../base/files';
import type { Finding, OutlineSymbol } from '../base/types';
import { NO_FACTS } from '../workspace/index';
import type { DocumentView, FileKindHandler, KindContext } from '../workspace/fileKind';
import { CONFIG } from './codes';
import { alertmanagerEnvironment } from './environment';
import { say } from './messages';
import { mapsAt, pairOf, receiversOf, routesOf, scalarPairsAt, scalarsAt, span, text, type AlertmanagerFile, type RouteNode } from './model';
import { ALERTMANAGER_SHAPE } from './shape';

const named = ({ settings, location, workspace }: KindContext): boolean => matchesAny(settings.files.alertmanagerConfig, location.path, location.relativePath, workspace.caches);

/** Whether the first document's top level has `route` and `receivers` (the text is looked at before parsing). */
function looksLikeAlertmanager(doc: DocumentView): boolean {
  if (!/^route\s*:/m.test(doc.text) || !/^receivers\s*:/m.test(doc.text)) return false;
  const contents = doc.outline().documents[0]?.contents;
  return isMap(contents) && pairOf(contents, 'route') !== undefined && pairOf(contents, 'receivers') !== undefined;
}

export function readAlertmanager(doc: DocumentView, { settings, location }: KindContext): AlertmanagerFile | undefined {
  const document = doc.yaml().documents[0];
  if (!document) return undefined;
  return { document, root: isMap(document.contents) ? document.contents : undefined, environment: alertmanagerEnvironment(location.path, settings.config.environments) };
}

export const alertmanagerHandler: FileKindHandler = {
  kind: 'alertmanager',
  claims: (doc, context) => isYamlPath(context.location.path) && looksLikeAlertmanager(doc),
  // Named as one: ours whatever it holds (not YAML, empty, a list), so the mistake is said.
  claimsAsFallback: (_doc, context) => isYamlPath(context.location.path) && named(context),
  facts: () => NO_FACTS,
  findings(doc, context): Finding[] {
    const parsed = doc.yaml();
    if (parsed.syntax.length > 0) return parsed.syntax;
    const file = readAlertmanager(doc, context);
    if (!file) return [{ start: 0, end: 0, code: CONFIG, severity: 'error', message: say('empty') }];
    return context.checks.file('alertmanager', file);
  },
  shape: ALERTMANAGER_SHAPE,
  symbols(doc, context): OutlineSymbol[] {
    const file = readAlertmanager(doc, context);
    if (!file?.root || doc.yaml().syntax.length > 0) return [];
    const routes = routesOf(file);
    const symbols: OutlineSymbol[] = [];
    const root = routes[0];
    if (root) symbols.push(routeSymbol(root, routes, pairOf(file.root, 'route')?.key as Node | undefined));
    for (const receiver of receiversOf(file)) {
      const [start, end] = span(receiver.node);
      const [selectionStart, selectionEnd] = span(receiver.nameNode);
      const kinds = receiver.node.items.flatMap((pair) => {
        const key = String((pair.key as { value?: unknown }).value);
        return key.endsWith('_configs') && mapsAt(receiver.node, key).length > 0 ? [key.replace(/_configs$/, '')] : [];
      });
      symbols.push({ name: receiver.name, kind: 'receiver', ...(kinds.length > 0 ? { detail: kinds.join(', ') } : {}), start, end, selectionStart, selectionEnd, children: [] });
    }
    return symbols;
  },
  suppressible: () => true,
};

/** A route and its children; the root's symbol starts at its `route` key, a child's name is its matchers. */
function routeSymbol(route: RouteNode, routes: readonly RouteNode[], rootKey?: Node): OutlineSymbol {
  const selection = route.parent ? (route.node.items[0]?.key as Node | undefined) : rootKey;
  const [selectionStart, selectionEnd] = span(selection ?? route.node);
  const start = Math.min(selectionStart, span(route.node)[0]);
  const end = span(route.node)[1];
  const conditions = describeConditions(route.node);
  const name = route.parent ? conditions || '(every alert)' : 'route';
  return {
    name,
    kind: 'route',
    ...(route.receiver ? { detail: `→ ${text(route.receiver)}` } : {}),
    start,
    end,
    selectionStart,
    selectionEnd,
    children: routes.filter((child) => child.parent === route).map((child) => routeSymbol(child, routes)),
  };
}

function describeConditions(node: YAMLMap): string {
  const parts = scalarsAt(node, 'matchers').map(text);
  for (const [key, operator] of [
    ['match', '='],
    ['match_re', '=~'],
  ] as const) {
    for (const pair of scalarPairsAt(node, key)) parts.push(`${text(pair.key)}${operator}${pair.value ? text(pair.value) : ''}`);
  }
  return parts.join(', ');
}
