import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeOtelEnv, hoverOtelEnv } from './otelEnvAssist';

/** Completion at `|` of the marked text: labels, and the range and insert text of the first item. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  const items = completeOtelEnv(marked.replace('|', ''), offset);
  return { labels: items.map((item) => item.label), first: items[0] && { start: items[0].start, end: items[0].end, insertText: items[0].insertText } };
}

test('a .env line and compose list form complete OTEL_ names with their "="; their values after it', () => {
  const dotenv = at('OTEL_SERVICE_NAME=ledger\nOTEL_TRACES_SAM|');
  assert.deepEqual(dotenv.labels, ['OTEL_TRACES_SAMPLER', 'OTEL_TRACES_SAMPLER_ARG']);
  assert.deepEqual(dotenv.first, { start: 25, end: 40, insertText: 'OTEL_TRACES_SAMPLER=' });
  const list = at('services:\n  api:\n    environment:\n      - OTEL_EXPORTER_OTLP_PROT|');
  assert.deepEqual(list.labels, ['OTEL_EXPORTER_OTLP_PROTOCOL']);
  assert.deepEqual(at('OTEL_EXPORTER_OTLP_PROTOCOL=http|').labels, ['grpc', 'http/protobuf', 'http/json']);
  assert.deepEqual(at('OTEL_EXPORTER_OTLP_PROTOCOL=http|').first, { start: 28, end: 32, insertText: undefined });
});

test("a container's env: names after `- name:`, even before a letter is typed, then the value on the next line", () => {
  const names = at('env:\n  - name: |');
  assert.ok(names.labels.length > 50, 'every variable of the table');
  assert.equal(names.first?.insertText, undefined, 'a name: takes no "="');
  assert.deepEqual(at('env:\n  - name: OTEL_TRACES_SAMPLER\n    value: parent|').labels, [
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
});

test('nothing in other lists or words: ports, volumes, a key being typed', () => {
  assert.deepEqual(at('ports:\n  - |').labels, []);
  assert.deepEqual(at('ports:\n  - "30|').labels, []);
  assert.deepEqual(at('image: |').labels, []);
  assert.deepEqual(at('SOME_OTHER|').labels, []);
});

test('hover on a variable name says what it does, its default and values', () => {
  const text = 'env:\n  - name: OTEL_EXPORTER_OTLP_PROTOCOL\n';
  const start = text.indexOf('OTEL_');
  const hover = hoverOtelEnv(text, start + 3);
  assert.equal(hover?.start, start);
  assert.equal(hover?.end, start + 'OTEL_EXPORTER_OTLP_PROTOCOL'.length);
  assert.match(hover?.contents ?? '', /^\*\*OTEL_EXPORTER_OTLP_PROTOCOL\*\* — enum\n\n.+\n\nDefault: `[^`]+`\n\nValues: `grpc`, `http\/protobuf`, `http\/json`$/);
  assert.equal(hoverOtelEnv(text, 2), undefined);
  assert.equal(hoverOtelEnv('OTEL_NOT_A_VARIABLE=1', 3), undefined);
});
