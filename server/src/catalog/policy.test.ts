import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertRule, check } from './testSupport';

const CODES = ['policy/alert', 'policy/slo'];
const labels = (severity: string, forValue?: string) => `${forValue ? `        for: ${forValue}\n` : ''}        labels:\n          severity: ${severity}\n        annotations:\n          summary: s\n`;

test("policy/alert: threshold, for and severity against the design's table, each with the design's value as the fix", () => {
  const expr = 'sum(rate(http_requests_total{tier="system", status=~"5.."}[5m])) by (service) / sum(rate(http_requests_total{tier="system"}[5m])) by (service) > 0.05';
  const design = '(アラートルール一覧: SystemServiceHighErrorRate — system Tier 5xx エラー率 > 1%（5分間）, for 5m, critical)';
  // Only policy/alert here: the file has no burn-rate pair, which policy/slo reports (see slo/sloChecks.test.ts).
  assert.deepEqual(check(alertRule('SystemServiceHighErrorRate', expr, labels('warning', '10m')), ['policy/alert']), [
    `4:159-4:163 warning policy/alert SystemServiceHighErrorRate: the threshold is 0.05, the design says 0.01 ${design}`,
    '  fix Change to 0.01: 4:159-4:163 "0.01"',
    `5:13-5:16 warning policy/alert SystemServiceHighErrorRate: for is 10m, the design says 5m ${design}`,
    '  fix Change to 5m: 5:13-5:16 "5m"',
    `7:20-7:27 warning policy/alert SystemServiceHighErrorRate: severity is warning, the design says critical ${design}`,
    '  fix Change to critical: 7:20-7:27 "critical"',
  ]);
  assert.deepEqual(check(alertRule('SystemServiceHighErrorRate', expr.replace('0.05', '0.01'), labels('critical', '5m')), ['policy/alert']), []);
});

test('policy/alert: a missing for', () => {
  assert.deepEqual(check(alertRule('ServiceDown', 'up == 0', labels('warning')), CODES), [
    '3:15-3:26 warning policy/alert ServiceDown has no for:, the design says for 1m (アラートルール一覧: ServiceDown — ターゲットが 1 分間 DOWN (up == 0), for 1m, warning)',
  ]);
});

test('policy/slo: burn-rate factor, windows and SLO targets', () => {
  const design = '(アラートルール一覧: SLOBurnRateCritical — バーンレート > 14.4x（1h + 5m 窓）, for 2m, critical)';
  const target = "is not one of the design's (system 99.95%, business 99.9%, service 99.9%; SLO 設計 (system 99.95%, business / service 99.9%))";
  assert.deepEqual(check(alertRule('SLOBurnRateCritical', 'slo:burn_rate:rate1h > (10 * (1 - 0.995)) and slo:burn_rate:rate30m > (10 * (1 - 0.995))', labels('critical', '2m')), CODES), [
    `4:14-4:102 warning policy/slo SLOBurnRateCritical: the design's multi-window alert looks at 1h + 5m, but no 5m window is in the expression ${design}`,
    `4:38-4:40 warning policy/slo SLOBurnRateCritical: the burn-rate factor is 10, the design says 14.4x ${design}`,
    '  fix Change to 14.4: 4:38-4:40 "14.4"',
    `4:48-4:53 warning policy/slo SLOBurnRateCritical: SLO target 0.995 ${target}`,
    '  fix Change to 0.999: 4:48-4:53 "0.999"',
    `4:95-4:100 warning policy/slo SLOBurnRateCritical: SLO target 0.995 ${target}`,
    '  fix Change to 0.999: 4:95-4:100 "0.999"',
  ]);
  assert.deepEqual(check(alertRule('SLOBurnRateWarning', 'slo:burn_rate:rate6h > (6 * (1 - 0.999)) and slo:burn_rate:rate30m > (6 * (1 - 0.999))', labels('warning', '5m')), CODES), []);
  assert.deepEqual(
    check(
      alertRule(
        'SLOBurnRateCritical',
        'sum(rate(http_requests_total{status=~"5.."}[1h])) / sum(rate(http_requests_total[1h])) > 14.4 * (1 - 0.9995) and sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 14.4 * (1 - 0.9995)',
        labels('critical', '2m'),
      ),
      CODES,
    ),
    [],
  );
});
