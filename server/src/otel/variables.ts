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
    /** The same in Japanese (hover and completion under Japanese). */
    ja: z.string().min(1),
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
const SIGNAL_JA: Record<string, string> = { TRACES: 'トレース', METRICS: 'メトリクス', LOGS: 'ログ' };

const otlp = (signal: string): OtelVariable[] => {
  const prefix = `OTEL_EXPORTER_OTLP_${signal ? `${signal}_` : ''}`;
  const which = signal ? `${signal.toLowerCase()} ` : '';
  const path = signal ? ` Used as is: with http/protobuf and http/json it must end with /v1/${signal.toLowerCase()}.` : ' The SDK adds /v1/traces, /v1/metrics, /v1/logs with HTTP.';
  const x = signal ? `${SIGNAL_JA[signal] ?? signal}` : '';
  const pathJa = signal
    ? `そのまま使われます。http/protobuf と http/json では /v1/${signal.toLowerCase()} で終わる必要があります。`
    : 'HTTP では SDK が /v1/traces、/v1/metrics、/v1/logs を付け足します。';
  return [
    {
      name: `${prefix}ENDPOINT`,
      kind: 'url',
      doc: `The OTLP ${which}exporter's endpoint, a URL with a scheme (http://jaeger:4317).${path}`,
      ja: `OTLP ${x}エクスポーターのエンドポイント。スキーム付きの URL です（http://jaeger:4317）。${pathJa}`,
      default: 'http://localhost:4317 (grpc), http://localhost:4318 (http)',
    },
    {
      name: `${prefix}PROTOCOL`,
      kind: 'enum',
      values: [...OTLP_PROTOCOLS],
      doc: `The OTLP ${which}transport: grpc (port 4317) or http/protobuf, http/json (port 4318).`,
      ja: `OTLP ${x}のトランスポート。grpc（ポート 4317）、または http/protobuf、http/json（ポート 4318）。`,
      default: 'http/protobuf',
    },
    {
      name: `${prefix}HEADERS`,
      kind: 'pairs',
      doc: `Headers of every OTLP ${which}request, key=value pairs separated by commas.`,
      ja: `すべての OTLP ${x}リクエストに付けるヘッダー。カンマ区切りの key=value の組です。`,
    },
    {
      name: `${prefix}TIMEOUT`,
      kind: 'int',
      doc: `How long the OTLP ${which}exporter waits for each batch, in milliseconds.`,
      ja: `OTLP ${x}エクスポーターが各バッチを待つ時間（ミリ秒）。`,
      default: '10000',
    },
    { name: `${prefix}COMPRESSION`, kind: 'enum', values: ['gzip', 'none'], doc: `Compression of OTLP ${which}requests.`, ja: `OTLP ${x}リクエストの圧縮。` },
    {
      name: `${prefix}INSECURE`,
      kind: 'bool',
      doc: `gRPC without TLS when the endpoint has no scheme (OTLP ${which}exporter).`,
      ja: `エンドポイントにスキームがないとき、TLS なしの gRPC を使います（OTLP ${x}エクスポーター）。`,
      default: 'false',
    },
    { name: `${prefix}CERTIFICATE`, kind: 'string', doc: `The trusted certificate file (PEM) of the OTLP ${which}exporter.`, ja: `OTLP ${x}エクスポーターが信頼する証明書のファイル（PEM）。` },
    {
      name: `${prefix}CLIENT_KEY`,
      kind: 'string',
      doc: `The client's private key file (PEM) for mTLS (OTLP ${which}exporter).`,
      ja: `mTLS に使うクライアントの秘密鍵のファイル（PEM。OTLP ${x}エクスポーター）。`,
    },
    {
      name: `${prefix}CLIENT_CERTIFICATE`,
      kind: 'string',
      doc: `The client's certificate file (PEM) for mTLS (OTLP ${which}exporter).`,
      ja: `mTLS に使うクライアント証明書のファイル（PEM。OTLP ${x}エクスポーター）。`,
    },
  ];
};

