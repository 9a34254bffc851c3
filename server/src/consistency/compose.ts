/**
 * What a compose file (docker-compose.yaml, compose.yaml) tells the workspace:
 * its services, the names they answer to on the compose network and the
 * container ports they publish or expose, as base/compose.ts reads them (the
 * compose checks and the client's stack commands read the same model).
 */
import { isMap, isScalar, type Document } from 'yaml';
import { configHints, envFilePaths, isComposePath, readCompose } from '../base/compose';
import { uriToPath } from '../base/files';
import type { ComposeFacts, ComposeService } from '../workspace/index';

export { isComposePath };

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

export function composeFacts(uri: string, documents: readonly Document.Parsed[], source = ''): ComposeFacts | undefined {
  const model = readCompose(
    documents.filter((d) => d.errors.length === 0),
    source,
  );
  if (!model) return undefined;
  const services: ComposeService[] = model.services.map((service) => {
    const aliases = new Set<string>([...(service.hostname !== undefined ? [service.hostname] : []), ...(service.containerName !== undefined ? [service.containerName] : []), ...service.aliases]);
    const ports = new Set<number>(service.expose);
    for (const port of service.ports) for (let p = port.target.from; p <= port.target.to && p - port.target.from <= 1000; p++) ports.add(p);
    return {
      name: service.name,
      aliases: [...aliases],
      ports: [...ports].sort((a, b) => a - b),
      ...(service.image !== undefined ? { image: service.image } : {}),
      ...(service.profiles.length ? { profiles: service.profiles } : {}),
      ...(service.envFiles.length ? { envFiles: envFilePaths(service, uriToPath(uri)), config: configHints(service, uriToPath(uri)) } : {}),
    };
  });
  return { uri, services };
}
