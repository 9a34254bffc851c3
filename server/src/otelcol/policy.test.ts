/** otelcol/policy: the design's sampling in the prod traces pipeline, the ports services send to, Jaeger's. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../base/settings';
import { LanguageService } from '../service/languageService';
import { lines, rangeOf } from '../../../test/support/text';
import { setLocale } from '../l10n';
import { validate, expect, got, MINIMAL, dev } from './testSupport';

test("otelcol/policy: the prod traces pipeline keeps every error trace and samples the rest at config.yaml's prod rate", () => {
  const service = new LanguageService();
  const text = MINIMAL.replace('sampling_percentage: 10', 'sampling_percentage: 25').replace('status_code: { status_codes: [ERROR] }', 'status_code: { status_codes: [OK] }');
  const diagnostics = validate(text, { service });
  assert.deepEqual(
    got(diagnostics),
    expect(text, [
      ['otelcol/policy', 'warning', 'policies', "No status_code policy keeps ERROR traces: the design's prod sampling keeps every error trace, and 10% of the rest."],
      ['otelcol/policy', 'warning', '25', "sampling_percentage 25 is not the prod sample rate: the design's prod sample_rate 0.1 says 10%."],
    ]),
  );
  assert.deepEqual(diagnostics[1]?.fixes, [{ title: 'Change to "10"', preferred: true, edits: [{ range: rangeOf(text, '25'), newText: '10' }] }]);
  // The workspace's prod config.yaml decides the rate.
  const config = lines('observability:', '  trace:', '    enabled: true', '    endpoint: "jaeger.observability.svc.cluster.local:4317"', '    sample_rate: 0.25');
  service.index({ file: { uri: 'file:///w/config/config.yaml', text: config }, settings: DEFAULT_SETTINGS, location: { path: '/w/config/config.yaml' } });
  assert.deepEqual(
    got(validate(text, { service })),
    expect(text, [['otelcol/policy', 'warning', 'policies', "No status_code policy keeps ERROR traces: the design's prod sampling keeps every error trace, and 25% of the rest."]]),
  );
  // Prod config files that disagree: the design's rate holds (config/policy tells which file is off).
  const other = config.replace('0.25', '1.0');
  service.index({ file: { uri: 'file:///w/auth/config.yaml', text: other }, settings: DEFAULT_SETTINGS, location: { path: '/w/auth/config.yaml' } });
  assert.deepEqual(
    got(validate(text, { service })).map((d) => d.message),
    [
      "No status_code policy keeps ERROR traces: the design's prod sampling keeps every error trace, and 10% of the rest.",
      "sampling_percentage 25 is not the prod sample rate: the design's prod sample_rate 0.1 says 10%.",
    ],
  );
  assert.deepEqual(validate(text, { settings: dev() }), [], 'a collector judged as dev by k1s0.config.environments');
});

test('otelcol/policy: a traces pipeline without tail_sampling, receivers off the ports services send to, Jaeger off 4317', () => {
  const text = lines(
    'receivers:',
    '  otlp:',
    '    protocols:',
    '      grpc:',
    '        endpoint: 0.0.0.0:4316',
    '      http:',
    '        endpoint: 0.0.0.0:4317',
    'exporters:',
    '  otlp/jaeger:',
    '    endpoint: jaeger-collector:14250',
    'service:',
    '  pipelines:',
    '    traces:',
    '      receivers: [otlp]',
    '      exporters: [otlp/jaeger]',
  );
  const diagnostics = validate(text);
  assert.deepEqual(
    got(diagnostics),
    expect(text, [
      [
        'otelcol/policy',
        'warning',
        '0.0.0.0:4316',
        "The otlp receiver's grpc endpoint listens on 4316: services send OTLP grpc to port 4317 (the design's OTEL_EXPORTER_OTLP_ENDPOINT, 4317 gRPC / 4318 HTTP).",
      ],
      [
        'otelcol/policy',
        'warning',
        '0.0.0.0:4317',
        "The otlp receiver's http endpoint listens on 4317: services send OTLP http to port 4318 (the design's OTEL_EXPORTER_OTLP_ENDPOINT, 4317 gRPC / 4318 HTTP).",
      ],
      ['otelcol/policy', 'warning', 'jaeger-collector:14250', 'Exporter "otlp/jaeger" sends to Jaeger on port 14250: Jaeger takes OTLP on 4317 (the design\'s "Jaeger OTLP").'],
      [
        'otelcol/policy',
        'warning',
        'traces',
        'The prod traces pipeline "traces" has no tail_sampling: the design keeps every error trace and 10% of the rest (トレースサンプリング戦略: prod is tail-based).',
      ],
    ]),
  );
  assert.deepEqual(
    diagnostics.map((d) => d.fixes?.[0]?.edits[0]),
    [{ range: rangeOf(text, '4316'), newText: '4317' }, { range: rangeOf(text, '4317'), newText: '4318' }, { range: rangeOf(text, '14250'), newText: '4317' }, undefined],
  );
});

test("otelcol/policy: the receiver's gRPC port is where config.yaml's trace.endpoint sends; messages in Japanese", () => {
  const service = new LanguageService();
  const config = lines('observability:', '  trace:', '    endpoint: "otel-collector.observability.svc:14317"', '    sample_rate: 0.1');
  service.index({ file: { uri: 'file:///w/config/config.yaml', text: config }, settings: DEFAULT_SETTINGS, location: { path: '/w/config/config.yaml' } });
  const diagnostics = validate(MINIMAL, { service });
  assert.deepEqual(
    got(diagnostics),
    expect(MINIMAL, [
      [
        'otelcol/policy',
        'warning',
        '0.0.0.0:4317',
        "The otlp receiver's grpc endpoint listens on 4317: services send OTLP grpc to port 14317 (trace.endpoint otel-collector.observability.svc:14317 of config/config.yaml).",
      ],
    ]),
  );
  setLocale('ja');
  try {
    assert.deepEqual(
      validate(MINIMAL.replace('[otlp/jaeger]', '[otlp/jaegr]'), { settings: dev() }).map((d) => d.message),
      ['エクスポーター "otlp/jaegr" は exporters にも connectors にも定義されていません。"otlp/jaeger" のことですか？'],
    );
  } finally {
    setLocale('en');
  }
});

test("otelcol/policy: the receiver's gRPC port is where the workloads' OTEL_EXPORTER_OTLP_ENDPOINT sends", () => {
  const service = new LanguageService();
  const manifest = lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: { name: ledger, namespace: k1s0-prod }',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: ledger',
    '          image: ledger:1',
    '          env:',
    '            - name: OTEL_EXPORTER_OTLP_ENDPOINT',
    '              value: http://otel-collector.observability.svc:14317',
  );
  const path = '/w/k8s/ledger.yaml';
  const request = { file: { uri: `file://${path}`, text: manifest }, settings: DEFAULT_SETTINGS, location: { path } };
  assert.equal(service.kindOf(request.file, DEFAULT_SETTINGS, request.location), 'kubernetes');
  service.index(request);
  assert.deepEqual(service.workspace.otlpEndpoints(), [{ uri: `file://${path}`, variable: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability.svc:14317' }]);
  assert.deepEqual(
    got(validate(MINIMAL, { service })),
    expect(MINIMAL, [
      [
        'otelcol/policy',
        'warning',
        '0.0.0.0:4317',
        "The otlp receiver's grpc endpoint listens on 4317: services send OTLP grpc to port 14317 (OTEL_EXPORTER_OTLP_ENDPOINT http://otel-collector.observability.svc:14317 of k8s/ledger.yaml).",
      ],
    ]),
  );
  // Sent to 4317, as the receiver listens: silent.
  service.index({ ...request, file: { ...request.file, text: manifest.replace(':14317', ':4317') } });
  assert.deepEqual(got(validate(MINIMAL, { service })), []);
});

test('otelcol/policy: a metrics pipeline needs no sampling; a sampler shared by two traces pipelines is said once', () => {
  const metrics = MINIMAL.replace('    traces:\n', '    metrics:\n').replace('[memory_limiter, tail_sampling, batch]', '[memory_limiter, batch]');
  assert.deepEqual(
    got(validate(metrics)).filter((d) => d.code === 'otelcol/policy'),
    [],
  );
  const shared = `${MINIMAL.replace('sampling_percentage: 10', 'sampling_percentage: 20')}    traces/2:\n      receivers: [otlp]\n      processors: [tail_sampling]\n      exporters: [otlp/jaeger]\n`;
  assert.deepEqual(got(validate(shared)), expect(shared, [['otelcol/policy', 'warning', '20', "sampling_percentage 20 is not the prod sample rate: the design's prod sample_rate 0.1 says 10%."]]));
});

test("otelcol/policy: a config.yaml rate outside 0..1 is not taken; a kept one is said as a percentage, with its file's folder decoded", () => {
  const text = MINIMAL.replace('sampling_percentage: 10', 'sampling_percentage: 25');
  const service = new LanguageService();
  service.index({
    file: { uri: 'file:///w/config/config.yaml', text: lines('observability:', '  trace:', '    sample_rate: 1.5') },
    settings: DEFAULT_SETTINGS,
    location: { path: '/w/config/config.yaml' },
  });
  assert.deepEqual(
    got(validate(text, { service })),
    expect(text, [['otelcol/policy', 'warning', '25', "sampling_percentage 25 is not the prod sample rate: the design's prod sample_rate 0.1 says 10%."]]),
  );
  const other = new LanguageService();
  const config = lines('observability:', '  trace:', '    endpoint: "otel:4318"', '    sample_rate: 0.123456789');
  other.index({ file: { uri: 'file:///w/my%20app/config.yaml', text: config }, settings: DEFAULT_SETTINGS, location: { path: '/w/my app/config.yaml' } });
  assert.deepEqual(
    got(validate(text, { service: other })),
    expect(text, [['otelcol/policy', 'warning', '25', 'sampling_percentage 25 is not the prod sample rate: sample_rate 0.123456789 of my app/config.yaml says 12.345679%.']]),
  );
});

test('otelcol/policy: an endpoint whose host is a substitution still has its port; a collector without a gRPC receiver; Jaeger by host, over HTTP on 4318', () => {
  const substituted = MINIMAL.replace('0.0.0.0:4317', '${env:POD_IP}:4316');
  assert.deepEqual(
    got(validate(substituted)).map((d) => [d.code, d.range, d.message]),
    [
      [
        'otelcol/policy',
        rangeOf(substituted, '${env:POD_IP}:4316'),
        "The otlp receiver's grpc endpoint listens on 4316: services send OTLP grpc to port 4317 (the design's OTEL_EXPORTER_OTLP_ENDPOINT, 4317 gRPC / 4318 HTTP).",
      ],
    ],
  );
  const httpOnly = MINIMAL.replace('      grpc:\n        endpoint: 0.0.0.0:4317', '      http:\n        endpoint: 0.0.0.0:4318');
  assert.deepEqual(
    got(validate(httpOnly)),
    expect(httpOnly, [
      ['otelcol/policy', 'warning', 'receivers', "No otlp receiver listens for gRPC: services send OTLP to port 4317 (the design's OTEL_EXPORTER_OTLP_ENDPOINT, 4317 gRPC / 4318 HTTP)."],
    ]),
  );
  const byHost = MINIMAL.replaceAll('otlp/jaeger', 'otlp/traces').replace('jaeger-collector:4317', 'jaeger-collector:14250');
  assert.deepEqual(
    got(validate(byHost)),
    expect(byHost, [['otelcol/policy', 'warning', 'jaeger-collector:14250', 'Exporter "otlp/traces" sends to Jaeger on port 14250: Jaeger takes OTLP on 4317 (the design\'s "Jaeger OTLP").']]),
  );
  assert.deepEqual(got(validate(byHost.replace('jaeger-collector:14250', 'tempo:14250'))), [], 'an exporter to another backend');
  const http = MINIMAL.replace('  otlp/jaeger:\n    endpoint: jaeger-collector:4317\n', '  otlphttp/jaeger:\n    endpoint: http://jaeger-collector:4317\n').replace(
    '[otlp/jaeger]',
    '[otlphttp/jaeger]',
  );
  assert.deepEqual(
    got(validate(http)),
    expect(http, [['otelcol/policy', 'warning', 'http://jaeger-collector:4317', 'Exporter "otlphttp/jaeger" sends to Jaeger on port 4317: Jaeger takes OTLP on 4318 (the design\'s "Jaeger OTLP").']]),
  );
});
