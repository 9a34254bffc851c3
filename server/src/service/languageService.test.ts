import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService, toDiagnostics } from './languageService';
import { DEFAULT_SETTINGS, readSettings } from '../base/settings';

const service = new LanguageService();
const validate = (path: string, text: string, settings = DEFAULT_SETTINGS, explicit = false) => service.validate({ file: { uri: `file://${path}`, text }, settings, location: { path, explicit } });

const BAD = 'observability: 7\n';

test('config files are found by name and content; other files are left alone', () => {
  assert.deepEqual(
    validate('/w/config/config.yaml', BAD).map((d) => d.code),
    ['config/schema'],
  );
  assert.deepEqual(
    validate('/w/config/config.local.yml', BAD).map((d) => d.code),
    ['config/schema'],
  );
  assert.deepEqual(validate('/w/config/settings.yaml', BAD), [], 'name outside k1s0.files.config');
  assert.deepEqual(
    validate('/w/config/settings.yaml', BAD, DEFAULT_SETTINGS, true).map((d) => d.code),
    ['config/schema'],
    'named on the command line',
  );
  assert.deepEqual(validate('/w/config/config.yaml', 'app:\n  name: x\n'), [], 'no observability section');
  assert.deepEqual(validate('/w/config/config.json', '{"observability": 1}'), [], 'not YAML');
  assert.deepEqual(validate('/w/other/broken.yaml', 'services: [\n'), [], 'broken YAML that is not ours');
  // A compose file is ours (compose/schema, compose/policy, otel/env): broken, its syntax error is shown.
  assert.deepEqual(
    validate('/w/docker-compose.yaml', 'services: [\n').map((d) => d.code),
    ['yaml/syntax'],
    'a broken compose file',
  );
});

test('a broken config file gets its syntax errors and nothing built on the guess', () => {
  const text = 'observability:\n  log:\n    level: debug\n    level: verbose\n';
  assert.deepEqual(
    validate('/w/config.yaml', text).map((d) => [d.code, d.range.start.line, d.message]),
    [['yaml/syntax', 3, 'Duplicate key "level": map keys must be unique']],
  );
});

test('k1s0.files.config decides which names count', () => {
  const { settings } = readSettings({ files: { config: ['**/deploy/*.yaml'] } });
  assert.deepEqual(
    validate('/w/deploy/app.yaml', BAD, settings).map((d) => d.code),
    ['config/schema'],
  );
  assert.deepEqual(validate('/w/config/config.yaml', BAD, settings), []);
});

test('severity settings re-grade and turn off findings', () => {
  const text = 'observability:\n  log:\n    level: info\n    format: text\n  trace:\n    enabled: false\n  metrics:\n    enabled: false\n';
  assert.deepEqual(
    validate('/w/config.yaml', text).map((d) => [d.code, d.severity]),
    [['config/policy', 'warning']],
  );
  const { settings } = readSettings({ diagnostics: { severity: { 'config/policy': 'error' } } });
  assert.deepEqual(
    validate('/w/config.yaml', text, settings).map((d) => [d.code, d.severity]),
    [['config/policy', 'error']],
  );
  const off = readSettings({ diagnostics: { severity: { config: 'off' } } }).settings;
  assert.deepEqual(validate('/w/config.yaml', text, off), []);
});

test('a file over the size limit gets one clear diagnostic instead of a check', () => {
  const { settings } = readSettings({ files: { maxFileSizeKB: 1 } });
  const big = `observability: 1\n#${'x'.repeat(2048)}\n`;
  assert.deepEqual(
    validate('/w/config.yaml', big, settings).map((d) => [d.code, d.severity, d.message, d.range]),
    [['file/too-large', 'warning', 'Not checked: the file is 2 KB, over k1s0.files.maxFileSizeKB (1 KB).', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]],
  );
  assert.deepEqual(validate('/w/other.yaml', big, settings), []);
});

test('diagnostics are sorted by position and carry fixes as ranges', () => {
  const text = 'observability:\n  metrics:\n    enabled: true\n    path: metrics\n  log:\n    level: info\n    format: jsno\n  trace:\n    enabled: false\n';
  const diagnostics = validate('/w/config.dev.yaml', text);
  assert.deepEqual(
    diagnostics.map((d) => d.range.start.line),
    [3, 6],
  );
  assert.deepEqual(diagnostics[1]?.fixes, [
    { title: 'Change to "json"', preferred: true, edits: [{ range: { start: { line: 6, character: 12 }, end: { line: 6, character: 16 } }, newText: 'json' }] },
  ]);
});

const RULES = 'groups:\n  - name: g\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up\n';

