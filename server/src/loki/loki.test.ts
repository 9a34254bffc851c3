import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../base/settings';
import { diagnose, render } from '../catalog/testSupport';
import { completeShape, hoverShape } from '../features/shapeAssist';
import { LanguageService } from '../service/languageService';
import { handlerOf } from '../service/fileKinds';
import { infraEnvironmentOf } from './environment';
import { LOKI_SHAPE } from './shape';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const EXAMPLES = join(__dirname, '../../../examples');
const DESIGN = readFileSync(join(EXAMPLES, 'infra/docker/loki/loki-config.yaml'), 'utf8');
const DATASOURCES = readFileSync(join(EXAMPLES, 'infra/docker/grafana/provisioning/datasources/datasources.yaml'), 'utf8');
const LOCAL = 'infra/docker/loki/loki-config.yaml';
const COMPOSE = 'services:\n  loki:\n    image: grafana/loki:3.4.2\n    ports:\n      - "3100:3100"\n';
/** Rendered diagnostics of the Loki codes, without the "Disable … for this line" fixes every diagnostic carries. */
const loki = (target: string, files: Record<string, string | undefined>, settings?: Settings) =>
  render(diagnose(target, files, settings), ['loki/config', 'loki/policy', 'yaml/syntax']).filter((line) => !line.includes('fix Disable '));

const GAP =
  '29:20-29:24 warning loki/config limits_config.retention_period is 168h, but nothing applies it: there is no compactor block (compactor.retention_enabled: true and compactor.delete_request_store are needed). Without them Loki deletes nothing and keeps every log forever.';

test("the design's loki-config.yaml: silent but for its real gap, a retention no compactor applies (the fix adds one)", () => {
  const lines = DESIGN.split('\n').length - 1;
  assert.deepEqual(loki(LOCAL, { [LOCAL]: DESIGN, 'docker-compose.yaml': COMPOSE, 'infra/docker/grafana/provisioning/datasources/datasources.yaml': DATASOURCES }), [
    GAP,
    `  fix Add a compactor that applies retention: ${lines}:0-${lines}:0 "\\ncompactor:\\n  retention_enabled: true\\n  delete_request_store: filesystem\\n"`,
  ]);
  // With the fix applied, the file is silent.
  const fixed = `${DESIGN}\ncompactor:\n  retention_enabled: true\n  delete_request_store: filesystem\n`;
  assert.deepEqual(loki(LOCAL, { [LOCAL]: fixed }), []);
});

test('a compactor that does not apply retention: retention_enabled off, or a per-stream retention alone', () => {
  const off = `${DESIGN}compactor:\n  retention_enabled: false\n`;
  assert.deepEqual(loki(LOCAL, { [LOCAL]: off }), [
    '29:20-29:24 warning loki/config limits_config.retention_period is 168h, but nothing applies it: compactor.retention_enabled is not true. Without them Loki deletes nothing and keeps every log forever.',
  ]);
  const streams =
    'schema_config:\n  configs:\n    - {from: 2024-01-01, store: tsdb, object_store: s3, schema: v13, index: {period: 24h}}\nlimits_config:\n  retention_stream:\n    - selector: \'{service="auth-server"}\'\n      period: 24h\n';
  assert.deepEqual(loki('loki.yaml', { 'loki.yaml': streams }), [
    '4:2-4:18 warning loki/config limits_config.retention_stream sets retention per stream, but nothing applies it: there is no compactor block (compactor.retention_enabled: true and compactor.delete_request_store are needed). Without them Loki deletes nothing and keeps every log forever.',
    '  fix Add a compactor that applies retention: 7:0-7:0 "\\ncompactor:\\n  working_directory: /loki/compactor\\n  retention_enabled: true\\n  delete_request_store: s3\\n"',
  ]);
});

