/**
 * The collector's component types as data: what kind each is, the signals it
 * handles and the distributions that ship it (the `Distributions` and
 * `Stability` lines of each component's README in opentelemetry-collector and
 * opentelemetry-collector-contrib, and the manifests of
 * opentelemetry-collector-releases). Removed types say what replaces them.
 * A type not in this table is not known to be in any distribution: a custom
 * build may still have it, so it is a warning, not an error.
 */

export const COMPONENT_KINDS = ['receivers', 'processors', 'exporters', 'connectors', 'extensions'] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

export const SIGNALS = ['traces', 'metrics', 'logs'] as const;
export type Signal = (typeof SIGNALS)[number];

export type Distribution = 'core' | 'contrib' | 'k8s';

export interface ComponentType {
  type: string;
  kind: ComponentKind;
  /** Receivers, processors, exporters: the signals it handles. */
  signals: readonly Signal[];
  /** Connectors: the pairs (exporter side → receiver side) it joins. */
  connects?: readonly (readonly [Signal, Signal])[];
  distributions: readonly Distribution[];
  /** No longer in any distribution: what to use instead. */
  removed?: { version: string; instead: { en: string; ja: string } };
}

const ALL: readonly Signal[] = SIGNALS;
const T: readonly Signal[] = ['traces'];
const M: readonly Signal[] = ['metrics'];
const L: readonly Signal[] = ['logs'];
const TL: readonly Signal[] = ['traces', 'logs'];
const ML: readonly Signal[] = ['metrics', 'logs'];
const TM: readonly Signal[] = ['traces', 'metrics'];

const EVERY: readonly Distribution[] = ['core', 'contrib', 'k8s'];
const CORE: readonly Distribution[] = ['core', 'contrib'];
const K8S: readonly Distribution[] = ['contrib', 'k8s'];
const CONTRIB: readonly Distribution[] = ['contrib'];

type Row = [type: string, signals: readonly Signal[], distributions: readonly Distribution[]];

const rows = (kind: ComponentKind, list: readonly Row[]): ComponentType[] => list.map(([type, signals, distributions]) => ({ type, kind, signals, distributions }));

const same = (signals: readonly Signal[]): [Signal, Signal][] => signals.map((s) => [s, s]);
const into = (from: readonly Signal[], to: readonly Signal[]): [Signal, Signal][] => from.flatMap((a) => to.map((b): [Signal, Signal] => [a, b]));

