/** loki/policy: the design's retention per environment and Loki's port, against the compose file and Grafana's datasource. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, render } from '../catalog/testSupport';

const CONFIG =
  'schema_config:\n  configs:\n    - {from: 2024-01-01, store: tsdb, object_store: s3, schema: v13, index: {period: 24h}}\ncompactor:\n  retention_enabled: true\n  delete_request_store: s3\n';
/** loki/policy diagnostics of `path` in a workspace of `files`, rendered, with whether each fix is the preferred one. */
const policy = (path: string, files: Record<string, string>) =>
  diagnose(path, files)
    .filter((d) => d.code === 'loki/policy')
    .flatMap((d) => [
      ...render([d]).filter((line) => !line.includes('fix Disable ')),
      ...(d.fixes ?? []).filter((f) => !f.title.startsWith('Disable ')).map((f) => `  preferred: ${String(f.preferred)}`),
    ]);
const withPort = (port: string) => `server:\n  http_listen_port: ${port}\n${CONFIG}`;
const compose = (services: string) => `services:\n${services}`;
const DATASOURCE = 'apiVersion: 1\ndatasources:\n  - name: Logs\n    type: loki\n    url: http://loki:3102\n';

test('a retention period that is no duration is the shape’s to report; a wrong one has the preferred fix', () => {
  const path = 'deploy/loki.staging.yaml';
  assert.deepEqual(policy(path, { [path]: `${CONFIG}limits_config:\n  retention_period: 1week\n` }), []);
  assert.deepEqual(policy(path, { [path]: `${CONFIG}limits_config:\n  retention_period: 168h\n` }), [
    '7:20-7:24 warning loki/policy limits_config.retention_period is 168h, but the design keeps staging logs 720h (30 days; ログ保持期間ポリシー: dev 168h, staging 720h, prod 2160h). Environment from file name loki.staging.',
    '  fix Change to 720h: 7:20-7:24 "720h"',
    '  preferred: true',
  ]);
});

test('a port that is not a whole number is not judged; 3101 has the preferred fix to 3100', () => {
  for (const port of ['x3101', '3101x', '"${PORT}"']) assert.deepEqual(policy('loki.yaml', { 'loki.yaml': withPort(port) }), [], port);
  assert.deepEqual(policy('loki.yaml', { 'loki.yaml': withPort('3101') }), [
    "1:20-1:24 warning loki/policy server.http_listen_port is 3101, but the design serves Loki on 3100 (コンポーネントとポート一覧; Grafana's Loki datasource is http://loki:3100).",
    '  fix Change to 3100: 1:20-1:24 "3100"',
    '  preferred: true',
  ]);
});

test('a file of no environment is compared with the compose loki service, found by name or alias; the ports it exposes are listed', () => {
  const files = (services: string) => ({ 'ops/loki.yaml': withPort('3100'), 'docker-compose.yaml': compose(services) });
  const other = '  grafana:\n    image: grafana/grafana\n    ports: ["3000:3000"]\n';
  assert.deepEqual(policy('ops/loki.yaml', files(`${other}  logs:\n    image: grafana/loki\n    hostname: logs-1\n    container_name: Loki\n    ports: ["3102:3102", "9096:9096"]\n`)), [
    '1:20-1:24 warning loki/policy server.http_listen_port is 3100, but the compose service logs (docker-compose.yaml) exposes 3102, 9096: nothing reaches Loki.',
  ]);
  // No loki service, or one that publishes no port: nothing to compare.
  assert.deepEqual(policy('ops/loki.yaml', files(other)), []);
  assert.deepEqual(policy('ops/loki.yaml', files(`${other}  loki:\n    image: grafana/loki\n`)), []);
  assert.deepEqual(policy('ops/loki.yaml', files(`${other}  loki:\n    image: grafana/loki\n    ports: ["3100:3100"]\n`)), []);
});

test('the Grafana Loki datasource on another port: said without a fix, the port being the design’s', () => {
  const datasources = 'grafana/provisioning/datasources/datasources.yaml';
  assert.deepEqual(policy('ops/loki.yaml', { 'ops/loki.yaml': withPort('3100'), [datasources]: DATASOURCE }), [
    `1:20-1:24 warning loki/policy server.http_listen_port is 3100, but Grafana's datasource "Logs" (datasources.yaml) reaches Loki at http://loki:3102: its queries fail.`,
  ]);
  assert.deepEqual(policy('ops/loki.yaml', { 'ops/loki.yaml': withPort('3102'), [datasources]: DATASOURCE }), [
    "1:20-1:24 warning loki/policy server.http_listen_port is 3102, but the design serves Loki on 3100 (コンポーネントとポート一覧; Grafana's Loki datasource is http://loki:3100).",
    '  fix Change to 3100: 1:20-1:24 "3100"',
    '  preferred: true',
  ]);
});
