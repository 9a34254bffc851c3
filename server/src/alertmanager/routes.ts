/**
 * `alertmanager/config`: the route tree as Alertmanager validates it — the
 * root names a default receiver and has no matchers or time intervals; every
 * receiver and time interval a route names is defined; group_by labels are
 * valid and not repeated; intervals are not zero; matchers parse.
 */
import { closestMatch } from '../base/suggest';
import { durationMs } from '../base/yaml/shape';
import type { Finding } from '../base/types';
import { isScalar, isSeq, type Node } from 'yaml';
import type { FileCheck } from '../workspace/fileKind';
import { CONFIG_CODE, configError } from './codes';
import { checkMatchMap, checkMatcherList } from './labels';
import { LABEL_NAME } from './matchers';
import { say } from './messages';
import { pairOf, receiversOf, routesOf, scalarAt, scalarsAt, text, timeIntervalsOf, valueOf, type AlertmanagerFile, type RouteNode } from './model';

export function checkRoutes(file: AlertmanagerFile): Finding[] {
  const routes = routesOf(file);
  const root = routes[0];
  const rootKey = pairOf(file.root, 'route')?.key as Node | undefined;
  // `route:` with nothing after it: Alertmanager has no routing tree.
  if (!root) return rootKey && isNull(valueOf(file.root, 'route')) ? [configError(rootKey, say('noRoute'))] : [];
  const findings: Finding[] = [];
  const receivers = [...new Set(receiversOf(file).map((receiver) => receiver.name))].filter((name) => name !== '');
  const intervals = [...new Set(timeIntervalsOf(file).map((interval) => interval.name))];
  if (!root.receiver || text(root.receiver) === '') findings.push(configError(root.receiver ?? rootKey, say('rootReceiver')));
  for (const key of ['matchers', 'match', 'match_re']) {
    const pair = pairOf(root.node, key);
    if (pair && hasItems(valueOf(root.node, key))) findings.push(configError(pair.key as Node, say('rootMatchers', { key })));
  }
  for (const key of ['mute_time_intervals', 'active_time_intervals']) {
    const pair = pairOf(root.node, key);
    if (pair && hasItems(valueOf(root.node, key))) findings.push(configError(pair.key as Node, say('rootTimeIntervals', { key })));
  }
  for (const route of routes) findings.push(...checkRoute(route, receivers, intervals));
  return findings;
}

function isNull(node: Node | null | undefined): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

function hasItems(node: unknown): boolean {
  const items = (node as { items?: unknown[] } | null | undefined)?.items;
  return Array.isArray(items) && items.length > 0;
}

function checkRoute(route: RouteNode, receivers: readonly string[], intervals: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const node = route.node;
  // An item of routes with nothing after its `-`: Alertmanager 0.25 dereferences it and crashes (amtool check-config panics).
  const children = valueOf(node, 'routes');
  if (isSeq(children) && children.items.some((item) => isNull(item as Node | null))) findings.push(configError(pairOf(node, 'routes')?.key as Node, say('nullRoute')));
  if (route.receiver && text(route.receiver) !== '' && !receivers.includes(text(route.receiver))) {
    const name = text(route.receiver);
    const suggestion = closestMatch(name, receivers);
    findings.push(
      configError(
        route.receiver,
        say('undefinedReceiver', { name, path: route.path, defined: receivers, ...(suggestion ? { suggestion } : {}) }),
        suggestion
          ? [{ title: say('fixReceiver', { name: suggestion }), preferred: true, edits: [{ start: route.receiver.range?.[0] ?? 0, end: route.receiver.range?.[1] ?? 0, newText: suggestion }] }]
          : undefined,
      ),
    );
  }
  const groupBy = scalarsAt(node, 'group_by');
  const seen = new Set<string>();
  const all = groupBy.some((label) => text(label) === '...');
  for (const label of groupBy) {
    const name = text(label);
    if (name === '...') continue;
    if (!LABEL_NAME.test(name)) findings.push(configError(label, say('groupByLabel', { label: name })));
    else if (seen.has(name)) findings.push(configError(label, say('groupByDuplicate', { label: name })));
    seen.add(name);
  }
  if (all && groupBy.length > 1) findings.push(configError(pairOf(node, 'group_by')?.key as Node, say('groupByAll')));
  for (const key of ['group_interval', 'repeat_interval']) {
    const value = scalarAt(node, key);
    if (value && durationMs(text(value)) === 0) findings.push(configError(value, say('zeroInterval', { key })));
  }
  findings.push(...checkMatcherList(node, 'matchers'), ...checkMatchMap(node, 'match', false), ...checkMatchMap(node, 'match_re', true));
  for (const key of ['mute_time_intervals', 'active_time_intervals']) {
    for (const item of scalarsAt(node, key)) {
      const name = text(item);
      if (intervals.includes(name)) continue;
      const suggestion = closestMatch(name, intervals);
      findings.push(
        configError(
          item,
          say('undefinedTimeInterval', { name, path: `${route.path}.${key}`, defined: intervals, ...(suggestion ? { suggestion } : {}) }),
          suggestion ? [{ title: say('fixTimeInterval', { name: suggestion }), preferred: true, edits: [{ start: item.range?.[0] ?? 0, end: item.range?.[1] ?? 0, newText: suggestion }] }] : undefined,
        ),
      );
    }
  }
  return findings;
}

export const alertmanagerRoutesCheck: FileCheck<AlertmanagerFile> = {
  meta: {
    name: 'alertmanager/routes',
    on: 'file',
    fileKinds: ['alertmanager'],
    description: 'the route tree as Alertmanager validates it: default receiver, receivers and time intervals defined (did-you-mean fix), group_by, zero intervals, matchers',
    codes: [CONFIG_CODE],
  },
  run: (file) => checkRoutes(file),
};
