/**
 * The structure of a Promtail configuration (promtail-config.yaml) as data:
 * `server`, `positions`, `clients`, `scrape_configs` with their service
 * discovery, relabelling and static targets, and `pipeline_stages` — every
 * stage Promtail knows, with its fields. Stage names, `positions` and relabel
 * rules are closed; the other blocks are `open` (base/yaml/shape.ts): a key not
 * listed there is reported only when it is a likely typo (Promtail decodes its
 * stages leniently and ignores a misspelt field, which is why it is worth telling).
 * The relabel rules are Prometheus's: prometheus.yaml's table.
 */
import { RELABEL_CONFIG } from '../prometheus/configShape';
import { anyField, block, bool, duration, goDuration, int, listOf, map, num, required, str } from '../base/yaml/fields';
import type { Field, MapShape, Shape } from '../base/yaml/shape';

const any: Shape = { type: 'any' };
const strings: Shape = { type: 'list', items: { type: 'string' } };
const stringMap: Shape = { type: 'map', fields: {}, values: { type: 'string' } };

const AUTH: Record<string, Field> = {
  basic_auth: block({ username: str(), username_file: str(), password: str(), password_file: str() }),
  authorization: block({ type: str(), credentials: str(), credentials_file: str() }),
  oauth2: anyField(),
  bearer_token: str(),
  bearer_token_file: str(),
  proxy_url: str(),
  tls_config: anyField(),
};

const CLIENT: MapShape = map(
  {
    follow_redirects: bool(),
    enable_http2: bool(),
    no_proxy: str(),
    proxy_from_environment: bool(),
    proxy_connect_header: anyField(),
    stream_lag_labels: anyField(),
    url: required(str("Loki's push API: `http://loki:3100/loki/api/v1/push`.")),
    headers: { shape: stringMap },
    tenant_id: str('X-Scope-OrgID sent with every push (Loki with `auth_enabled: true`).'),
    batchwait: goDuration('How long to wait before sending a batch (default 1s).'),
    batchsize: int('Largest batch, in bytes (default 1048576).'),
    ...AUTH,
    backoff_config: block({ min_period: goDuration(), max_period: goDuration(), max_retries: int() }),
    drop_rate_limited_batches: bool(),
    external_labels: { shape: stringMap, doc: 'Labels added to every stream this client sends.' },
    timeout: goDuration(),
  },
  'A Loki that Promtail pushes to.',
  true,
);

const K8S_ROLES = ['pod', 'node', 'service', 'endpoints', 'endpointslice', 'ingress'];

const KUBERNETES_SD: MapShape = map(
  {
    role: required(str('What is discovered: `pod` for the logs of every container of the node.', { enum: K8S_ROLES })),
    api_server: str(),
    kubeconfig_file: str(),
    namespaces: block({ names: { shape: strings }, own_namespace: bool() }),
    selectors: listOf(map({ role: required(str(undefined, { enum: K8S_ROLES })), label: str(), field: str() })),
    attach_metadata: block({ node: bool() }),
    ...AUTH,
    follow_redirects: bool(),
    enable_http2: bool(),
    no_proxy: str(),
    proxy_from_environment: bool(),
    proxy_connect_header: anyField(),
  },
  'Kubernetes service discovery.',
  true,
);

const STATIC_CONFIG: MapShape = map(
  {
    targets: { shape: strings, doc: 'Hosts (Promtail tails local files: `localhost`).' },
    labels: { shape: stringMap, doc: 'Labels of the streams; `__path__` is the file (glob) to tail.' },
  },
  'Files to tail: `labels.__path__` is their glob.',
);

/** A pipeline stage: one key, the stage's name. Its `match` stage nests stages (filled in below). */
const STAGE_FIELDS: Record<string, Field> = {};
export const STAGE: MapShape = map(STAGE_FIELDS, 'One stage of the pipeline: a mapping whose one key names the stage.');
const stages: Shape = { type: 'list', items: STAGE };

