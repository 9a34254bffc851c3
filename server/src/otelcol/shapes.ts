/**
 * The collector configuration's structure as data (base/yaml/shape.ts): the
 * top level, `service`, and the configuration of the components the design
 * and common Kubernetes setups use, each from its `config.go`. A component
 * whose type has no table here is taken as it is (`any`): only its type is
 * checked (config.ts).
 */
import { isMap, isScalar } from 'yaml';
import { parseYaml } from '../base/yaml/parse';
import type { Doc, Field, LocalizedDoc, MapShape, ScalarShape, Shape } from '../base/yaml/shape';
import { COMPONENT_KINDS, componentType, shippedTypes, singular, type ComponentKind } from './components';
import { kindJa } from './messages';
import { LEAF_POLICY_TYPES, POLICY_TYPES } from './policies';

const str: ScalarShape = { type: 'string' };
const bool: ScalarShape = { type: 'bool' };
const int: ScalarShape = { type: 'int' };
const uint: ScalarShape = { type: 'int', min: 0 };
const duration: ScalarShape = { type: 'duration', durationSyntax: 'go' };
const any: Shape = { type: 'any' };
const strings: Shape = { type: 'list', items: str };
const stringMap: MapShape = { type: 'map', fields: {}, values: str };

const f = (shape: Shape, doc?: Doc, required?: boolean): Field => ({ shape, ...(doc ? { doc } : {}), ...(required ? { required } : {}) });
const map = (fields: Record<string, Field>, doc?: string): MapShape => ({ type: 'map', fields, ...(doc ? { doc } : {}) });

const TLS_VERSIONS = ['1.0', '1.1', '1.2', '1.3'];

const tlsCommon: Record<string, Field> = {
  ca_file: f(str, 'CA certificate file.'),
  ca_pem: f(str),
  cert_file: f(str, 'Certificate file.'),
  cert_pem: f(str),
  key_file: f(str, 'Private key file.'),
  key_pem: f(str),
  min_version: f({ type: 'string', enum: TLS_VERSIONS }, 'Lowest TLS version accepted (default 1.2).'),
  max_version: f({ type: 'string', enum: TLS_VERSIONS }),
  cipher_suites: f(strings),
  reload_interval: f(duration),
  include_system_ca_certs_pool: f(bool),
  curve_preferences: f(strings),
};

const tlsClient = map(
  {
    ...tlsCommon,
    insecure: f(bool, 'Plain connection without TLS (`true` for an in-cluster Jaeger on 4317).'),
    insecure_skip_verify: f(bool, "TLS without checking the server's certificate."),
    server_name_override: f(str),
  },
  'TLS of the connection (`insecure: true` for plain text).',
);
const tlsServer = map({ ...tlsCommon, client_ca_file: f(str), client_ca_file_reload: f(bool) }, 'TLS of the server.');
const auth = map({ authenticator: f(str, 'The extension (`basicauth/x`, `bearertokenauth`, `oidc`) that authenticates.', true) });

const grpcServer = map(
  {
    endpoint: f(str, 'Where to listen: `0.0.0.0:4317` (the default binds localhost only since v0.104).'),
    transport: f({ type: 'string', enum: ['tcp', 'tcp4', 'tcp6', 'udp', 'udp4', 'udp6', 'unix', 'unixgram', 'unixpacket'] }),
    tls: f(tlsServer),
    max_recv_msg_size_mib: f(uint),
    max_concurrent_streams: f(uint),
    read_buffer_size: f(uint),
    write_buffer_size: f(uint),
    keepalive: f(any),
    auth: f(auth),
    include_metadata: f(bool),
  },
  'OTLP over gRPC (port 4317).',
);

