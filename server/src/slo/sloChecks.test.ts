import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alertRule, check, diagnose, recordingRule, render } from '../catalog/testSupport';
import { LineIndex } from '../base/lineIndex';
import { nearestBounds } from './bucketThreshold';
import { DEFAULT_SETTINGS } from '../base/settings';
import { LanguageService } from '../service/languageService';
import { tempDir } from '../../../test/support/tempDir';

const only = (lines: string[]) => lines.filter((l) => !l.includes('fix Disable '));
const FIXTURE = readFileSync(join(__dirname, 'fixtures/system-tier-no-burn-rate.yaml'), 'utf8');

test('slo/bucket-threshold: a threshold between bucket bounds, with the nearest bounds as fixes', () => {
  assert.deepEqual(only(check(alertRule('X', 'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le)) > 0.3'), ['slo/bucket-threshold'])), [
    '4:102-4:105 warning slo/bucket-threshold the threshold 0.3 is not a bucket bound of http_request_duration_seconds: it is between the bounds 0.25 and 0.5, where histogram_quantile only interpolates; compare against a bound (buckets: 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)',
    '  fix Change to 0.25: 4:102-4:105 "0.25"',
    '  fix Change to 0.5: 4:102-4:105 "0.5"',
  ]);
});

test('slo/bucket-threshold follows a recording rule of histogram_quantile to its histogram', () => {
  assert.deepEqual(only(check(alertRule('X', 'service:http_request_duration_seconds:p99 > 0.75'), ['slo/bucket-threshold'])), [
    '4:58-4:62 warning slo/bucket-threshold the threshold 0.75 is not a bucket bound of http_request_duration_seconds (read by service:http_request_duration_seconds:p99): it is between the bounds 0.5 and 1, where histogram_quantile only interpolates; compare against a bound (buckets: 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)',
    '  fix Change to 0.5: 4:58-4:62 "0.5"',
    '  fix Change to 1: 4:58-4:62 "1"',
  ]);
  // Bounds, the other side of the comparison, unknown histograms and non-quantiles: silent.
  for (const expr of [
    'service:http_request_duration_seconds:p99 > 1',
    '0.5 < histogram_quantile(0.99, sum(rate(grpc_server_handling_seconds_bucket[5m])) by (le))',
    'histogram_quantile(0.99, sum(rate(my_latency_seconds_bucket[5m])) by (le)) > 0.3',
    'service:http_errors:rate5m > 0.3',
  ])
    assert.deepEqual(check(alertRule('X', expr), ['slo/bucket-threshold']), [], expr);
  assert.deepEqual(nearestBounds(20, [1, 10]), [10]);
  assert.deepEqual(nearestBounds(0.001, [0.005, 1]), [0.005]);
});

test('catalog/high-cardinality: by (path) / by (instance) in a recording rule, not in an alert', () => {
  assert.deepEqual(only(check(recordingRule('sum(rate(http_requests_total[5m])) by (service, path)'), ['catalog/high-cardinality'])), [
    '4:62-4:66 warning catalog/high-cardinality recording rule t:test:expr keeps path in by (…): path is a high-cardinality label in the k1s0 catalog (HTTP request path (one series per route; raw paths are unbounded)), so the rule records one series per value; aggregate it away',
  ]);
  assert.equal(only(check(recordingRule('sum(up) by (instance)'), ['catalog/high-cardinality'])).length, 1);
  assert.deepEqual(check(recordingRule('sum(up) without (instance)'), ['catalog/high-cardinality']), []);
  assert.deepEqual(check(alertRule('X', 'sum(up) by (instance) < 1'), ['catalog/high-cardinality']), []);
});

/** In place of the design's local alerts: a rule file prometheus.yaml loads. */
const TIER_FILE = 'infra/docker/prometheus/alerting_rules.yaml';

