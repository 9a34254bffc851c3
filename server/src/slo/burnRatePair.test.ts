import { test } from 'node:test';
import assert from 'node:assert/strict';
import { burnRateAlertLines, errorBudget } from './burnRatePair';
import { diagnose } from '../catalog/testSupport';
import { burnRate, FIXTURE, insertedPair, MESSAGE, TIER_FILE, WITH_PAIR } from './testSupport';
import type { AlertPolicy } from '../catalog/schema';

const CRITICAL: AlertPolicy = { name: 'SLOBurnRateCritical', kind: 'burn-rate', burnRate: 14.4, windows: ['1h', '5m'], for: '2m', severity: 'critical', condition: 'c' };

test('errorBudget: one minus the objective, without float noise', () => {
  assert.equal(errorBudget(0.9995), 0.0005);
  assert.equal(errorBudget(0.999), 0.001);
  assert.equal(errorBudget(0.99), 0.01);
});

test("burnRateAlertLines: the design's alert for a tier, every window anded, the tier's target in the threshold", () => {
  assert.deepEqual(burnRateAlertLines(CRITICAL, 'system', 0.9995), [
    '- alert: SLOBurnRateCritical',
    '  expr: |',
    '    (',
    '      sum(rate(http_requests_total{tier="system", status=~"5.."}[1h])) by (service)',
    '        / sum(rate(http_requests_total{tier="system"}[1h])) by (service)',
    '    ) > (14.4 * 0.0005)',
    '    and',
    '    (',
    '      sum(rate(http_requests_total{tier="system", status=~"5.."}[5m])) by (service)',
    '        / sum(rate(http_requests_total{tier="system"}[5m])) by (service)',
    '    ) > (14.4 * 0.0005)',
    '  for: 2m',
    '  labels:',
    '    severity: critical',
    '    tier: system',
    '  annotations:',
    '    summary: "{{ $labels.service }} burns its error budget 14.4x too fast over 1h and 5m (SLO 99.95%)"',
  ]);
});

test('burnRateAlertLines: a design without a burn rate burns at 1x; one window has no "and"; the percent is rounded to 3 places', () => {
  const { burnRate: _rate, ...plain } = CRITICAL;
  assert.deepEqual(burnRateAlertLines({ ...plain, windows: ['30m'] }, 'business', 0.99995).slice(2, 6), [
    '    (',
    '      sum(rate(http_requests_total{tier="business", status=~"5.."}[30m])) by (service)',
    '        / sum(rate(http_requests_total{tier="business"}[30m])) by (service)',
    '    ) > (1 * 0.00005)',
  ]);
  assert.equal(burnRateAlertLines({ ...plain, windows: ['30m'] }, 'business', 0.99995).at(-1), '    summary: "{{ $labels.service }} burns its error budget 1x too fast over 30m (SLO 99.995%)"');
  const { windows: _windows, ...noWindows } = CRITICAL;
  assert.deepEqual(burnRateAlertLines(noWindows, 'service', 0.999), [
    '- alert: SLOBurnRateCritical',
    '  expr: |',
    '  for: 2m',
    '  labels:',
    '    severity: critical',
    '    tier: service',
    '  annotations:',
    '    summary: "{{ $labels.service }} burns its error budget 14.4x too fast over  (SLO 99.9%)"',
  ]);
});

test('policy/slo: the pair goes after the last rule of the group, blank lines after it kept below', () => {
  const title = 'Add SLOBurnRateCritical and SLOBurnRateWarning for the system tier (SLO 99.95%)';
  assert.deepEqual(burnRate(`${FIXTURE}\n\n`), [{ range: '3:15-3:41', message: MESSAGE, fix: { title, at: '10:0-10:0', newText: insertedPair(6) } }]);
  // No final newline: the pair starts on a line of its own.
  assert.deepEqual(burnRate(FIXTURE.trimEnd()), [{ range: '3:15-3:41', message: MESSAGE, fix: { title, at: '9:58-9:58', newText: `\n${insertedPair(6)}` } }]);
  // Rules indented less: the pair follows their dash column.
  assert.deepEqual(burnRate(FIXTURE.replace(/^ {6}/gm, '    ')), [{ range: '3:13-3:39', message: MESSAGE, fix: { title, at: '10:0-10:0', newText: insertedPair(4) } }]);
});

test("policy/slo: the pair goes into the group of the tier's alert, not the file's last group; only the missing alert", () => {
  const other = '  - name: other\n    rules:\n      - record: x:up:sum\n        expr: sum(up)\n';
  const [first] = burnRate(`${FIXTURE}${other}`);
  assert.equal(first?.fix?.at, '10:0-10:0');
  // The warning alert present: only the critical one is missing, and only it is inserted.
  const lines = WITH_PAIR.split('\n');
  const withWarningOnly = [...lines.slice(0, 10), ...lines.slice(lines.findIndex((l) => l.includes('SLOBurnRateWarning')))].join('\n');
  const end = withWarningOnly.split('\n').length - 1;
  const critical = lines.slice(
    10,
    lines.findIndex((l) => l.includes('SLOBurnRateWarning')),
  );
  assert.deepEqual(burnRate(withWarningOnly), [
    {
      range: '3:15-3:41',
      message:
        'the system tier (SLO 99.95%) has no SLOBurnRateCritical (14.4x over 1h + 5m, critical) covering auth-server, bff-proxy, config-server, dlq-manager, saga-server: the design pages and tickets on the burn rate of every SLO (SLO 設計 (system 99.95%, business / service 99.9%))',
      fix: { title: 'Add SLOBurnRateCritical for the system tier (SLO 99.95%)', at: `${end}:0-${end}:0`, newText: `${critical.join('\n')}\n` },
    },
  ]);
});

test('policy/slo: rules in flow style get the finding without a fix', () => {
  const flow = 'groups:\n  - name: system-tier\n    rules: [{alert: SystemServiceHighErrorRate, expr: "up == 0", labels: {severity: critical}}]\n';
  assert.deepEqual(burnRate(flow), [{ range: '2:20-2:46', message: MESSAGE, fix: undefined }]);
});

test("policy/slo: only on the file of the tier's alerts (the first in URI order), never on a file without alerts", () => {
  const elsewhere = 'infra/docker/prometheus/z_more.yaml';
  const more = 'groups:\n  - name: more\n    rules:\n      - alert: Other\n        expr: up == 0\n        for: 5m\n        labels:\n          severity: warning\n';
  assert.deepEqual(
    diagnose(elsewhere, { [TIER_FILE]: FIXTURE, [elsewhere]: more }).filter((d) => d.code === 'policy/slo'),
    [],
    'the tier file holds the tier alerts',
  );
  const recordings = 'groups:\n  - name: r\n    rules:\n      - record: x:up:sum\n        expr: sum(up)\n';
  assert.deepEqual(
    diagnose(elsewhere, { [TIER_FILE]: undefined, [elsewhere]: recordings }).filter((d) => d.code === 'policy/slo'),
    [],
  );
  // Two files with the tier's alert: the one first in URI order (a_…) carries the finding.
  const before = 'infra/docker/prometheus/a_tier.yaml';
  assert.deepEqual(burnRate(FIXTURE, { [before]: FIXTURE }), []);
  assert.equal(diagnose(before, { [TIER_FILE]: FIXTURE, [before]: FIXTURE }).filter((d) => d.code === 'policy/slo').length, 1);
});