test('every structural mistake and start rule at once, each at its node', () => {
  assert.deepEqual(loki('loki.yaml', { 'loki.yaml': fixture('broken-loki.yaml') }), [
    '0:14-0:19 error loki/config auth_enabled must be a boolean (true or false); got string "flase".',
    '3:13-3:20 error loki/config server.log_level must be one of debug, info, warn, error; got "verbose".',
    `13:12-13:22 error loki/config schema_config periods must be in ascending order of "from": 2023-06-01 is not after the previous period's 2024-01-01.`,
    '14:13-14:17 error loki/config schema_config.configs[1].store must be one of tsdb, boltdb-shipper, boltdb, aws, aws-dynamo, gcp, gcp-columnkey, bigtable, bigtable-hashed, cassandra, grpc-store, inmemory; got "tsbd". Did you mean "tsdb"?',
    '  fix Change to "tsdb": 14:13-14:17 "tsdb"',
    '17:12-17:22 error loki/config schema_config period "from" must be a date as YYYY-MM-DD; got "2024/07/01".',
    '20:14-20:17 error loki/config Structured metadata (accepted by default since Loki 3) needs schema v13 in the newest period; got v12. Loki 3 refuses to start: add a v13 period from a future date, or set limits_config.allow_structured_metadata: false.',
    '22:16-22:18 error loki/config The boltdb-shipper index needs index.period: 24h; got 7d. Loki refuses to start.',
    '25:2-25:14 error loki/config "shared_store" in compactor is no longer read: removed in Loki 3; set delete_request_store to the object store that keeps delete requests.',
    '26:2-26:19 error loki/config compactor.retention_enabled is true but compactor.delete_request_store is not set: Loki 3 refuses to start. Set it to the object store of the schema period (e.g. filesystem).',
    '28:2-28:17 error loki/config Unknown key "retention_perod" in limits_config. Did you mean "retention_period"?',
    '  fix Rename to "retention_period": 28:2-28:17 "retention_period"',
    '29:17-29:21 error loki/config limits_config.max_line_size: "lots" is not a size (a number and an optional unit, e.g. 512MiB, 1GB or 1048576).',
    '31:21-31:23 error loki/config ingester.chunk_idle_period: "1d" is not a duration (a number and a unit, ns us ms s m h, e.g. 5s, 1.5h or 300ms).',
  ]);
});

test('a misspelt block is named; keys Loki reads that the table does not list stay silent', () => {
  const text =
    'auth_enabled: false\nlimit_config:\n  retention_period: 24h\nschema_config:\n  configs:\n    - from: 2024-01-01\n      store: tsdb\n      object_store: s3\n      schema: v13\n      index: {prefix: index_, period: 24h}\nquery_scheduler:\n  max_outstanding_requests_per_tenant: 32768\nquerier:\n  max_concurrent: 8\n  some_setting_of_a_newer_loki: 3\n';
  assert.deepEqual(loki('loki.yaml', { 'loki.yaml': text }), [
    '1:0-1:12 error loki/config Unknown key "limit_config" in (top level). Did you mean "limits_config"?',
    '  fix Rename to "limits_config": 1:0-1:12 "limits_config"',
  ]);
});

test("Loki's own local example configuration is silent", () => {
  const text = [
    'auth_enabled: false',
    'server:',
    '  http_listen_port: 3100',
    '  grpc_listen_port: 9096',
    '  log_level: debug',
    '  grpc_server_max_concurrent_streams: 1000',
    'common:',
    '  instance_addr: 127.0.0.1',
    '  path_prefix: /tmp/loki',
    '  storage:',
    '    filesystem:',
    '      chunks_directory: /tmp/loki/chunks',
    '      rules_directory: /tmp/loki/rules',
    '  replication_factor: 1',
    '  ring:',
    '    kvstore:',
    '      store: inmemory',
    'query_range:',
    '  results_cache:',
    '    cache:',
    '      embedded_cache:',
    '        enabled: true',
    '        max_size_mb: 100',
    'limits_config:',
    '  metric_aggregation_enabled: true',
    'schema_config:',
    '  configs:',
    '    - from: 2020-10-24',
    '      store: tsdb',
    '      object_store: filesystem',
    '      schema: v13',
    '      index:',
    '        prefix: index_',
    '        period: 24h',
    'pattern_ingester:',
    '  enabled: true',
    'ruler:',
    '  alertmanager_url: http://localhost:9093',
    'frontend:',
    '  encoding: protobuf',
    '',
  ].join('\n');
  assert.deepEqual(loki('ops/loki.yaml', { 'ops/loki.yaml': text }), []);
  // Named as the local one, it is dev's: the design's retention is asked for.
  assert.deepEqual(
    loki('loki-local-config.yaml', { 'loki-local-config.yaml': text }).map((line) => line.slice(0, 60)),
    ['23:0-23:13 warning loki/policy No limits_config.retention_pe'],
  );
});

