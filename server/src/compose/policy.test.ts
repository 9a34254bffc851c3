import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_STACK_SETTINGS } from '../../../client/src/stack/settings';
import { composeObservabilityProfile } from '../../../client/src/stack/stackFiles';
import { diagnose, render } from '../catalog/testSupport';

const DESIGN = composeObservabilityProfile(DEFAULT_STACK_SETTINGS);
const FILE = 'docker-compose.yaml';
const check = (text: string, files: Record<string, string | undefined> = {}, file = FILE) =>
  render(diagnose(file, { ...files, [file]: text }), ['compose/policy']).filter((l) => !l.includes('fix Disable '));
/** The design's file without one service (its block up to the next blank line). */
const without = (name: string) => DESIGN.replace(new RegExp(`  ${name}:\\n(?:.+\\n)+\\n?`), '');

test('a missing component is named with its host ports, container port shown where it differs', () => {
  assert.deepEqual(check(without('grafana')), [
    "3:0-3:8 warning compose/policy The observability profile has no Grafana: the design's local stack (ローカル開発環境デプロイ手順) is Jaeger, Prometheus, Grafana and Loki, Grafana on 3200→3000.",
  ]);
  assert.deepEqual(check(without('jaeger')), [
    "3:0-3:8 warning compose/policy The observability profile has no Jaeger: the design's local stack (ローカル開発環境デプロイ手順) is Jaeger, Prometheus, Grafana and Loki, Jaeger on 16686, 4317, 4318.",
  ]);
});

test('an override file counts only in the same folder and only with the profile', () => {
  const noLoki = without('loki');
  const loki = (profiles: string) => `services:\n  loki:\n    image: grafana/loki:3.1.0\n${profiles}    ports: ["3100:3100"]\n`;
  const missing =
    "3:0-3:8 warning compose/policy The observability profile has no Loki: the design's local stack (ローカル開発環境デプロイ手順) is Jaeger, Prometheus, Grafana and Loki, Loki on 3100.";
  assert.deepEqual(check(noLoki, { 'other/docker-compose.override.yaml': loki('    profiles: [observability]\n') }), [missing]);
  assert.deepEqual(check(noLoki, { 'docker-compose.override.yaml': loki('') }), [missing]);
  assert.deepEqual(check(noLoki, { 'docker-compose.override.yaml': loki('    profiles: [observability]\n').replace('loki:\n', 'lokii:\n').replace('grafana/loki', 'grafana/promtail') }), [missing]);
});

test('host ports: a container-only port is left alone, ranges and long syntax are read, fixes only for one short-form port', () => {
  const text = DESIGN.replace('      - "9090:9090"', '      - "9090"')
    .replace('      - "4317:4317"     # OTLP gRPC\n      - "4318:4318"     # OTLP HTTP', '      - "14317-14318:4317-4318"')
    .replace('      - "3100:3100"', '      - target: 3100\n        published: 3101')
    .replace('      - "16686:16686"', "      - '16687:16686/tcp'");
  assert.deepEqual(check(text), [
    '10:8-10:25 warning compose/policy Jaeger (jaeger) publishes container port 16686 on host port 16687; the design publishes it on 16686.',
    `  fix Publish on host port 16686: 10:8-10:25 "'16686:16686/tcp'"`,
    '11:8-11:31 warning compose/policy Jaeger (jaeger) publishes container port 4317 on host port 14317; the design publishes it on 4317.',
    '11:8-11:31 warning compose/policy Jaeger (jaeger) publishes container port 4318 on host port 14318; the design publishes it on 4318.',
    '44:8-46:0 warning compose/policy Loki (loki) publishes container port 3100 on host port 3101; the design publishes it on 3100.',
  ]);
});

test('profiles added to an empty flow list; a block list gets no fix', () => {
  const empty = DESIGN.replace('    profiles: [observability]\n    command: -config', '    profiles: []\n    command: -config');
  const block = DESIGN.replace('    profiles: [observability]\n    command: -config', '    profiles:\n      - infra\n    command: -config');
  const notInProfile =
    '38:2-38:6 warning compose/policy Service loki (Loki) is not in the observability profile: "docker compose --profile observability up -d" would not start it. Add "observability" to its profiles.';
  assert.deepEqual(check(empty), [notInProfile, '  fix Add the observability profile: 40:15-40:15 "observability"']);
  assert.deepEqual(check(block), [notInProfile]);
});

test('duplicate host ports: per protocol, across long and short syntax, in the first 1001 ports of a range', () => {
  const text = [
    'services:',
    '  a:',
    '    image: a',
    '    ports:',
    '      - "53:53/udp"',
    '      - target: 80',
    '        published: "8080"',
    '      - "20000-29999:20000-29999"',
    '  b:',
    '    image: b',
    '    ports:',
    '      - "53:53"',
    '      - "8080:80"',
    '      - "21500:21500"',
    '      - "20999:20999"',
    '',
  ].join('\n');
  assert.deepEqual(check(text), [
    '12:8-12:17 warning compose/policy Host port 8080 is already published by a (line 6): Compose would fail to start the second one with "port is already allocated".',
    '14:8-14:21 warning compose/policy Host port 20999 is already published by a (line 8): Compose would fail to start the second one with "port is already allocated".',
  ]);
});

test('ports that cannot be read (interpolated) leave the missing ones unjudged; a flow-style service gets no profile fix', () => {
  const interpolated = DESIGN.replace('"16686:16686"', '"${UI_PORT}:16686"').replace('      - "4318:4318"     # OTLP HTTP\n', '');
  assert.deepEqual(check(interpolated), []);
  const flow = `${without('loki')}  loki: { image: "grafana/loki:3.1.0", ports: ["3100:3100"] }\n`;
  assert.deepEqual(check(flow), [
    '38:2-38:6 warning compose/policy Service loki (Loki) is not in the observability profile: "docker compose --profile observability up -d" would not start it. Add "observability" to its profiles.',
  ]);
});

test('a missing component is named on the services key wherever it is', () => {
  const text = `name: local-stack\n${without('loki')}`;
  assert.deepEqual(check(text), [
    "4:0-4:8 warning compose/policy The observability profile has no Loki: the design's local stack (ローカル開発環境デプロイ手順) is Jaeger, Prometheus, Grafana and Loki, Loki on 3100.",
  ]);
});
