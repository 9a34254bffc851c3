import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { tempDir } from '../support/tempDir';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

function run(args: string[], cwd = ROOT) {
  // English whatever the machine's locale: the messages are asserted word for word.
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonItem {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
  source: string;
}

test('check examples/ reports every deliberate mistake and exits 1', () => {
  const { code, stdout, stderr } = run(['check', 'examples/', '--format', 'json']);
  assert.equal(stderr, '');
  assert.equal(code, 1);
  const items = JSON.parse(stdout) as JsonItem[];
  assert.deepEqual(
    items.map((i) => `${i.file}:${i.range.start.line}:${i.range.start.character}-${i.range.end.line}:${i.range.end.character} ${i.severity} ${i.code}`),
    [
      'examples/.k1s0/catalog.yaml:8:10-8:16 error catalog/file',
      'examples/docker-compose.yaml:36:8-36:19 warning compose/policy',
      'examples/infra/docker/grafana/dashboards/k1s0-service-draft.json:40:59-40:66 error dashboard/variable',
      'examples/infra/docker/grafana/dashboards/k1s0-service-draft.json:85:28-85:46 warning catalog/unknown-metric',
      'examples/infra/docker/grafana/dashboards/k1s0-service-draft.json:142:91-142:93 error promql/syntax',
      'examples/infra/docker/grafana/dashboards/k1s0-service-draft.json:189:60-189:62 error logql/syntax',
      // The design's own Loki file: a retention no compactor applies.
      'examples/infra/docker/loki/loki-config.yaml:29:20-29:24 warning loki/config',
      'examples/infra/docker/prometheus/recording_rules.yaml:56:12-63:14 warning promql/vector-matching',
      'examples/infra/docker/promtail/promtail-config.yaml:3:0-3:6 information promtail/config',
      'examples/infra/docker/promtail/promtail-config.yaml:12:9-12:71 error promtail/config',
      'examples/infra/observability/alertmanager/alertmanager.yml:8:2-8:12 error alertmanager/config',
      'examples/infra/observability/loki/loki-config.prod.yaml:27:16-27:20 error loki/config',
      'examples/infra/observability/otel-collector/otel-collector-config.yaml:47:18-47:28 error otelcol/pipeline',
      'examples/infra/observability/prometheus/alerts/business-tier-alerts.yaml:0:0-0:0 information consistency/rule-files',
      'examples/infra/observability/prometheus/alerts/business-tier-alerts.yaml:8:15-8:38 warning policy/slo',
      // The service tier's pair (order-server, whose config.dev.yaml does not parse, is still its service).
      'examples/infra/observability/prometheus/alerts/business-tier-alerts.yaml:8:15-8:38 warning policy/slo',
      'examples/infra/observability/prometheus/alerts/business-tier-alerts.yaml:10:19-10:37 warning catalog/unknown-metric',
      'examples/infra/observability/prometheus/alerts/business-tier-alerts.yaml:19:44-19:54 warning catalog/label-value',
      'examples/infra/observability/prometheus/alerts/business-tier-alerts.yaml:19:71-19:74 hint promql/rate-window',
      'examples/infra/observability/prometheus/alerts/business-tier-alerts.yaml:20:81-20:84 warning policy/alert',
      'examples/infra/observability/prometheus/alerts/business-tier-alerts.yaml:25:23-25:39 warning alerts/labels',
      'examples/infra/observability/prometheus/alerts/business-tier-alerts.yaml:27:56-27:60 warning catalog/unknown-label',
      'examples/infra/observability/prometheus/alerts/business-tier-alerts.yaml:28:13-28:16 warning policy/alert',
      'examples/infra/observability/prometheus/alerts/business-tier-alerts.yaml:34:14-34:39 warning catalog/undefined-rule',
      'examples/infra/observability/prometheus/alerts/system-tier-alerts.yaml:13:17-13:46 warning policy/slo',
      'examples/infra/observability/prometheus/alerts/system-tier-alerts.yaml:16:65-16:67 error promql/syntax',
      'examples/infra/observability/prometheus/alerts/system-tier-alerts.yaml:23:25-23:74 error promql/type',
      'examples/infra/observability/prometheus/alerts/system-tier-alerts.yaml:33:15-33:24 error rules/structure',
      'examples/infra/observability/prometheus/alerts/system-tier-alerts.yaml:38:45-38:56 error rules/template',
      'examples/infra/observability/prometheus/prometheus.yaml:15:18-15:44 error prometheus/config',
      'examples/regions/business/accounting/server/go/ledger/config/config.staging.yaml:11:12-11:16 error config/schema',
      'examples/regions/business/accounting/server/go/ledger/config/config.staging.yaml:14:14-14:52 error config/schema',
      'examples/regions/business/accounting/server/go/ledger/config/config.staging.yaml:15:4-15:16 error config/schema',
      'examples/regions/business/accounting/server/go/ledger/config/config.staging.yaml:18:10-18:17 error config/schema',
      'examples/regions/service/order/server/typescript/order/config/config.dev.yaml:12:4-12:9 error yaml/syntax',
      'examples/regions/system/server/rust/auth/config/config.yaml:10:11-10:20 error config/schema',
      'examples/regions/system/server/rust/auth/config/config.yaml:11:12-11:18 warning config/policy',
      'examples/regions/system/server/rust/auth/config/config.yaml:15:17-15:20 warning config/policy',
    ],
  );
  for (const item of items) {
    // The contract's keys; `related` (an addition) only where a diagnostic has related places: the two PromQL syntax errors.
    const keys = ['file', 'range', 'severity', 'code', 'message', 'source'];
    assert.deepEqual(Object.keys(item), item.code === 'promql/syntax' ? [...keys, 'related'] : keys);
    assert.equal(item.source, 'k1s0');
  }
});

test('text output is one line per problem, 1-based, with a summary', () => {
  const { code, stdout } = run(['check', 'examples/regions/system']);
  assert.equal(code, 1);
  assert.equal(
    stdout,
    [
      'examples/regions/system/server/rust/auth/config/config.yaml:11:12: error observability.log.level must be one of debug, info, warn, error; got string "verbose". [config/schema]',
      'examples/regions/system/server/rust/auth/config/config.yaml:12:13: warning prod: observability.log.format should be json, not "text" (design: JSON structured logs are the standard (Loki); text is for dev only). [config/policy]',
      'examples/regions/system/server/rust/auth/config/config.yaml:16:18: warning prod: observability.trace.sample_rate should be 0.1, not 1.0 (design: トレースサンプリング戦略: prod keeps 10% (tail-based in the OTel Collector, errors 100%)). [config/policy]',
      '3 problems (1 error, 2 warnings, 0 other) in 1 of 1 file checked.',
      '',
    ].join('\n'),
  );
});

test('a clean tree exits 0; warnings alone do not fail', () => {
  const clean = run(['check', 'examples/config']);
  assert.equal(clean.code, 0);
  assert.equal(clean.stdout, 'No problems (3 files checked).\n');
  const warningsOnly = run(['check', 'examples/regions/system', '--select', 'config/policy', '--format', 'json']);
  assert.equal(warningsOnly.code, 0);
  assert.deepEqual(
    (JSON.parse(warningsOnly.stdout) as JsonItem[]).map((i) => i.code),
    ['config/policy', 'config/policy'],
  );
});

test('--select keeps codes by prefix at a / boundary', () => {
  const yamlOnly = run(['check', 'examples', '--select=yaml', '--format', 'json']);
  assert.equal(yamlOnly.code, 1);
  assert.deepEqual(
    (JSON.parse(yamlOnly.stdout) as JsonItem[]).map((i) => i.code),
    ['yaml/syntax'],
  );
  const none = run(['check', 'examples', '--select', 'conf', '--format', 'json']);
  assert.equal(none.code, 0);
  assert.equal(none.stdout, '[]\n');
});

test('sarif output is SARIF 2.1.0 with 1-based regions', () => {
  const { code, stdout } = run(['check', 'examples/regions/system', '--format', 'sarif']);
  assert.equal(code, 1);
  const sarif = JSON.parse(stdout);
  assert.equal(sarif.version, '2.1.0');
  const [run0] = sarif.runs;
  assert.deepEqual(
    run0.tool.driver.rules.map((r: { id: string }) => r.id),
    ['config/policy', 'config/schema'],
  );
  assert.deepEqual(run0.results[0].locations[0].physicalLocation.region, { startLine: 11, startColumn: 12, endLine: 11, endColumn: 21 });
  assert.equal(run0.results[0].level, 'error');
  assert.equal(run0.results[1].level, 'warning');
});

test('usage and I/O problems exit 2 with a one-line reason', () => {
  const missing = run(['check', 'does/not/exist']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stdout, '');
  assert.equal(missing.stderr, 'k1s0: cannot read does/not/exist: no such file or directory\n');
  const badFormat = run(['check', '--format', 'xml']);
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /^k1s0: unknown format "xml" \(expected text, json, sarif, github\)\n/);
  assert.equal(run(['lint']).code, 2);
  assert.equal(run(['check', '--frobnicate']).code, 2);
  assert.equal(run(['check', '--select']).code, 2);
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: k1s0-obs check/);
});

