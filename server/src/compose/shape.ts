/**
 * The Compose Specification's structure for the keys people use, as data
 * (base/yaml/shape.ts): one walker reports unknown keys with did-you-mean,
 * wrong types and enums; completion and hover come from the same table.
 * Written from compose-spec's schema (compose-spec.json) for the keys of
 * services, networks, volumes, secrets and configs; `x-*` extension keys are
 * allowed wherever the specification allows them (the check drops them).
 */
import { parsePortSpec, parseVolumeSpec } from '../base/compose';
import type { MapShape, ScalarShape, Shape } from '../base/yaml/shape';
import { OTEL_VARIABLES } from '../otel/variables';
import { say } from './messages';

const string: ScalarShape = { type: 'string' };
const bool: ScalarShape = { type: 'bool' };
const int: ScalarShape = { type: 'int', min: 0 };
const duration: ScalarShape = { type: 'duration', durationSyntax: 'go' };
const any: Shape = { type: 'any' };
const strings: Shape = { type: 'list', items: string };
/** A string or a list of strings (`command`, `entrypoint`, `dns`, `env_file`'s short form). */
const stringOrList: Shape = { type: 'oneOf', options: [string, strings] };
/** `KEY=value` list or `KEY: value` map (labels, args, sysctls, extra_hosts). */
const listOrDict: Shape = { type: 'oneOf', options: [strings, { type: 'map', fields: {}, values: string }] };

const map = (fields: MapShape['fields'], doc?: string, values?: Shape): MapShape => ({ type: 'map', fields, ...(doc ? { doc } : {}), ...(values ? { values } : {}) });

const PORT: MapShape = map(
  {
    target: { shape: { type: 'int', min: 1, max: 65535 }, required: true, doc: 'The container port.' },
    published: { shape: string, doc: 'The host port or range (`3200`, `8000-8010`).' },
    host_ip: { shape: string, doc: 'The host address to bind (`127.0.0.1`); all addresses when absent.' },
    protocol: { shape: { type: 'string', enum: ['tcp', 'udp', 'sctp'] } },
    mode: { shape: { type: 'string', enum: ['host', 'ingress'] } },
    name: { shape: string },
    app_protocol: { shape: string },
  },
  'A published port (long form).',
);

const VOLUME: MapShape = map(
  {
    type: { shape: { type: 'string', enum: ['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image'] }, required: true },
    source: { shape: string, doc: 'The host path (bind) or the volume name.' },
    target: { shape: string, required: true, doc: 'The path in the container.' },
    read_only: { shape: bool },
    consistency: { shape: string },
    bind: { shape: map({ propagation: { shape: string }, create_host_path: { shape: bool }, selinux: { shape: { type: 'string', enum: ['z', 'Z'] } } }) },
    volume: { shape: map({ nocopy: { shape: bool }, subpath: { shape: string } }) },
    tmpfs: { shape: map({ size: { shape: string }, mode: { shape: int } }) },
    image: { shape: map({ subpath: { shape: string } }) },
  },
  'A mount (long form).',
);

const HEALTHCHECK: MapShape = map(
  {
    test: { shape: stringOrList, doc: '`["CMD", "wget", "-qO-", "http://localhost:9090/-/ready"]`, `["CMD-SHELL", "…"]` or `["NONE"]`.' },
    interval: { shape: duration },
    timeout: { shape: duration },
    retries: { shape: int },
    start_period: { shape: duration },
    start_interval: { shape: duration },
    disable: { shape: bool },
  },
  'How Docker tells that the container is healthy (`depends_on` … `condition: service_healthy`).',
);

const RESOURCES = map({ cpus: { shape: string }, memory: { shape: string }, pids: { shape: int }, devices: { shape: { type: 'list', items: any } }, generic_resources: { shape: any } });

const RESTART_POLICY = map({
  condition: { shape: { type: 'string', enum: ['none', 'on-failure', 'any'] } },
  delay: { shape: duration },
  max_attempts: { shape: int },
  window: { shape: duration },
});

const UPDATE_CONFIG = map({
  parallelism: { shape: int },
  delay: { shape: duration },
  failure_action: { shape: { type: 'string', enum: ['continue', 'rollback', 'pause'] } },
  monitor: { shape: duration },
  max_failure_ratio: { shape: { type: 'number', min: 0 } },
  order: { shape: { type: 'string', enum: ['stop-first', 'start-first'] } },
});

