/**
 * What a compose file (docker-compose.yaml, compose.yaml) tells the workspace:
 * its services, the names they answer to on the compose network and the
 * container ports they publish or expose. Read at indexing time; a compose
 * file gets no diagnostics of its own.
 */
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { ComposeFacts, ComposeService } from '../workspace/index';

/** docker-compose.yaml, docker-compose.dev.yml, compose.yaml, compose.override.yaml, … */
export function isComposePath(path: string): boolean {
  return /(?:^|[/\\])(?:docker-)?compose(?:[.-][^/\\]*)?\.ya?ml$/i.test(path);
}

function get(map: unknown, key: string): unknown {
  return isMap(map) ? map.get(key, true) : undefined;
}

function text(node: unknown): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
}

/**
 * The container port of a `ports` entry: `"4317:4317"`, `"127.0.0.1:4317:4317/tcp"`,
 * `4317`, `"4317-4318:4317-4318"` (every port of the range) or the long form `{ target: 4317 }`.
 */
export function containerPorts(entry: unknown): number[] {
  if (isMap(entry)) {
    const target = Number(text(get(entry, 'target')));
    return Number.isInteger(target) ? [target] : [];
  }
  const raw = text(entry);
  if (raw === undefined) return [];
  const container =
    raw
      .replace(/\/(?:tcp|udp|sctp)$/i, '')
      .split(':')
      .pop() ?? '';
  const range = /^(\d+)(?:-(\d+))?$/.exec(container.trim());
  if (!range) return [];
  const from = Number(range[1]);
  const to = range[2] !== undefined ? Number(range[2]) : from;
  if (to < from || to - from > 1000) return [from];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function composeFacts(uri: string, documents: readonly Document.Parsed[]): ComposeFacts | undefined {
  const document = documents.find((d) => d.errors.length === 0 && isMap(get(d.contents, 'services')));
  const services = get(document?.contents, 'services');
  if (!isMap(services)) return undefined;
  const out: ComposeService[] = [];
  for (const pair of services.items) {
    const name = text(pair.key);
    if (name === undefined) continue;
    const aliases = new Set<string>();
    for (const key of ['hostname', 'container_name']) {
      const alias = text(get(pair.value, key));
      if (alias !== undefined) aliases.add(alias);
    }
    const networks = get(pair.value, 'networks');
    if (isMap(networks)) {
      for (const network of networks.items) {
        const list = get(network.value, 'aliases');
        for (const alias of isSeq(list) ? list.items : []) {
          const value = text(alias);
          if (value !== undefined) aliases.add(value);
        }
      }
    }
    const ports = new Set<number>();
    for (const key of ['ports', 'expose']) {
      const list = get(pair.value, key);
      for (const entry of isSeq(list) ? list.items : []) for (const port of containerPorts(entry)) ports.add(port);
    }
    out.push({ name, aliases: [...aliases], ports: [...ports].sort((a, b) => a - b) });
  }
  return { uri, services: out };
}
