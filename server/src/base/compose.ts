/**
 * The one reader of compose files (docker-compose.yaml, compose.yaml): their
 * services with the profiles they belong to, the ports they publish, the
 * volumes they mount, their environment (list and map forms) and env_files,
 * each at its document offsets. The language server's compose checks, the
 * workspace's compose facts and the client's stack commands all read a
 * compose file through it, so they never disagree about what it says.
 */
import { isMap, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import { parseYaml } from './yaml/parse';

/** docker-compose.yaml, docker-compose.dev.yml, compose.yaml, compose.override.yaml, … */
export function isComposePath(path: string): boolean {
  return /(?:^|[/\\])(?:docker-)?compose(?:[.-][^/\\]*)?\.ya?ml$/i.test(path);
}

export interface PortRange {
  from: number;
  to: number;
}

/** A `ports` entry: `"3200:3000"`, `"127.0.0.1:4317:4317/tcp"`, `9090`, `"4317-4318:4317-4318"`, or the long form. */
export interface ComposePort {
  /** Document range of the entry. */
  start: number;
  end: number;
  hostIp?: string;
  /** Host ports; absent when the port is only published on an ephemeral host port. */
  published?: PortRange;
  target: PortRange;
  protocol: string;
}

/** A `volumes` entry: `./prometheus:/etc/prometheus:ro` or the long form. */
export interface ComposeVolume {
  start: number;
  end: number;
  source?: string;
  target: string;
}

/** One variable of `environment:` (either form) or of an env file. */
export interface EnvVariable {
  name: string;
  /** Absent for a name without a value (`- OTEL_SERVICE_NAME`: taken from the shell). */
  value?: string;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface ComposeServiceModel {
  name: string;
  keyStart: number;
  keyEnd: number;
  /** The service's whole span (key to the end of its value). */
  start: number;
  end: number;
  image?: string;
  /** `build` as a string or `build.context`. */
  buildContext?: string;
  profiles: string[];
  hostname?: string;
  containerName?: string;
  /** Network aliases. */
  aliases: string[];
  ports: ComposePort[];
  /** Whether some `ports` entry could not be read (malformed or interpolated): what it publishes is unknown. */
  unreadPorts: boolean;
  /** Container ports of `expose`. */
  expose: number[];
  volumes: ComposeVolume[];
  environment: EnvVariable[];
  envFiles: { path: string; start: number; end: number }[];
}

export interface ComposeModel {
  services: ComposeServiceModel[];
}

function get(map: unknown, key: string): unknown {
  return isMap(map) ? map.get(key, true) : undefined;
}

/** A scalar's text (strings, numbers and booleans as written in YAML). */
function text(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function span(node: unknown): [number, number] {
  const range = (node as Node | undefined)?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

function range(raw: string): PortRange | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(raw);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] !== undefined ? Number(m[2]) : from;
  return from >= 1 && to <= 65535 && to >= from ? { from, to } : undefined;
}

/** Why a short-syntax entry is malformed, and the part at fault. */
export interface SpecError<Kind extends string> {
  error: Kind;
  part?: string;
}

/**
 * A short-syntax port (`[[IP:]HOST:]CONTAINER[/PROTOCOL]`, each port or range):
 * what it publishes, or why it is malformed. Interpolated values (`${PORT}`) are not read.
 */
export function parsePortSpec(raw: string): Omit<ComposePort, 'start' | 'end'> | SpecError<'protocol' | 'form' | 'port' | 'sizes' | 'ip'> | undefined {
  const value = raw.trim();
  if (value.includes('$')) return undefined;
  const [body = '', protocol = 'tcp', ...rest] = value.split('/');
  if (rest.length || !/^(?:tcp|udp|sctp)$/i.test(protocol)) return { error: 'protocol', part: protocol };
  // An IPv6 host address is written in brackets: [::1]:8080:80.
  const v6 = /^\[([^\]]+)\]:(.*)$/.exec(body);
  const parts = v6 ? [v6[1] ?? '', ...(v6[2] ?? '').split(':')] : body.split(':');
  if (parts.length > 3 || parts.length === 0) return { error: 'form' };
  const containerText = parts[parts.length - 1] ?? '';
  const target = range(containerText);
  if (!target) return { error: 'port', part: containerText };
  const out: Omit<ComposePort, 'start' | 'end'> = { target, protocol: protocol.toLowerCase() };
  if (parts.length >= 2) {
    const hostText = parts[parts.length - 2] ?? '';
    if (hostText !== '') {
      const published = range(hostText);
      if (!published) return { error: 'port', part: hostText };
      const width = published.to - published.from;
      if (width !== 0 && width !== target.to - target.from) return { error: 'sizes' };
      out.published = published;
    }
  }
  if (parts.length === 3) {
    const ip = parts[0] ?? '';
    if (!v6 && !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(ip) && ip !== 'localhost') return { error: 'ip', part: ip };
    out.hostIp = ip;
  }
  return out;
}

const VOLUME_MODES = new Set(['ro', 'rw', 'z', 'Z', 'consistent', 'cached', 'delegated', 'nocopy', 'shared', 'slave', 'private', 'rshared', 'rslave', 'rprivate']);

/** A short-syntax volume (`[SOURCE:]TARGET[:MODE]`): source and target, or why it is malformed. */
export function parseVolumeSpec(raw: string): { source?: string; target: string } | SpecError<'form' | 'relative' | 'mode'> | undefined {
  if (raw.includes('$')) return undefined;
  // A Windows drive letter (C:\data) is part of the source, not a separator.
  const drive = /^[A-Za-z]:[\\/]/.test(raw) ? raw.slice(0, 2) : '';
  const joined = raw.slice(drive.length).split(':');
  joined[0] = drive + (joined[0] ?? '');
  if (joined.length === 0 || joined.length > 3) return { error: 'form' };
  if (joined.length === 1) {
    const target = joined[0] ?? '';
    return target.startsWith('/') ? { target } : { error: 'relative', part: target };
  }
  const [source = '', target = '', mode] = joined;
  if (source === '') return { error: 'form' };
  if (!target.startsWith('/')) return { error: 'relative', part: target };
  if (mode !== undefined) {
    const bad = mode.split(',').find((m) => !VOLUME_MODES.has(m));
    if (bad !== undefined) return { error: 'mode', part: bad };
  }
  return { source, target };
}

/**
 * The variables of an `environment:` value: a map (`NAME: value`) or a list
 * (`- NAME=value`, `- NAME`), each with the offsets of its name and value.
 */
export function environmentVariables(node: unknown, source: string): EnvVariable[] {
  const out: EnvVariable[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      const name = text(pair.key);
      if (name === undefined) continue;
      const [nameStart, nameEnd] = span(pair.key);
      const value = pair.value === null || (isScalar(pair.value) && pair.value.value === null) ? undefined : text(pair.value);
      const [valueStart, valueEnd] = pair.value ? span(pair.value) : [nameEnd, nameEnd];
      out.push({ name, ...(value !== undefined ? { value } : {}), nameStart, nameEnd, valueStart, valueEnd });
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const entry = text(item);
      if (entry === undefined) continue;
      const [start, end] = span(item);
      // Quoted entries: the name starts after the quote; a value with escapes is placed approximately.
      const quoted = (item as Scalar).type === 'QUOTE_DOUBLE' || (item as Scalar).type === 'QUOTE_SINGLE';
      const inner = quoted ? start + 1 : start;
      const innerEnd = quoted ? Math.max(inner, end - 1) : end;
      const raw = source.slice(inner, innerEnd);
      const equals = entry.indexOf('=');
      const name = equals < 0 ? entry : entry.slice(0, equals);
      const rawEquals = raw.indexOf('=');
      const nameEnd = inner + (rawEquals < 0 ? raw.length : rawEquals);
      out.push({
        name,
        ...(equals >= 0 ? { value: entry.slice(equals + 1) } : {}),
        nameStart: inner,
        nameEnd,
        valueStart: rawEquals < 0 ? nameEnd : nameEnd + 1,
        valueEnd: rawEquals < 0 ? nameEnd : innerEnd,
      });
    }
  }
  return out;
}