test('values from the environment (-config.expand-env) are not judged', () => {
  const text = `${DESIGN.replace('retention_period: 168h', 'retention_period: ${RETENTION:-168h}').replace('http_listen_port: 3100', 'http_listen_port: ${PORT}')}compactor:\n  retention_enabled: true\n  delete_request_store: filesystem\n`;
  assert.deepEqual(loki('ops/loki.yaml', { 'ops/loki.yaml': text }), []);
});

test('the periods Loki needs: none, a tsdb period without its 24h index, the tsdb index for structured metadata', () => {
  assert.deepEqual(loki('loki.yaml', { 'loki.yaml': 'auth_enabled: false\nschema_config:\n  configs: []\n' }), [
    '2:2-2:9 error loki/config Loki needs at least one schema_config.configs period: it refuses to start without one (e.g. from: 2024-01-01, store: tsdb, object_store: filesystem, schema: v13, index: {prefix: index_, period: 24h}).',
  ]);
  assert.deepEqual(loki('loki.yaml', { 'loki.yaml': 'auth_enabled: false\nstorage_config:\n  filesystem:\n    directory: /loki\n' }), [
    '0:0-0:12 error loki/config Loki needs at least one schema_config.configs period: it refuses to start without one (e.g. from: 2024-01-01, store: tsdb, object_store: filesystem, schema: v13, index: {prefix: index_, period: 24h}).',
  ]);
  const period = 'schema_config:\n  configs:\n    - from: 2024-01-01\n      store: boltdb-shipper\n      object_store: filesystem\n      schema: v13\n';
  assert.deepEqual(loki('loki.yaml', { 'loki.yaml': period }), [
    '3:6-3:11 error loki/config The boltdb-shipper index needs index.period: 24h; this period sets none. Loki refuses to start.',
    '3:13-3:27 error loki/config Structured metadata (accepted by default since Loki 3) needs the tsdb index in the newest period; got boltdb-shipper. Loki 3 refuses to start: add a tsdb period, or set limits_config.allow_structured_metadata: false.',
  ]);
  // Structured metadata turned off: an older schema and index are Loki's to accept.
  const off = `${period.replace('v13', 'v12')}      index: {period: 24h}\nlimits_config:\n  allow_structured_metadata: false\n`;
  assert.deepEqual(loki('loki.yaml', { 'loki.yaml': off }), []);
});

