import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, render } from '../catalog/testSupport';
import { OTEL_VARIABLES } from './variables';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';

const CODES = ['otel/env', 'yaml/syntax'];
const only = (lines: string[]) => lines.filter((l) => !l.includes('fix Disable '));
const compose = (environment: string, files: Record<string, string | undefined> = {}) =>
  only(render(diagnose('docker-compose.yaml', { ...files, 'docker-compose.yaml': `services:\n  order:\n    image: order\n    environment:\n${environment}` }), CODES));

test('the table: every variable of the SDK specification named, with the per-signal OTLP variants', () => {
  assert.equal(OTEL_VARIABLES.get('OTEL_EXPORTER_OTLP_LOGS_PROTOCOL')?.kind, 'enum');
  assert.deepEqual(OTEL_VARIABLES.get('OTEL_TRACES_SAMPLER')?.values, [
    'always_on',
    'always_off',
    'traceidratio',
    'parentbased_always_on',
    'parentbased_always_off',
    'parentbased_traceidratio',
    'parentbased_jaeger_remote',
    'jaeger_remote',
    'xray',
  ]);
  assert.equal(OTEL_VARIABLES.size, 74);
});

test("the design's variables (dev defaults) are silent, in both forms", () => {
  assert.deepEqual(compose('      OTEL_EXPORTER_OTLP_ENDPOINT: http://jaeger:4317\n      OTEL_SERVICE_NAME: order\n      OTEL_TRACES_SAMPLER: always_on\n      OTEL_TRACES_SAMPLER_ARG: "1.0"\n'), []);
  assert.deepEqual(
    compose(
      '      - OTEL_EXPORTER_OTLP_ENDPOINT=http://jaeger:4317\n      - OTEL_EXPORTER_OTLP_PROTOCOL=grpc\n      - OTEL_NODE_RESOURCE_DETECTORS=env,host\n      - OTEL_SERVICE_NAME\n      - OTEL_RESOURCE_ATTRIBUTES=deployment.environment=dev,service.namespace=k1s0\n',
    ),
    [],
  );
});

test('otel/env: names with did-you-mean, values, ratios, URLs, pairs, port and protocol', () => {
  const lines = [
    '      - OTEL_EXPORTER_OTLP_ENDPIONT=http://jaeger:4317',
    '      - OTEL_TRACES_SAMPLER=traceidratio',
    '      - OTEL_TRACES_SAMPLER_ARG=1.5',
    '      - "OTEL_EXPORTER_OTLP_PROTOCOL=grcp"',
    '      - OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=jaeger:4317',
    '      - OTEL_RESOURCE_ATTRIBUTES=team=a,tier',
    '      - OTEL_PROPAGATORS=tracecontext,bagage',
    '      - OTEL_SDK_DISABLED=yes',
    '      - OTEL_BSP_SCHEDULE_DELAY=5s',
    '',
  ].join('\n');
  assert.deepEqual(compose(lines), [
    '4:8-4:35 warning otel/env OTEL_EXPORTER_OTLP_ENDPIONT is not a variable of the OpenTelemetry SDK specification: the SDK ignores it. Did you mean OTEL_EXPORTER_OTLP_ENDPOINT?',
    '  fix Rename to OTEL_EXPORTER_OTLP_ENDPOINT: 4:8-4:35 "OTEL_EXPORTER_OTLP_ENDPOINT"',
    '6:32-6:35 warning otel/env OTEL_TRACES_SAMPLER_ARG="1.5" is not a ratio in [0, 1], which the traceidratio sampler needs: the SDK ignores it and samples every trace (1.0).',
    '7:37-7:41 warning otel/env OTEL_EXPORTER_OTLP_PROTOCOL="grcp" is not one of grpc, http/protobuf, http/json: the SDK ignores it and uses its default. Did you mean "grpc"?',
    '  fix Change to "grpc": 7:37-7:41 "grpc"',
    '8:43-8:54 warning otel/env OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="jaeger:4317" is not a URL with a scheme: write it as http://host:port (e.g. http://jaeger:4317).',
    '9:33-9:44 warning otel/env OTEL_RESOURCE_ATTRIBUTES: "tier" is not a key=value pair: the SDK drops the whole variable when one pair is malformed (pairs are separated by commas, values percent-encoded).',
    '10:38-10:44 warning otel/env OTEL_PROPAGATORS: "bagage" is not one of tracecontext, baggage, b3, b3multi, jaeger, xray, ottrace, none. Did you mean "baggage"?',
    '  fix Change to "baggage": 10:38-10:44 "baggage"',
    '11:26-11:29 warning otel/env OTEL_SDK_DISABLED="yes" is not true or false: the SDK reads anything but "true" as false.',
    '12:32-12:34 warning otel/env OTEL_BSP_SCHEDULE_DELAY="5s" is not a whole number (milliseconds, sizes and limits are integers): the SDK ignores it and uses its default.',
  ]);
  // 4317 is gRPC's, 4318 HTTP's: a mismatch with the protocol set is a warning; the per-signal protocol wins.
  assert.deepEqual(
    compose(
      '      OTEL_EXPORTER_OTLP_ENDPOINT: "http://jaeger:4317"\n      OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf\n      OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: http://loki:4317/v1/logs\n      OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: grpc\n',
    ),
    ['4:36-4:54 warning otel/env OTEL_EXPORTER_OTLP_ENDPOINT uses port 4317, but OTEL_EXPORTER_OTLP_PROTOCOL is http/protobuf: OTLP HTTP is received on 4318 (4317 gRPC, 4318 HTTP).'],
  );
});