const DEPLOY: MapShape = map(
  {
    mode: { shape: { type: 'string', enum: ['global', 'replicated', 'replicated-job', 'global-job'] } },
    replicas: { shape: int },
    endpoint_mode: { shape: { type: 'string', enum: ['vip', 'dnsrr'] } },
    labels: { shape: listOrDict },
    resources: { shape: map({ limits: { shape: RESOURCES }, reservations: { shape: RESOURCES } }) },
    restart_policy: { shape: RESTART_POLICY },
    update_config: { shape: UPDATE_CONFIG },
    rollback_config: { shape: UPDATE_CONFIG },
    placement: { shape: map({ constraints: { shape: strings }, preferences: { shape: any }, max_replicas_per_node: { shape: int } }) },
  },
  'Deployment and resources (`resources.limits.memory`, `replicas`).',
);

const BUILD: MapShape = map(
  {
    context: { shape: string, doc: 'The folder sent to the builder (relative to the compose file).' },
    dockerfile: { shape: string },
    dockerfile_inline: { shape: string },
    args: { shape: listOrDict },
    target: { shape: string },
    labels: { shape: listOrDict },
    cache_from: { shape: strings },
    cache_to: { shape: strings },
    network: { shape: string },
    platforms: { shape: strings },
    pull: { shape: bool },
    no_cache: { shape: bool },
    secrets: { shape: { type: 'list', items: any } },
    ssh: { shape: listOrDict },
    tags: { shape: strings },
    additional_contexts: { shape: listOrDict },
    extra_hosts: { shape: listOrDict },
    shm_size: { shape: string },
    ulimits: { shape: any },
    isolation: { shape: string },
    privileged: { shape: bool },
    provenance: { shape: string },
    sbom: { shape: string },
    entitlements: { shape: strings },
  },
  'How to build the image (a folder, or this mapping).',
);

const DEPENDS_ON_ENTRY = map({
  condition: {
    shape: { type: 'string', enum: ['service_started', 'service_healthy', 'service_completed_successfully'] },
    required: true,
    doc: "`service_healthy` waits for the dependency's healthcheck.",
  },
  restart: { shape: bool },
  required: { shape: bool },
});

const SERVICE_NETWORK = map({
  aliases: { shape: strings, doc: 'Other names the service answers to on this network.' },
  ipv4_address: { shape: string },
  ipv6_address: { shape: string },
  link_local_ips: { shape: strings },
  mac_address: { shape: string },
  driver_opts: { shape: any },
  priority: { shape: { type: 'int' } },
  gw_priority: { shape: { type: 'int' } },
  interface_name: { shape: string },
});

function portProblem(raw: string): string | undefined {
  const parsed = parsePortSpec(raw);
  if (!parsed || !('error' in parsed)) return undefined;
  const part = parsed.part ?? '';
  switch (parsed.error) {
    case 'port':
      return say('portNumber', raw, part);
    case 'protocol':
      return say('portProtocol', raw, part);
    case 'sizes':
      return say('portSizes', raw);
    case 'ip':
      return say('portIp', raw, part);
    default:
      return say('portForm', raw);
  }
}

function volumeProblem(raw: string): string | undefined {
  const parsed = parseVolumeSpec(raw);
  if (!parsed || !('error' in parsed)) return undefined;
  const part = parsed.part ?? '';
  if (parsed.error === 'relative') return say('volumeRelative', raw, part);
  if (parsed.error === 'mode') return say('volumeMode', raw, part);
  return say('volumeForm', raw);
}

const envEntry: ScalarShape = { type: 'string', check: (raw) => (raw.startsWith('=') ? say('envEntry', raw) : undefined) };

/**
 * `environment:` as a mapping: any name, and the OpenTelemetry SDK's variables
 * with their documentation and values for completion and hover (otel/env
 * checks their values, so compose/schema leaves their enums alone).
 */