const httpServer = map(
  {
    endpoint: f(str, 'Where to listen: `0.0.0.0:4318`.'),
    tls: f(tlsServer),
    cors: f(map({ allowed_origins: f(strings), allowed_headers: f(strings), max_age: f(int) })),
    auth: f(auth),
    include_metadata: f(bool),
    max_request_body_size: f(uint),
    response_headers: f(stringMap),
    compression_algorithms: f(strings),
    read_timeout: f(duration),
    read_header_timeout: f(duration),
    write_timeout: f(duration),
    idle_timeout: f(duration),
    traces_url_path: f(str, 'Path of traces (default `/v1/traces`).'),
    metrics_url_path: f(str),
    logs_url_path: f(str),
  },
  'OTLP over HTTP (port 4318).',
);

const otlpReceiver = map({
  protocols: f(map({ grpc: f(grpcServer), http: f(httpServer) }, 'The protocols it accepts; each listens on its own port.'), 'The protocols it accepts: `grpc` (4317), `http` (4318).', true),
});

const exporterHelper: Record<string, Field> = {
  timeout: f(duration, 'Time to wait for one export (default 5s).'),
  sending_queue: f(
    map({
      enabled: f(bool),
      num_consumers: f(uint),
      queue_size: f(uint),
      storage: f(str),
      blocking: f(bool),
      block_on_overflow: f(bool),
      sizer: f({ type: 'string', enum: ['requests', 'items', 'bytes'] }),
      wait_for_result: f(bool),
      batch: f(any),
    }),
    'Queue in front of the exporter.',
  ),
  retry_on_failure: f(
    map({ enabled: f(bool), initial_interval: f(duration), max_interval: f(duration), max_elapsed_time: f(duration), multiplier: f({ type: 'number' }), randomization_factor: f({ type: 'number' }) }),
    'Retries of failed exports.',
  ),
  batch: f(any),
};

const otlpExporter = map({
  endpoint: f(str, "`host:port` of an OTLP gRPC server — Jaeger's is 4317.", true),
  tls: f(tlsClient),
  headers: f(stringMap),
  compression: f({ type: 'string', enum: ['gzip', 'snappy', 'zstd', 'none', ''] }),
  balancer_name: f({ type: 'string', enum: ['round_robin', 'pick_first'] }),
  authority: f(str),
  auth: f(auth),
  keepalive: f(any),
  read_buffer_size: f(uint),
  write_buffer_size: f(uint),
  wait_for_ready: f(bool),
  ...exporterHelper,
});

const otlpHttpExporter = map({
  endpoint: f(str, 'Base URL of an OTLP HTTP server (`http://host:4318`); `/v1/traces` and the others are added.'),
  traces_endpoint: f(str),
  metrics_endpoint: f(str),
  logs_endpoint: f(str),
  profiles_endpoint: f(str),
  tls: f(tlsClient),
  headers: f(stringMap),
  compression: f({ type: 'string', enum: ['gzip', 'snappy', 'zstd', 'zlib', 'deflate', 'lz4', 'none', ''] }),
  compression_params: f(any),
  encoding: f({ type: 'string', enum: ['proto', 'json'] }),
  auth: f(auth),
  proxy_url: f(str),
  read_buffer_size: f(uint),
  write_buffer_size: f(uint),
  max_idle_conns: f(uint),
  max_idle_conns_per_host: f(uint),
  max_conns_per_host: f(uint),
  idle_conn_timeout: f(duration),
  disable_keep_alives: f(bool),
  http2_read_idle_timeout: f(duration),
  http2_ping_timeout: f(duration),
  cookies: f(any),
  ...exporterHelper,
});

const prometheusExporter = map({
  endpoint: f(str, 'Where Prometheus scrapes the metrics (`0.0.0.0:8889`).', true),
  namespace: f(str, 'Prefix of every metric name (`otel_`…).'),
  const_labels: f(stringMap),
  send_timestamps: f(bool),
  metric_expiration: f(duration, 'How long a metric without updates is still exposed (default 5m).'),
  resource_to_telemetry_conversion: f(map({ enabled: f(bool) })),
  enable_open_metrics: f(bool),
  add_metric_suffixes: f(bool),
  translation_strategy: f({ type: 'string', enum: ['UnderscoreEscapingWithSuffixes', 'UnderscoreEscapingWithoutSuffixes', 'NoUTF8EscapingWithSuffixes', 'NoTranslation'] }),
  without_scope_info: f(bool),
  tls: f(tlsServer),
});

