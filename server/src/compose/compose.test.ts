import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_STACK_SETTINGS } from '../../../client/src/stack/settings';
import { composeObservabilityProfile } from '../../../client/src/stack/stackFiles';
import { diagnose, render } from '../catalog/testSupport';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';
import { COMPOSE_SHAPE, SERVICE } from './shape';
import { completeShape, hoverShape } from '../features/shapeAssist';

const DESIGN = composeObservabilityProfile(DEFAULT_STACK_SETTINGS);
const FILE = 'docker-compose.yaml';
const CODES = ['compose/schema', 'compose/policy', 'yaml/syntax'];
const check = (text: string, files: Record<string, string | undefined> = {}) => render(diagnose(FILE, { ...files, [FILE]: text }), CODES).filter((l) => !l.includes('fix Disable '));

test("the design's compose profile (the client's stack files) is silent", () => {
  assert.deepEqual(check(DESIGN), []);
  // Extension keys, both forms of environment, long-form ports and volumes, depends_on conditions.
  const app = [
    'x-common: &common',
    '  restart: unless-stopped',
    'services:',
    '  order:',
    '    build: { context: ./order, args: { GO_VERSION: "1.22" } }',
    '    x-owner: team-a',
    '    environment:',
    '      - OTEL_SERVICE_NAME=order',
    '      - LOG_LEVEL',
    '    env_file: [.env, { path: ./local.env, required: false }]',
    '    ports:',
    '      - target: 8080',
    '        published: "18080"',
    '        protocol: tcp',
    '      - "127.0.0.1:18081:8081"',
    '      - "[::1]:18082:8082/udp"',
    '    volumes:',
    '      - type: bind',
    '        source: ./data',
    '        target: /data',
    '      - data:/var/lib/order',
    '      - C:\\work:/work:ro,z',
    '    depends_on:',
    '      db: { condition: service_healthy }',
    '    healthcheck:',
    '      test: ["CMD", "true"]',
    '      interval: 1m30s',
    '    restart: on-failure:3',
    '    deploy: { resources: { limits: { cpus: "0.5", memory: 512M } } }',
    '    networks:',
    '      default:',
    '        aliases: [orders]',
    '  db:',
    '    image: postgres:16',
    '    environment: { POSTGRES_PASSWORD: dev, PGPORT: 5432 }',
    'volumes:',
    '  data:',
    '',
  ].join('\n');
  assert.deepEqual(check(app), []);
});

test('compose/schema: unknown keys with did-you-mean, types, enums, malformed ports and volumes', () => {
  const text = [
    'services:',
    '  api:',
    '    imgae: api:1',
    '    ports:',
    '      - "8080:80/tpc"',
    '      - "80800:80"',
    '      - "8000-8002:80-81"',
    '      - "1.2.3:80:80"',
    '      - "a:b:c:d"',
    '    volumes:',
    '      - ./conf:etc/conf',
    '      - ./conf:/etc/conf:rox',
    '    environment:',
    '      - =value',
    '    restart: sometimes',
    '    depends_on:',
    '      db: { condition: service_up }',
    '    healthcheck: { interval: 10 }',
    '    profiles: observability',
    '',
  ].join('\n');
  assert.deepEqual(check(text), [
    `2:4-2:9 error compose/schema Unknown key "imgae" in services.api. Did you mean "image"? Allowed keys: ${Object.keys(SERVICE.fields).join(', ')}.`,
    '  fix Rename to "image": 2:4-2:9 "image"',
    '4:8-4:21 error compose/schema Port "8080:80/tpc": the protocol "tpc" after "/" must be tcp, udp or sctp.',
    '5:8-5:18 error compose/schema Port "80800:80": "80800" is not a port (1-65535) or a range of ports (4317-4318).',
    '6:8-6:25 error compose/schema Port "8000-8002:80-81": the host range and the container range differ in size.',
    '7:8-7:21 error compose/schema Port "1.2.3:80:80": "1.2.3" is not an IP address (IPv6 goes in brackets: "[::1]:9090:9090").',
    '8:8-8:17 error compose/schema Port "a:b:c:d" is not [[IP:]HOST:]CONTAINER[/PROTOCOL] (e.g. "3200:3000", "127.0.0.1:9090:9090", "4317").',
    '10:8-10:23 error compose/schema Volume "./conf:etc/conf": the container path "etc/conf" must be absolute (start with "/").',
    '11:8-11:28 error compose/schema Volume "./conf:/etc/conf:rox": "rox" is not a mount mode (ro, rw, z, Z, cached, delegated, consistent, nocopy).',
    '13:8-13:14 error compose/schema environment entry "=value" has no variable name before "=".',
    '14:13-14:22 error compose/schema restart must be one of no, always, on-failure[:N], unless-stopped; got "sometimes".',
    '16:23-16:33 error compose/schema services.api.depends_on.db.condition must be one of service_started, service_healthy, service_completed_successfully; got "service_up".',
    '17:29-17:31 error compose/schema services.api.healthcheck.interval: "10" is not a duration (a number and a unit, ns us ms s m h, e.g. 5s, 1.5h or 300ms).',
    '18:14-18:27 error compose/schema services.api.profiles must be a list; got string "observability".',
  ]);
});