const ENVIRONMENT: MapShape = {
  type: 'map',
  fields: Object.fromEntries(
    [...OTEL_VARIABLES.values()].map((row) => [
      row.name,
      {
        shape: { type: 'string', ...(row.kind === 'enum' && row.values ? { enum: row.values } : {}) },
        doc: {
          en: `${row.doc}${row.default !== undefined ? ` Default: \`${row.default}\`.` : ''}`,
          ja: `${row.ja}${row.default !== undefined ? `デフォルト: \`${row.default}\`。` : ''}`,
        },
      },
    ]),
  ),
  values: string,
};

/** A scalar that is a string to the specification but whose short form is read by the compose check (ports, volumes). */
const shortPort: ScalarShape = { type: 'string', check: portProblem, doc: '`HOST:CONTAINER` (`"3200:3000"`), `IP:HOST:CONTAINER`, `CONTAINER`, ranges and `/udp`.' };
const shortVolume: ScalarShape = { type: 'string', check: volumeProblem, doc: '`SOURCE:TARGET[:MODE]` (`./prometheus.yaml:/etc/prometheus/prometheus.yaml:ro`).' };

export const SERVICE: MapShape = map(
  {
    image: { shape: string, doc: 'The image to run (`prom/prometheus:v2.53.0`).' },
    build: { shape: { type: 'oneOf', options: [string, BUILD] }, doc: BUILD.doc ?? '' },
    command: { shape: stringOrList, doc: "Overrides the image's command: a string or a list of arguments." },
    entrypoint: { shape: stringOrList },
    environment: {
      shape: {
        type: 'oneOf',
        options: [{ type: 'list', items: envEntry }, ENVIRONMENT],
      },
      doc: "Variables of the container: `NAME: value` or `- NAME=value`. OTEL_* variables are a fallback: config.yaml's `observability` section wins.",
    },
    env_file: {
      shape: {
        type: 'oneOf',
        options: [string, { type: 'list', items: { type: 'oneOf', options: [string, map({ path: { shape: string, required: true }, required: { shape: bool }, format: { shape: string } })] } }],
      },
      doc: 'Files of `NAME=value` lines added to `environment`.',
    },
    ports: { shape: { type: 'list', items: { type: 'oneOf', options: [shortPort, PORT] } }, doc: 'Ports published on the host: `"HOST:CONTAINER"` or the long form.' },
    expose: { shape: { type: 'list', items: string }, doc: 'Container ports other services may reach (not published on the host).' },
    volumes: { shape: { type: 'list', items: { type: 'oneOf', options: [shortVolume, VOLUME] } }, doc: 'Mounts: `SOURCE:TARGET[:MODE]` or the long form.' },
    volumes_from: { shape: strings },
    profiles: { shape: strings, doc: 'The profiles that start the service (`docker compose --profile observability up -d`).' },
    depends_on: { shape: { type: 'oneOf', options: [strings, map({}, undefined, DEPENDS_ON_ENTRY)] }, doc: 'Services started first: a list, or a mapping with a `condition` each.' },
    healthcheck: { shape: HEALTHCHECK, doc: HEALTHCHECK.doc ?? '' },
    restart: {
      shape: { type: 'string', check: (value) => (/^(?:no|always|unless-stopped|on-failure(?::\d+)?)$/.test(value) ? undefined : say('restart', value)) },
      doc: '`no`, `always`, `on-failure[:N]` or `unless-stopped`.',
    },
    deploy: { shape: DEPLOY, doc: DEPLOY.doc ?? '' },
    networks: { shape: { type: 'oneOf', options: [strings, map({}, undefined, SERVICE_NETWORK)] }, doc: 'The networks the service joins: a list, or a mapping with aliases.' },
    network_mode: { shape: string },
    container_name: { shape: string },
    hostname: { shape: string },
    domainname: { shape: string },
    labels: { shape: listOrDict },
    annotations: { shape: listOrDict },
    user: { shape: string },
    working_dir: { shape: string },
    extra_hosts: { shape: listOrDict },
    logging: { shape: map({ driver: { shape: string }, options: { shape: map({}, undefined, string) } }) },
    ulimits: { shape: map({}, undefined, { type: 'oneOf', options: [int, map({ soft: { shape: int, required: true }, hard: { shape: int, required: true } })] }) },
    cap_add: { shape: strings },
    cap_drop: { shape: strings },
    privileged: { shape: bool },
    read_only: { shape: bool },
    stdin_open: { shape: bool },
    tty: { shape: bool },
    init: { shape: bool },
    platform: { shape: string },
    pull_policy: { shape: { type: 'string', check: (value) => (/^(?:always|never|missing|if_not_present|build|daily|weekly|every_\w+)$/.test(value) ? undefined : say('pullPolicy', value)) } },
    stop_grace_period: { shape: duration },
    stop_signal: { shape: string },
    tmpfs: { shape: stringOrList },
    dns: { shape: stringOrList },
    dns_search: { shape: stringOrList },
    dns_opt: { shape: strings },
    security_opt: { shape: strings },
    shm_size: { shape: string },
    sysctls: { shape: listOrDict },
    extends: { shape: { type: 'oneOf', options: [string, map({ service: { shape: string, required: true }, file: { shape: string } })] } },
    secrets: {
      shape: {
        type: 'list',
        items: { type: 'oneOf', options: [string, map({ source: { shape: string }, target: { shape: string }, uid: { shape: string }, gid: { shape: string }, mode: { shape: string } })] },
      },
    },
    configs: {
      shape: {
        type: 'list',
        items: { type: 'oneOf', options: [string, map({ source: { shape: string }, target: { shape: string }, uid: { shape: string }, gid: { shape: string }, mode: { shape: string } })] },
      },
    },
    devices: { shape: { type: 'list', items: any } },
    device_cgroup_rules: { shape: strings },
    group_add: { shape: strings },
    links: { shape: strings },
    external_links: { shape: strings },
    pid: { shape: string },
    ipc: { shape: string },
    userns_mode: { shape: string },
    isolation: { shape: string },
    runtime: { shape: string },
    mem_limit: { shape: string },
    mem_reservation: { shape: string },
    memswap_limit: { shape: string },
    mem_swappiness: { shape: int },
    cpus: { shape: string },
    cpu_shares: { shape: int },
    cpuset: { shape: string },
    oom_kill_disable: { shape: bool },
    oom_score_adj: { shape: { type: 'int', min: -1000, max: 1000 } },
    pids_limit: { shape: { type: 'int' } },
    scale: { shape: int },
    develop: { shape: any },
    attach: { shape: bool },
    cgroup: { shape: { type: 'string', enum: ['host', 'private'] } },
    cgroup_parent: { shape: string },
    mac_address: { shape: string },
    storage_opt: { shape: any },
    post_start: { shape: { type: 'list', items: any } },
    pre_stop: { shape: { type: 'list', items: any } },
    provider: { shape: any },
    models: { shape: any },
    gpus: { shape: any },
    use_api_socket: { shape: bool },
    label_file: { shape: stringOrList },
  },
  'A service of the compose file.',
);

const TOP_NETWORK = map({
  driver: { shape: string },
  driver_opts: { shape: map({}, undefined, string) },
  external: { shape: bool },
  name: { shape: string },
  internal: { shape: bool },
  attachable: { shape: bool },
  enable_ipv4: { shape: bool },
  enable_ipv6: { shape: bool },
  ipam: { shape: any },
  labels: { shape: listOrDict },
});

const TOP_VOLUME = map({
  driver: { shape: string },
  driver_opts: { shape: map({}, undefined, string) },
  external: { shape: bool },
  name: { shape: string },
  labels: { shape: listOrDict },
});

const TOP_FILE = map({
  file: { shape: string },
  environment: { shape: string },
  content: { shape: string },
  external: { shape: bool },
  name: { shape: string },
  labels: { shape: listOrDict },
  driver: { shape: string },
  driver_opts: { shape: any },
  template_driver: { shape: string },
});

export const COMPOSE_SHAPE: MapShape = map(
  {
    version: { shape: string, doc: 'Obsolete: Compose ignores it (the Compose Specification has no version).' },
    name: { shape: string, doc: 'The project name.' },
    include: { shape: { type: 'list', items: any }, doc: 'Other compose files included in this one.' },
    services: { shape: map({}, undefined, SERVICE), required: true, doc: 'The containers of the application, by name (the name is their host name on the compose network).' },
    networks: { shape: map({}, undefined, TOP_NETWORK) },
    volumes: { shape: map({}, undefined, TOP_VOLUME), doc: 'Named volumes (`prometheus-data:`).' },
    secrets: { shape: map({}, undefined, TOP_FILE) },
    configs: { shape: map({}, undefined, TOP_FILE) },
    models: { shape: any },
  },
  'A compose file (the Compose Specification).',
);
