import { test } from 'node:test';
import assert from 'node:assert/strict';
import { urlProblem } from './datasources';
import { diagnose } from './testSupport';

const PATH = '/w/infra/docker/grafana/provisioning/datasources/datasources.yaml';
const file = (...rows: string[]) => `apiVersion: 1\n${rows.join('\n')}\n`;

test('list items that are no mapping are named at the list; delete entries are checked too', () => {
  const text = file(
    'datasources:',
    '  - just-a-name',
    '  -',
    '  - name: P',
    '    type: prometheus',
    '    url: http://prometheus:9090',
    'deleteDatasources:',
    '  - name: Old',
    '    orgId: one',
    '  - gone',
    '  - orgId: 2',
  );
  const notMapping = 'A datasource must be a mapping with at least "name" and "type".';
  assert.deepEqual(diagnose(PATH, text), [
    ['provisioning/schema', 'error', 2, 4, 15, notMapping],
    ['provisioning/schema', 'error', 3, 2, 3, notMapping],
    ['provisioning/schema', 'error', 9, 11, 14, 'a deleteDatasources entry.orgId must be an integer; got a string "one".'],
    ['provisioning/schema', 'error', 11, 4, 9, 'a deleteDatasources entry has no "name"; Grafana needs it.'],
  ]);
});

test('each HTTP type without a url is told its default port; other types need none and their url is theirs', () => {
  const types = ['tempo', 'alertmanager', 'elasticsearch', 'zipkin', 'jaeger', 'graphite', 'influxdb', 'opentsdb'];
  const text = file('datasources:', ...types.flatMap((type) => [`  - name: ${type}`, `    type: ${type}`]), '  - name: db', '    type: mysql', '    url: localhost:3306');
  const ports = ['tempo:3200', 'alertmanager:9093', 'elasticsearch:9200', 'zipkin:9411', 'jaeger:16686', 'graphite:80', 'influxdb:80', 'opentsdb:80'];
  assert.deepEqual(
    diagnose(PATH, text),
    types.map((type, i) => [
      'provisioning/schema',
      'error',
      2 + 2 * i,
      4,
      8,
      `datasource "${type}" (${type}) has no "url"; Grafana provisions it, but every query fails. Give the server's address, e.g. url: http://${ports[i]}.`,
    ]),
  );
  const untyped = file('datasources:', '  - name: x', '    url: prometheus:9090');
  assert.deepEqual(diagnose(PATH, untyped), [
    ['provisioning/schema', 'error', 2, 4, 8, 'datasource "x" has no "type"; Grafana needs it.'],
    ['provisioning/url', 'error', 3, 9, 24, 'datasource "x": url "prometheus:9090" has no scheme; Grafana needs an absolute URL such as http://prometheus:9090.'],
  ]);
});

test('names, uids and defaults are unique per organisation', () => {
  const text = file(
    'datasources:',
    '  - name: P',
    '    uid: p',
    '    type: prometheus',
    '    url: http://a:9090',
    '    isDefault: true',
    '  - name: P',
    '    uid: p',
    '    orgId: 2',
    '    type: prometheus',
    '    url: http://a:9090',
    '    isDefault: true',
  );
  assert.deepEqual(diagnose(PATH, text), []);
});

test('derived fields: not a list, an item that is no mapping, label matchers, $$ in regexes', () => {
  const text = file(
    'datasources:',
    '  - name: J',
    '    uid: jaeger',
    '    type: jaeger',
    '    url: http://jaeger:16686',
    '  - name: L',
    '    type: loki',
    '    url: http://loki:3100',
    '    jsonData:',
    '      derivedFields:',
    '        - x',
    '        - name: ByLabel',
    '          matcherType: label',
    '          matcherRegex: "trace_id(("',
    '          datasourceUid: jaeger',
    '        - name: Anchored',
    '          matcherRegex: "trace_id=(\\\\w+)$$"',
    '          datasourceUid: ${TRACES_UID}',
    '        - name: Plain',
    '          matcherRegex: "trace_id=\\\\w+$$"',
    '          datasourceUid: jaeger',
    '  - name: L2',
    '    type: loki',
    '    url: http://loki:3100',
    '    jsonData:',
    '      derivedFields: { name: x }',
    '  - name: L3',
    '    type: loki',
    '    url: http://loki:3100',
    '    jsonData:',
    '      derivedFields:',
  );
  assert.deepEqual(diagnose(PATH, text), [
    ['provisioning/schema', 'error', 11, 10, 11, 'A derived field must be a mapping with "name" and "matcherRegex".'],
    ['provisioning/regex', 'error', 20, 24, 41, 'derived field "Plain": matcherRegex has no capture group; Grafana takes the value of the link from the first group, e.g. "trace_id":"(\\w+)".'],
    ['provisioning/schema', 'error', 26, 21, 32, 'jsonData.derivedFields must be a list of derived fields.'],
  ]);
});

