import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jobsScraping } from './stack';
import { config, stack } from './testSupport';

test('metrics.path: any job of the service may scrape it; otherwise the first job’s metrics_path is expected', () => {
  assert.deepEqual(stack(config({ path: '"/prom"' })), []);
  assert.deepEqual(stack(config({ path: '"/metrics"' })), [], 'the second job scrapes the default');
  assert.deepEqual(stack(config({ path: '"/other"' })), [
    '9:10-9:18 warning consistency/metrics metrics.path is "/other", but prometheus.yaml scrapes auth-server (job auth-job) at /prom',
    '  fix Change to /prom: 9:10-9:18 "\\"/prom\\""',
  ]);
  assert.deepEqual(stack(config({ path: 'metrics' })), [], 'not a path');
  assert.deepEqual(stack(config({ path: '8080' })), [], 'not a string');
  assert.deepEqual(stack(config({ name: 'named-server', path: '"/other"' })), [
    '9:10-9:18 warning consistency/metrics metrics.path is "/other", but prometheus.yaml scrapes named-server (job named-server) at /metrics (no metrics_path: the default)',
    '  fix Change to /metrics: 9:10-9:18 "\\"/metrics\\""',
  ]);
});

test('metrics.enabled: false for a scraped service, and then nothing about its path; services nobody scrapes are not judged', () => {
  assert.deepEqual(stack(config({ name: 'named-server', enabled: 'false', path: '"/other"' })), [
    '8:13-8:18 warning consistency/metrics metrics.enabled is false, but prometheus.yaml scrapes named-server (job named-server): the target would be down and ServiceDown would fire',
    '  fix Change to true: 8:13-8:18 "true"',
  ]);
  assert.deepEqual(stack(config({ enabled: '"false"' })), [], 'a string is not false');
  assert.deepEqual(stack(config({ name: 'ghost-server', enabled: 'false', path: '"/other"' })), []);
  assert.deepEqual(stack(config({ name: '""', enabled: 'false' })), []);
  assert.deepEqual(stack(config({ name: '[a]', enabled: 'false' })), []);
});

test('metrics and trace written as scalars, or endpoints as lists, are not the settings', () => {
  const scalars = 'app:\n  name: auth-server\nobservability:\n  trace: "otel:4317"\n  metrics: false\n';
  assert.deepEqual(stack(scalars), []);
  assert.deepEqual(stack(config({ endpoint: '["otel:4317"]', enabled: '[false]', path: '["/other"]' })), []);
});

test('jobsScraping: the jobs with the service label, else those named after the service', () => {
  const workspace = {
    scrapeJobs: () => [
      { name: 'x', labels: { service: ['a'] } },
      { name: 'a', labels: {} },
      { name: 'y', labels: { service: ['b', 'a'] } },
      { name: 'c', labels: {} },
    ],
  } as unknown as Parameters<typeof jobsScraping>[1];
  assert.deepEqual(
    jobsScraping('a', workspace).map((j) => j.name),
    ['x', 'y'],
  );
  assert.deepEqual(
    jobsScraping('c', workspace).map((j) => j.name),
    ['c'],
  );
  assert.deepEqual(jobsScraping('d', workspace), []);
});

test("trace.endpoint without a compose file: the design's hosts and port", () => {
  const design = "the design's stack receives OTLP gRPC at jaeger:4317 (compose) or jaeger.observability.svc.cluster.local:4317 (Kubernetes)";
  assert.deepEqual(stack(config({ endpoint: '"jaeger.observability.svc.cluster.local:4317"' })), []);
  assert.deepEqual(stack(config({ endpoint: '"localhost:4317"' })), []);
  assert.deepEqual(stack(config({ endpoint: '"otel:4317"' })), [`6:14-6:25 warning consistency/trace-endpoint trace.endpoint "otel:4317": no such host in the stack; ${design}`]);
  assert.deepEqual(stack(config({ endpoint: '"http://127.0.0.1:4318"' })), [
    `6:14-6:37 warning consistency/trace-endpoint trace.endpoint "http://127.0.0.1:4318": port 4318 is not the OTLP gRPC port; ${design}`,
    '  fix Change the port to 4317: 6:32-6:36 "4317"',
  ]);
  assert.deepEqual(
    stack(config({ endpoint: '"https://jaeger"' })),
    [`6:14-6:30 warning consistency/trace-endpoint trace.endpoint "https://jaeger": port 443 is not the OTLP gRPC port; ${design}`],
    'no port written: nothing to change',
  );
  assert.deepEqual(stack(config({ endpoint: '"jaeger"' })), [], 'not an endpoint: config/schema says so');
  assert.deepEqual(stack(config({ endpoint: '4317' })), [], 'not a string');
});