export const COMPONENTS: readonly ComponentType[] = [
  ...rows('receivers', [
    ['otlp', ALL, EVERY],
    ['jaeger', T, EVERY],
    ['zipkin', T, EVERY],
    ['prometheus', M, EVERY],
    ['hostmetrics', M, EVERY],
    ['kafka', ALL, CORE],
    ['nop', ALL, CORE],
    ['filelog', L, K8S],
    ['fluentforward', L, K8S],
    ['journald', L, K8S],
    ['k8s_cluster', ML, K8S],
    ['k8s_events', L, K8S],
    ['k8sobjects', L, K8S],
    ['kubeletstats', M, K8S],
    ['httpcheck', M, K8S],
    ['receiver_creator', ALL, K8S],
    ['opencensus', TM, CONTRIB],
    ['syslog', L, CONTRIB],
    ['tcplog', L, CONTRIB],
    ['udplog', L, CONTRIB],
    ['statsd', M, CONTRIB],
    ['carbon', M, CONTRIB],
    ['influxdb', M, CONTRIB],
    ['jmx', M, CONTRIB],
    ['redis', M, CONTRIB],
    ['postgresql', M, CONTRIB],
    ['mysql', M, CONTRIB],
    ['mongodb', M, CONTRIB],
    ['elasticsearch', M, CONTRIB],
    ['kafkametrics', M, CONTRIB],
    ['rabbitmq', M, CONTRIB],
    ['nginx', M, CONTRIB],
    ['apache', M, CONTRIB],
    ['memcached', M, CONTRIB],
    ['zookeeper', M, CONTRIB],
    ['docker_stats', M, CONTRIB],
    ['podman_stats', M, CONTRIB],
    ['snmp', M, CONTRIB],
    ['sqlquery', ML, CONTRIB],
    ['awsxray', T, CONTRIB],
    ['awscloudwatch', L, CONTRIB],
    ['datadog', ALL, CONTRIB],
    ['skywalking', TM, CONTRIB],
    ['loki', L, CONTRIB],
    ['splunk_hec', ML, CONTRIB],
    ['windowseventlog', L, CONTRIB],
    ['windowsperfcounters', M, CONTRIB],
    ['otlpjsonfile', ALL, CONTRIB],
    ['prometheusremotewrite', M, CONTRIB],
    ['pulsar', ALL, CONTRIB],
    ['googlecloudpubsub', ALL, CONTRIB],
    ['azureeventhub', ML, CONTRIB],
    ['webhookevent', L, CONTRIB],
    ['github', TM, CONTRIB],
    ['k8s_leader_elector', ALL, CONTRIB],
  ]),
  ...rows('processors', [
    ['batch', ALL, EVERY],
    ['memory_limiter', ALL, EVERY],
    ['attributes', ALL, EVERY],
    ['resource', ALL, EVERY],
    ['filter', ALL, EVERY],
    ['probabilistic_sampler', TL, EVERY],
    ['span', T, CORE],
    ['tail_sampling', T, K8S],
    ['k8sattributes', ALL, K8S],
    ['transform', ALL, K8S],
    ['resourcedetection', ALL, K8S],
    ['groupbyattrs', ALL, K8S],
    ['groupbytrace', T, K8S],
    ['cumulativetodelta', M, K8S],
    ['deltatorate', M, K8S],
    ['metricstransform', M, K8S],
    ['redaction', ALL, K8S],
    ['remotetap', ALL, K8S],
    ['deltatocumulative', M, CONTRIB],
    ['interval', M, CONTRIB],
    ['metricsgeneration', M, CONTRIB],
    ['logdedup', L, CONTRIB],
    ['geoip', ALL, CONTRIB],
    ['schema', ALL, CONTRIB],
    ['sumologic', ALL, CONTRIB],
  ]),
  ...rows('exporters', [
    ['debug', ALL, EVERY],
    ['otlp', ALL, EVERY],
    ['otlphttp', ALL, EVERY],
    ['nop', ALL, CORE],
    ['file', ALL, CORE],
    ['kafka', ALL, CORE],
    ['prometheus', M, CORE],
    ['prometheusremotewrite', M, CORE],
    ['zipkin', T, CORE],
    ['loadbalancing', ALL, K8S],
    ['elasticsearch', ALL, CONTRIB],
    ['opensearch', TL, CONTRIB],
    ['clickhouse', ALL, CONTRIB],
    ['awsxray', T, CONTRIB],
    ['awsemf', M, CONTRIB],
    ['awss3', ALL, CONTRIB],
    ['awscloudwatchlogs', L, CONTRIB],
    ['azuremonitor', ALL, CONTRIB],
    ['datadog', ALL, CONTRIB],
    ['googlecloud', ALL, CONTRIB],
    ['googlemanagedprometheus', M, CONTRIB],
    ['influxdb', ALL, CONTRIB],
    ['splunk_hec', ALL, CONTRIB],
    ['sumologic', ALL, CONTRIB],
    ['signalfx', ML, CONTRIB],
    ['coralogix', ALL, CONTRIB],
    ['pulsar', ALL, CONTRIB],
    ['syslog', L, CONTRIB],
    ['carbon', M, CONTRIB],
    ['otelarrow', ALL, CONTRIB],
    ['sentry', T, CONTRIB],
    ['rabbitmq', ALL, CONTRIB],
    ['googlecloudpubsub', ALL, CONTRIB],
  ]),
  ...rows('extensions', [
    ['zpages', [], EVERY],
    ['health_check', [], K8S],
    ['pprof', [], K8S],
    ['basicauth', [], K8S],
    ['bearertokenauth', [], K8S],
    ['headers_setter', [], K8S],
    ['oauth2client', [], K8S],
    ['oidc', [], K8S],
    ['file_storage', [], K8S],
    ['k8s_observer', [], K8S],
    ['host_observer', [], K8S],
    ['http_forwarder', [], K8S],
    ['docker_observer', [], CONTRIB],
    ['ecs_observer', [], CONTRIB],
    ['jaegerremotesampling', [], CONTRIB],
    ['sigv4auth', [], CONTRIB],
    ['db_storage', [], CONTRIB],
    ['healthcheckv2', [], CONTRIB],
    ['opamp', [], CONTRIB],
    ['googleclientauth', [], CONTRIB],
    ['k8s_leader_elector', [], CONTRIB],
  ]),
  connector('forward', same(ALL), EVERY),
  connector('spanmetrics', into(T, M), K8S),
  connector('servicegraph', into(T, M), K8S),
  connector('count', into(ALL, M), K8S),
  connector('routing', same(ALL), K8S),
  connector('failover', same(ALL), CONTRIB),
  connector('roundrobin', same(ALL), CONTRIB),
  connector('exceptions', into(T, ML), CONTRIB),
  connector('signaltometrics', into(ALL, M), CONTRIB),
  connector('sum', into(ALL, M), CONTRIB),
  connector('datadog', into(T, TM), CONTRIB),
  connector('otlpjson', into(L, ALL), CONTRIB),
  removed('exporters', 'jaeger', 'v0.85.0', {
    en: "send OTLP to Jaeger's OTLP port with the `otlp` exporter (`endpoint: jaeger-collector:4317`)",
    ja: '`otlp` エクスポーターで Jaeger の OTLP ポートに送ってください（`endpoint: jaeger-collector:4317`）',
  }),
  removed('exporters', 'jaeger_thrift', 'v0.85.0', {
    en: "send OTLP to Jaeger's OTLP port with the `otlp` exporter (`endpoint: jaeger-collector:4317`)",
    ja: '`otlp` エクスポーターで Jaeger の OTLP ポートに送ってください（`endpoint: jaeger-collector:4317`）',
  }),
  removed('exporters', 'logging', 'v0.111.0', { en: 'use the `debug` exporter', ja: '`debug` エクスポーターを使ってください' }),
  removed('exporters', 'loki', 'v0.116.0', { en: "send OTLP to Loki's `/otlp` endpoint with the `otlphttp` exporter", ja: '`otlphttp` エクスポーターで Loki の `/otlp` に OTLP を送ってください' }),
  removed('exporters', 'opencensus', 'v0.112.0', { en: 'use the `otlp` exporter', ja: '`otlp` エクスポーターを使ってください' }),
  removed('processors', 'routing', 'v0.116.0', { en: 'use the `routing` connector', ja: '`routing` コネクターを使ってください' }),
  removed('processors', 'spanmetrics', 'v0.91.0', { en: 'use the `spanmetrics` connector', ja: '`spanmetrics` コネクターを使ってください' }),
  removed('processors', 'servicegraph', 'v0.91.0', { en: 'use the `servicegraph` connector', ja: '`servicegraph` コネクターを使ってください' }),
];