const FORMATS: Record<string, Field> = {
  docker: anyField("Parses Docker's JSON log lines (`log`, `stream`, `time`)."),
  cri: block({ max_partial_lines: int(), max_partial_line_size: int(), max_partial_line_size_truncate: bool() }, 'Parses CRI log lines (Kubernetes containerd, CRI-O).'),
  regex: block({ expression: required(str('RE2 with named groups: each becomes an extracted value.')), source: str() }, 'Extracts values with a regex.'),
  json: block(
    { expressions: { shape: { type: 'map', fields: {}, values: { type: 'string' } }, doc: 'Extracted name → JMESPath (empty: the same name).' }, source: str(), drop_malformed: bool() },
    'Extracts values from a JSON line.',
  ),
  logfmt: block({ mapping: { shape: { type: 'map', fields: {}, values: { type: 'string' } } }, source: str() }, 'Extracts values from a logfmt line.'),
  template: block({ source: required(str()), template: required(str('A Go template; `.Value` is the value.')) }, 'Sets a value from a Go template.'),
  match: block(
    {
      selector: required(str('A LogQL stream selector, optionally with line filters.')),
      pipeline_name: str(),
      action: str(undefined, { enum: ['keep', 'drop'] }),
      drop_counter_reason: str(),
      stages: { shape: stages, doc: 'Stages run on the lines the selector matches.' },
    },
    'Runs stages on, or drops, the lines of the streams a selector matches.',
  ),
  timestamp: block(
    {
      source: required(str()),
      format: required(str('A Go layout, or ANSIC, RFC3339, RFC3339Nano, Unix, UnixMs, UnixUs, UnixNs, …')),
      fallback_formats: { shape: strings },
      location: str(),
      action_on_failure: str(undefined, { enum: ['fudge', 'skip'] }),
    },
    "Sets the entry's timestamp from an extracted value.",
  ),
  output: block({ source: required(str()) }, 'Replaces the log line with an extracted value.'),
  labels: {
    shape: { type: 'map', fields: {}, values: { type: 'oneOf', options: [{ type: 'string' }, { type: 'any' }] } },
    doc: 'Label name → extracted value (empty: the same name): the labels of the stream.',
  },
  structured_metadata: { shape: { type: 'map', fields: {}, values: { type: 'any' } }, doc: 'Name → extracted value: structured metadata of the entry (Loki schema v13).' },
  static_labels: { shape: stringMap, doc: 'Labels with fixed values.' },
  labelallow: { shape: strings, doc: 'Keeps only these labels.' },
  labeldrop: { shape: strings, doc: 'Drops these labels.' },
  metrics: {
    shape: {
      type: 'map',
      fields: {},
      values: map({
        type: required(str(undefined, { enum: ['Counter', 'Gauge', 'Histogram'] })),
        description: str(),
        prefix: str(),
        source: str(),
        max_idle_duration: goDuration(),
        config: anyField(),
      }),
    },
    doc: 'Metrics Promtail exposes from the lines.',
  },
  tenant: block({ source: str(), value: str(), label: str() }, 'Sets the tenant of the entry.'),
  replace: block({ expression: required(str()), source: str(), replace: str() }, 'Replaces what a regex matches.'),
  drop: block(
    {
      source: { shape: { type: 'oneOf', options: [{ type: 'string' }, strings] } },
      separator: str(),
      expression: str(),
      value: str(),
      older_than: goDuration(),
      longer_than: { shape: { type: 'size' } },
      drop_counter_reason: str(),
    },
    'Drops lines.',
  ),
  limit: block({ rate: num(), burst: int(), drop: bool(), by_label_name: str(), max_distinct_labels: int() }, 'Rate-limits lines.'),
  multiline: block({ firstline: required(str('RE2 matching the first line of an entry.')), max_wait_time: goDuration(), max_lines: int() }, 'Joins multi-line entries.'),
  pack: block({ labels: { shape: strings }, ingest_timestamp: bool() }, 'Packs labels into the line as JSON.'),
  decolorize: anyField('Strips ANSI colour codes.'),
  sampling: block({ rate: num(), drop_counter_reason: str() }, 'Keeps a fraction of the lines.'),
  eventlogmessage: block({ source: str(), drop_invalid_labels: bool(), overwrite_existing: bool() }),
  geoip: block({ db: required(str()), source: required(str()), db_type: str(undefined, { enum: ['city', 'asn', 'country'] }) }),
  luhn: block({ min_length: int(), source: str(), replacement: str() }),
};
Object.assign(STAGE_FIELDS, FORMATS);
export const STAGE_NAMES: readonly string[] = Object.keys(FORMATS);

const OPEN_TARGET = (doc: string): Field => ({ shape: { type: 'map', fields: { labels: { shape: stringMap } }, values: any }, doc });