test('policy/slo: the tier without its burn-rate pair, and the fix that inserts it', () => {
  const diagnostics = diagnose(TIER_FILE, { [TIER_FILE]: FIXTURE });
  const lines = only(render(diagnostics, ['policy/slo']));
  assert.equal(
    lines[0],
    '3:15-3:41 warning policy/slo the system tier (SLO 99.95%) has no SLOBurnRateCritical (14.4x over 1h + 5m, critical) and SLOBurnRateWarning (6x over 6h + 30m, warning) covering auth-server, bff-proxy, config-server, dlq-manager, saga-server: the design pages and tickets on the burn rate of every SLO (SLO 設計 (system 99.95%, business / service 99.9%))',
  );
  const fix = diagnostics.find((d) => d.code === 'policy/slo')?.fixes?.[0];
  assert.equal(fix?.title, 'Add SLOBurnRateCritical and SLOBurnRateWarning for the system tier (SLO 99.95%)');
  const edit = fix?.edits[0];
  assert.deepEqual(edit?.range, { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } });
  const fixed = applied(FIXTURE, edit);
  assert.equal(fixed, readFileSync(join(__dirname, 'fixtures/system-tier-with-burn-rate.yaml'), 'utf8'));
  // Fixed: no policy/slo, nothing else new from our checker (other than the suppression hints of other areas).
  assert.deepEqual(
    render(diagnose(TIER_FILE, { [TIER_FILE]: fixed })).filter((l) => !l.startsWith('  ')),
    [],
  );
  // The business tier's pair uses its own target.
  const business = FIXTURE.replace(/SystemServiceHighErrorRate/, 'ServiceHighErrorRate')
    .replace(/system/g, 'business')
    .replace('> 0.01', '> 0.05');
  const ledger = 'app:\n  name: ledger-server\n  tier: business\nobservability:\n  log: { level: info, format: json }\n';
  const businessFix = diagnose(TIER_FILE, { [TIER_FILE]: business, 'config/config.yaml': ledger }).find((d) => d.code === 'policy/slo')?.fixes?.[0]?.edits[0];
  assert.match(businessFix?.newText ?? '', /\) > \(14\.4 \* 0\.001\)\n/);
  assert.match(businessFix?.newText ?? '', /\) > \(6 \* 0\.001\)\n/);
});

test('the inserted pair passes promtool check rules (/usr/bin/promtool, installed by npm run setup)', (t) => {
  const file = join(tempDir(t, 'burn'), 'rules.yaml');
  writeFileSync(file, readFileSync(join(__dirname, 'fixtures/system-tier-with-burn-rate.yaml'), 'utf8'));
  const result = spawnSync('/usr/bin/promtool', ['check', 'rules', file], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /SUCCESS: 3 rules found/);
});

function applied(text: string, edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } | undefined): string {
  assert.ok(edit);
  const lines = new LineIndex(text);
  return text.slice(0, lines.offsetAt(edit.range.start)) + edit.newText + text.slice(lines.offsetAt(edit.range.end));
}

test('slo/bucket-threshold: the threshold on the left of the comparison is checked too', () => {
  assert.deepEqual(only(check(alertRule('X', '0.3 < histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))'), ['slo/bucket-threshold'])), [
    '4:14-4:17 warning slo/bucket-threshold the threshold 0.3 is not a bucket bound of http_request_duration_seconds: it is between the bounds 0.25 and 0.5, where histogram_quantile only interpolates; compare against a bound (buckets: 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)',
    '  fix Change to 0.25: 4:14-4:17 "0.25"',
    '  fix Change to 0.5: 4:14-4:17 "0.5"',
  ]);
  // A signed threshold on the left is a sign and a number to the parser: checked as on the right.
  assert.deepEqual(only(check(alertRule('X', '-0.3 < histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))'), ['slo/bucket-threshold'])), [
    '4:14-4:18 warning slo/bucket-threshold the threshold -0.3 is not a bucket bound of http_request_duration_seconds: it is below the smallest bound 0.005, where histogram_quantile only interpolates; compare against a bound (buckets: 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)',
    '  fix Change to 0.005: 4:14-4:18 "0.005"',
  ]);
  assert.deepEqual(only(check(alertRule('X', 'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le)) > - 0.3'), ['slo/bucket-threshold'])), [
    '4:102-4:107 warning slo/bucket-threshold the threshold - 0.3 is not a bucket bound of http_request_duration_seconds: it is below the smallest bound 0.005, where histogram_quantile only interpolates; compare against a bound (buckets: 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)',
    '  fix Change to 0.005: 4:102-4:107 "0.005"',
  ]);
  // `+0.25` on the left is the bound 0.25; `-(0.3)`, `0.2 + 0.1` and `-up` are no number literals, and not judged.
  for (const left of ['+0.25', '-(0.3)', '0.2 + 0.1', '-up']) {
    assert.deepEqual(check(alertRule('X', `${left} < histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))`), ['slo/bucket-threshold']), [], left);
  }
  // A bound on the left is silent (0.25 is one; 0.5 in the test above is one too, so it proved nothing on its own).
  assert.deepEqual(check(alertRule('X', '0.25 < histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))'), ['slo/bucket-threshold']), []);
});

test('slo/bucket-threshold: the nearer bound is the first, preferred fix', () => {
  const lines = diagnose('t.yaml', { 't.yaml': alertRule('X', 'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le)) > 0.45') }).filter(
    (d) => d.code === 'slo/bucket-threshold',
  );
  assert.deepEqual(
    lines.flatMap((d) => (d.fixes ?? []).filter((f) => !f.title.startsWith('Disable ')).map((f) => [f.title, f.preferred ?? false])),
    [
      ['Change to 0.5', true],
      ['Change to 0.25', false],
    ],
  );
});

