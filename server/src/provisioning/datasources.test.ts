import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';
import { regexProblem, urlProblem } from './datasources';
import { diagnose, fixture } from './testSupport';

const PATH = '/w/infra/docker/grafana/provisioning/datasources/datasources.yaml';

test("the design's datasources.yaml is clean", () => {
  assert.deepEqual(diagnose(PATH, fixture('design-datasources.yaml')), []);
});

test('every datasource mistake, on its token', () => {
  const known =
    'name, type, access, orgId, uid, url, user, database, basicAuth, basicAuthUser, withCredentials, isDefault, jsonData, secureJsonData, version, editable, password, basicAuthPassword, correlations';
  assert.deepEqual(diagnose(PATH, fixture('broken-datasources.yaml')), [
    ['provisioning/schema', 'warning', 5, 4, 9, `Unknown field "acess" in datasource "Prometheus"; did you mean "access"? Grafana ignores it (known: ${known}).`],
    ['provisioning/url', 'error', 6, 9, 24, 'datasource "Prometheus": url "prometheus:9090" has no scheme; Grafana needs an absolute URL such as http://prometheus:9090.'],
    ['provisioning/schema', 'error', 12, 15, 25, 'datasource "Loki".isDefault must be a boolean (true or false); got a string "yes please".'],
    // a derived field pointing to a missing datasource
    [
      'provisioning/reference',
      'error',
      15,
      25,
      30,
      'derived field "TraceID" links to datasourceUid "tempo", but no datasource in this file has that uid (uids: jaeger); the trace link would lead nowhere. Set uid: tempo on the target datasource.',
    ],
    ['provisioning/regex', 'error', 16, 24, 48, 'derived field "TraceID": matcherRegex has no capture group; Grafana takes the value of the link from the first group, e.g. "trace_id":"(\\w+)".'],
    [
      'provisioning/env',
      'error',
      18,
      16,
      30,
      'Provisioning reads ${__value.raw} as an environment variable and replaces it (with nothing, usually) before Grafana sees it; write $${__value.raw} to keep the data-link variable.',
    ],
    ['provisioning/regex', 'error', 20, 24, 39, 'derived field "TraceIDText": matcherRegex does not compile: error parsing regexp: missing closing ): `trace_id=(\\w+`.'],
    ['provisioning/duplicate', 'error', 29, 10, 20, 'Another datasource of org 1 already has name "Prometheus"; names must be unique, or one datasource silently replaces the other.'],
    ['provisioning/duplicate', 'error', 31, 9, 15, 'Another datasource of org 1 already has uid "jaeger"; uids must be unique, or one datasource silently replaces the other.'],
    ['provisioning/duplicate', 'error', 33, 15, 19, 'Datasource "Prometheus" is already the default of org 1; Grafana refuses a provisioning file with two defaults in one organisation.'],
  ]);
});

test('quick fixes: did-you-mean fields and the $$ escape', () => {
  const diagnostics = new LanguageService().validate({ file: { uri: `file://${PATH}`, text: fixture('broken-datasources.yaml') }, settings: DEFAULT_SETTINGS, location: { path: PATH } });
  const env = diagnostics.find((d) => d.code === 'provisioning/env');
  assert.deepEqual(env?.fixes, [{ title: 'Escape as $${__value.raw}', preferred: true, edits: [{ range: { start: { line: 18, character: 16 }, end: { line: 18, character: 16 } }, newText: '$' }] }]);
  const field = diagnostics.find((d) => d.message.startsWith('Unknown field "acess"'));
  assert.deepEqual(field?.fixes?.[0]?.edits, [{ range: { start: { line: 5, character: 4 }, end: { line: 5, character: 9 } }, newText: 'access' }]);
});

test('required fields and types; environment references are left to provisioning', () => {
  const text = 'apiVersion: 1\ndatasources:\n  - type: prometheus\n  - name: P\n    type: prometheus\n    url: $PROM_URL\n    orgId: "2"\n    editable: ${EDITABLE}\n';
  assert.deepEqual(diagnose(PATH, text), [
    ['provisioning/schema', 'error', 2, 4, 8, 'a datasource has no "name"; Grafana needs it.'],
    ['provisioning/schema', 'error', 2, 4, 8, 'a datasource (prometheus) has no "url"; Grafana provisions it, but every query fails. Give the server\'s address, e.g. url: http://prometheus:9090.'],
  ]);
  assert.deepEqual(diagnose(PATH, 'apiVersion: 1\ndatasources:\n  - name: L\n    type: loki\n'), [
    ['provisioning/schema', 'error', 2, 4, 8, 'datasource "L" (loki) has no "url"; Grafana provisions it, but every query fails. Give the server\'s address, e.g. url: http://loki:3100.'],
  ]);
});

test('urls and regexes', () => {
  assert.equal(urlProblem('http://prometheus:9090'), undefined);
  assert.equal(urlProblem('https://example.com/prom'), undefined);
  assert.equal(urlProblem('ftp://x'), '"ftp://x" uses ftp; Grafana\'s HTTP datasources need http or https.');
  assert.equal(urlProblem('http://'), '"http://" is not a well-formed URL.');
  assert.equal(urlProblem(' '), 'is empty; give the server address, e.g. http://prometheus:9090.');
  assert.equal(regexProblem('"trace_id":"([a-f0-9]+)"'), undefined);
  assert.match(regexProblem('(?<=id=)(\\w+)') ?? '', /^does not compile: /, 'RE2 has no lookbehind');
});

test('isDefault: "true" (a string Grafana reads as true) counts as a default: two in one org are refused', () => {
  const text = [
    'apiVersion: 1',
    'datasources:',
    '  - name: A',
    '    type: prometheus',
    '    url: http://a:9090',
    '    isDefault: "true"',
    '  - name: B',
    '    type: prometheus',
    '    url: http://b:9090',
    '    isDefault: "true"',
    '',
  ].join('\n');
  assert.deepEqual(diagnose(PATH, text), [
    ['provisioning/duplicate', 'error', 9, 15, 21, 'Datasource "A" is already the default of org 1; Grafana refuses a provisioning file with two defaults in one organisation.'],
  ]);
  // strconv.ParseBool's other spellings of true count too; its spellings of false do not.
  for (const yes of ['"1"', 't', 'T', '"TRUE"', 'True']) {
    assert.deepEqual(diagnose(PATH, text.replace(/isDefault: "true"\n$/, `isDefault: ${yes}\n`)).length, 1, yes);
  }
  for (const no of ['"0"', 'f', 'F', '"FALSE"', 'False']) {
    assert.deepEqual(diagnose(PATH, text.replace(/isDefault: "true"\n$/, `isDefault: ${no}\n`)), [], no);
  }
  // One default and one explicit false: fine.
  assert.deepEqual(diagnose(PATH, text.replace('isDefault: "true"\n  - name: B', 'isDefault: "true"\n  - name: B').replace(/isDefault: "true"\n$/, 'isDefault: false\n')), []);
});