test('the retention policy per environment: name, folder, setting, the local stack; no environment, no policy', () => {
  const staging = 'deploy/loki-config.staging.yaml';
  const withCompactor = `${DESIGN}compactor:\n  retention_enabled: true\n  delete_request_store: filesystem\n`;
  assert.deepEqual(loki(staging, { [staging]: withCompactor }), [
    '29:20-29:24 warning loki/policy limits_config.retention_period is 168h, but the design keeps staging logs 720h (30 days; ログ保持期間ポリシー: dev 168h, staging 720h, prod 2160h). Environment from file name loki-config.staging.',
    '  fix Change to 720h: 29:20-29:24 "720h"',
  ]);
  const prod = 'deploy/prod/loki.yaml';
  const noRetention = withCompactor.replace(/limits_config:\n.*\n.*\n/, '');
  assert.deepEqual(loki(prod, { [prod]: noRetention }), [
    '1:0-1:12 warning loki/policy No limits_config.retention_period: Loki keeps logs forever, but the design keeps prod logs 2160h (90 days; ログ保持期間ポリシー). Environment from folder prod/.',
  ]);
  assert.deepEqual(loki(prod, { [prod]: withCompactor.replace('168h', '90d') }), []);
  const settings: Settings = { ...DEFAULT_SETTINGS, config: { environments: { 'ops/**': 'staging' } } };
  assert.deepEqual(loki('ops/loki.yaml', { 'ops/loki.yaml': withCompactor.replace('168h', '30d') }, settings), []);
  assert.deepEqual(loki('ops/loki.yaml', { 'ops/loki.yaml': withCompactor.replace('168h', '1h') }), []);
  assert.deepEqual(infraEnvironmentOf('/ws/infra/docker/loki/loki-config.yaml', {}), { environment: 'dev', reason: 'infra/docker/ (the local stack)' });
  assert.deepEqual(infraEnvironmentOf('/ws/k8s/environments/staging/loki/config.yaml', {}), { environment: 'staging', reason: 'folder staging/' });
  assert.deepEqual(infraEnvironmentOf('ops/loki.yaml', { 'ops/**': 'prod' }), { environment: 'prod', reason: 'k1s0.config.environments "ops/**"' });
  assert.equal(infraEnvironmentOf('/ws/ops/loki.yaml', {}), undefined);
});

test('port 3100 as the design, the compose loki service and the Grafana Loki datasource have it', () => {
  const text = `${DESIGN.replace('http_listen_port: 3100', 'http_listen_port: 3101')}compactor:\n  retention_enabled: true\n  delete_request_store: filesystem\n`;
  const files = { [LOCAL]: text, 'docker-compose.yaml': COMPOSE, 'infra/docker/grafana/provisioning/datasources/datasources.yaml': DATASOURCES };
  assert.deepEqual(loki(LOCAL, files), [
    "4:20-4:24 warning loki/policy server.http_listen_port is 3101, but the design serves Loki on 3100 (コンポーネントとポート一覧; Grafana's Loki datasource is http://loki:3100).",
    '  fix Change to 3100: 4:20-4:24 "3100"',
    '4:20-4:24 warning loki/policy server.http_listen_port is 3101, but the compose service loki (docker-compose.yaml) exposes 3100: nothing reaches Loki.',
    `4:20-4:24 warning loki/policy server.http_listen_port is 3101, but Grafana's datasource "Loki" (datasources.yaml) reaches Loki at http://loki:3100: its queries fail.`,
  ]);
  // A staging file is not the local stack's: only the design's port.
  const staging = 'deploy/loki.staging.yaml';
  assert.deepEqual(
    loki(staging, { [staging]: text.replace('168h', '720h'), 'docker-compose.yaml': COMPOSE }).map((line) => line.slice(0, 40)),
    ['4:20-4:24 warning loki/policy server.htt', '  fix Change to 3100: 4:20-4:24 "3100"'],
  );
});

test('bad input gets one clear diagnostic, never a crash', () => {
  assert.deepEqual(loki('loki.yaml', { 'loki.yaml': 'schema_config: 5\n' }), ['0:15-0:16 error loki/config schema_config must be a mapping; got number 5.']);
  assert.deepEqual(
    loki('loki.yaml', { 'loki.yaml': 'schema_config:\n  configs: [\n' }).map((line) => line.split(' ').slice(0, 3).join(' ')),
    ['2:0-2:0 error yaml/syntax'],
  );
  assert.deepEqual(loki('loki.yaml', { 'loki.yaml': 'schema_config:\n  configs:\n    - 5\n    - from: 2024-01-01\n      store: tsdb\n      schema: v13\n      index: {period: 24h}\n' }), [
    '2:6-2:7 error loki/config schema_config.configs[0] must be a mapping; got number 5.',
  ]);
  for (const text of ['', '- a\n', '{}\n']) assert.deepEqual(loki('loki.yaml', { 'loki.yaml': text }), [], JSON.stringify(text));
  // A file named loki.yaml with Loki's keys but no schema is Loki's: Loki would not start.
  assert.deepEqual(
    loki('loki.yaml', { 'loki.yaml': 'auth_enabled: false\n' }).map((line) => line.slice(0, 50)),
    ['0:0-0:12 error loki/config Loki needs at least one'],
  );
});