test("compose/policy: the observability profile's components and the design's host ports, with fixes", () => {
  const text = DESIGN.replace('"3200:3000"', '"3000:3000"')
    .replace('"${16686}:16686"', '"16686:16686"')
    .replace('- "16686:16686"', '- "127.0.0.1:16687:16686"')
    .replace('    profiles: [observability]\n    command: -config.file=/etc/loki', '    command: -config.file=/etc/loki');
  assert.deepEqual(check(text), [
    '10:8-10:31 warning compose/policy Jaeger (jaeger) publishes container port 16686 on host port 16687; the design publishes it on 16686.',
    '  fix Publish on host port 16686: 10:8-10:31 "\\"127.0.0.1:16686:16686\\""',
    '36:8-36:19 warning compose/policy Grafana (grafana) is published on host port 3000, which the front-end dev server uses; the design maps Grafana to 3200 on the host (3200→3000).',
    '  fix Publish on host port 3200: 36:8-36:19 "\\"3200:3000\\""',
    '38:2-38:6 warning compose/policy Service loki (Loki) is not in the observability profile: "docker compose --profile observability up -d" would not start it. Add "observability" to its profiles.',
    '  fix Add the observability profile: 39:0-39:0 "    profiles: [observability]\\n"',
  ]);
  // A component missing from the profile is named on `services:`; one in an override file of the same folder counts.
  const noLoki = DESIGN.slice(0, DESIGN.indexOf('  loki:'));
  assert.deepEqual(check(noLoki), [
    "3:0-3:8 warning compose/policy The observability profile has no Loki: the design's local stack (ローカル開発環境デプロイ手順) is Jaeger, Prometheus, Grafana and Loki, Loki on 3100.",
  ]);
  assert.deepEqual(check(noLoki, { 'docker-compose.override.yaml': 'services:\n  loki:\n    image: grafana/loki:3.1.0\n    profiles: [observability]\n    ports: ["3100:3100"]\n' }), []);
  // A port not published at all; a file without the profile is not the stack's.
  assert.deepEqual(check(DESIGN.replace('      - "4318:4318"     # OTLP HTTP\n', '')), [
    '4:2-4:8 warning compose/policy Jaeger (jaeger) does not publish container port 4318; the design publishes it on host port 4318 ("4318:4318").',
  ]);
  assert.deepEqual(check('services:\n  api:\n    image: api\n    ports: ["8080:8080"]\n'), []);
});

test('compose/policy: a host port published twice; profiles added to a flow list', () => {
  const text = [
    'services:',
    '  a:',
    '    image: a',
    '    profiles: [infra]',
    '    ports: ["8080:80", "9000-9001:9000-9001"]',
    '  b:',
    '    image: b',
    '    ports:',
    '      - "8080:81"',
    '      - "9001:9001/udp"',
    '      - "9001:9002"',
    '',
  ].join('\n');
  assert.deepEqual(check(text), [
    '8:8-8:17 warning compose/policy Host port 8080 is already published by a (line 5): Compose would fail to start the second one with "port is already allocated".',
    '10:8-10:19 warning compose/policy Host port 9001 is already published by a (line 5): Compose would fail to start the second one with "port is already allocated".',
  ]);
  const loki = DESIGN.replace('    profiles: [observability]\n    command: -config.file=/etc/loki', '    profiles: [infra]\n    command: -config.file=/etc/loki');
  assert.deepEqual(check(loki), [
    '38:2-38:6 warning compose/policy Service loki (Loki) is not in the observability profile: "docker compose --profile observability up -d" would not start it. Add "observability" to its profiles.',
    '  fix Add the observability profile: 40:20-40:20 ", observability"',
  ]);
});

test("compose/policy: Prometheus mounts the folder of the workspace's prometheus.yaml", () => {
  const folder = DESIGN.replace(/ {6}- \.\/infra\/docker\/prometheus\/[a-z_]+\.yaml:\/etc\/prometheus\/[a-z_]+\.yaml:ro\n/g, '').replace(
    '    volumes:\n    ports:\n      - "9090:9090"',
    '    volumes:\n      - ./infra/docker/prometheus:/etc/prometheus:ro\n    ports:\n      - "9090:9090"',
  );
  assert.match(folder, /- \.\/infra\/docker\/prometheus:\/etc\/prometheus:ro/);
  assert.deepEqual(check(folder), []);
  const elsewhere = folder.replace('./infra/docker/prometheus:/etc/prometheus:ro', './prom:/etc/prometheus:ro');
  assert.deepEqual(check(elsewhere), [
    '14:2-14:12 warning compose/policy Prometheus (prometheus) does not mount the folder of the workspace\'s prometheus.yaml (./infra/docker/prometheus): its rule_files (/etc/prometheus/…) would not resolve in the container. Mount it, e.g. "./infra/docker/prometheus:/etc/prometheus:ro".',
  ]);
  // The compose file in a subfolder: the mount is relative to it.
  assert.deepEqual(render(diagnose('deploy/docker-compose.yaml', { 'deploy/docker-compose.yaml': folder.replace('./infra/docker/prometheus:', '../infra/docker/prometheus:') }), CODES), []);
  // Without a prometheus.yaml in the workspace there is nothing to mount.
  assert.deepEqual(check(elsewhere, { 'infra/docker/prometheus/prometheus.yaml': undefined }), []);
});