const debugExporter = map({
  verbosity: f({ type: 'string', enum: ['basic', 'normal', 'detailed'] }, 'How much of each item is written (default `basic`).'),
  sampling_initial: f(uint),
  sampling_thereafter: f(uint),
  use_internal_logger: f(bool),
});

const batch = map({
  timeout: f(duration, 'Longest wait before a batch is sent (default 200ms).'),
  send_batch_size: f(uint, 'Items that make a batch be sent (default 8192).'),
  send_batch_max_size: f(uint, 'Upper bound of a batch (0: none); at least send_batch_size.'),
  metadata_keys: f(strings),
  metadata_cardinality_limit: f(uint),
});

const memoryLimiter = map({
  check_interval: f(duration, 'How often memory is measured (`1s` is recommended).', true),
  limit_mib: f(uint, 'Hard limit of memory in MiB.'),
  spike_limit_mib: f(uint),
  limit_percentage: f({ type: 'int', min: 0, max: 100 }, 'Hard limit as a percentage of total memory.'),
  spike_limit_percentage: f({ type: 'int', min: 0, max: 100 }),
  min_gc_interval_when_soft_limited: f(duration),
  min_gc_interval_when_hard_limited: f(duration),
});

const probabilisticSampler = map({
  sampling_percentage: f({ type: 'number', min: 0, max: 100 }, 'Percentage of traces or logs kept (0–100).'),
  hash_seed: f(uint),
  mode: f({ type: 'string', enum: ['hash_seed', 'equalizing', 'proportional'] }),
  fail_closed: f(bool),
  sampling_precision: f({ type: 'int', min: 1, max: 14 }),
  attribute_source: f({ type: 'string', enum: ['traceID', 'record'] }),
  from_attribute: f(str),
  sampling_priority: f(str),
});

const attributeAction = map({
  key: f(str, 'The attribute acted on.', true),
  action: f({ type: 'string', enum: ['insert', 'update', 'upsert', 'delete', 'hash', 'extract', 'convert'] }, 'What is done to the attribute.', true),
  value: f(any),
  pattern: f(str),
  from_attribute: f(str),
  from_context: f(str),
  converted_type: f({ type: 'string', enum: ['int', 'double', 'string'] }),
});
const actions = f({ type: 'list', items: attributeAction }, 'The actions, in order.');

const attributes = map({ actions, include: f(any), exclude: f(any) });
const resource = map({ attributes: f({ type: 'list', items: attributeAction }, 'The actions on resource attributes, in order.', true) });

const k8sattributes = map({
  auth_type: f({ type: 'string', enum: ['none', 'serviceAccount', 'kubeConfig', 'tls'] }, 'How the Kubernetes API is reached (default `serviceAccount`).'),
  passthrough: f(bool),
  filter: f(any),
  extract: f(
    map({
      metadata: f(strings, 'Resource attributes taken from the pod (`k8s.pod.name`, `k8s.namespace.name`, `k8s.deployment.name`, …).'),
      labels: f(any),
      annotations: f(any),
      otel_annotations: f(bool),
    }),
  ),
  pod_association: f({
    type: 'list',
    items: map({ sources: f({ type: 'list', items: map({ from: f({ type: 'string', enum: ['resource_attribute', 'connection'] }, undefined, true), name: f(str) }) }) }),
  }),
  exclude: f(any),
  wait_for_metadata: f(bool),
  wait_for_metadata_timeout: f(duration),
});

