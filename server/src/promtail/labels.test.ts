import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, type YAMLMap } from 'yaml';
import { labelsOf, REQUIRED_LOG_LABELS } from './config';

/** The labels a job (YAML text) gives its streams, sorted; `external` are the clients' external labels. */
const labels = (text: string, external: string[] = []) => {
  const found = labelsOf(parseDocument(text).contents as YAMLMap, new Set(external));
  return found && [...found].sort();
};

test('the design’s log labels, but the per-request trace_id', () => {
  assert.deepEqual(REQUIRED_LOG_LABELS, ['service', 'tier', 'environment', 'level']);
});

test('labelsOf: static targets’ labels (not __path__), every push and pull target’s labels, and the clients’ external labels', () => {
  assert.deepEqual(labels('static_configs:\n  - labels: {a: 1, __path__: /x}\n  - labels: {b: 2}\n  - targets: [x]\n  - 3\n', ['ext']), ['a', 'b', 'ext']);
  const targets = ['journal', 'syslog', 'gcplog', 'windows_events', 'loki_push_api', 'kafka', 'gelf', 'cloudflare', 'heroku_drain', 'azure_event_hubs'];
  assert.deepEqual(labels(targets.map((kind) => `${kind}: {labels: {${kind}_label: 1}}\n`).join('')), targets.map((kind) => `${kind}_label`).sort());
});

test('labelsOf: relabelling sets the target of replace, hashmod, lowercase and uppercase; labeldrop and labelkeep by their anchored regex; labelmap makes the labels unknown', () => {
  const set =
    'relabel_configs:\n  - target_label: r\n  - action: hashmod\n    target_label: h\n  - action: lowercase\n    target_label: lo\n  - action: uppercase\n    target_label: up\n  - action: keep\n    target_label: k\n  - action: drop\n    target_label: d\n';
  assert.deepEqual(labels(set), ['h', 'lo', 'r', 'up']);
  assert.equal(labels('relabel_configs:\n  - action: labelmap\n    regex: x\n'), undefined);
  const dropKeep =
    'static_configs:\n  - labels: {a: 1, ab: 2, b: 3, c: 4}\nrelabel_configs:\n  - action: labeldrop\n    regex: "a.*"\n  - action: labelkeep\n    regex: "(c"\n  - action: labelkeep\n    regex: "b|c"\n';
  assert.deepEqual(labels(dropKeep), ['b', 'c']);
  // The clients' external labels are added as the entries are sent, after relabelling: a rule does not take them away.
  assert.deepEqual(labels(dropKeep, ['ab', 'e']), ['ab', 'b', 'c', 'e']);
});

test('labelsOf: pipeline stages add labels and static labels (a match stage’s too), labeldrop, pack and labelallow take them away', () => {
  const stages =
    'pipeline_stages:\n  - labels: {p: x, q: y}\n  - static_labels: {s: 1, t: 2}\n  - labeldrop: [q]\n  - pack: {labels: [t]}\n  - match:\n      selector: "{}"\n      stages:\n        - labels: {m: x}\n        - static_labels: {n: 1}\n  - 5\n';
  assert.deepEqual(labels(stages), ['m', 'n', 'p', 's']);
  assert.deepEqual(labels('pipeline_stages:\n  - static_labels: {a: 1, b: 2, c: 3}\n  - labelallow: [a, b]\n  - match:\n      stages:\n        - labelallow: [a]\n'), ['a']);
  // Nor does a stage: labelallow, labeldrop and pack leave the external labels.
  assert.deepEqual(labels('pipeline_stages:\n  - labelallow: [a]\n  - labeldrop: [x]\n  - pack: {labels: [y]}\n', ['x', 'y', 'z']), ['x', 'y', 'z']);
  // Lists that are not lists take nothing away.
  assert.deepEqual(labels('pipeline_stages:\n  - static_labels: {keep: 1}\n  - labeldrop: x\n  - pack: {labels: y}\n  - labelallow: z\n'), ['keep']);
});

test('labelsOf: labeldrop and labelkeep without a regex take Prometheus’s default (.*): every label dropped, every label kept', () => {
  const job = (action: string) =>
    `static_configs:\n  - labels: {service: a, tier: b, __path__: /x}\nrelabel_configs:\n  - action: ${action}\n  - target_label: environment\npipeline_stages:\n  - static_labels: {level: info}\n`;
  assert.deepEqual(labels(job('labeldrop')), ['environment', 'level']);
  assert.deepEqual(labels(job('labelkeep')), ['environment', 'level', 'service', 'tier']);
});

test('labelsOf: only labeldrop and labelkeep filter by regex; a replace without target_label adds nothing; labels starting with __ are internal', () => {
  const text =
    'static_configs:\n  - labels: {a: 1, b: 2, c: 3, x__: 4}\nrelabel_configs:\n  - {source_labels: [a], regex: zzz, target_label: __tmp_a}\n  - {action: replace, source_labels: [b]}\n  - {action: labelkeep, regex: "b|c|x__|__tmp_a"}\n';
  assert.deepEqual(labels(text), ['b', 'c', 'x__']);
});
