import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, recordingRule } from './testSupport';

const CODES = ['catalog/label-value'];

test('tiers, jobs and languages against the design and prometheus.yaml; a fix for a near value', () => {
  assert.deepEqual(check(recordingRule('up{job=~"auth-server.*|kong", tier="sytem"}'), CODES), [
    '4:49-4:56 warning catalog/label-value tier="sytem" selects nothing: "sytem" is not a known tier (the design tiers, the k1s0 catalog, the scrape jobs of prometheus.yaml: system, business, service); did you mean "system"?',
    '  fix Change to "system": 4:49-4:56 "\\"system\\""',
  ]);
  assert.deepEqual(check(recordingRule('up{job="node-exporter"}'), CODES), [
    '4:21-4:36 warning catalog/label-value job="node-exporter" selects nothing: "node-exporter" is not a known job (the scrape jobs of prometheus.yaml: prometheus, auth-server-rust, config-server-rust, saga-server-rust, dlq-manager, bff-proxy-go, kong)',
  ]);
});

test('regexes that can match none of the known values; negative matchers too', () => {
  assert.deepEqual(check(recordingRule('http_requests_total{status=~"6..", lang!="java"}'), CODES), [
    '4:42-4:47 warning catalog/label-value status=~"6.." selects nothing: the regex matches none of the known status values (the k1s0 catalog: 100, 101, 102, 103, 200, 201, 202, 203, … (63 in all))',
    '4:55-4:61 warning catalog/label-value lang!="java" excludes nothing: "java" is not a known lang (the telemetry libraries, the k1s0 catalog, the scrape jobs of prometheus.yaml: go, rust, typescript, dart)',
  ]);
  assert.deepEqual(check(recordingRule('http_requests_total{status=~"5..", tier=~"business|service"}'), CODES), []);
});

test('without a prometheus.yaml, jobs are not known; metric labels (status) only on the metrics that declare them', () => {
  assert.deepEqual(check(recordingRule('up{job="node-exporter"}'), CODES, { 'infra/docker/prometheus/prometheus.yaml': undefined }), []);
  assert.deepEqual(check(recordingRule('kube_pod_info{status="true"} + mysql_up{tier="x"}'), CODES), []);
});

test('services from config files (app.name) and catalog extensions are known', () => {
  const config = 'app:\n  name: ledger-server\n  tier: business\nobservability:\n  log:\n    level: info\n';
  assert.deepEqual(check(recordingRule('http_requests_total{service="ledger-server"}'), CODES, { 'config/config.yaml': config }), []);
  assert.equal(check(recordingRule('http_requests_total{service="ledger-server"}'), CODES).length, 1);
});

test('a hostile regex against a long known value runs in linear time (RE2)', () => {
  const extension = `services:\n  - ${'a'.repeat(50_000)}\n`;
  // A backtracking engine would not come back from this in a lifetime, so CPU time (not wall time, which a busy machine
  // stretches) is a generous bound that still tells linear from exponential.
  const cpu = process.cpuUsage();
  const lines = check(recordingRule('http_requests_total{service=~"(a*)*(a|aa)*(a*)*b"}'), CODES, { '.k1s0/catalog.yaml': extension });
  const { user, system } = process.cpuUsage(cpu);
  assert.ok(user + system < 20_000_000, `used ${Math.round((user + system) / 1000)} ms of CPU`);
  assert.equal(lines.length, 1);
  assert.match(lines[0] ?? '', /^4:43-4:63 warning catalog\/label-value service=~"\(a\*\)\*\(a\|aa\)\*\(a\*\)\*b" selects nothing: the regex matches none of the known service values/);
});

test('an empty value is the "label absent" idiom, not a value outside the known ones', () => {
  assert.deepEqual(check(recordingRule('up{tier=""} + up{tier!=""} + up{tier=~""}'), CODES), []);
});

