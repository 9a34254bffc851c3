import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';

const kind = (path: string, text: string) => new LanguageService().kindOf({ uri: `file://${path}`, text }, DEFAULT_SETTINGS, { path });

test('provisioning files are found by content, not by name', () => {
  assert.equal(kind('/w/any/ds.yaml', 'apiVersion: 1\ndatasources:\n  - name: P\n    type: prometheus\n'), 'provisioning');
  assert.equal(kind('/w/any/boards.yml', 'apiVersion: 1\nproviders:\n  - name: a\n'), 'provisioning');
  assert.equal(kind('/w/grafana/provisioning/datasources/x.yaml', 'datasources:\n  - name: P\n'), 'provisioning', 'no apiVersion, but under provisioning/');
  assert.equal(kind('/w/values.yaml', 'datasources:\n  - name: P\n'), undefined, 'no apiVersion, elsewhere: Helm values and the like');
  assert.equal(kind('/w/values.yaml', 'apiVersion: 1\ndatasources:\n  datasources.yaml: {}\n'), undefined, 'not a list');
  assert.equal(kind('/w/compose.yaml', 'services:\n  grafana: {}\n'), 'compose', 'a compose file is its own kind, not provisioning');
});

test('a broken provisioning file gets yaml/syntax only', () => {
  const text = 'apiVersion: 1\ndatasources:\n  - name: P\n    name: Q\n';
  const diagnostics = new LanguageService().validate({ file: { uri: 'file:///w/p/provisioning/ds.yaml', text }, settings: DEFAULT_SETTINGS, location: { path: '/w/p/provisioning/ds.yaml' } });
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['yaml/syntax'],
  );
});