const COMPOSE = 'infra/docker/docker-compose.yaml';
const compose = (services: string) => ({ [COMPOSE]: `services:\n${services}` });
const JAEGER = '  Jaeger:\n    image: j\n    hostname: tracing\n    ports:\n      - "4317:4317"\n      - "16686:16686"\n';

test('trace.endpoint with a compose file: loopback ports, service names and aliases, any port of a service without ports', () => {
  const dev = 'config/config.dev.yaml';
  const run = (endpoint: string, services = JAEGER, file = dev) => stack(config({ endpoint: `"${endpoint}"` }), { file, files: compose(services) });
  assert.deepEqual(run('localhost:16686'), []);
  assert.deepEqual(run('localhost:9999'), [
    '6:14-6:30 warning consistency/trace-endpoint trace.endpoint "localhost:9999": no service of the compose stack (docker-compose.yaml) publishes port 9999',
    '  fix Change the port to 4317: 6:25-6:29 "4317"',
  ]);
  assert.deepEqual(run('localhost:9999', '  other:\n    image: o\n    ports:\n      - "8080:8080"\n'), [
    '6:14-6:30 warning consistency/trace-endpoint trace.endpoint "localhost:9999": no service of the compose stack (docker-compose.yaml) publishes port 9999',
  ]);
  assert.deepEqual(run('jaeger:4317'), [], 'service names are matched without case');
  assert.deepEqual(run('tracing:16686'), [], 'and so are aliases');
  assert.deepEqual(run('tracing:9999'), [
    '6:14-6:28 warning consistency/trace-endpoint trace.endpoint "tracing:9999": Jaeger of the compose stack (docker-compose.yaml) exposes 4317, 16686, not 9999',
    '  fix Change the port to 4317: 6:23-6:27 "4317"',
  ]);
  assert.deepEqual(run('other:9999', '  other:\n    image: o\n    ports:\n      - "8080:8080"\n'), [
    '6:14-6:26 warning consistency/trace-endpoint trace.endpoint "other:9999": other of the compose stack (docker-compose.yaml) exposes 8080, not 9999',
  ]);
  assert.deepEqual(run('other:9999', '  other:\n    image: o\n'), [], 'no ports: reachable on any port');
  assert.deepEqual(run('otel:4317', '  other:\n    image: o\n'), [
    '6:14-6:25 warning consistency/trace-endpoint trace.endpoint "otel:4317": the compose stack (docker-compose.yaml) has no service otel; its services: other',
  ]);
  assert.deepEqual(run('otel:4317', '  {}\n'), ['6:14-6:25 warning consistency/trace-endpoint trace.endpoint "otel:4317": the compose stack (docker-compose.yaml) has no service otel']);
  // A config of no known environment is the local stack's; staging and prod are, for loopback and compose aliases.
  assert.deepEqual(run('otel:4317', JAEGER, 'config/config.test.yaml'), [
    '6:14-6:25 warning consistency/trace-endpoint trace.endpoint "otel:4317": the compose stack (docker-compose.yaml) has no service otel; its services: Jaeger',
  ]);
  assert.deepEqual(run('localhost:9999', JAEGER, 'config/config.prod.yaml'), [
    '6:14-6:30 warning consistency/trace-endpoint trace.endpoint "localhost:9999": no service of the compose stack (docker-compose.yaml) publishes port 9999',
    '  fix Change the port to 4317: 6:25-6:29 "4317"',
  ]);
  assert.deepEqual(run('tracing:16686', JAEGER, 'config/config.prod.yaml'), []);
  assert.deepEqual(run('jaeger:16686', JAEGER, 'config/config.prod.yaml'), []);
  assert.match(run('otel:4317', JAEGER, 'config/config.prod.yaml').join('\n'), /no such host in the stack/);
});