test('non-UTF-8, huge and foreign files: a clear diagnostic for ours, silence for the rest', (t) => {
  const dir = tempDir(t, 'cli');
  mkdirSync(join(dir, 'node_modules/pkg'), { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), Buffer.from([0x6f, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
  // A compose file is ours: broken, its one syntax error is shown; the same text under another name is not ours.
  writeFileSync(join(dir, 'docker-compose.yaml'), 'services: [\n');
  writeFileSync(join(dir, 'stack.yaml'), 'services: [\n');
  writeFileSync(join(dir, 'latin1.yaml'), Buffer.from([0xe9, 0x0a]));
  writeFileSync(join(dir, 'node_modules/pkg/config.yaml'), 'observability: 1\n');
  const { code, stdout } = run(['check', dir, '--format', 'json']);
  assert.equal(code, 1);
  const items = JSON.parse(stdout) as JsonItem[];
  assert.deepEqual(
    items.map((i) => [i.file.endsWith('/config.yaml'), i.code, i.message]),
    [
      [true, 'file/encoding', 'Not checked: the file is not valid UTF-8; k1s0 checks only UTF-8 YAML and JSON.'],
      [false, 'yaml/syntax', 'Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ],
  );
});

test('a syntax error after an unclosed bracket shows the bracket: an indented related line, json related, SARIF relatedLocations, a GitHub annotation line', (t) => {
  const dir = tempDir(t, 'cli');
  writeFileSync(join(dir, 'rules.yaml'), 'groups:\n  - name: g\n    rules:\n      - record: job:x:rate5m\n        expr: sum(rate(x[5m]) by (job)\n');
  const message = 'unexpected <by> in aggregation — the `(` at column 4 of the expression is not closed';
  const text = run(['check', 'rules.yaml'], dir);
  assert.equal(text.code, 1);
  assert.equal(
    text.stdout,
    `rules.yaml:5:31: error ${message} [promql/syntax]\n  rules.yaml:5:18: related this \`(\` is not closed\n1 problem (1 error, 0 warnings, 0 other) in 1 of 1 file checked.\n`,
  );
  const json = JSON.parse(run(['check', 'rules.yaml', '--format', 'json'], dir).stdout) as (JsonItem & { related?: unknown })[];
  assert.deepEqual(json[0]?.related, [{ file: 'rules.yaml', range: { start: { line: 4, character: 17 }, end: { line: 4, character: 18 } }, message: 'this `(` is not closed' }]);
  const sarif = JSON.parse(run(['check', 'rules.yaml', '--format', 'sarif'], dir).stdout);
  const [result] = sarif.runs[0].results;
  assert.equal(result.message.text, message);
  assert.deepEqual(result.relatedLocations, [
    {
      id: 0,
      physicalLocation: { artifactLocation: { uri: 'rules.yaml' }, region: { startLine: 5, startColumn: 18, endLine: 5, endColumn: 19 } },
      message: { text: 'this `(` is not closed' },
    },
  ]);
  assert.equal(
    run(['check', 'rules.yaml', '--format', 'github'], dir).stdout,
    `::error file=rules.yaml,line=5,endLine=5,col=31,endColumn=33,title=k1s0 promql/syntax::${message}%0Arules.yaml:5:18: this \`(\` is not closed\n`,
  );
});
