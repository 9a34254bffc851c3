import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS, readSettings } from '../base/settings';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

function check(path: string, text: string, settings = DEFAULT_SETTINGS) {
  const service = new LanguageService();
  return service.validate({ file: { uri: `file://${path}`, text }, settings, location: { path } });
}

const brief = (path: string, text: string, settings = DEFAULT_SETTINGS) =>
  check(path, text, settings).map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);

test('each mistake lands on its token, escapes and collapsed rows included', () => {
  const text = fixture('mistakes.json');
  const diagnostics = check('/w/grafana/dashboards/mistakes.json', text);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
    [
      // an undefined variable, on "$servce" inside the escaped \"…\" of "expr"
      ['dashboard/variable', 'error', 14, 83, 14, 90],
      // a syntax error in a panel of a collapsed row
      ['promql/syntax', 'error', 22, 129, 22, 131],
      // a broken LogQL query (Loki datasource): LogQL's words, never PromQL's
      ['logql/syntax', 'error', 29, 67, 29, 69],
      // an unknown metric in a target of a panel with no datasource (the default, Prometheus)
      ['catalog/unknown-metric', 'warning', 33, 66, 33, 84],
    ],
  );
  const [variable, syntax, logql] = diagnostics;
  assert.equal(
    variable?.message,
    'Template variable "$servce" is not defined in this dashboard\'s templating; did you mean "$service"? (defined: $datasource, $loki, $service). Grafana leaves it as it is, and the query fails or matches nothing.',
  );
  assert.deepEqual(variable?.fixes, [
    { title: 'Change to "$service"', preferred: true, edits: [{ range: { start: { line: 14, character: 84 }, end: { line: 14, character: 90 } }, newText: 'service' }] },
  ]);
  assert.equal(syntax?.message, 'unexpected <by> in aggregation — the `(` at column 4 of the expression is not closed');
  assert.equal(logql?.message, 'LogQL syntax error: the query ends early after "|=".');
});

test('dashboard/structure: a target without refId is no finding, since Grafana gives it a free one on load; written refIds that repeat are', () => {
  // Grafana (PanelModel.ensureQueryIds) gives each target without a refId the first of A, B, C, ... no target of
  // the panel uses, written-down ones after it included: [none, A, none] loads as [B, A, C], never a collision.
  const panel = (targets: unknown[]) => JSON.stringify({ title: 'd', panels: [{ id: 1, type: 'timeseries', targets }] });
  const rows = (text: string) =>
    check('/w/d.json', text)
      .filter((d) => d.code === 'dashboard/structure')
      .map((d) => [d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]);
  assert.deepEqual(rows(panel([{ expr: 'up' }, { refId: 'A', expr: 'up' }, { refId: '', expr: 'up' }, {}])), []);
  const twice = panel([{ expr: 'up' }, { refId: 'B', expr: 'up' }, { refId: 'B', expr: 'up' }]);
  const second = twice.lastIndexOf('"B"');
  assert.deepEqual(rows(twice), [['error', 0, second, second + 3, 'refId "B" is used by another target of this panel; each query of a panel needs its own refId, or one result replaces the other.']]);
});

test('dashboard/structure: duplicates, mixed panels, wrong shapes; the export wrapper is a dashboard', () => {
  const text = fixture('structure.json');
  const diagnostics = check('/w/exports/structure.json', text);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
    [
      ['dashboard/structure', 'error', 3, 75, 80, 'Template variable "job" is defined twice; Grafana keeps only one of them.'],
      ['dashboard/structure', 'error', 3, 104, 110, 'This template variable has no "name": it cannot be used in queries.'],
      ['dashboard/structure', 'error', 5, 94, 97, 'refId "A" is used by another target of this panel; each query of a panel needs its own refId, or one result replaces the other.'],
      ['dashboard/structure', 'warning', 6, 14, 15, 'Panel id 1 is used by another panel; ids must be unique within a dashboard (links to a panel and panel editing pick the wrong one).'],
      [
        'dashboard/structure',
        'warning',
        11,
        26,
        32,
        'This query of a "-- Mixed --" panel names no datasource of its own, so Grafana runs it on the default datasource; set the target\'s "datasource".',
      ],
      ['dashboard/structure', 'error', 14, 44, 50, '"targets" must be an array of queries; got a string.'],
      [
        'dashboard/variable',
        'error',
        15,
        54,
        57,
        'Datasource variable "$ds" is not defined in this dashboard\'s templating or __inputs (defined: $job); Grafana cannot find the datasource and the panel stays empty.',
      ],
      ['dashboard/structure', 'error', 15, 96, 98, '"expr" must be a string; got a number.'],
    ],
  );
});