test('outline, completion and hover of a compose file', () => {
  const service = new LanguageService();
  const request = { file: { uri: 'file:///ws/docker-compose.yaml', text: DESIGN }, settings: DEFAULT_SETTINGS, location: { path: '/ws/docker-compose.yaml', relativePath: FILE } };
  service.index(request);
  const symbols = service.outlineOf(request.file, request.settings, request.location);
  assert.deepEqual(
    symbols.map((s) => [s.name, s.detail, s.kind, DESIGN.slice(s.selectionStart, s.selectionEnd)]),
    [
      ['jaeger', 'jaegertracing/all-in-one:1.57', 'service', 'jaeger'],
      ['prometheus', 'prom/prometheus:v2.53.0', 'service', 'prometheus'],
      ['grafana', 'grafana/grafana:11.1.0', 'service', 'grafana'],
      ['loki', 'grafana/loki:3.1.0', 'service', 'loki'],
    ],
  );
  const text = 'services:\n  api:\n    restart: \n    healthcheck:\n      inter\n';
  const keys = completeShape(text, text.indexOf('inter') + 5, COMPOSE_SHAPE).map((item) => item.label);
  assert.deepEqual(keys.slice(0, 3), ['test', 'interval', 'timeout']);
  const depends = 'services:\n  api:\n    depends_on:\n      db:\n        condition: \n';
  assert.deepEqual(
    completeShape(depends, depends.indexOf('condition: ') + 11, COMPOSE_SHAPE).map((item) => item.label),
    ['service_started', 'service_healthy', 'service_completed_successfully'],
  );
  // OTEL_* names and values in a mapping-form environment, with the SDK specification's words on hover.
  const env = 'services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_PROTOCOL: \n      OTEL_TRACES_SAM\n';
  assert.deepEqual(
    completeShape(env, env.indexOf('PROTOCOL: ') + 10, COMPOSE_SHAPE).map((item) => item.label),
    ['grpc', 'http/protobuf', 'http/json'],
  );
  assert.ok(completeShape(env, env.indexOf('_SAM') + 4, COMPOSE_SHAPE).some((item) => item.label === 'OTEL_TRACES_SAMPLER'));
  assert.equal(
    hoverShape(env, env.indexOf('OTEL_EXPORTER') + 3, COMPOSE_SHAPE)?.contents,
    '**OTEL_EXPORTER_OTLP_PROTOCOL** — string\n\nThe OTLP transport: grpc (port 4317) or http/protobuf, http/json (port 4318). Default: `http/protobuf`.\n\nValues: `grpc`, `http/protobuf`, `http/json`',
  );
  const hover = hoverShape(DESIGN, DESIGN.indexOf('profiles') + 2, COMPOSE_SHAPE);
  assert.equal(hover?.contents, '**profiles** — list of string\n\nThe profiles that start the service (`docker compose --profile observability up -d`).');
});

test('bad input: not YAML, binary, deeply nested, no services', () => {
  assert.deepEqual(check('services:\n  api:\n    image: [a\n'), ['3:0-3:0 error yaml/syntax Flow sequence in block collection must be sufficiently indented and end with a ]']);
  // Control characters are no YAML: one syntax error, nothing else.
  assert.deepEqual(check('services: {}\n\u0000\u0001garbage: [\n'), ['2:0-2:0 error yaml/syntax Flow sequence in block collection must be sufficiently indented and end with a ]']);
  assert.deepEqual(check('services:\n' + '  - '.repeat(400) + 'x\n'), ['1:1018-1:1019 error yaml/syntax Not checked: the document nests deeper than 256 levels']);
  // Over the size limit: one warning, the file is not read.
  const small = { ...DEFAULT_SETTINGS, files: { ...DEFAULT_SETTINGS.files, maxFileSizeKB: 1 } };
  const big = 'services:\n' + Array.from({ length: 100 }, (_, i) => `  s${i}:\n    image: x\n`).join('');
  assert.deepEqual(render(diagnose(FILE, { [FILE]: big }, small), ['file/too-large', ...CODES]), [
    '0:0-0:0 warning file/too-large Not checked: the file is 2 KB, over k1s0.files.maxFileSizeKB (1 KB).',
  ]);
  // `services` that is no mapping: the schema says so.
  assert.deepEqual(check('services: 3\n'), ['0:10-0:11 error compose/schema services must be a mapping; got number 3.']);
});