const batch = (prefix: string, what: string, whatJa: string): OtelVariable[] => [
  {
    name: `${prefix}_SCHEDULE_DELAY`,
    kind: 'int',
    doc: `Delay between two exports of the batch ${what} processor, in milliseconds.`,
    ja: `バッチ${whatJa}プロセッサーのエクスポートの間隔（ミリ秒）。`,
    default: prefix === 'OTEL_BSP' ? '5000' : '1000',
  },
  {
    name: `${prefix}_EXPORT_TIMEOUT`,
    kind: 'int',
    doc: `How long an export of the batch ${what} processor may take, in milliseconds.`,
    ja: `バッチ${whatJa}プロセッサーの 1 回のエクスポートにかけられる時間（ミリ秒）。`,
    default: '30000',
  },
  { name: `${prefix}_MAX_QUEUE_SIZE`, kind: 'int', doc: `The batch ${what} processor's queue size.`, ja: `バッチ${whatJa}プロセッサーのキューの大きさ。`, default: '2048' },
  {
    name: `${prefix}_MAX_EXPORT_BATCH_SIZE`,
    kind: 'int',
    doc: `The most ${what}s of one export (at most the queue size).`,
    ja: `1 回のエクスポートの${whatJa}の最大数（キューの大きさ以下）。`,
    default: '512',
  },
];

const limit = (name: string, doc: string, ja: string): OtelVariable => ({ name, kind: 'int', doc, ja });

