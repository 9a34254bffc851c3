import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose, render } from '../catalog/testSupport';
import { containerPorts } from './compose';
import { parseEndpoint } from './stack';
import { globToRegExp, resolveRuleFilesEntry } from './ruleFiles';

const FIXTURES = join(__dirname, 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
/** Rendered diagnostics of the given codes, without the "Disable … for this line" fixes every diagnostic carries. */
const only = (lines: string[]) => lines.filter((l) => !l.includes('fix Disable '));
const CONFIG = 'regions/system/server/rust/auth/config/config.yaml';

test('config.yaml vs prometheus.yaml: metrics disabled for a scraped service', () => {
  assert.deepEqual(only(render(diagnose(CONFIG, { [CONFIG]: fixture('config-mismatch.yaml') }), ['consistency/metrics', 'consistency/trace-endpoint'])), [
    `9:14-9:27 warning consistency/trace-endpoint trace.endpoint "jaeger:4318": port 4318 is not the OTLP gRPC port; the design's stack receives OTLP gRPC at jaeger:4317 (compose) or jaeger.observability.svc.cluster.local:4317 (Kubernetes)`,
    '  fix Change the port to 4317: 9:22-9:26 "4317"',
    '12:13-12:18 warning consistency/metrics metrics.enabled is false, but prometheus.yaml scrapes auth-server (job auth-server-rust): the target would be down and ServiceDown would fire',
    '  fix Change to true: 12:13-12:18 "true"',
  ]);
});

test('config.dev.yaml vs the compose file of the workspace: unknown host, metrics.path other than metrics_path', () => {
  // The compose stack serves local development: a dev config.
  const DEV = CONFIG.replace('config.yaml', 'config.dev.yaml');
  const text = fixture('config-mismatch.yaml').replace('"jaeger:4318"', '"otel:4317"').replace('enabled: false', 'enabled: true').replace('"/metrics"', '"/prom"');
  const compose = 'services:\n  jaeger:\n    image: jaegertracing/all-in-one\n    ports:\n      - "4317:4317"\n';
  assert.deepEqual(only(render(diagnose(DEV, { [DEV]: text, 'docker-compose.yaml': compose }), ['consistency/metrics', 'consistency/trace-endpoint'])), [
    '9:14-9:25 warning consistency/trace-endpoint trace.endpoint "otel:4317": the compose stack (docker-compose.yaml) has no service otel; its services: jaeger',
    '13:10-13:17 warning consistency/metrics metrics.path is "/prom", but prometheus.yaml scrapes auth-server (job auth-server-rust) at /metrics',
    '  fix Change to /metrics: 13:10-13:17 "\\"/metrics\\""',
  ]);
  // The compose service exposes the port: nothing to say; a port it does not list is named.
  const ok = text.replace('"otel:4317"', '"http://jaeger:4317"').replace('"/prom"', '"/metrics"');
  assert.deepEqual(render(diagnose(DEV, { [DEV]: ok, 'docker-compose.yaml': compose }), ['consistency/metrics', 'consistency/trace-endpoint']), []);
  const port = ok.replace('jaeger:4317', 'jaeger:4318');
  assert.deepEqual(only(render(diagnose(DEV, { [DEV]: port, 'docker-compose.yaml': compose }), ['consistency/trace-endpoint'])), [
    '9:14-9:34 warning consistency/trace-endpoint trace.endpoint "http://jaeger:4318": jaeger of the compose stack (docker-compose.yaml) exposes 4317, not 4318',
    '  fix Change the port to 4317: 9:29-9:33 "4317"',
  ]);
});

test("the design's own config files and stack are consistent", () => {
  for (const name of ['config.yaml', 'config.dev.yaml', 'config.staging.yaml']) {
    const text = readFileSync(join(__dirname, '../../../examples/config', name), 'utf8');
    assert.deepEqual(render(diagnose(`config/${name}`, { [`config/${name}`]: text }), ['consistency/metrics', 'consistency/trace-endpoint']), [], name);
  }
  for (const name of ['prometheus.yaml', 'recording_rules.yaml', 'alerting_rules.yaml']) {
    assert.deepEqual(
      render(diagnose(`infra/docker/prometheus/${name}`, {})).filter((l) => l.includes('consistency/')),
      [],
      name,
    );
  }
});

test("with a compose file, staging and prod's cluster address is judged against the design's, not the local stack", () => {
  // What "Create observability stack files" writes: the design's local stack.
  const compose = 'services:\n  jaeger:\n    image: jaegertracing/all-in-one\n    ports:\n      - "4317:4317"\n      - "16686:16686"\n';
  for (const name of ['config.yaml', 'config.dev.yaml', 'config.staging.yaml']) {
    const text = readFileSync(join(__dirname, '../../../examples/config', name), 'utf8');
    const files = { [`config/${name}`]: text, 'infra/docker/docker-compose.yaml': compose };
    assert.deepEqual(render(diagnose(`config/${name}`, files), ['consistency/trace-endpoint']), [], name);
  }
  // A cluster address with the wrong port is still wrong, by the design's stack.
  const staging = readFileSync(join(__dirname, '../../../examples/config/config.staging.yaml'), 'utf8').replace('svc.cluster.local:4317', 'svc.cluster.local:4318');
  assert.match(
    render(diagnose('config/config.staging.yaml', { 'config/config.staging.yaml': staging, 'infra/docker/docker-compose.yaml': compose }), ['consistency/trace-endpoint']).join('\n'),
    /port 4318 is not the OTLP gRPC port; the design's stack/,
  );
  // A staging config pointed at a compose service is the local stack's to judge; so is a dev config pointed at the cluster.
  const toCompose = staging.replace('jaeger.observability.svc.cluster.local:4318', 'jaeger:4318');
  assert.match(
    render(diagnose('config/config.staging.yaml', { 'config/config.staging.yaml': toCompose, 'infra/docker/docker-compose.yaml': compose }), ['consistency/trace-endpoint']).join('\n'),
    /jaeger of the compose stack \(docker-compose.yaml\) exposes 4317, 16686, not 4318/,
  );
  const dev = readFileSync(join(__dirname, '../../../examples/config/config.dev.yaml'), 'utf8').replace(/endpoint: "[^"]*"/, 'endpoint: "jaeger.observability.svc.cluster.local:4317"');
  assert.match(
    render(diagnose('config/config.dev.yaml', { 'config/config.dev.yaml': dev, 'infra/docker/docker-compose.yaml': compose }), ['consistency/trace-endpoint']).join('\n'),
    /the compose stack \(docker-compose.yaml\) has no service jaeger.observability.svc.cluster.local/,
  );
});

test('rule_files: a listed file that is not there (container path mapped next to prometheus.yaml), a rule file nothing loads', () => {
  assert.deepEqual(only(render(diagnose('infra/docker/prometheus/prometheus.yaml', { 'infra/docker/prometheus/alerting_rules.yaml': undefined }), ['consistency/rule-files'])), [
    `7:4-7:39 warning consistency/rule-files rule_files: "/etc/prometheus/alerting_rules.yaml" matches no rule file of the workspace: nothing at ./alerting_rules.yaml (/etc/prometheus/ is the directory of this prometheus.yaml in the stack's container)`,
  ]);
  const extra = 'groups:\n  - name: extra\n    rules:\n      - record: extra:up:sum\n        expr: sum(up)\n';
  assert.deepEqual(only(render(diagnose('infra/docker/prometheus/extra_rules.yaml', { 'infra/docker/prometheus/extra_rules.yaml': extra }), ['consistency/rule-files'])), [
    '0:0-0:0 information consistency/rule-files no prometheus.yaml of the workspace loads this rule file: it is in none of the rule_files of prometheus.yaml',
  ]);
  // A PrometheusRule is the Operator's to load: never reported.
  const resource = `apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: x\nspec:\n${extra.replace(/^/gm, '  ').trimEnd()}\n`;
  assert.deepEqual(render(diagnose('k8s/rules.yaml', { 'k8s/rules.yaml': resource }), ['consistency/rule-files']), []);
  // A glob that matches loads the file.
  const config = readFileSync(join(__dirname, '../../../examples/infra/docker/prometheus/prometheus.yaml'), 'utf8').replace(
    '  - /etc/prometheus/alerting_rules.yaml',
    '  - /etc/prometheus/alerting_rules.yaml\n  - rules/*.yaml',
  );
  assert.deepEqual(
    render(diagnose('infra/docker/prometheus/rules/extra.yaml', { 'infra/docker/prometheus/prometheus.yaml': config, 'infra/docker/prometheus/rules/extra.yaml': extra }), ['consistency/rule-files']),
    [],
  );
});

test('dashboards: a service the design knows but no scrape job produces', () => {
  const dashboard = fixture('dashboard-unscraped.json');
  assert.deepEqual(only(render(diagnose('dashboards/d.json', { 'dashboards/d.json': dashboard }), ['consistency/dashboard-source'])), [
    '9:70-9:93 warning consistency/dashboard-source no scrape job of the workspace produces service "notification-server": the query finds no series (scraped services: auth-server, bff-proxy, config-server, dlq-manager, saga-server)',
  ]);
});

test('helpers: endpoints, compose ports, rule_files resolution and globs', () => {
  assert.deepEqual(parseEndpoint('jaeger:4317'), { host: 'jaeger', port: 4317 });
  assert.deepEqual(parseEndpoint('https://Jaeger.example'), { host: 'jaeger.example', port: 443 });
  assert.equal(parseEndpoint('jaeger'), undefined);
  assert.equal(parseEndpoint('http://[bad'), undefined);
  assert.deepEqual(containerPorts(undefined), []);
  assert.equal(resolveRuleFilesEntry('/etc/prometheus/a.yaml', 'file:///ws/infra/p/prometheus.yaml'), '/ws/infra/p/a.yaml');
  assert.equal(resolveRuleFilesEntry('../rules/a.yaml', 'file:///ws/infra/p/prometheus.yaml'), '/ws/infra/rules/a.yaml');
  assert.equal(resolveRuleFilesEntry('/opt/rules/a.yaml', 'file:///ws/prometheus.yaml'), '/opt/rules/a.yaml');
  assert.ok(globToRegExp('/ws/rules/*.y[a]ml').test('/ws/rules/x.yaml'));
  assert.ok(!globToRegExp('/ws/rules/*.yaml').test('/ws/rules/sub/x.yaml'));
  assert.ok(globToRegExp('/ws/[unclosed').test('/ws/[unclosed'));
});
