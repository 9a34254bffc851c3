import { test } from 'node:test';
import assert from 'node:assert/strict';
import rawCatalog from './k1s0-catalog.json';
import { BUILTIN_CATALOG, Catalog, formatSeconds, parseSeconds } from './catalog';
import { builtinCatalogSchema } from './schema';

test("the built-in catalog holds the design's metrics, with histogram series and buckets", () => {
  const catalog = new Catalog(BUILTIN_CATALOG);
  assert.deepEqual(
    BUILTIN_CATALOG.metrics.map((m) => `${m.name}:${m.type}`),
    [
      'http_requests_total:counter',
      'http_request_duration_seconds:histogram',
      'grpc_server_handled_total:counter',
      'grpc_server_handling_seconds:histogram',
      'db_query_duration_seconds:histogram',
      'kafka_messages_produced_total:counter',
      'kafka_messages_consumed_total:counter',
      'cache_hits_total:counter',
      'cache_misses_total:counter',
    ],
  );
  assert.deepEqual(BUILTIN_CATALOG.histogramBuckets, [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);
  const bucket = catalog.metric('db_query_duration_seconds_bucket');
  assert.equal(bucket?.sampleKind, 'counter');
  assert.deepEqual(catalog.labelNames(bucket)?.sort(), ['container', 'endpoint', 'instance', 'job', 'lang', 'le', 'namespace', 'node', 'pod', 'query_name', 'service', 'table', 'tier']);
  assert.equal(catalog.metric('db_query_duration_seconds')?.sampleKind, 'histogram-base');
  assert.equal(catalog.metric('up')?.sampleKind, 'gauge');
  assert.equal(catalog.metric('container_cpu_usage_seconds_total')?.sampleKind, 'counter');
  assert.equal(catalog.exporterFamily('kube_namespace_labels'), 'kube-state-metrics');
  assert.equal(catalog.exporterFamily('http_requests_totals'), undefined);
  assert.deepEqual(catalog.knownValues('tier')?.values, ['system', 'business', 'service']);
  assert.equal(catalog.knownValues('job'), undefined);
  assert.deepEqual(BUILTIN_CATALOG.policy.slo.targets, { system: 0.9995, business: 0.999, service: 0.999 });
  assert.deepEqual(
    BUILTIN_CATALOG.policy.alerts.map((a) => `${a.name} ${a.threshold ?? a.burnRate} ${a.for} ${a.severity}`),
    [
      'SystemServiceErrorRateWarning 0.001 5m warning',
      'SystemServiceHighErrorRate 0.01 5m critical',
      'SystemServiceHighLatency 0.5 5m warning',
      'ServiceErrorRateWarning 0.002 5m warning',
      'ServiceHighErrorRate 0.05 5m critical',
      'ServiceHighLatency 1 5m warning',
      'ServiceDown 0 1m warning',
      'HighErrorRate 0.05 2m warning',
      'HighLatency 1 2m warning',
      'SLOBurnRateCritical 14.4 2m critical',
      'SLOBurnRateWarning 6 5m warning',
    ],
  );
});

test('a bad edit of the catalog data fails at load, naming the entry', () => {
  const broken = structuredClone(rawCatalog) as { metrics: { type: string }[] };
  broken.metrics[0]!.type = 'countr';
  const result = builtinCatalogSchema.safeParse(broken);
  assert.equal(result.success, false);
  assert.deepEqual(
    result.error?.issues.map((i) => i.path.join('.')),
    ['metrics.0.type'],
  );
});

test('durations', () => {
  assert.equal(parseSeconds('1m30s'), 90);
  assert.equal(parseSeconds('5 minutes'), undefined);
  assert.equal(formatSeconds(60), '1m');
  assert.equal(formatSeconds(90), '1m30s');
  assert.equal(formatSeconds(20), '20s');
});