export const SCRAPE_CONFIG: MapShape = map(
  {
    job_name: required(str('Names the job (unique in the file); the `job` label only when relabelled into it.')),
    pipeline_stages: { shape: stages, doc: 'Stages every line of the job goes through: parse, label, filter.' },
    static_configs: listOf(STATIC_CONFIG),
    kubernetes_sd_configs: listOf(KUBERNETES_SD),
    relabel_configs: listOf(RELABEL_CONFIG, 'Relabel rules on the discovered targets: labels, and `__path__` for Kubernetes pods.'),
    file_sd_configs: listOf(map({ files: { shape: strings }, refresh_interval: duration() })),
    docker_sd_configs: listOf({ type: 'any' }),
    consul_sd_configs: listOf({ type: 'any' }),
    consulagent_sd_configs: listOf({ type: 'any' }),
    journal: OPEN_TARGET('Reads the systemd journal.'),
    syslog: OPEN_TARGET('Receives syslog.'),
    gcplog: OPEN_TARGET('Reads Google Cloud logs.'),
    windows_events: OPEN_TARGET('Reads Windows events.'),
    loki_push_api: OPEN_TARGET('Receives Loki pushes.'),
    kafka: OPEN_TARGET('Reads Kafka.'),
    gelf: OPEN_TARGET('Receives GELF.'),
    cloudflare: OPEN_TARGET('Reads Cloudflare logs.'),
    heroku_drain: OPEN_TARGET('Receives Heroku drains.'),
    azure_event_hubs: OPEN_TARGET('Reads Azure Event Hubs.'),
    encoding: str(),
    decompression: anyField(),
    limits_config: anyField(),
    dns_sd_configs: listOf({ type: 'any' }),
    ec2_sd_configs: listOf({ type: 'any' }),
    gce_sd_configs: listOf({ type: 'any' }),
    azure_sd_configs: listOf({ type: 'any' }),
    openstack_sd_configs: listOf({ type: 'any' }),
    marathon_sd_configs: listOf({ type: 'any' }),
    serverset_sd_configs: listOf({ type: 'any' }),
    nerve_sd_configs: listOf({ type: 'any' }),
    triton_sd_configs: listOf({ type: 'any' }),
  },
  'A scrape job: where lines come from, how they are labelled.',
  true,
);

const SERVER: Field = block(
  {
    disable: bool('No HTTP and gRPC servers.'),
    http_listen_address: str(),
    http_listen_port: { shape: { type: 'int', min: 0, max: 65535 }, doc: 'HTTP port of `/metrics` and `/ready` (9080 by convention; 0 picks one).' },
    grpc_listen_address: str(),
    grpc_listen_port: { shape: { type: 'int', min: 0, max: 65535 } },
    register_instrumentation: bool(),
    graceful_shutdown_timeout: goDuration(),
    http_server_read_timeout: goDuration(),
    http_server_write_timeout: goDuration(),
    http_server_idle_timeout: goDuration(),
    log_level: str(undefined, { enum: ['debug', 'info', 'warn', 'error'] }),
    log_format: str(undefined, { enum: ['logfmt', 'json'] }),
    health_check_target: bool(),
    profiling_enabled: bool(),
    enable_runtime_reload: bool(),
    http_path_prefix: str(),
    external_url: str(),
  },
  "Promtail's own HTTP and gRPC servers.",
  true,
);

/** A Promtail configuration file. */
export const PROMTAIL_SHAPE: MapShape = map(
  {
    server: SERVER,
    positions: block(
      { filename: str('Where read offsets are kept (`/run/promtail/positions.yaml`; a volume in Kubernetes).'), sync_period: goDuration(), ignore_invalid_yaml: bool() },
      'Where Promtail remembers how far it read each file.',
      false,
    ),
    clients: listOf(CLIENT, 'The Lokis to push to.'),
    client: { shape: CLIENT, doc: 'One Loki to push to (older form of `clients`).' },
    scrape_configs: listOf(SCRAPE_CONFIG, 'The scrape jobs: where lines come from and how they are labelled.'),
    target_config: block({ sync_period: goDuration() }),
    limits_config: block({
      readline_rate_enabled: bool(),
      readline_rate: num(),
      readline_burst: int(),
      readline_rate_drop: bool(),
      max_streams: int(),
      max_line_size: { shape: { type: 'size' } },
      max_line_size_truncate: bool(),
    }),
    options: block({ stream_lag_labels: { shape: { type: 'oneOf', options: [strings, { type: 'string' }] } } }),
    tracing: block({ enabled: bool() }),
    global: block({ file_watch_config: block({ min_poll_frequency: goDuration(), max_poll_frequency: goDuration() }) }),
    wal: anyField(),
  },
  undefined,
  true,
);