test("precedence: a variable that contradicts its service's config.yaml is ignored while config.yaml is readable", () => {
  const config = 'observability:\n  trace:\n    enabled: true\n    endpoint: "jaeger:4317"\n    sample_rate: 1.0\n';
  const files = { 'regions/order/config/config.dev.yaml': config, 'regions/order/config/config.yaml': config.replace('1.0', '0.1') };
  const service = (environment: string, extra = '') => `services:\n  order:\n    build: ./regions/order${extra}\n    environment:\n${environment}`;
  const check = (text: string, more: Record<string, string> = {}) => only(render(diagnose('docker-compose.yaml', { ...files, ...more, 'docker-compose.yaml': text }), CODES));
  // The build context holds config.dev.yaml (compose is the local, dev stack): sample_rate 1.0 and jaeger:4317.
  assert.deepEqual(check(service('      OTEL_TRACES_SAMPLER: parentbased_traceidratio\n      OTEL_TRACES_SAMPLER_ARG: "0.5"\n      OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4317\n')), [
    "5:6-5:29 warning otel/env OTEL_TRACES_SAMPLER_ARG=0.5 is ignored while regions/order/config/config.dev.yaml is readable: its trace.sample_rate (line 5) is 1.0, and config.yaml's observability section wins over the OTEL_* variables, which are only a fallback.",
    '6:6-6:33 warning otel/env OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4317 is ignored while regions/order/config/config.dev.yaml is readable: its trace.endpoint (line 4) is "jaeger:4317", and config.yaml\'s observability section wins over the OTEL_* variables, which are only a fallback.',
  ]);
  // What agrees is silent: always_on is 1.0, http://jaeger:4317 is jaeger:4317.
  assert.deepEqual(check(service('      - OTEL_TRACES_SAMPLER=always_on\n      - OTEL_EXPORTER_OTLP_ENDPOINT=http://jaeger:4317\n')), []);
  assert.deepEqual(check(service('      - OTEL_TRACES_SAMPLER=always_off\n')), [
    "4:8-4:27 warning otel/env OTEL_TRACES_SAMPLER=always_off is ignored while regions/order/config/config.dev.yaml is readable: its trace.sample_rate (line 5) is 1.0, and config.yaml's observability section wins over the OTEL_* variables, which are only a fallback.",
  ]);
  // A mounted config file, and a config file naming the service (app.name), are found too.
  const mounted = 'services:\n  api:\n    image: api\n    volumes: ["./regions/order/config/config.yaml:/app/config.yaml:ro"]\n    environment: { OTEL_TRACES_SAMPLER: always_on }\n';
  assert.deepEqual(check(mounted), [
    "4:19-4:38 warning otel/env OTEL_TRACES_SAMPLER=always_on is ignored while regions/order/config/config.yaml is readable: its trace.sample_rate (line 5) is 0.1, and config.yaml's observability section wins over the OTEL_* variables, which are only a fallback.",
  ]);
  const named = { 'svc/config/config.dev.yaml': 'app:\n  name: billing\n' + config.replace('1.0', '0.2') };
  assert.deepEqual(check('services:\n  billing:\n    image: billing\n    environment: { OTEL_TRACES_SAMPLER: always_on }\n', named).length, 1);
  // No config.yaml for the service: the variables are what the SDK reads; nothing to say.
  assert.deepEqual(check('services:\n  other:\n    image: other\n    environment: { OTEL_TRACES_SAMPLER: always_on }\n'), []);
});

