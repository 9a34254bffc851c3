/**
 * The OpenTelemetry SDK specification's environment variables
 * (specification/configuration/sdk-environment-variables.md and the OTLP
 * exporter's specification/protocol/exporter.md), as data: name, what it
 * does, what kind of value it takes. Validated with zod when loaded, so a
 * wrong row fails the tests, not a user.
 */
import { z } from 'zod';

const valueKind = z.enum(['string', 'bool', 'int', 'number', 'url', 'enum', 'list', 'pairs', 'ratio']);
export type OtelValueKind = z.infer<typeof valueKind>;

const row = z
  .object({
    name: z.string().regex(/^OTEL_[A-Z0-9_]+$/),
    doc: z.string().min(1),
    kind: valueKind,
    /** The values allowed (`enum`), or the items allowed (`list`). */
    values: z.array(z.string()).optional(),
    /** The SDK's default, as the specification gives it. */
    default: z.string().optional(),
  })
  .refine((r) => (r.kind === 'enum' || r.kind === 'list') === (r.values !== undefined), { message: 'enum and list rows name their values; others do not' });

export type OtelVariable = z.infer<typeof row>;

export const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
  'parentbased_jaeger_remote',
  'jaeger_remote',
  'xray',
] as const;
/** Samplers whose OTEL_TRACES_SAMPLER_ARG is a ratio in [0, 1]. */
export const RATIO_SAMPLERS: readonly string[] = ['traceidratio', 'parentbased_traceidratio'];
export const OTLP_PROTOCOLS = ['grpc', 'http/protobuf', 'http/json'] as const;
export const SIGNALS = ['TRACES', 'METRICS', 'LOGS'] as const;

const otlp = (signal: string): OtelVariable[] => {
  const prefix = `OTEL_EXPORTER_OTLP_${signal ? `${signal}_` : ''}`;
  const which = signal ? `${signal.toLowerCase()} ` : '';
  const path = signal ? ` Used as is: with http/protobuf and http/json it must end with /v1/${signal.toLowerCase()}.` : ' The SDK adds /v1/traces, /v1/metrics, /v1/logs with HTTP.';
  return [
    {
      name: `${prefix}ENDPOINT`,
      kind: 'url',
      doc: `The OTLP ${which}exporter's endpoint, a URL with a scheme (http://jaeger:4317).${path}`,
      default: 'http://localhost:4317 (grpc), http://localhost:4318 (http)',
    },
    { name: `${prefix}PROTOCOL`, kind: 'enum', values: [...OTLP_PROTOCOLS], doc: `The OTLP ${which}transport: grpc (port 4317) or http/protobuf, http/json (port 4318).`, default: 'http/protobuf' },
    { name: `${prefix}HEADERS`, kind: 'pairs', doc: `Headers of every OTLP ${which}request, key=value pairs separated by commas.` },
    { name: `${prefix}TIMEOUT`, kind: 'int', doc: `How long the OTLP ${which}exporter waits for each batch, in milliseconds.`, default: '10000' },
    { name: `${prefix}COMPRESSION`, kind: 'enum', values: ['gzip', 'none'], doc: `Compression of OTLP ${which}requests.` },
    { name: `${prefix}INSECURE`, kind: 'bool', doc: `gRPC without TLS when the endpoint has no scheme (OTLP ${which}exporter).`, default: 'false' },
    { name: `${prefix}CERTIFICATE`, kind: 'string', doc: `The trusted certificate file (PEM) of the OTLP ${which}exporter.` },
    { name: `${prefix}CLIENT_KEY`, kind: 'string', doc: `The client's private key file (PEM) for mTLS (OTLP ${which}exporter).` },
    { name: `${prefix}CLIENT_CERTIFICATE`, kind: 'string', doc: `The client's certificate file (PEM) for mTLS (OTLP ${which}exporter).` },
  ];
};

const batch = (prefix: string, what: string): OtelVariable[] => [
  { name: `${prefix}_SCHEDULE_DELAY`, kind: 'int', doc: `Delay between two exports of the batch ${what} processor, in milliseconds.`, default: prefix === 'OTEL_BSP' ? '5000' : '1000' },
  { name: `${prefix}_EXPORT_TIMEOUT`, kind: 'int', doc: `How long an export of the batch ${what} processor may take, in milliseconds.`, default: '30000' },
  { name: `${prefix}_MAX_QUEUE_SIZE`, kind: 'int', doc: `The batch ${what} processor's queue size.`, default: '2048' },
  { name: `${prefix}_MAX_EXPORT_BATCH_SIZE`, kind: 'int', doc: `The most ${what}s of one export (at most the queue size).`, default: '512' },
];

const limit = (name: string, doc: string): OtelVariable => ({ name, kind: 'int', doc });