/** A tail_sampling policy's own keys, one per type (policies.ts says which type needs what). */
const policyConfigs: Record<string, Field> = {
  latency: f(map({ threshold_ms: f(uint), upper_threshold_ms: f(uint) }), 'Keeps traces that last longer than threshold_ms (and shorter than upper_threshold_ms).'),
  numeric_attribute: f(map({ key: f(str), min_value: f(int), max_value: f(int), invert_match: f(bool) })),
  probabilistic: f(map({ sampling_percentage: f({ type: 'number', min: 0, max: 100 }, 'Percentage of traces kept (0–100).'), hash_salt: f(str) })),
  status_code: f(map({ status_codes: f({ type: 'list', items: { type: 'string', enum: ['OK', 'ERROR', 'UNSET'] } }, 'Status codes of spans that keep their trace: OK, ERROR, UNSET.') })),
  string_attribute: f(map({ key: f(str), values: f(strings), enabled_regex_matching: f(bool), cache_max_size: f(uint), invert_match: f(bool) })),
  rate_limiting: f(map({ spans_per_second: f(uint) })),
  bytes_limiting: f(map({ bytes_per_second: f(uint), burst_capacity: f(uint) })),
  span_count: f(map({ min_spans: f(uint), max_spans: f(uint) })),
  trace_state: f(map({ key: f(str), values: f(strings) })),
  boolean_attribute: f(map({ key: f(str), value: f(bool), invert_match: f(bool) })),
  ottl_condition: f(map({ error_mode: f({ type: 'string', enum: ['ignore', 'silent', 'propagate'] }), span: f(strings), spanevent: f(strings) })),
};

const policyType = (types: readonly string[]): Field => f({ type: 'string', enum: types }, 'What the policy decides on; its settings go under the key of the same name.', true);
const policyName = f(str, 'Unique name of the policy (in metrics and logs).', true);

const leafPolicy = map({ name: policyName, type: policyType(LEAF_POLICY_TYPES), ...policyConfigs });
const andConfig = map({ and_sub_policy: f({ type: 'list', items: leafPolicy }, 'Policies that must all sample.') });
const compositeSubPolicy = map({ name: policyName, type: policyType([...LEAF_POLICY_TYPES, 'and']), ...policyConfigs, and: f(andConfig) });

const policy = map({
  name: policyName,
  type: policyType(POLICY_TYPES),
  ...policyConfigs,
  and: f(andConfig),
  drop: f(map({ drop_sub_policy: f({ type: 'list', items: leafPolicy }, 'Policies that, all matching, drop the trace whatever the others decide.') })),
  composite: f(
    map({
      max_total_spans_per_second: f(uint),
      policy_order: f(strings),
      composite_sub_policy: f({ type: 'list', items: compositeSubPolicy }),
      rate_allocation: f({ type: 'list', items: map({ policy: f(str), percent: f({ type: 'int', min: 0, max: 100 }) }) }),
    }),
  ),
});

const tailSampling = map({
  decision_wait: f(duration, 'Wait after the first span of a trace before deciding (default 30s).'),
  num_traces: f({ type: 'int', min: 1 }, 'Traces kept in memory (default 50000).'),
  expected_new_traces_per_sec: f(uint),
  decision_cache: f(map({ sampled_cache_size: f(uint), non_sampled_cache_size: f(uint) })),
  block_on_overflow: f(bool),
  sample_on_first_match: f(bool),
  drop_pending_traces_on_shutdown: f(bool),
  maximum_trace_size_bytes: f(uint),
  policies: f({ type: 'list', items: policy }, 'The policies: a trace is kept when one of them samples it.', true),
});

/** Component configuration by kind and type (the part of an ID before `/`). */
export const COMPONENT_SHAPES: Readonly<Record<ComponentKind, Readonly<Record<string, Shape>>>> = {
  receivers: { otlp: otlpReceiver },
  processors: {
    batch,
    memory_limiter: memoryLimiter,
    tail_sampling: tailSampling,
    probabilistic_sampler: probabilisticSampler,
    attributes,
    resource,
    k8sattributes,
  },
  exporters: { otlp: otlpExporter, otlphttp: otlpHttpExporter, prometheus: prometheusExporter, debug: debugExporter },
  connectors: {},
  extensions: {},
};

/** The type of a component ID (`otlp/jaeger` → `otlp`). */
export function typeOf(id: string): string {
  const slash = id.indexOf('/');
  return slash < 0 ? id : id.slice(0, slash);
}