test('slo/bucket-threshold: above the largest bound and below the smallest', () => {
  const quantile = 'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))';
  assert.deepEqual(only(check(alertRule('X', `${quantile} > 20`), ['slo/bucket-threshold'])), [
    '4:102-4:104 warning slo/bucket-threshold the threshold 20 is not a bucket bound of http_request_duration_seconds: it is above the largest bound 10 (a quantile in the +Inf bucket is reported as 10), where histogram_quantile only interpolates; compare against a bound (buckets: 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)',
    '  fix Change to 10: 4:102-4:104 "10"',
  ]);
  assert.deepEqual(only(check(alertRule('X', `${quantile} > 0.001`), ['slo/bucket-threshold'])), [
    '4:102-4:107 warning slo/bucket-threshold the threshold 0.001 is not a bucket bound of http_request_duration_seconds: it is below the smallest bound 0.005, where histogram_quantile only interpolates; compare against a bound (buckets: 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)',
    '  fix Change to 0.005: 4:102-4:107 "0.005"',
  ]);
});

test('slo/bucket-threshold: not on arithmetic, not on a non-quantile function, not on a quantile without a histogram', () => {
  const quantile = 'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))';
  for (const expr of [
    `${quantile} * 0.3`,
    'topk(3, http_request_duration_seconds_bucket) > 0.3',
    'quantile_over_time(0.9, http_request_duration_seconds_bucket[5m]) > 0.3',
    `${quantile} + 0.3 > 0.5`,
    'abs(http_request_duration_seconds_bucket) > 0.3',
    'histogram_quantile(0.99, vector(1)) > 0.3',
    `(${quantile}) > bool 0.5`,
  ]) {
    assert.deepEqual(check(alertRule('X', expr), ['slo/bucket-threshold']), [], expr);
  }
  // Parentheses around either side are looked through.
  assert.equal(check(alertRule('X', `(${quantile}) > (0.3)`), ['slo/bucket-threshold']).filter((l) => !l.startsWith(' ')).length, 1);
});

test('nearestBounds: a value that is a bound has the bounds around it, not itself', () => {
  assert.deepEqual(nearestBounds(0.5, [0.25, 0.5, 1]), [0.25, 1]);
  assert.deepEqual(nearestBounds(0.3, [0.25, 0.5, 1]), [0.25, 0.5]);
});

test('slo/bucket-threshold: a threshold a dashboard variable stands for is not judged', () => {
  const path = '/w/grafana/dashboards/d.json';
  const quantile = 'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))';
  const dashboard = (expr: string) =>
    JSON.stringify({
      title: 'd',
      uid: 'd',
      templating: { list: [{ name: 'limit', type: 'custom', query: '0.3', current: { value: '0.3' } }] },
      panels: [{ id: 1, type: 'timeseries', title: 'p', datasource: { type: 'prometheus', uid: 'prometheus' }, targets: [{ refId: 'A', expr }] }],
    });
  const codes = (expr: string) => new LanguageService().validate({ file: { uri: `file://${path}`, text: dashboard(expr) }, settings: DEFAULT_SETTINGS, location: { path } }).map((d) => d.code);
  assert.deepEqual(codes(`${quantile} > $limit`), []);
  assert.deepEqual(codes(`${quantile} > 0.3`), ['slo/bucket-threshold']);
});

test('slo/bucket-threshold: a chain of recording rules is followed three rules deep, and only to a histogram', () => {
  const codes = ['slo/bucket-threshold', 'internal/check-failed'];
  const chain = {
    'chain.yaml':
      'groups:\n  - name: c\n    rules:\n      - record: a:lat:p99\n        expr: histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))\n' +
      '      - record: b:lat:p99\n        expr: a:lat:p99\n      - record: c:lat:p99\n        expr: b:lat:p99\n      - record: d:lat:p99\n        expr: c:lat:p99\n',
  };
  assert.deepEqual(only(check(alertRule('X', 'c:lat:p99 > 0.3'), codes, chain)), [
    '4:26-4:29 warning slo/bucket-threshold the threshold 0.3 is not a bucket bound of http_request_duration_seconds (read by a:lat:p99): it is between the bounds 0.25 and 0.5, where histogram_quantile only interpolates; compare against a bound (buckets: 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)',
    '  fix Change to 0.25: 4:26-4:29 "0.25"',
    '  fix Change to 0.5: 4:26-4:29 "0.5"',
  ]);
  for (const expr of [
    'd:lat:p99 > 0.3',
    'histogram_quantile(0.9, rate(http_requests_total[5m])) > 0.3',
    'histogram_quantile(0.99, sum(rate(my_latency_seconds_bucket[5m])) by (le)) > 0.3',
    'sum(service:http_request_duration_seconds:p99) > 0.75',
  ]) {
    assert.deepEqual(check(alertRule('X', expr), codes, chain), [], expr);
  }
});