function connector(type: string, connects: [Signal, Signal][], distributions: readonly Distribution[]): ComponentType {
  return { type, kind: 'connectors', signals: [...new Set(connects.flat())], connects, distributions };
}

function removed(kind: ComponentKind, type: string, version: string, instead: { en: string; ja: string }): ComponentType {
  return { type, kind, signals: ALL, distributions: [], removed: { version, instead } };
}

// Shared by every service: the shipped component table, built once at load and never changed.
const byKind = new Map<ComponentKind, Map<string, ComponentType>>(COMPONENT_KINDS.map((kind) => [kind, new Map()]));
for (const component of COMPONENTS) {
  const table = byKind.get(component.kind);
  if (table?.has(component.type)) throw new Error(`otelcol/components: ${component.kind} ${component.type} is listed twice`);
  table?.set(component.type, component);
}

export function componentType(kind: ComponentKind, type: string): ComponentType | undefined {
  return byKind.get(kind)?.get(type);
}

/** The types of a kind that are shipped (removed ones left out), for did-you-mean and completion. */
export function shippedTypes(kind: ComponentKind): string[] {
  return [...(byKind.get(kind)?.values() ?? [])].filter((c) => !c.removed).map((c) => c.type);
}

/** The singular a message uses for a kind (`receiver`). */
export function singular(kind: ComponentKind): string {
  return kind.slice(0, -1);
}