const ROWS: OtelVariable[] = [
  { name: 'OTEL_SDK_DISABLED', kind: 'bool', doc: 'Disables the SDK: every signal becomes a no-op.', ja: 'SDK を無効にします。すべてのシグナルが何もしなくなります。', default: 'false' },
  {
    name: 'OTEL_SERVICE_NAME',
    kind: 'string',
    doc: "The service.name resource attribute (k1s0: config.yaml's `app.name`). Wins over service.name in OTEL_RESOURCE_ATTRIBUTES.",
    ja: 'リソース属性 service.name（k1s0 では config.yaml の `app.name`）。OTEL_RESOURCE_ATTRIBUTES の service.name より優先されます。',
  },
  {
    name: 'OTEL_RESOURCE_ATTRIBUTES',
    kind: 'pairs',
    doc: 'Resource attributes, key=value pairs separated by commas (values percent-encoded). One malformed pair and the SDK drops the whole variable.',
    ja: 'リソース属性。カンマ区切りの key=value の組です（値はパーセントエンコード）。1 つでも不正な組があると、SDK は変数全体を捨てます。',
  },
  { name: 'OTEL_LOG_LEVEL', kind: 'enum', values: ['debug', 'info', 'warn', 'error', 'none', 'verbose', 'all'], doc: "The SDK's own log level.", ja: 'SDK 自身のログレベル。', default: 'info' },
  {
    name: 'OTEL_PROPAGATORS',
    kind: 'list',
    values: ['tracecontext', 'baggage', 'b3', 'b3multi', 'jaeger', 'xray', 'ottrace', 'none'],
    doc: 'Propagators, separated by commas.',
    ja: 'プロパゲーター（カンマ区切り）。',
    default: 'tracecontext,baggage',
  },
  {
    name: 'OTEL_TRACES_SAMPLER',
    kind: 'enum',
    values: [...SAMPLERS],
    doc: "The sampler (k1s0: config.yaml's `trace.sample_rate` wins while config.yaml is readable).",
    ja: 'サンプラー（k1s0 では、config.yaml が読める間は config.yaml の `trace.sample_rate` が優先されます）。',
    default: 'parentbased_always_on',
  },
  {
    name: 'OTEL_TRACES_SAMPLER_ARG',
    kind: 'ratio',
    doc: "The sampler's argument: a ratio in [0, 1] for traceidratio and parentbased_traceidratio.",
    ja: 'サンプラーの引数。traceidratio と parentbased_traceidratio では [0, 1] の比率です。',
  },
  ...batch('OTEL_BSP', 'span', 'スパン'),
  ...batch('OTEL_BLRP', 'log record', 'ログレコード'),
  limit('OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT', 'The longest attribute value kept.', '残す属性値の最大の長さ。'),
  limit('OTEL_ATTRIBUTE_COUNT_LIMIT', 'The most attributes kept.', '残す属性の最大数。'),
  limit('OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT', 'The longest span attribute value kept.', '残すスパン属性値の最大の長さ。'),
  limit('OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT', 'The most attributes of a span.', 'スパンの属性の最大数。'),
  limit('OTEL_SPAN_EVENT_COUNT_LIMIT', 'The most events of a span.', 'スパンのイベントの最大数。'),
  limit('OTEL_SPAN_LINK_COUNT_LIMIT', 'The most links of a span.', 'スパンのリンクの最大数。'),
  limit('OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT', 'The most attributes of a span event.', 'スパンイベントの属性の最大数。'),
  limit('OTEL_LINK_ATTRIBUTE_COUNT_LIMIT', 'The most attributes of a span link.', 'スパンリンクの属性の最大数。'),
  limit('OTEL_LOGRECORD_ATTRIBUTE_VALUE_LENGTH_LIMIT', 'The longest log record attribute value kept.', '残すログレコード属性値の最大の長さ。'),
  limit('OTEL_LOGRECORD_ATTRIBUTE_COUNT_LIMIT', 'The most attributes of a log record.', 'ログレコードの属性の最大数。'),
  {
    name: 'OTEL_TRACES_EXPORTER',
    kind: 'list',
    values: ['otlp', 'zipkin', 'console', 'logging', 'jaeger', 'none'],
    doc: 'Trace exporters, separated by commas.',
    ja: 'トレースのエクスポーター（カンマ区切り）。',
    default: 'otlp',
  },
  {
    name: 'OTEL_METRICS_EXPORTER',
    kind: 'list',
    values: ['otlp', 'prometheus', 'console', 'logging', 'none'],
    doc: 'Metric exporters, separated by commas.',
    ja: 'メトリクスのエクスポーター（カンマ区切り）。',
    default: 'otlp',
  },
  {
    name: 'OTEL_LOGS_EXPORTER',
    kind: 'list',
    values: ['otlp', 'console', 'logging', 'none'],
    doc: 'Log exporters, separated by commas.',
    ja: 'ログのエクスポーター（カンマ区切り）。',
    default: 'otlp',
  },
  { name: 'OTEL_METRIC_EXPORT_INTERVAL', kind: 'int', doc: 'Time between two metric exports, in milliseconds.', ja: 'メトリクスのエクスポートの間隔（ミリ秒）。', default: '60000' },
  { name: 'OTEL_METRIC_EXPORT_TIMEOUT', kind: 'int', doc: 'How long a metric export may take, in milliseconds.', ja: 'メトリクスの 1 回のエクスポートにかけられる時間（ミリ秒）。', default: '30000' },
  {
    name: 'OTEL_METRICS_EXEMPLAR_FILTER',
    kind: 'enum',
    values: ['trace_based', 'always_on', 'always_off'],
    doc: 'Which measurements may become exemplars.',
    ja: 'どの測定値をエグザンプラーにできるか。',
    default: 'trace_based',
  },
  ...otlp(''),
  ...SIGNALS.flatMap((signal) => otlp(signal)),
  {
    name: 'OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE',
    kind: 'enum',
    values: ['cumulative', 'delta', 'lowmemory'],
    doc: 'Aggregation temporality of exported metrics.',
    ja: 'エクスポートするメトリクスの集計の時間性（temporality）。',
    default: 'cumulative',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION',
    kind: 'enum',
    values: ['explicit_bucket_histogram', 'base2_exponential_bucket_histogram'],
    doc: 'The default aggregation of histogram instruments.',
    ja: 'ヒストグラム計器のデフォルトの集計方法。',
    default: 'explicit_bucket_histogram',
  },
  { name: 'OTEL_EXPORTER_ZIPKIN_ENDPOINT', kind: 'url', doc: "The Zipkin exporter's endpoint.", ja: 'Zipkin エクスポーターのエンドポイント。', default: 'http://localhost:9411/api/v2/spans' },
  { name: 'OTEL_EXPORTER_ZIPKIN_TIMEOUT', kind: 'int', doc: 'How long the Zipkin exporter waits, in milliseconds.', ja: 'Zipkin エクスポーターの待ち時間（ミリ秒）。', default: '10000' },
  { name: 'OTEL_EXPORTER_PROMETHEUS_HOST', kind: 'string', doc: 'The host the Prometheus exporter listens on.', ja: 'Prometheus エクスポーターが待ち受けるホスト。', default: 'localhost' },
  { name: 'OTEL_EXPORTER_PROMETHEUS_PORT', kind: 'int', doc: 'The port the Prometheus exporter listens on.', ja: 'Prometheus エクスポーターが待ち受けるポート。', default: '9464' },
  {
    name: 'OTEL_CONFIG_FILE',
    kind: 'string',
    doc: 'A declarative configuration file: when set, the SDK ignores every other OTEL_* variable.',
    ja: '宣言的な設定ファイル。設定すると、SDK は他のすべての OTEL_* 変数を無視します。',
  },
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