test('.env files and Kubernetes workloads', () => {
  const env = '# local overrides\nOTEL_SERVICE_NAME=order\nOTEL_TRACES_SAMPLR=always_on\nexport OTEL_EXPORTER_OTLP_PROTOCOL="http/protobuff"\n';
  assert.deepEqual(only(render(diagnose('.env', { '.env': env }), CODES)), [
    '2:0-2:18 warning otel/env OTEL_TRACES_SAMPLR is not a variable of the OpenTelemetry SDK specification: the SDK ignores it. Did you mean OTEL_TRACES_SAMPLER?',
    '  fix Rename to OTEL_TRACES_SAMPLER: 2:0-2:18 "OTEL_TRACES_SAMPLER"',
    '3:36-3:50 warning otel/env OTEL_EXPORTER_OTLP_PROTOCOL="http/protobuff" is not one of grpc, http/protobuf, http/json: the SDK ignores it and uses its default. Did you mean "http/protobuf"?',
    '  fix Change to "http/protobuf": 3:36-3:50 "http/protobuf"',
  ]);
  const deployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: order',
    '  namespace: k1s0-prod',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: order',
    '          env:',
    '            - name: OTEL_TRACES_SAMPLER',
    '              value: traceidratio',
    '            - name: OTEL_TRACES_SAMPLER_ARG',
    '              value: "0.5"',
    '            - name: OTEL_EXPORTER_OTLP_ENDPOINT',
    '              valueFrom: { configMapKeyRef: { name: otel, key: endpoint } }',
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: { name: otel }',
    'data: { OTEL_X: "1" }',
    '',
  ].join('\n');
  const config = 'app:\n  name: order\nobservability:\n  trace:\n    endpoint: "jaeger.observability.svc.cluster.local:4317"\n    sample_rate: 0.1\n';
  const files = { 'k8s/order.yaml': deployment, 'order/config/config.yaml': config, 'order/config/config.staging.yaml': config.replace('0.1', '0.5') };
  // The namespace says prod: config.yaml (sample_rate 0.1) is the one read.
  assert.deepEqual(only(render(diagnose('k8s/order.yaml', files), CODES)), [
    "13:20-13:43 warning otel/env OTEL_TRACES_SAMPLER_ARG=0.5 is ignored while ../order/config/config.yaml is readable: its trace.sample_rate (line 6) is 0.1, and config.yaml's observability section wins over the OTEL_* variables, which are only a fallback.",
  ]);
  const service = new LanguageService();
  const request = { file: { uri: 'file:///ws/k8s/order.yaml', text: deployment }, settings: DEFAULT_SETTINGS, location: { path: '/ws/k8s/order.yaml', relativePath: 'k8s/order.yaml' } };
  assert.deepEqual(
    service.outlineOf(request.file, request.settings, request.location).map((s) => [s.name, s.detail, s.children.map((c) => c.name)]),
    [['order', 'Deployment', ['order']]],
  );
});

