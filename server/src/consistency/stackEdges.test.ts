import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, preferredFixes } from '../catalog/testSupport';
import { CODES, config, JOBS, PROMETHEUS, stack } from './testSupport';

const WITH_CRASHES = [...CODES, 'internal/check-failed'];
const DESIGN = "the design's stack receives OTLP gRPC at jaeger:4317 (compose) or jaeger.observability.svc.cluster.local:4317 (Kubernetes)";
const COMPOSE = 'infra/docker/docker-compose.yaml';
const JAEGER = '  Jaeger:\n    image: j\n    hostname: tracing\n    ports:\n      - "4317:4317"\n      - "16686:16686"\n';
const DB = '  db:\n    image: postgres\n    ports:\n      - "5432:5432"\n';

test('consistency: each fix of metrics.enabled, metrics.path and a trace port is the preferred one', () => {
  const file = 'config/config.yaml';
  const text = config({ endpoint: '"jaeger:4318"', enabled: 'false' });
  const preferred = (t: string) => preferredFixes(diagnose(file, { [PROMETHEUS]: JOBS, [file]: t }), CODES);
  assert.deepEqual(preferred(text), ['consistency/trace-endpoint: Change the port to 4317', 'consistency/metrics: Change to true']);
  assert.deepEqual(preferred(config({ path: '"/other"' })), ['consistency/metrics: Change to /prom']);
});

test('consistency/metrics: a metrics section without enabled or path, or with a path that is no string, says nothing (and does not fail)', () => {
  const bare = 'app:\n  name: auth-server\nobservability:\n  metrics:\n    port: 9090\n';
  assert.deepEqual(stack(bare, { codes: WITH_CRASHES }), []);
  assert.deepEqual(stack(config({ path: '8080' }), { codes: WITH_CRASHES }), []);
});

test('consistency/metrics: a service scraped only at a metrics_path of its own expects it, though /metrics is the default', () => {
  const jobs = `${JOBS}  - job_name: prom-only\n    metrics_path: /prom\n    static_configs:\n      - targets: ["p:1"]\n        labels:\n          service: prom-server\n`;
  assert.deepEqual(stack(config({ name: 'prom-server' }), { jobs }), [
    '9:10-9:20 warning consistency/metrics metrics.path is "/metrics", but prometheus.yaml scrapes prom-server (job prom-only) at /prom',
    '  fix Change to /prom: 9:10-9:20 "\\"/prom\\""',
  ]);
});

test('consistency/metrics: an empty app.name is no service, even when a job carries an empty service label', () => {
  const jobs = `${JOBS}  - job_name: blank\n    static_configs:\n      - targets: ["b:1"]\n        labels:\n          service: ""\n`;
  assert.deepEqual(stack(config({ name: '""', enabled: 'false' }), { jobs }), []);
});

test('consistency/trace-endpoint: every loopback address is a host of the stack, IPv6 in brackets and the Docker host included', () => {
  assert.deepEqual(stack(config({ endpoint: '"[::1]:4317"' })), []);
  assert.deepEqual(stack(config({ endpoint: '"http://[::1]:4317"' })), []);
  assert.deepEqual(stack(config({ endpoint: '"host.docker.internal:4317"' })), []);
  assert.deepEqual(stack(config({ endpoint: '"host.docker.internal:4318"' })), [
    `6:14-6:41 warning consistency/trace-endpoint trace.endpoint "host.docker.internal:4318": port 4318 is not the OTLP gRPC port; ${DESIGN}`,
    '  fix Change the port to 4317: 6:36-6:40 "4317"',
  ]);
});

test('consistency/trace-endpoint: a loopback port one service of several publishes is served; a prod endpoint naming a service of one compose file of two is judged there', () => {
  const dev = 'config/config.dev.yaml';
  const prod = 'config/config.prod.yaml';
  const files = { [COMPOSE]: `services:\n${DB}${JAEGER}`, 'infra/other/docker-compose.yaml': `services:\n${DB}` };
  assert.deepEqual(stack(config({ endpoint: '"localhost:16686"' }), { file: dev, files }), []);
  assert.deepEqual(stack(config({ endpoint: '"tracing:9999"' }), { file: prod, files }), [
    '6:14-6:28 warning consistency/trace-endpoint trace.endpoint "tracing:9999": Jaeger of the compose stack (docker-compose.yaml, docker-compose.yaml) exposes 4317, 16686, not 9999',
    '  fix Change the port to 4317: 6:23-6:27 "4317"',
  ]);
});