test('a selector without a metric name is checked; single quotes are kept by the fix', () => {
  assert.deepEqual(check(recordingRule(`'{tier="sytem"}'`), CODES), [
    '4:21-4:28 warning catalog/label-value tier="sytem" selects nothing: "sytem" is not a known tier (the design tiers, the k1s0 catalog, the scrape jobs of prometheus.yaml: system, business, service); did you mean "system"?',
    '  fix Change to "system": 4:21-4:28 "\\"system\\""',
  ]);
  assert.deepEqual(check(recordingRule("up{tier='sytem'}"), CODES), [
    '4:22-4:29 warning catalog/label-value tier="sytem" selects nothing: "sytem" is not a known tier (the design tiers, the k1s0 catalog, the scrape jobs of prometheus.yaml: system, business, service); did you mean "system"?',
    `  fix Change to "system": 4:22-4:29 "'system'"`,
  ]);
});

test('exporter metrics are known: their job values are checked, a metric-scoped label they do not declare is not', () => {
  assert.deepEqual(check(recordingRule('node_cpu_seconds_total{job="nod-exporter"}'), CODES), [
    '4:41-4:55 warning catalog/label-value job="nod-exporter" selects nothing: "nod-exporter" is not a known job (the scrape jobs of prometheus.yaml: prometheus, auth-server-rust, config-server-rust, saga-server-rust, dlq-manager, bff-proxy-go, kong)',
  ]);
  assert.deepEqual(check(recordingRule('node_cpu_seconds_total{status="x"}'), [...CODES, 'internal/check-failed']), []);
});

test("a recording rule's output declares the metric-scoped labels it keeps", () => {
  assert.deepEqual(check(recordingRule('service:http_errors:rate5m{status="999"}'), CODES), [
    '4:48-4:53 warning catalog/label-value status="999" selects nothing: "999" is not a known status (the k1s0 catalog: 100, 101, 102, 103, 200, 201, 202, 203, … (63 in all)); did you mean "499"?',
    '  fix Change to "499": 4:48-4:53 "\\"499\\""',
  ]);
});

test('a negative regex that matches no known value excludes nothing; regexes past 4096 characters are not evaluated', () => {
  assert.deepEqual(check(recordingRule('up{tier!~"x.*"}'), CODES), [
    '4:23-4:28 warning catalog/label-value tier!~"x.*" excludes nothing: the regex matches none of the known tier values (the design tiers, the k1s0 catalog, the scrape jobs of prometheus.yaml: system, business, service)',
  ]);
  const regexOf = (length: number) => `up{tier=~"${'x'.repeat(length - 1)}y"}`;
  assert.equal(check(recordingRule(regexOf(4096)), CODES).length, 1);
  assert.deepEqual(check(recordingRule(regexOf(4097)), CODES), []);
});

test('a metric known only by its exporter family (no catalog entry) has its target values checked, not metric-scoped labels', () => {
  assert.deepEqual(check(recordingRule('kong_http_requests_total{job="kng"}'), CODES), [
    '4:43-4:48 warning catalog/label-value job="kng" selects nothing: "kng" is not a known job (the scrape jobs of prometheus.yaml: prometheus, auth-server-rust, config-server-rust, saga-server-rust, dlq-manager, bff-proxy-go, kong); did you mean "kong"?',
    '  fix Change to "kong": 4:43-4:48 "\\"kong\\""',
  ]);
  assert.deepEqual(check(recordingRule('kong_http_requests_total{status="999"}'), [...CODES, 'internal/check-failed']), []);
});

test('a selector without a metric name declares no metric-scoped label; unknown metrics are left alone', () => {
  assert.deepEqual(check(recordingRule(`'{status="999", tier="sytem"}'`), CODES), [
    '4:35-4:42 warning catalog/label-value tier="sytem" selects nothing: "sytem" is not a known tier (the design tiers, the k1s0 catalog, the scrape jobs of prometheus.yaml: system, business, service); did you mean "system"?',
    '  fix Change to "system": 4:35-4:42 "\\"system\\""',
  ]);
  assert.deepEqual(check(recordingRule('mysql_up_total{tier="sytem"}'), CODES), []);
});