/** What hover and completion say of a component type: its kind, signals and distributions. */
function describeType(kind: ComponentKind, type: string): LocalizedDoc | undefined {
  const known = componentType(kind, type);
  if (!known) return undefined;
  const signals = known.connects ? known.connects.map(([a, b]) => `${a} → ${b}`) : known.signals;
  const distributions = known.distributions.map((d) => (d === 'core' ? 'otelcol (core)' : `otelcol-${d}`));
  return {
    en: `The \`${type}\` ${singular(kind)}${signals.length ? ` (${signals.join(', ')})` : ''}. Distributions: ${distributions.join(', ')}.`,
    ja: `\`${type}\` ${kindJa(singular(kind))}${signals.length ? `（${signals.join('、')}）` : ''}。ディストリビューション: ${distributions.join('、')}。`,
  };
}

/**
 * Shared by every service: only types the shipped tables know are kept (an unknown type the user
 * wrote is answered afresh), and each shape is made from those tables alone.
 */
const namedCache = new Map<string, Shape | undefined>();

/** The shape of a `type/name` component: its type's, with what the type is (hover). */
function named(kind: ComponentKind, type: string): Shape | undefined {
  const key = `${kind}:${type}`;
  if (namedCache.has(key)) return namedCache.get(key);
  const doc = describeType(kind, type);
  const known = COMPONENT_SHAPES[kind][type];
  const shape = known ?? (doc ? any : undefined);
  const result = shape && doc ? { ...shape, doc } : shape;
  if (known || doc) namedCache.set(key, result);
  return result;
}

/** A section of components: each shipped type is a field (completion, hover); `type/name` IDs take their type's shape. */
const componentSection = (kind: ComponentKind): Field =>
  f(
    {
      type: 'map',
      fields: Object.fromEntries(shippedTypes(kind).map((type) => [type, f(COMPONENT_SHAPES[kind][type] ?? any, describeType(kind, type))])),
      valuesOf: (id) => named(kind, typeOf(id)),
      values: any,
    },
    {
      en: `The ${kind} defined, by ID \`type[/name]\`; ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${singular(kind)} runs only when service names it.`,
      ja: `定義する${kindJa(singular(kind))}（ID \`type[/name]\` ごと）。service で指定したものだけが動きます。`,
    },
  );

/** The IDs a collector text defines in some sections, for completion of what a pipeline names (parsed as it is, half-written). */
function definedIds(kinds: readonly ComponentKind[]): (text: string) => string[] {
  return (text) => {
    const contents = parseYaml(text).documents[0]?.contents;
    if (!isMap(contents)) return [];
    return kinds.flatMap((kind) => {
      const section = contents.get(kind, true);
      return isMap(section) ? section.items.flatMap((pair) => (isScalar(pair.key) && typeof pair.key.value === 'string' ? [pair.key.value] : [])) : [];
    });
  };
}

const refs = (kinds: readonly ComponentKind[]): Shape => ({ type: 'list', items: { type: 'string', suggest: definedIds(kinds) } });

const pipeline = map({
  // Required, but said by otelcol/pipeline ("has no receivers"), which also sees an empty list.
  receivers: f(refs(['receivers', 'connectors']), 'Receivers (or connectors) that feed the pipeline; at least one.'),
  processors: f(refs(['processors']), 'Processors, in the order data passes them.'),
  exporters: f(refs(['exporters', 'connectors']), 'Exporters (or connectors) the data goes to; at least one.'),
});

const service = map({
  extensions: f(refs(['extensions']), 'Extensions to start.'),
  pipelines: f({ type: 'map', fields: {}, values: pipeline, doc: 'Pipelines by ID `signal[/name]`: traces, metrics or logs.' }, 'Pipelines by ID `signal[/name]`.', true),
  telemetry: f(any, "The collector's own logs, metrics and traces."),
});

export const COLLECTOR_SHAPE: MapShape = {
  type: 'map',
  fields: {
    ...Object.fromEntries(COMPONENT_KINDS.map((kind) => [kind, componentSection(kind)])),
    service: f(service, 'What runs: pipelines and extensions.', true),
  },
};
