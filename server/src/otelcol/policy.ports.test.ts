/** otelcol/policy as the check returns it: the otlp receiver's ports, where services send, the Jaeger exporter's port, in the order of the text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from '../../../test/support/text';
import { MINIMAL, policyFindings, policyWarning as warning } from './testSupport';

const DESIGN_PORTS = "the design's OTEL_EXPORTER_OTLP_ENDPOINT, 4317 gRPC / 4318 HTTP";
const listens = (protocol: string, port: string, expected: string, source = DESIGN_PORTS) =>
  `The otlp receiver's ${protocol} endpoint listens on ${port}: services send OTLP ${protocol} to port ${expected} (${source}).`;
const jaeger = (id: string, port: string, expected: string) => `Exporter "${id}" sends to Jaeger on port ${port}: Jaeger takes OTLP on ${expected} (the design's "Jaeger OTLP").`;

test('otelcol/policy: findings come in the order of the text: receivers, exporters, then the pipeline', () => {
  const text = MINIMAL.replace('0.0.0.0:4317', '0.0.0.0:4316').replace('jaeger-collector:4317', 'jaeger-collector:14250').replace('[memory_limiter, tail_sampling, batch]', '[memory_limiter, batch]');
  assert.deepEqual(policyFindings(text), [
    warning(text, '0.0.0.0:4316', listens('grpc', '4316', '4317'), { fix: '4317', fixNeedle: '4316' }),
    warning(text, 'jaeger-collector:14250', jaeger('otlp/jaeger', '14250', '4317'), { fix: '4317', fixNeedle: '14250' }),
    warning(text, 'traces', 'The prod traces pipeline "traces" has no tail_sampling: the design keeps every error trace and 10% of the rest (トレースサンプリング戦略: prod is tail-based).'),
  ]);
});

test("otelcol/policy: the gRPC port is where config.yaml's trace.endpoint, then the workloads' variables, send; HTTP's 4318 and an endpoint without a port say nothing", () => {
  const text = MINIMAL.replace('0.0.0.0:4317', '0.0.0.0:4316');
  const endpoint = (value: string, uri = 'file:///w/config/config.yaml') => ({ uri, environment: 'prod', endpoint: { value, line: 4 } });
  const variable = (value: string) => ({ uri: 'file:///w/k8s/ledger.yaml', variable: 'OTEL_EXPORTER_OTLP_ENDPOINT', value });
  const fix = { fix: '4317', fixNeedle: '4316' };
  assert.deepEqual(policyFindings(text, { traceConfigs: [endpoint('otel-collector.observability.svc')] }), [warning(text, '0.0.0.0:4316', listens('grpc', '4316', '4317'), fix)]);
  assert.deepEqual(policyFindings(text, { traceConfigs: [endpoint('http://otel:4318')], otlpEndpoints: [variable('otel:4318')] }), [
    warning(text, '0.0.0.0:4316', listens('grpc', '4316', '4317'), fix),
  ]);
  assert.deepEqual(policyFindings(text, { traceConfigs: [endpoint('otel:4317')], otlpEndpoints: [variable('http://otel:14317')] }), [
    warning(text, '0.0.0.0:4316', listens('grpc', '4316', '4317', 'trace.endpoint otel:4317 of config/config.yaml'), fix),
  ]);
  assert.deepEqual(policyFindings(text, { otlpEndpoints: [variable('http://otel:14317'), variable('otel:4316')] }), [], 'one of the ports services send to');
  assert.deepEqual(
    policyFindings(text, { traceConfigs: [{ uri: 'file:///w/config/config.yaml', environment: 'prod' }], otlpEndpoints: [variable('http://otel:14317')] }),
    [warning(text, '0.0.0.0:4316', listens('grpc', '4316', '14317', 'OTEL_EXPORTER_OTLP_ENDPOINT http://otel:14317 of k8s/ledger.yaml'), { fix: '14317', fixNeedle: '4316' })],
    'a config file without an endpoint',
  );
});

test("otelcol/policy: only otlp receivers' protocols are judged, at the port that ends the endpoint (padded, after a substituted or IPv6 host); an endpoint without a port or not a string says nothing", () => {
  const text = lines(
    'receivers:',
    '  otlp:',
    '    protocols:',
    '      grpc:',
    '        endpoint: localhost',
    '      http:',
    '        endpoint: 4317',
    '  otlp/2:',
    '    protocols:',
    '      grpc:',
    '        endpoint: "${env:POD_IP}:4316 "',
    '  otlp/3:',
    '    protocols:',
    '      grpc:',
    '        endpoint: "[::1]:4317"',
    '  jaeger:',
    '    protocols:',
    '      grpc:',
    '        endpoint: 0.0.0.0:14250',
    'exporters:',
    '  otlp:',
    '    endpoint: tempo:4317',
    '    protocols:',
    '      grpc:',
    '        endpoint: 0.0.0.0:14317',
    'service:',
    '  pipelines:',
    '    metrics:',
    '      receivers: [otlp, otlp/2, otlp/3]',
    '      exporters: [otlp]',
  );
  assert.deepEqual(policyFindings(text), [warning(text, '"${env:POD_IP}:4316 "', listens('grpc', '4316', '4317'), { fix: '4317', fixNeedle: '4316' })]);
});

test('otelcol/policy: no otlp receiver listens for gRPC — said when a traces pipeline needs it, with the port services send to', () => {
  const httpOnly = (signal: string) =>
    lines(
      'receivers:',
      '  otlp:',
      '    protocols:',
      '      http:',
      '        endpoint: 0.0.0.0:4318',
      'exporters:',
      '  debug:',
      'service:',
      '  pipelines:',
      `    ${signal}:`,
      '      receivers: [otlp]',
      '      exporters: [debug]',
    );
  assert.deepEqual(policyFindings(httpOnly('metrics')), []);
  const sectionless = lines('exporters:', '  debug:', 'service:', '  pipelines:', '    traces:', '      receivers: [otlp]', '      exporters: [debug]');
  assert.deepEqual(
    policyFindings(sectionless),
    [warning(sectionless, 'traces', 'The prod traces pipeline "traces" has no tail_sampling: the design keeps every error trace and 10% of the rest (トレースサンプリング戦略: prod is tail-based).')],
    'no receivers section to mark: otelcol/config says it is missing',
  );
  const traces = httpOnly('traces');
  assert.deepEqual(policyFindings(traces), [
    warning(traces, 'receivers', `No otlp receiver listens for gRPC: services send OTLP to port 4317 (${DESIGN_PORTS}).`),
    warning(traces, 'traces', 'The prod traces pipeline "traces" has no tail_sampling: the design keeps every error trace and 10% of the rest (トレースサンプリング戦略: prod is tail-based).'),
  ]);
  const config = [{ uri: 'file:///w/config/config.yaml', environment: 'prod', endpoint: { value: 'otel-collector:14317', line: 4 } }];
  assert.deepEqual(policyFindings(traces, { traceConfigs: config }), [
    warning(traces, 'receivers', 'No otlp receiver listens for gRPC: services send OTLP to port 14317 (trace.endpoint otel-collector:14317 of config/config.yaml).'),
    warning(traces, 'traces', 'The prod traces pipeline "traces" has no tail_sampling: the design keeps every error trace and 10% of the rest (トレースサンプリング戦略: prod is tail-based).'),
  ]);
});

test("otelcol/policy: Jaeger's exporter by ID or host, over gRPC to 4317 and HTTP to 4318: a URL's path and default port, a padded value; no port, a number or a substitution: nothing to judge", () => {
  const text = lines(
    'exporters:',
    '  otlphttp/jaeger:',
    '    endpoint: http://jaeger-collector:4317/v1/traces',
    '  otlphttp/secure-jaeger:',
    '    endpoint: https://jaeger-collector',
    '  otlp/padded:',
    '    endpoint: "jaeger-collector:14250 "',
    '  otlp/number-jaeger:',
    '    endpoint: 14250',
    '  otlp/env-jaeger:',
    '    endpoint: ${env:JAEGER}:14250',
    '  otlp/tempo:',
    '    endpoint: tempo',
    '  otlp/jaeger-portless:',
    '    endpoint: jaeger-collector',
    '  zipkin/jaeger:',
    '    endpoint: http://jaeger-collector:9411/api/v2/spans',
    '  otlphttp/ok-jaeger:',
    '    endpoint: http://jaeger-collector:4318',
    'receivers:',
    '  otlp/jaeger:',
    '    endpoint: jaeger-collector:14250',
    '    protocols: { grpc: { endpoint: 0.0.0.0:4317 } }',
    'service:',
    '  pipelines: {}',
  );
  assert.deepEqual(policyFindings(text), [
    warning(text, 'http://jaeger-collector:4317/v1/traces', jaeger('otlphttp/jaeger', '4317', '4318'), { fix: '4318', fixNeedle: '4317' }),
    warning(text, 'https://jaeger-collector', jaeger('otlphttp/secure-jaeger', '443', '4318')),
    warning(text, '"jaeger-collector:14250 "', jaeger('otlp/padded', '14250', '4317'), { fix: '4317', fixNeedle: '14250' }),
  ]);
});