test('json/syntax on a broken dashboard, and nothing built on the guess', () => {
  const text = '{\n  "title": "x",\n  "panels": [\n    { "targets": [{ "expr": "up{" }] },\n  ]\n}\n';
  assert.deepEqual(brief('/w/d.json', text), [['json/syntax', 'error', 3, 38, 3, 39]]);
  assert.deepEqual(brief('/w/other.json', '{"name": "x", "version": 1,}'), [], 'a broken JSON file that is no dashboard is left alone');
  const { settings } = readSettings({ files: { dashboards: ['**/boards/*.json'] } });
  assert.deepEqual(brief('/w/boards/x.json', '{"a": }', settings), [['json/syntax', 'error', 0, 6, 0, 7]], 'named by k1s0.files.dashboards');
});

test('JSON files that are not dashboards are left alone', () => {
  assert.deepEqual(brief('/w/package.json', '{"name": "x", "title": "y", "scripts": {}}'), []);
  assert.deepEqual(brief('/w/panels.json', '{"panels": "x"}'), []);
});

test('template variables and built-ins are substituted before checking; a LogQL query of an unknown datasource is not PromQL', () => {
  const dashboard = (expr: string, datasource: unknown = null) =>
    JSON.stringify({
      title: 't',
      templating: {
        list: [
          { name: 'job', type: 'query' },
          { name: 'window', type: 'interval' },
          { name: 'label', type: 'custom' },
        ],
      },
      panels: [{ id: 1, type: 'timeseries', datasource, targets: [{ refId: 'A', expr }] }],
    });
  const codes = (expr: string, datasource?: unknown) => brief('/w/d.json', dashboard(expr, datasource)).map(([code]) => code);
  assert.deepEqual(codes('sum by ($label) (rate(http_requests_total{job=~"$job"}[$window])) / ${__range_s}'), []);
  assert.deepEqual(codes('max_over_time(up[$__range:$__rate_interval ] offset $__interval)'), []);
  assert.deepEqual(codes('{job="x"} |= "error"', { uid: 'P8E80F9AEF21F6940' }), ['logql/unknown-label'], 'read as LogQL');
  assert.deepEqual(codes('sum(rate(http_requests_total[5m])) by (job', { uid: 'P8E80F9AEF21F6940' }), ['promql/syntax'], 'not LogQL either: PromQL');
  assert.deepEqual(codes('{job="x"} |= "error"', { type: 'postgres' }), [], 'other datasources are not checked');
});

test("the design's three dashboards and its provisioning files are clean", () => {
  const root = join(__dirname, '../../../examples/infra/docker');
  const service = new LanguageService();
  const request = (relative: string) => {
    const path = join(root, relative);
    return { file: { uri: `file://${path}`, text: readFileSync(path, 'utf8') }, settings: DEFAULT_SETTINGS, location: { path } };
  };
  // The recording rules the dashboards use (service:http_errors:rate5m, ...) come from the workspace.
  service.index(request('prometheus/recording_rules.yaml'));
  for (const file of ['grafana/dashboards/system-overview.json', 'grafana/dashboards/k1s0-overview.json', 'grafana/dashboards/k1s0-service.json']) {
    const req = request(file);
    assert.equal(service.kindOf(req.file, req.settings, req.location), 'dashboard', file);
    assert.deepEqual(service.validate(req), [], file);
  }
  for (const file of ['grafana/provisioning/datasources/datasources.yaml', 'grafana/provisioning/dashboards/dashboard.yml']) {
    const req = request(file);
    assert.equal(service.kindOf(req.file, req.settings, req.location), 'provisioning', file);
    assert.deepEqual(service.validate(req), [], file);
  }
});

test('legacy rows[].panels and ${DS_…} inputs of an export are walked and resolved', () => {
  const text = JSON.stringify(
    {
      __inputs: [{ name: 'DS_LOKI', type: 'datasource', pluginId: 'loki' }],
      title: 'legacy',
      schemaVersion: 14,
      rows: [{ panels: [{ id: 1, datasource: '${DS_LOKI}', targets: [{ refId: 'A', expr: '{service="a"} |= ' }] }] }],
    },
    null,
    1,
  );
  const diagnostics = check('/w/legacy.json', text);
  const lines = text.split('\n');
  assert.deepEqual(
    diagnostics.map((d) => [d.code, lines[d.range.start.line]?.slice(d.range.start.character, d.range.end.character)]),
    [['logql/syntax', '|=']],
  );
});
