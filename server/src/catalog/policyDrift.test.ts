import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertRule, check } from './testSupport';

const CODES = ['policy/alert', 'policy/slo', 'internal/check-failed'];
const labels = (severity: string, forValue?: string) => `${forValue ? `        for: ${forValue}\n` : ''}        labels:\n          severity: ${severity}\n        annotations:\n          summary: s\n`;
const DOWN = '(アラートルール一覧: ServiceDown — ターゲットが 1 分間 DOWN (up == 0), for 1m, warning)';
const WARNING_BURN = '(アラートルール一覧: SLOBurnRateWarning — バーンレート > 6x（6h + 30m 窓）, for 5m, warning)';
const TARGETS = "is not one of the design's (system 99.95%, business 99.9%, service 99.9%; SLO 設計 (system 99.95%, business / service 99.9%))";
const found = (name: string, expr: string, extra: string) => check(alertRule(name, `'${expr}'`, extra), CODES);
const threshold = (range: string, value: string) => [`${range} warning policy/alert ServiceDown: the threshold is ${value}, the design says 0 ${DOWN}`, `  fix Change to 0: ${range} "0"`];

test('policy/alert: a for of the same length in other units, one that does not parse, and a severity outside the design are left to other checks', () => {
  assert.deepEqual(found('ServiceDown', 'up == 0', labels('warning', 'abc')), []);
  assert.deepEqual(found('ServiceDown', 'up == 0', labels('page', '60s')), []);
});

test('policy/alert: recording rules of an alert name are not alerts', () => {
  assert.deepEqual(check('groups:\n  - name: t\n    rules:\n      - record: ServiceDown\n        expr: up\n', CODES), []);
});

test('policy/alert: the threshold is a literal compared against, on either side, through parentheses and and/or/unless', () => {
  assert.deepEqual(found('ServiceDown', '0 < up', labels('warning', '1m')), []);
  assert.deepEqual(found('ServiceDown', 'up == 1 or up == 0', labels('warning', '1m')), []);
  assert.deepEqual(found('ServiceDown', 'up == up', labels('warning', '1m')), []);
  assert.deepEqual(found('ServiceDown', 'up + 1', labels('warning', '1m')), []);
  assert.deepEqual(found('ServiceDown', 'up < bool 1', labels('warning', '1m')), threshold('4:25-4:26', '1'));
  assert.deepEqual(found('ServiceDown', '(up == 1) and (up < 0.5)', labels('warning', '1m')), threshold('4:22-4:23', '1'));
  assert.deepEqual(found('ServiceDown', 'up == 1 unless up == 2', labels('warning', '1m')), threshold('4:21-4:22', '1'));
  assert.deepEqual(found('ServiceDown', '(up) == (1)', labels('warning', '1m')), threshold('4:24-4:25', '1'));
});

test('policy/slo: burn-rate alerts have no threshold; a missing factor is said on the whole expression, without a fix', () => {
  assert.deepEqual(found('SLOBurnRateWarning', 'slo:burn_rate:rate6h > 6 and slo:burn_rate:rate30m > 6', labels('warning', '5m')), []);
  assert.deepEqual(found('SLOBurnRateWarning', 'slo:burn_rate:rate6h > 0.5 and slo:burn_rate:rate30m > 0.5', labels('warning', '5m')), [
    `4:15-4:73 warning policy/slo SLOBurnRateWarning: the burn-rate factor is missing, the design says 6x ${WARNING_BURN}`,
  ]);
  assert.deepEqual(found('SLOBurnRateWarning', 'slo:burn_rate:rate6h > 7 and slo:burn_rate:rate30m > 5', labels('warning', '5m')), [
    `4:38-4:39 warning policy/slo SLOBurnRateWarning: the burn-rate factor is 7, the design says 6x ${WARNING_BURN}`,
    '  fix Change to 6: 4:38-4:39 "6"',
  ]);
});

test('policy/slo: windows are read from ranges (in any unit) and from whole duration words of recording rule names', () => {
  assert.deepEqual(found('SLOBurnRateWarning', 'rate(x[6h]) > 6 and rate(x[1800s]) > 6', labels('warning', '5m')), []);
  assert.deepEqual(found('SLOBurnRateWarning', 'slo:burn_rate:rate6h1 > 6 and slo:burn_rate:x30mx > 6 and slo:burn_rate:rate_30m > 6', labels('warning', '5m')), [
    `4:15-4:99 warning policy/slo SLOBurnRateWarning: the design's multi-window alert looks at 6h + 30m, but no 6h window is in the expression ${WARNING_BURN}`,
  ]);
  assert.deepEqual(found('SLOBurnRateWarning', '  rate(x[6h]) > 6  ', labels('warning', '5m')), [
    `4:17-4:32 warning policy/slo SLOBurnRateWarning: the design's multi-window alert looks at 6h + 30m, but no 30m window is in the expression ${WARNING_BURN}`,
  ]);
});

test("policy/slo: SLO targets between 90 % and 100 % must be the design's; the fix is the nearest one", () => {
  const expr = 'slo:availability:ratio < 0.995 or slo:availability:ratio < 0.9996 or slo:availability:ratio < 0.9 or slo:availability:ratio < 1 or slo:availability:ratio < 0.999';
  assert.deepEqual(found('SLOAvailability', expr, labels('warning')), [
    `4:40-4:45 warning policy/slo SLOAvailability: SLO target 0.995 ${TARGETS}`,
    '  fix Change to 0.999: 4:40-4:45 "0.999"',
    `4:74-4:80 warning policy/slo SLOAvailability: SLO target 0.9996 ${TARGETS}`,
    '  fix Change to 0.9995: 4:74-4:80 "0.9995"',
  ]);
});

test('policy/slo: SLO alerts (SLO…) and slo: recording rules of any case are checked; other names are not', () => {
  assert.deepEqual(found('SLONothing', 'up < 0.95', labels('warning')), [`4:20-4:24 warning policy/slo SLONothing: SLO target 0.95 ${TARGETS}`, '  fix Change to 0.999: 4:20-4:24 "0.999"']);
  assert.deepEqual(found('XSLO', 'up < 0.95', labels('warning')), []);
  assert.deepEqual(found('sloLower', 'up < 0.95', labels('warning')), []);
  assert.deepEqual(check('groups:\n  - name: t\n    rules:\n      - record: Slo:x:z\n        expr: up < 0.95\n', CODES), [
    `4:19-4:23 warning policy/slo Slo:x:z: SLO target 0.95 ${TARGETS}`,
    '  fix Change to 0.999: 4:19-4:23 "0.999"',
  ]);
});