/** The variables of a `.env` file (`NAME=value`, `export NAME=value`, comments, quotes). */
export function envFileVariables(source: string): EnvVariable[] {
  const out: EnvVariable[] = [];
  let offset = 0;
  for (const line of source.split('\n')) {
    // Greedy, then trimmed: a lazy `(.*?)\s*$` backtracks quadratically on long lines.
    const m = /^(\s*(?:export\s+)?)([^=\s#][^=\s]*)(\s*=\s*)(.*)$/.exec(line.replace(/\r$/, ''));
    if (m) {
      const nameStart = offset + (m[1]?.length ?? 0);
      const name = m[2] ?? '';
      let value = (m[4] ?? '').trimEnd();
      let valueStart = nameStart + name.length + (m[3]?.length ?? 0);
      let valueEnd = valueStart + value.length;
      const quote = /^(["'])(.*)\1$/.exec(value);
      if (quote) {
        value = quote[2] ?? '';
        valueStart += 1;
        valueEnd -= 1;
      } else {
        // ` #` starts a comment (found without a regex: `\s+#` backtracks quadratically over long runs of spaces).
        let hash = value.indexOf('#');
        while (hash > 0 && !/\s/.test(value[hash - 1] ?? '')) hash = value.indexOf('#', hash + 1);
        if (hash > 0) {
          value = value.slice(0, hash).trimEnd();
          valueEnd = valueStart + value.length;
        }
      }
      out.push({ name, value, nameStart, nameEnd: nameStart + name.length, valueStart, valueEnd });
    }
    offset += line.length + 1;
  }
  return out;
}

function stringList(node: unknown): string[] {
  return isSeq(node) ? node.items.flatMap((item) => text(item) ?? []) : [];
}

function readService(name: string, key: Node, value: unknown, source: string): ComposeServiceModel {
  const [keyStart, keyEnd] = span(key);
  const [, end] = value ? span(value) : [keyStart, keyEnd];
  const service: ComposeServiceModel = {
    name,
    keyStart,
    keyEnd,
    start: keyStart,
    end: Math.max(end, keyEnd),
    profiles: stringList(get(value, 'profiles')),
    aliases: [],
    ports: [],
    unreadPorts: false,
    expose: [],
    volumes: [],
    environment: environmentVariables(get(value, 'environment'), source),
    envFiles: [],
  };
  const image = text(get(value, 'image'));
  if (image !== undefined) service.image = image;
  const build = get(value, 'build');
  const context = text(build) ?? text(get(build, 'context'));
  if (context !== undefined) service.buildContext = context;
  const hostname = text(get(value, 'hostname'));
  if (hostname !== undefined) service.hostname = hostname;
  const containerName = text(get(value, 'container_name'));
  if (containerName !== undefined) service.containerName = containerName;
  const networks = get(value, 'networks');
  if (isMap(networks)) for (const network of networks.items) service.aliases.push(...stringList(get(network.value, 'aliases')));
  const ports = get(value, 'ports');
  for (const entry of isSeq(ports) ? ports.items : []) {
    const [start, end] = span(entry);
    if (isMap(entry)) {
      const target = range(text(get(entry, 'target')) ?? '');
      if (!target) {
        service.unreadPorts = true;
        continue;
      }
      const published = range(text(get(entry, 'published')) ?? '');
      const hostIp = text(get(entry, 'host_ip'));
      service.ports.push({ start, end, target, protocol: text(get(entry, 'protocol')) ?? 'tcp', ...(published ? { published } : {}), ...(hostIp !== undefined ? { hostIp } : {}) });
      continue;
    }
    const raw = text(entry);
    const parsed = raw === undefined ? undefined : parsePortSpec(raw);
    if (parsed && !('error' in parsed)) service.ports.push({ start, end, ...parsed });
    else service.unreadPorts = true;
  }
  const expose = get(value, 'expose');
  for (const entry of isSeq(expose) ? expose.items : []) {
    const parsed = range((text(entry) ?? '').replace(/\/(?:tcp|udp|sctp)$/i, ''));
    if (parsed) for (let port = parsed.from; port <= parsed.to && port - parsed.from <= 1000; port++) service.expose.push(port);
  }
  const volumes = get(value, 'volumes');
  for (const entry of isSeq(volumes) ? volumes.items : []) {
    const [start, end] = span(entry);
    if (isMap(entry)) {
      const target = text(get(entry, 'target'));
      const source = text(get(entry, 'source'));
      if (target !== undefined) service.volumes.push({ start, end, target, ...(source !== undefined ? { source } : {}) });
      continue;
    }
    const raw = text(entry);
    const parsed = raw === undefined ? undefined : parseVolumeSpec(raw);
    if (parsed && !('error' in parsed)) service.volumes.push({ start, end, ...parsed });
  }
  const envFile = get(value, 'env_file');
  for (const entry of isSeq(envFile) ? envFile.items : [envFile]) {
    const path = text(entry) ?? text(get(entry, 'path'));
    if (path === undefined) continue;
    const [start, end] = span(isMap(entry) ? get(entry, 'path') : entry);
    service.envFiles.push({ path, start, end });
  }
  return service;
}

/** The compose model of parsed documents: the first document with a `services` mapping. */
export function readCompose(documents: readonly Document.Parsed[], source: string): ComposeModel | undefined {
  const document = documents.find((d) => isMap(get(d.contents, 'services')));
  const services = get(document?.contents, 'services');
  if (!isMap(services)) return undefined;
  const out: ComposeServiceModel[] = [];
  for (const pair of services.items) {
    const name = text(pair.key);
    if (name === undefined) continue;
    out.push(readService(name, pair.key as Node, pair.value, source));
  }
  return { services: out };
}

/** A compose file's text read at once (the client's stack commands): undefined when it is no compose file or does not parse. */
export function readComposeText(source: string): ComposeModel | undefined {
  const parsed = parseYaml(source);
  if (parsed.syntax.length > 0) return undefined;
  return readCompose(parsed.documents, source);
}

/** The observability profile the design's stack is started with (`docker compose --profile observability up -d`). */
export const OBSERVABILITY_PROFILE = 'observability';

/** A component of the design's local stack (コンポーネントとポート一覧), as compose files name it. */
export interface StackComponent {
  id: 'jaeger' | 'prometheus' | 'grafana' | 'loki';
  name: string;
  image: RegExp;
  /** [container port, the design's host port]. */
  ports: readonly (readonly [number, number])[];
}

/** The design's table コンポーネントとポート一覧. */
export const DESIGN_COMPONENTS: readonly StackComponent[] = [
  {
    id: 'jaeger',
    name: 'Jaeger',
    image: /(?:^|\/)jaegertracing\/(?:all-in-one|jaeger)(?::|@|$)/,
    ports: [
      [16686, 16686],
      [4317, 4317],
      [4318, 4318],
    ],
  },
  { id: 'prometheus', name: 'Prometheus', image: /(?:^|\/)prom\/prometheus(?::|@|$)/, ports: [[9090, 9090]] },
  { id: 'grafana', name: 'Grafana', image: /(?:^|\/)grafana\/grafana(?:-oss|-enterprise)?(?::|@|$)/, ports: [[3000, 3200]] },
  { id: 'loki', name: 'Loki', image: /(?:^|\/)grafana\/loki(?::|@|$)/, ports: [[3100, 3100]] },
];

/** Which component of the stack a service is: by its image, else by its name. */
export function componentOf(service: { name: string; image?: string }): StackComponent | undefined {
  if (service.image !== undefined) {
    const byImage = DESIGN_COMPONENTS.find((c) => c.image.test(service.image ?? ''));
    if (byImage) return byImage;
  }
  return DESIGN_COMPONENTS.find((c) => c.id === service.name.toLowerCase());
}

/** The host ports a service publishes, each once, in order. */
export function publishedPorts(service: ComposeServiceModel): number[] {
  const out = new Set<number>();
  for (const port of service.ports) {
    if (!port.published) continue;
    for (let p = port.published.from; p <= port.published.to && p - port.published.from <= 1000; p++) out.add(p);
  }
  return [...out];
}

export function dirOf(path: string): string {
  return path.replace(/[/\\][^/\\]*$/, '');
}

/** `a/./b/../c` → `a/c`, with forward slashes. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '.' || (part === '' && out.length > 0)) continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** A bind mount's source on disk, relative to the compose file's folder; undefined for named volumes. */
export function hostPathOf(composePath: string, source: string): string | undefined {
  if (!/^(?:\.{1,2}(?:[/\\]|$)|\/|~|[A-Za-z]:[\\/])/.test(source)) return undefined;
  if (source.startsWith('~')) return undefined;
  return normalizePath(/^(?:\/|[A-Za-z]:[\\/])/.test(source) ? source : `${dirOf(composePath)}/${source}`);
}

/** `to` relative to the folder `from` (`./infra/docker/prometheus`, `../config/config.dev.yaml`). */
export function relativeTo(from: string, to: string): string {
  const a = normalizePath(from).split('/');
  const b = normalizePath(to).split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  const rest = b.slice(i);
  const joined = [...up, ...rest].join('/');
  return up.length ? joined : `./${rest.join('/')}`.replace(/\/$/, '');
}

/**
 * Where a service's config.yaml may be (otel/env compares its OTEL_* variables with it): the
 * names it goes by (service, container, host, OTEL_SERVICE_NAME) and the folders or files it
 * mounts or builds from, absolute.
 */
export function configHints(service: ComposeServiceModel, composePath: string): { names: string[]; paths: string[] } {
  const serviceName = service.environment.find((v) => v.name === 'OTEL_SERVICE_NAME')?.value;
  const names = [service.name, service.containerName, service.hostname, serviceName].filter((n): n is string => n !== undefined);
  const paths = service.volumes.flatMap((v) => (v.source !== undefined ? (hostPathOf(composePath, v.source) ?? []) : []));
  const context = service.buildContext !== undefined ? hostPathOf(composePath, /^\.|^\//.test(service.buildContext) ? service.buildContext : `./${service.buildContext}`) : undefined;
  if (context !== undefined) paths.push(context);
  return { names, paths };
}

/** The env files of a service, absolute. */
export function envFilePaths(service: ComposeServiceModel, composePath: string): string[] {
  return service.envFiles.flatMap((file) => hostPathOf(composePath, /^\.|^\/|^[A-Za-z]:[\\/]/.test(file.path) ? file.path : `./${file.path}`) ?? []);
}