test('found by content and name, never stealing prometheus.yaml, compose or another database', () => {
  const service = new LanguageService();
  const kind = (path: string, text: string, settings = DEFAULT_SETTINGS) => service.kindOf({ uri: `file:///ws/${path}`, text }, settings, { path: `/ws/${path}`, relativePath: path });
  assert.equal(kind('infra/docker/loki/loki-config.yaml', DESIGN), 'loki');
  assert.equal(kind('any/where.yaml', 'limits_config:\n  retention_period: 24h\n'), 'loki');
  assert.equal(kind('loki/local-config.yaml', 'server:\n  http_listen_port: 3100\n'), undefined);
  assert.equal(kind('loki.yaml', 'server:\n  http_listen_port: 3100\n'), 'loki');
  assert.equal(kind('infra/docker/prometheus/prometheus.yaml', readFileSync(join(EXAMPLES, 'infra/docker/prometheus/prometheus.yaml'), 'utf8')), 'prometheus');
  assert.equal(kind('tempo.yaml', 'server:\n  http_listen_port: 3200\ndistributor:\n  receivers: {}\ningester: {}\ncompactor: {}\nstorage:\n  trace: {}\n'), undefined);
  const settings: Settings = { ...DEFAULT_SETTINGS, files: { ...DEFAULT_SETTINGS.files, lokiConfig: ['ops/*.yaml'] } };
  assert.equal(kind('ops/logs.yaml', 'server:\n  http_listen_port: 3100\n', settings), 'loki');
});

test('outline, completion and hover from the shape', () => {
  const service = new LanguageService();
  const outline = service.outlineOf({ uri: `file:///ws/${LOCAL}`, text: DESIGN }, DEFAULT_SETTINGS, { path: `/ws/${LOCAL}`, relativePath: LOCAL });
  assert.deepEqual(
    outline.map((s) => [s.name, s.kind, s.children.map((c) => `${c.name} (${c.detail ?? ''})`)]),
    [
      ['auth_enabled', 'section', []],
      ['server', 'section', []],
      ['common', 'section', []],
      ['schema_config', 'section', ['2024-01-01 tsdb v13 (schema period)']],
      ['limits_config', 'section', []],
      ['storage_config', 'section', []],
    ],
  );
  assert.equal(handlerOf('loki')?.shape, LOKI_SHAPE);
  const text = 'limits_config:\n  ret\nschema_config:\n  configs:\n    - store: ';
  const keys = completeShape(text, text.indexOf('ret') + 3, LOKI_SHAPE).map((item) => item.label);
  assert.ok(keys.includes('retention_period') && keys.includes('retention_stream'), keys.join());
  assert.deepEqual(
    completeShape(text, text.length, LOKI_SHAPE)
      .map((item) => item.label)
      .slice(0, 3),
    ['tsdb', 'boltdb-shipper', 'boltdb'],
  );
  const hover = hoverShape(DESIGN, DESIGN.indexOf('retention_period') + 3, LOKI_SHAPE);
  assert.equal(
    hover?.contents,
    '**retention_period** — duration\n\nHow long logs are kept (0: forever). Applied only by a compactor with `retention_enabled: true`. The design: dev 168h, staging 720h, prod 2160h.',
  );
});