const ROWS: OtelVariable[] = [
  { name: 'OTEL_SDK_DISABLED', kind: 'bool', doc: 'Disables the SDK: every signal becomes a no-op.', default: 'false' },
  { name: 'OTEL_SERVICE_NAME', kind: 'string', doc: "The service.name resource attribute (k1s0: config.yaml's `app.name`). Wins over service.name in OTEL_RESOURCE_ATTRIBUTES." },
  {
    name: 'OTEL_RESOURCE_ATTRIBUTES',
    kind: 'pairs',
    doc: 'Resource attributes, key=value pairs separated by commas (values percent-encoded). One malformed pair and the SDK drops the whole variable.',
  },
  { name: 'OTEL_LOG_LEVEL', kind: 'enum', values: ['debug', 'info', 'warn', 'error', 'none', 'verbose', 'all'], doc: "The SDK's own log level.", default: 'info' },
  {
    name: 'OTEL_PROPAGATORS',
    kind: 'list',
    values: ['tracecontext', 'baggage', 'b3', 'b3multi', 'jaeger', 'xray', 'ottrace', 'none'],
    doc: 'Propagators, separated by commas.',
    default: 'tracecontext,baggage',
  },
  {
    name: 'OTEL_TRACES_SAMPLER',
    kind: 'enum',
    values: [...SAMPLERS],
    doc: "The sampler (k1s0: config.yaml's `trace.sample_rate` wins while config.yaml is readable).",
    default: 'parentbased_always_on',
  },
  { name: 'OTEL_TRACES_SAMPLER_ARG', kind: 'ratio', doc: "The sampler's argument: a ratio in [0, 1] for traceidratio and parentbased_traceidratio." },
  ...batch('OTEL_BSP', 'span'),
  ...batch('OTEL_BLRP', 'log record'),
  limit('OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT', 'The longest attribute value kept.'),
  limit('OTEL_ATTRIBUTE_COUNT_LIMIT', 'The most attributes kept.'),
  limit('OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT', 'The longest span attribute value kept.'),
  limit('OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT', 'The most attributes of a span.'),
  limit('OTEL_SPAN_EVENT_COUNT_LIMIT', 'The most events of a span.'),
  limit('OTEL_SPAN_LINK_COUNT_LIMIT', 'The most links of a span.'),
  limit('OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT', 'The most attributes of a span event.'),
  limit('OTEL_LINK_ATTRIBUTE_COUNT_LIMIT', 'The most attributes of a span link.'),
  limit('OTEL_LOGRECORD_ATTRIBUTE_VALUE_LENGTH_LIMIT', 'The longest log record attribute value kept.'),
  limit('OTEL_LOGRECORD_ATTRIBUTE_COUNT_LIMIT', 'The most attributes of a log record.'),
  { name: 'OTEL_TRACES_EXPORTER', kind: 'list', values: ['otlp', 'zipkin', 'console', 'logging', 'jaeger', 'none'], doc: 'Trace exporters, separated by commas.', default: 'otlp' },
  { name: 'OTEL_METRICS_EXPORTER', kind: 'list', values: ['otlp', 'prometheus', 'console', 'logging', 'none'], doc: 'Metric exporters, separated by commas.', default: 'otlp' },
  { name: 'OTEL_LOGS_EXPORTER', kind: 'list', values: ['otlp', 'console', 'logging', 'none'], doc: 'Log exporters, separated by commas.', default: 'otlp' },
  { name: 'OTEL_METRIC_EXPORT_INTERVAL', kind: 'int', doc: 'Time between two metric exports, in milliseconds.', default: '60000' },
  { name: 'OTEL_METRIC_EXPORT_TIMEOUT', kind: 'int', doc: 'How long a metric export may take, in milliseconds.', default: '30000' },
  { name: 'OTEL_METRICS_EXEMPLAR_FILTER', kind: 'enum', values: ['trace_based', 'always_on', 'always_off'], doc: 'Which measurements may become exemplars.', default: 'trace_based' },
  ...otlp(''),
  ...SIGNALS.flatMap((signal) => otlp(signal)),
  { name: 'OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE', kind: 'enum', values: ['cumulative', 'delta', 'lowmemory'], doc: 'Aggregation temporality of exported metrics.', default: 'cumulative' },
  {
    name: 'OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION',
    kind: 'enum',
    values: ['explicit_bucket_histogram', 'base2_exponential_bucket_histogram'],
    doc: 'The default aggregation of histogram instruments.',
    default: 'explicit_bucket_histogram',
  },
  { name: 'OTEL_EXPORTER_ZIPKIN_ENDPOINT', kind: 'url', doc: "The Zipkin exporter's endpoint.", default: 'http://localhost:9411/api/v2/spans' },
  { name: 'OTEL_EXPORTER_ZIPKIN_TIMEOUT', kind: 'int', doc: 'How long the Zipkin exporter waits, in milliseconds.', default: '10000' },
  { name: 'OTEL_EXPORTER_PROMETHEUS_HOST', kind: 'string', doc: 'The host the Prometheus exporter listens on.', default: 'localhost' },
  { name: 'OTEL_EXPORTER_PROMETHEUS_PORT', kind: 'int', doc: 'The port the Prometheus exporter listens on.', default: '9464' },
  { name: 'OTEL_CONFIG_FILE', kind: 'string', doc: 'A declarative configuration file: when set, the SDK ignores every other OTEL_* variable.' },
];

export const OTEL_VARIABLES: ReadonlyMap<string, OtelVariable> = new Map(
  z
    .array(row)
    .parse(ROWS)
    .map((r) => [r.name, r]),
);

/**
 * Prefixes of variables that are not the SDK specification's but a language's
 * or an instrumentation's own (OTEL_NODE_RESOURCE_DETECTORS, OTEL_PYTHON_…,
 * OTEL_INSTRUMENTATION_…): never called unknown.
 */
export const FOREIGN_PREFIXES =
  /^OTEL_(?:NODE|PYTHON|JAVA|JAVAAGENT|DOTNET|GO|RUBY|PHP|RUST|ERLANG|INSTRUMENTATION|SEMCONV|EXPERIMENTAL|DOTNET_AUTO|RESOURCE_PROVIDERS|RESOURCE_DISABLED_KEYS|EXPORTER_JAEGER|ENTITIES)_/;
