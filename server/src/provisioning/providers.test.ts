import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, fixture } from './testSupport';
import { providersCheck } from './providers';

const PATH = '/w/infra/docker/grafana/provisioning/dashboards/dashboard.yml';

test("the design's dashboard.yml is clean", () => {
  assert.deepEqual(diagnose(PATH, fixture('design-dashboard.yml')), []);
});

test('provider mistakes, on their tokens', () => {
  assert.deepEqual(diagnose(PATH, fixture('broken-dashboard.yml')), [
    ['provisioning/schema', 'error', 4, 11, 14, 'provider "k1s0".orgId must be an integer; got a string "one".'],
    ['provisioning/schema', 'error', 5, 10, 15, 'provider "k1s0".type must be one of file; got "files" (did you mean "file"?).'],
    ['provisioning/duplicate', 'error', 9, 10, 14, 'Another dashboard provider is already named "k1s0"; provider names must be unique.'],
    [
      'provisioning/schema',
      'error',
      10,
      4,
      10,
      'provider "k1s0" sets both folder and options.foldersFromFilesStructure; Grafana refuses the provider. Drop folder, or set foldersFromFilesStructure: false.',
    ],
    ['provisioning/schema', 'error', 13, 6, 9, 'provider "k1s0".options has no "path"; Grafana needs it.'],
    ['provisioning/schema', 'warning', 13, 6, 9, 'Unknown field "pth" in provider "k1s0".options; did you mean "path"? Grafana ignores it (known: path, foldersFromFilesStructure).'],
  ]);
});

test('a file provider without options', () => {
  assert.deepEqual(diagnose(PATH, 'apiVersion: 1\nproviders:\n  - name: a\n    type: file\n'), [
    ['provisioning/schema', 'error', 2, 4, 8, 'provider "a" has no "options"; a file provider needs options.path, the directory Grafana reads dashboards from.'],
  ]);
});

test('file fields, providers that are no mapping (on the item, or the list for an empty one), unnamed providers', () => {
  assert.deepEqual(diagnose(PATH, 'apiVersion: one\nproviders:\n  - a\n  -\n  - {}\n  - orgId: x\n    options:\n      path: /p\n  - name: ""\n    orgId: x\n    options:\n      path: /p\n'), [
    ['provisioning/schema', 'error', 0, 12, 15, 'the dashboard providers file.apiVersion must be an integer; got a string "one".'],
    ['provisioning/schema', 'error', 2, 2, 3, 'A dashboard provider must be a mapping with "name", "type" and "options.path".'],
    ['provisioning/schema', 'error', 2, 4, 5, 'A dashboard provider must be a mapping with "name", "type" and "options.path".'],
    ['provisioning/schema', 'error', 4, 4, 5, 'a provider has no "name"; Grafana needs it.'],
    ['provisioning/schema', 'error', 5, 4, 9, 'a provider has no "name"; Grafana needs it.'],
    ['provisioning/schema', 'error', 5, 11, 12, 'a provider.orgId must be an integer; got a string "x".'],
    ['provisioning/schema', 'error', 9, 11, 12, 'a provider.orgId must be an integer; got a string "x".'],
  ]);
});

test('a negative updateIntervalSeconds, written as a number or quoted; 0 is fine', () => {
  const provider = (name: string, interval: string) => `  - name: ${name}\n    updateIntervalSeconds: ${interval}\n    options:\n      path: /p\n`;
  assert.deepEqual(diagnose(PATH, `apiVersion: 1\nproviders:\n${provider('a', '-1')}${provider('b', '"-5"')}${provider('c', '0')}`), [
    ['provisioning/schema', 'error', 3, 27, 29, 'provider "a".updateIntervalSeconds must be 0 or more; got -1.'],
    ['provisioning/schema', 'error', 7, 27, 31, 'provider "b".updateIntervalSeconds must be 0 or more; got -5.'],
  ]);
});

test('a provider without a type is a file provider; another type needs no options; options that are no mapping', () => {
  assert.deepEqual(diagnose(PATH, 'apiVersion: 1\nproviders:\n  - name: a\n  - name: b\n    type: other\n  - name: c\n    options: x\n'), [
    ['provisioning/schema', 'error', 2, 4, 8, 'provider "a" has no "options"; a file provider needs options.path, the directory Grafana reads dashboards from.'],
    ['provisioning/schema', 'error', 4, 10, 15, 'provider "b".type must be one of file; got "other".'],
    ['provisioning/schema', 'error', 6, 13, 14, 'provider "c".options must be a mapping; got a string "x".'],
  ]);
});

test('folderUid with foldersFromFilesStructure, and foldersFromFilesStructure quoted', () => {
  const text =
    'apiVersion: 1\nproviders:\n  - name: a\n    folderUid: abc\n    allowUiUpdates: true\n    options:\n      path: /p\n      foldersFromFilesStructure: true\n' +
    '  - name: b\n    folder: f\n    options:\n      path: /p\n      foldersFromFilesStructure: "true"\n';
  assert.deepEqual(diagnose(PATH, text), [
    [
      'provisioning/schema',
      'error',
      3,
      4,
      13,
      'provider "a" sets both folderUid and options.foldersFromFilesStructure; Grafana refuses the provider. Drop folderUid, or set foldersFromFilesStructure: false.',
    ],
    [
      'provisioning/schema',
      'error',
      9,
      4,
      10,
      'provider "b" sets both folder and options.foldersFromFilesStructure; Grafana refuses the provider. Drop folder, or set foldersFromFilesStructure: false.',
    ],
  ]);
});

test('foldersFromFilesStructure as strconv.ParseBool reads it: "1", t, T, "TRUE" are true (with folder: refused), "0", f, F, False are false', () => {
  const provider = (value: string) => `  - name: p${value.replace(/\W/g, '')}\n    folder: f\n    options:\n      path: /p\n      foldersFromFilesStructure: ${value}\n`;
  const text = `apiVersion: 1\nproviders:\n${['"1"', 't', 'T', '"TRUE"', '" True "', '"0"', 'f', 'F', 'False', '"yes"'].map(provider).join('')}`;
  const refused = (name: string, line: number) => [
    'provisioning/schema',
    'error',
    line,
    4,
    10,
    `provider "${name}" sets both folder and options.foldersFromFilesStructure; Grafana refuses the provider. Drop folder, or set foldersFromFilesStructure: false.`,
  ];
  assert.deepEqual(diagnose(PATH, text), [
    refused('p1', 3),
    refused('pt', 8),
    refused('pT', 13),
    refused('pTRUE', 18),
    refused('pTrue', 23),
    ['provisioning/schema', 'error', 51, 33, 38, 'provider "pyes".options.foldersFromFilesStructure must be a boolean (true or false); got a string "yes".'],
  ]);
});

test('a document that does not parse is left to yaml/syntax', () => {
  assert.deepEqual(diagnose(PATH, 'apiVersion: 1\nproviders:\n  - name: a\n    orgId: x\n  - [\n'), [
    ['yaml/syntax', 'error', 5, 0, 0, 'Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ]);
});

test('every code the check reports is one its meta declares', () => {
  const declared = new Set(providersCheck.meta.codes.map((info) => info.code));
  const reported = [...diagnose(PATH, fixture('broken-dashboard.yml')), ...diagnose(PATH, 'apiVersion: 1\nproviders:\n  - a\n')].map(([code]) => code);
  assert.deepEqual(new Set(reported), new Set(['provisioning/schema', 'provisioning/duplicate']));
  for (const code of reported) assert.ok(declared.has(code), code);
});
