import { test } from 'node:test';
import assert from 'node:assert/strict';
import { envFileVariables, environmentVariables, parsePortSpec, parseVolumeSpec, publishedPorts, readComposeText } from './compose';
import { parseYaml } from './yaml/parse';

test('short-syntax ports: published, target, IP and protocol, or why not', () => {
  assert.deepEqual(parsePortSpec('3200:3000'), { target: { from: 3000, to: 3000 }, protocol: 'tcp', published: { from: 3200, to: 3200 } });
  assert.deepEqual(parsePortSpec('127.0.0.1:4317-4318:4317-4318/UDP'), { target: { from: 4317, to: 4318 }, protocol: 'udp', published: { from: 4317, to: 4318 }, hostIp: '127.0.0.1' });
  assert.deepEqual(parsePortSpec('[::1]:9090:9090'), { target: { from: 9090, to: 9090 }, protocol: 'tcp', published: { from: 9090, to: 9090 }, hostIp: '::1' });
  assert.deepEqual(parsePortSpec('4317'), { target: { from: 4317, to: 4317 }, protocol: 'tcp' });
  assert.deepEqual(parsePortSpec('127.0.0.1::80'), { target: { from: 80, to: 80 }, protocol: 'tcp', hostIp: '127.0.0.1' });
  assert.equal(parsePortSpec('${GRAFANA_PORT}:3000'), undefined);
  assert.deepEqual(parsePortSpec('0:80'), { error: 'port', part: '0' });
  assert.deepEqual(parsePortSpec('80:70000'), { error: 'port', part: '70000' });
  assert.deepEqual(parsePortSpec('80/http'), { error: 'protocol', part: 'http' });
});

test('short-syntax volumes: source and absolute target, Windows drives, modes', () => {
  assert.deepEqual(parseVolumeSpec('./infra/docker/prometheus:/etc/prometheus:ro'), { source: './infra/docker/prometheus', target: '/etc/prometheus' });
  assert.deepEqual(parseVolumeSpec('C:\\data:/data:rw,z'), { source: 'C:\\data', target: '/data' });
  assert.deepEqual(parseVolumeSpec('/var/lib/data'), { target: '/var/lib/data' });
  assert.deepEqual(parseVolumeSpec('data'), { error: 'relative', part: 'data' });
  assert.deepEqual(parseVolumeSpec(':/data'), { error: 'form' });
  assert.deepEqual(parseVolumeSpec('data:/b:ro:x'), { error: 'form' });
});

test('environment in both forms and .env files, with the offsets of names and values', () => {
  const text = 'environment:\n  - OTEL_A=1\n  - "OTEL_B=x y"\n  - OTEL_C\nmap:\n  OTEL_D: "2"\n  OTEL_E:\n';
  const doc = parseYaml(text).documents[0];
  const at = (v: { name: string; value?: string; nameStart: number; nameEnd: number; valueStart: number; valueEnd: number }) => [
    v.name,
    v.value,
    text.slice(v.nameStart, v.nameEnd),
    text.slice(v.valueStart, v.valueEnd),
  ];
  assert.deepEqual(environmentVariables(doc?.get('environment', true), text).map(at), [
    ['OTEL_A', '1', 'OTEL_A', '1'],
    ['OTEL_B', 'x y', 'OTEL_B', 'x y'],
    ['OTEL_C', undefined, 'OTEL_C', ''],
  ]);
  assert.deepEqual(environmentVariables(doc?.get('map', true), text).map(at), [
    ['OTEL_D', '2', 'OTEL_D', '"2"'],
    ['OTEL_E', undefined, 'OTEL_E', ''],
  ]);
  const env = '# comment\nOTEL_A=1\r\nexport OTEL_B = "x y"\nOTEL_C=v # note\n\nnot a line\n';
  assert.deepEqual(
    envFileVariables(env).map((v) => [v.name, v.value, env.slice(v.nameStart, v.nameEnd), env.slice(v.valueStart, v.valueEnd)]),
    [
      ['OTEL_A', '1', 'OTEL_A', '1'],
      ['OTEL_B', 'x y', 'OTEL_B', 'x y'],
      ['OTEL_C', 'v', 'OTEL_C', 'v'],
    ],
  );
});

test('the model of a compose file: profiles, ports, volumes, env files; undefined for no compose file', () => {
  const model = readComposeText(
    'services:\n  grafana:\n    image: grafana/grafana\n    profiles: [observability]\n    ports: ["3200:3000", {target: 9, published: 19}]\n    env_file: .env\n  app:\n    build: ./app\n',
  );
  assert.deepEqual(
    model?.services.map((s) => [s.name, s.image ?? s.buildContext, s.profiles, publishedPorts(s), s.envFiles.map((f) => f.path)]),
    [
      ['grafana', 'grafana/grafana', ['observability'], [3200, 19], ['.env']],
      ['app', './app', [], [], []],
    ],
  );
  assert.equal(readComposeText('a: [\n'), undefined);
  assert.equal(readComposeText('a: 1\n'), undefined);
});

test('a .env line of a megabyte is read in linear time', () => {
  const line = `OTEL_A=a${' '.repeat(1_000_000)}x `;
  const [variable] = envFileVariables(line);
  assert.equal(variable?.value?.length, 1_000_002);
});
