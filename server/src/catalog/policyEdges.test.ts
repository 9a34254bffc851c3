import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertRule, check, diagnose, preferredFixes } from './testSupport';

const CODES = ['policy/alert', 'policy/slo', 'internal/check-failed'];
const labels = (severity: string, forValue?: string, before = '') =>
  `${forValue ? `        for: ${forValue}\n` : ''}        labels:\n${before}          severity: ${severity}\n        annotations:\n          summary: s\n`;
const found = (name: string, expr: string, extra: string) => check(alertRule(name, `'${expr}'`, extra), CODES);
const DOWN = '(アラートルール一覧: ServiceDown — ターゲットが 1 分間 DOWN (up == 0), for 1m, warning)';
const HIGH_ERROR = '(アラートルール一覧: SystemServiceHighErrorRate — system Tier 5xx エラー率 > 1%（5分間）, for 5m, critical)';
const WARNING_BURN = '(アラートルール一覧: SLOBurnRateWarning — バーンレート > 6x（6h + 30m 窓）, for 5m, warning)';
const TARGETS = "is not one of the design's (system 99.95%, business 99.9%, service 99.9%; SLO 設計 (system 99.95%, business / service 99.9%))";

/** Each finding of `codes` in a one-rule file: its code and the titles of its preferred fixes. */
function preferred(text: string, codes = ['policy/alert', 'policy/slo']): string[] {
  return preferredFixes(diagnose('t.yaml', { 't.yaml': text }), codes);
}

test("policy: the design's value is the preferred fix of a threshold, a for, a severity and a burn-rate factor; an SLO target's nearest is not", () => {
  const expr = 'sum(rate(http_requests_total{tier="system", status=~"5.."}[5m])) by (service) / sum(rate(http_requests_total{tier="system"}[5m])) by (service) > 0.05';
  assert.deepEqual(preferred(alertRule('SystemServiceHighErrorRate', expr, labels('warning', '10m')), ['policy/alert']), [
    'policy/alert: Change to 0.01',
    'policy/alert: Change to 5m',
    'policy/alert: Change to critical',
  ]);
  assert.deepEqual(preferred(alertRule('SLOBurnRateWarning', "'slo:burn_rate:rate6h > 7 and slo:burn_rate:rate30m > 7'", labels('warning', '5m'))), ['policy/slo: Change to 6']);
  assert.deepEqual(preferred(alertRule('SLOAvailability', "'slo:availability:ratio < 0.995'", labels('warning'))), ['policy/slo: ']);
});

test('policy/alert: a for of 0 (no pending) drifts from the design like any other length', () => {
  assert.deepEqual(found('ServiceDown', 'up == 0', labels('warning', '0')), [`5:13-5:14 warning policy/alert ServiceDown: for is 0, the design says 1m ${DOWN}`, '  fix Change to 1m: 5:13-5:14 "1m"']);
  assert.deepEqual(found('ServiceDown', 'up == 0', labels('warning', '0s')), [
    `5:13-5:15 warning policy/alert ServiceDown: for is 0s, the design says 1m ${DOWN}`,
    '  fix Change to 1m: 5:13-5:15 "1m"',
  ]);
});

test('policy/alert: the severity label is read wherever it stands among the labels', () => {
  // policy/alert only: the file has no burn-rate pair, which policy/slo reports.
  assert.deepEqual(check(alertRule('SystemServiceHighErrorRate', 'up > 0.01', labels('warning', '5m', '          team: ops\n')), ['policy/alert']), [
    `8:20-8:27 warning policy/alert SystemServiceHighErrorRate: severity is warning, the design says critical ${HIGH_ERROR}`,
    '  fix Change to critical: 8:20-8:27 "critical"',
  ]);
});

test('policy/alert: the first literal of an or is the one said when no side has the threshold; an expression that compares nothing has none', () => {
  assert.deepEqual(found('ServiceDown', 'up == 1 or up == 2', labels('warning', '1m')), [
    `4:21-4:22 warning policy/alert ServiceDown: the threshold is 1, the design says 0 ${DOWN}`,
    '  fix Change to 0: 4:21-4:22 "0"',
  ]);
  assert.deepEqual(found('ServiceDown', 'absent(up)', labels('warning', '1m')), []);
});

test('policy/slo: the factor said is the first literal above 1, not a 1 before it', () => {
  assert.deepEqual(found('SLOBurnRateWarning', 'slo:burn_rate:rate6h > 1 * 7 and slo:burn_rate:rate30m > 7', labels('warning', '5m')), [
    `4:42-4:43 warning policy/slo SLOBurnRateWarning: the burn-rate factor is 7, the design says 6x ${WARNING_BURN}`,
    '  fix Change to 6: 4:42-4:43 "6"',
  ]);
});

test('policy/slo: missing windows are said on the expression without the blanks around it, however many on each side', () => {
  assert.deepEqual(found('SLOBurnRateWarning', ' rate(x[6h]) > 6   ', labels('warning', '5m')), [
    `4:16-4:31 warning policy/slo SLOBurnRateWarning: the design's multi-window alert looks at 6h + 30m, but no 30m window is in the expression ${WARNING_BURN}`,
  ]);
});

test('policy/slo: a recording rule is an SLO rule by its slo: prefix, not by slo: inside its name', () => {
  const record = (name: string) => check(`groups:\n  - name: t\n    rules:\n      - record: ${name}\n        expr: up < 0.95\n`, CODES);
  assert.deepEqual(record('job:slo:ratio'), []);
  assert.deepEqual(record('slo:job:ratio'), [`4:19-4:23 warning policy/slo slo:job:ratio: SLO target 0.95 ${TARGETS}`, '  fix Change to 0.999: 4:19-4:23 "0.999"']);
});