test('bad input: a huge .env is not read, a binary one is lines of nothing, a broken manifest is its syntax error', () => {
  const small = { ...DEFAULT_SETTINGS, files: { ...DEFAULT_SETTINGS.files, maxFileSizeKB: 1 } };
  const big = Array.from({ length: 200 }, (_, i) => `OTEL_X${i}=1`).join('\n');
  assert.deepEqual(render(diagnose('.env', { '.env': big }, small)), ['0:0-0:0 warning file/too-large Not checked: the file is 2 KB, over k1s0.files.maxFileSizeKB (1 KB).']);
  assert.deepEqual(render(diagnose('.env', { '.env': 'OTEL_\u0000\u0001=\u0002\nOTEL_SERVICE_NAME\u0000\n' })), []);
  // Long values are read in linear time (no regex that backtracks over them).
  const long = `OTEL_TRACES_SAMPLER=traceidratio\nOTEL_TRACES_SAMPLER_ARG=${'1'.repeat(200_000)}x\nOTEL_RESOURCE_ATTRIBUTES=${'a'.repeat(200_000)}\n`;
  assert.deepEqual(
    diagnose('.env', { '.env': long }).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`),
    ['1:24-1:200025 otel/env', '2:25-2:200025 otel/env'],
  );
  assert.deepEqual(only(render(diagnose('k8s/x.yaml', { 'k8s/x.yaml': 'kind: Deployment\nspec: [\n  OTEL_X\n' }), CODES)).length, 1);
});

test("a .env file read by a compose service (env_file) is compared with that service's config.yaml", () => {
  const config = 'observability:\n  trace:\n    endpoint: "jaeger:4317"\n    sample_rate: 1.0\n';
  const files = {
    'docker-compose.yaml': 'services:\n  order:\n    build: ./order\n    env_file: [order.env]\n',
    'order/config/config.dev.yaml': config,
    'order.env': 'OTEL_TRACES_SAMPLER=parentbased_traceidratio\nOTEL_TRACES_SAMPLER_ARG=0.25\n',
  };
  assert.deepEqual(only(render(diagnose('order.env', files), CODES)), [
    "1:0-1:23 warning otel/env OTEL_TRACES_SAMPLER_ARG=0.25 is ignored while order/config/config.dev.yaml is readable: its trace.sample_rate (line 4) is 1.0, and config.yaml's observability section wins over the OTEL_* variables, which are only a fallback.",
  ]);
  // Read by no service: nothing to compare with.
  assert.deepEqual(only(render(diagnose('other.env', { ...files, 'other.env': files['order.env'] }), CODES)), []);
});

test('Kubernetes: CronJobs and init containers are read; other kinds and workloads without OTEL_* are left alone', () => {
  const cron = [
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata: { name: report }',
    'spec:',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          initContainers:',
    '            - name: init',
    '              env: [{ name: OTEL_EXPORTER_OTLP_PROTOCOL, value: grpc }, { name: OTEL_EXPORTER_OTLP_ENDPOINT, value: "http://collector:4318" }]',
    '          containers:',
    '            - name: report',
    '              env: [{ name: OTEL_SERVCE_NAME, value: report }]',
    '',
  ].join('\n');
  assert.deepEqual(only(render(diagnose('cron.yaml', { 'cron.yaml': cron }), CODES)), [
    '10:117-10:138 warning otel/env OTEL_EXPORTER_OTLP_ENDPOINT uses port 4318, but OTEL_EXPORTER_OTLP_PROTOCOL is grpc: OTLP gRPC is received on 4317 (4317 gRPC, 4318 HTTP).',
    '13:28-13:44 warning otel/env OTEL_SERVCE_NAME is not a variable of the OpenTelemetry SDK specification: the SDK ignores it. Did you mean OTEL_SERVICE_NAME?',
    '  fix Rename to OTEL_SERVICE_NAME: 13:28-13:44 "OTEL_SERVICE_NAME"',
  ]);
  const service = new LanguageService();
  const kindOf = (path: string, text: string) => {
    const request = { file: { uri: `file:///ws/${path}`, text }, settings: DEFAULT_SETTINGS, location: { path: `/ws/${path}`, relativePath: path } };
    return service.outlineOf(request.file, request.settings, request.location).length;
  };
  assert.equal(kindOf('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata: { OTEL_SERVCE_NAME: x }\n'), 0);
  assert.deepEqual(only(render(diagnose('cm.yaml', { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\ndata: { OTEL_SERVCE_NAME: x }\n' }), CODES)), []);
  assert.deepEqual(only(render(diagnose('d.yaml', { 'd.yaml': 'kind: Deployment\nspec: {}\n' }), CODES)), []);
});