test('rule files are found by content anywhere, and by k1s0.files.rules globs', () => {
  assert.deepEqual(
    validate('/w/anything/alerts.yml', RULES).map((d) => [d.code, d.message]),
    [['promql/syntax', 'unclosed left parenthesis']],
  );
  const crd = `apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: x\nspec:\n${RULES.replace(/^/gm, '  ').trimEnd()}\n`;
  assert.deepEqual(
    validate('/w/k8s/rules.yaml', crd).map((d) => d.code),
    ['promql/syntax'],
  );
  assert.deepEqual(validate('/w/k8s/other.yaml', 'kind: Deployment\nspec:\n  replicas: 1\n'), [], 'a spec that is not a PrometheusRule');
  const named = readSettings({ files: { rules: ['**/prom/*.yaml'] } }).settings;
  assert.deepEqual(
    validate('/w/prom/broken.yaml', 'groups: [\n', named).map((d) => d.code),
    ['yaml/syntax'],
    'a named rule file that does not parse',
  );
  assert.deepEqual(
    validate('/w/other/broken.yaml', 'groups: [\n').map((d) => d.code),
    ['yaml/syntax'],
    'recognizable by its groups key even broken',
  );
  assert.deepEqual(validate('/w/other/stack.yaml', 'services: [\n'), [], 'neither named nor recognizable');
});

test('in a multi-document stream, a document that does not parse does not hide the others', () => {
  const text = `${RULES}---\ngroups: [\n`;
  assert.deepEqual(
    validate('/w/rules.yaml', text).map((d) => [d.code, d.range.start.line]),
    [
      ['promql/syntax', 4],
      ['yaml/syntax', 7],
    ],
  );
});

test('recording rules are indexed per file and forgotten with it', () => {
  const local = new LanguageService();
  const request = { file: { uri: 'file:///w/r.yaml', text: RULES.replace('(up\n', '(up)\n') }, settings: DEFAULT_SETTINGS, location: { path: '/w/r.yaml' } };
  assert.equal(local.index(request), true);
  assert.equal(local.index(request), false, 'unchanged facts are not a change');
  assert.deepEqual([...local.workspace.recordingRules().keys()], ['job:up:sum']);
  assert.equal(local.forget('file:///w/r.yaml'), true);
  assert.deepEqual([...local.workspace.recordingRules().keys()], []);
});

test('a PromQL syntax error names the unclosed bracket, placed in the document whatever holds the expression', () => {
  const message = 'unexpected <by> in aggregation — the `(` at column 4 of the expression is not closed';
  const place = (text: string, path: string) =>
    validate(path, text)
      .filter((d) => d.code === 'promql/syntax')
      .map((d) => ({ range: d.range, message: d.message, related: d.related }));
  const at = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
  const rule = (expr: string) => `groups:\n  - name: g\n    rules:\n      - record: job:x:rate5m\n        expr: ${expr}\n`;
  // A plain scalar: expression offsets shifted by where it starts.
  assert.deepEqual(place(rule('sum(rate(x[5m]) by (job)'), '/w/rules/a.yaml'), [{ range: at(4, 30, 32), message, related: [{ range: at(4, 17, 18), message: 'this `(` is not closed' }] }]);
  // A double-quoted scalar with an escape before the bracket: the document's columns, not the decoded value's.
  assert.deepEqual(place(rule('"\\u0073um(rate(x[5m]) by (job)"'), '/w/rules/b.yaml'), [{ range: at(4, 36, 38), message, related: [{ range: at(4, 23, 24), message: 'this `(` is not closed' }] }]);
  // A block scalar: the bracket on the line above the error.
  const block = 'groups:\n  - name: g\n    rules:\n      - record: job:x:rate5m\n        expr: |\n          sum(\n            rate(x[5m]) by (job)\n';
  assert.deepEqual(place(block, '/w/rules/c.yaml'), [
    {
      range: at(6, 24, 26),
      message: 'unexpected <by> in aggregation — the `(` at line 1, column 4 of the expression is not closed',
      related: [{ range: at(5, 13, 14), message: 'this `(` is not closed' }],
    },
  ]);
  // A dashboard target, a Grafana variable before the error: the variable is replaced while checking, the places are the JSON's.
  const dashboard = '{\n  "title": "d",\n  "panels": [{ "id": 1, "type": "timeseries", "targets": [{ "expr": "sum(rate(x[$__rate_interval]) by (job)" }] }]\n}\n';
  const [target] = place(dashboard, '/w/dashboards/d.json');
  assert.deepEqual(target, { range: at(2, 99, 101), message, related: [{ range: at(2, 72, 73), message: 'this `(` is not closed' }] });
});

test('related places in another document are placed in its text, and left out when it is unknown', () => {
  const finding = {
    start: 2,
    end: 3,
    code: 'promql/syntax',
    message: 'm',
    severity: 'error' as const,
    related: [
      { start: 0, end: 1, message: 'here' },
      { start: 4, end: 6, message: 'known', uri: 'file:///w/b.yaml' },
      { start: 0, end: 1, message: 'unknown', uri: 'file:///w/c.yaml' },
    ],
  };
  const texts: Record<string, string> = { 'file:///w/b.yaml': 'ab\ncdef\n' };
  assert.deepEqual(toDiagnostics('x\nyz\n', [finding], DEFAULT_SETTINGS, (uri) => texts[uri])[0]?.related, [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'here' },
    { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 3 } }, message: 'known', uri: 'file:///w/b.yaml' },
  ]);
  assert.equal(toDiagnostics('x\nyz\n', [{ ...finding, related: [finding.related[2] as (typeof finding.related)[number]] }], DEFAULT_SETTINGS)[0]?.related, undefined);
});
