import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';

const service = new LanguageService();
const validate = (path: string, text: string) => service.validate({ file: { uri: `file://${path}`, text }, settings: DEFAULT_SETTINGS, location: { path } });
const MISTAKES = readFileSync(join(__dirname, 'fixtures', 'mistakes.json'), 'utf8');

test('every prefix of a dashboard is checked without throwing', () => {
  for (let end = 0; end <= MISTAKES.length; end += 7) validate('/w/d.json', MISTAKES.slice(0, end));
});

test('dashboards of any shape never make the checks throw', () => {
  const value = fc.letrec((tie) => ({
    any: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.string(),
      fc.constantFrom('$x', '${__interval}', '[[a]]', '{a="b"} |= ', 'rate(x[5m])', '-- Mixed --'),
      fc.array(tie('any'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('id', 'type', 'uid', 'expr', 'refId', 'datasource', 'panels', 'targets', 'name', 'query', 'list'), tie('any'), { maxKeys: 4 }),
    ),
  })).any;
  fc.assert(
    fc.property(value, value, value, (panels, templating, datasource) => {
      const text = JSON.stringify({ title: 't', panels: [panels, { type: 'row', collapsed: true, panels: [{ datasource, targets: [panels] }] }], templating: { list: [templating] } });
      const diagnostics = validate('/w/d.json', text);
      assert.ok(Array.isArray(diagnostics));
    }),
    { numRuns: 300 },
  );
});

test('provisioning files of any shape never make the checks throw', () => {
  const texts = [
    'apiVersion: 1\ndatasources: [1, null, "x", {jsonData: {derivedFields: [1, {matcherRegex: 5, datasourceUid: [1]}]}}]\n',
    'apiVersion: 1\ndatasources:\n  - name: [a]\n    type: {b: 1}\n    url: 7\n    isDefault: true\n  - name: [a]\n    isDefault: true\n',
    'apiVersion: 1\nproviders: [null, 3, {options: 1}, {options: {path: [1]}, folder: {}, name: x}]\n',
    'apiVersion: 1\nproviders:\n  - name: a\n    options:\n      foldersFromFilesStructure: true\n    folder: [x]\n',
  ];
  for (const text of texts) assert.ok(Array.isArray(validate('/w/provisioning/x.yaml', text)));
});