test('data-link variables are found in nested values and quoted text, not in secureJsonData, not when escaped', () => {
  const text = file(
    'datasources:',
    '  - name: L',
    '    type: loki',
    '    url: http://loki:3100',
    '    jsonData:',
    '      derivedFields:',
    '        - name: T',
    '          matcherRegex: "id=(\\\\w+)"',
    '          url: "\\tx=${__value.raw}&y=$${__value.raw}&z=${__from}"',
    '      links: [a, "${__value.text}"]',
    '    secureJsonData:',
    '      token: ${__value.raw}',
  );
  const expanded = (variable: string) =>
    `Provisioning reads ${variable} as an environment variable and replaces it (with nothing, usually) before Grafana sees it; write $${variable} to keep the data-link variable.`;
  assert.deepEqual(diagnose(PATH, text), [
    ['provisioning/env', 'error', 9, 20, 34, expanded('${__value.raw}')],
    ['provisioning/env', 'error', 9, 55, 64, expanded('${__from}')],
    ['provisioning/env', 'error', 10, 18, 33, expanded('${__value.text}')],
  ]);
});

test('urlProblem: scheme, host, shape', () => {
  assert.equal(urlProblem('//prometheus:9090'), '"//prometheus:9090" has no scheme; Grafana needs an absolute URL such as http://prometheus:9090.');
  assert.equal(urlProblem('http://[::1'), '"http://[::1" is not a well-formed URL.');
  assert.equal(urlProblem('HTTPS://Prometheus:9090'), undefined);
  assert.equal(urlProblem(' http://prometheus:9090 '), undefined);
});

test('every field Grafana reads, each of its type, is silent; derived fields need a name and a matcherRegex', () => {
  const text = file(
    'prune: true',
    'deleteDatasources:',
    '  - name: Old',
    '    orgId: 1',
    'datasources:',
    '  - name: P',
    '    type: prometheus',
    '    access: direct',
    '    orgId: 1',
    '    uid: p',
    '    url: http://prometheus:9090',
    '    user: admin',
    '    database: metrics',
    '    basicAuth: true',
    '    basicAuthUser: admin',
    '    withCredentials: false',
    '    isDefault: true',
    '    jsonData: { httpMethod: POST }',
    '    secureJsonData: { basicAuthPassword: secret }',
    '    version: 2',
    '    editable: true',
    '    password: secret',
    '    basicAuthPassword: secret',
    '    correlations: []',
    '  - name: L',
    '    type: loki',
    '    url: http://loki:3100',
    '    jsonData:',
    '      derivedFields:',
    '        - name: ByRegex',
    '          matcherType: regex',
    '          matcherRegex: id=(\\w+)',
    '          url: http://x/$${__value.raw}',
    '          urlDisplayLabel: Trace',
    '          datasourceUid: p',
    '          targetBlank: true',
    '        - name: ByLabel',
    '          matcherType: label',
    '          matcherRegex: trace_id',
    '        - url: http://x',
  );
  assert.deepEqual(diagnose(PATH, text), [
    ['provisioning/schema', 'error', 40, 10, 13, 'a derived field has no "name"; Grafana needs it.'],
    ['provisioning/schema', 'error', 40, 10, 13, 'a derived field has no "matcherRegex"; Grafana needs it.'],
  ]);
  const wrong = file('datasources:', '  - name: P', '    type: prometheus', '    url: http://prometheus:9090', '    access: browser', '    version: two', '    basicAuth: maybe');
  assert.deepEqual(diagnose(PATH, wrong), [
    ['provisioning/schema', 'error', 5, 12, 19, 'datasource "P".access must be one of proxy, direct; got "browser".'],
    ['provisioning/schema', 'error', 6, 13, 16, 'datasource "P".version must be an integer; got a string "two".'],
    ['provisioning/schema', 'error', 7, 15, 20, 'datasource "P".basicAuth must be a boolean (true or false); got a string "maybe".'],
  ]);
});
