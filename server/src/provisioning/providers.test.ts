import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, fixture } from './testSupport';

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
