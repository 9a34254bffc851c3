import { test } from 'node:test';
import assert from 'node:assert/strict';
import { burnRatePairCheck } from './burnRatePair';
import { diagnose } from '../catalog/testSupport';
import { burnRate, FIXTURE, insertedPair, MESSAGE, TIER_FILE } from './testSupport';

const TITLE = 'Add SLOBurnRateCritical and SLOBurnRateWarning for the system tier (SLO 99.95%)';

test("policy/slo: the pair goes into the group of the tier's alert when other groups, with alerts, come before it", () => {
  const other = '  - name: other\n    rules:\n      - alert: Other\n        expr: up == 0\n        for: 5m\n';
  assert.deepEqual(burnRate(FIXTURE.replace('groups:\n', `groups:\n${other}`)), [{ range: '8:15-8:41', message: MESSAGE, fix: { title: TITLE, at: '15:0-15:0', newText: insertedPair(6) } }]);
});

test("policy/slo: in a file of several YAML documents, the pair goes into the tier's group of its own document", () => {
  const first = 'groups:\n  - name: first\n    rules:\n      - record: x:up:sum\n        expr: sum(up)\n---\n';
  assert.deepEqual(burnRate(`${first}${FIXTURE}`), [{ range: '9:15-9:41', message: MESSAGE, fix: { title: TITLE, at: '16:0-16:0', newText: insertedPair(6) } }]);
});

test('policy/slo: services whose pair is present are not named, and the pair is still missing for the others', () => {
  const pair = [
    '      - alert: SLOBurnRateCritical',
    '        expr: rate(http_requests_total{service="auth-server"}[1h]) > 14.4 * 0.0005 and rate(http_requests_total{service="auth-server"}[5m]) > 14.4 * 0.0005',
    '        for: 2m',
    '        labels:',
    '          severity: critical',
    '      - alert: SLOBurnRateWarning',
    '        expr: rate(http_requests_total{service="auth-server"}[6h]) > 6 * 0.0005 and rate(http_requests_total{service="auth-server"}[30m]) > 6 * 0.0005',
    '        for: 5m',
    '        labels:',
    '          severity: warning',
    '',
  ].join('\n');
  assert.deepEqual(burnRate(`${FIXTURE}${pair}`), [
    {
      range: '3:15-3:41',
      message: MESSAGE.replace('covering auth-server, bff-proxy,', 'covering bff-proxy,'),
      fix: { title: TITLE, at: '20:0-20:0', newText: insertedPair(6) },
    },
  ]);
});

test('policy/slo: the fix follows the dash of the last rule, however many blanks after it; a rule whose dash is on a line of its own gets none', () => {
  const spaced = FIXTURE.replace(/^ {8}/gm, '          ').replace('      - alert:', '      -   alert:');
  assert.deepEqual(burnRate(spaced), [{ range: '3:17-3:43', message: MESSAGE, fix: { title: TITLE, at: '10:0-10:0', newText: insertedPair(6) } }]);
  assert.deepEqual(burnRate(FIXTURE.replace('      - alert:', '      -\n        alert:')), [{ range: '4:15-4:41', message: MESSAGE, fix: undefined }]);
});

test('policy/slo: the severity the check declares (k1s0-obs rules) is the one its finding carries', () => {
  const reported = diagnose(TIER_FILE, { [TIER_FILE]: FIXTURE }).filter((d) => d.code === 'policy/slo');
  assert.deepEqual(
    reported.map((d) => `${d.code} ${d.severity}`),
    ['policy/slo warning'],
  );
  assert.deepEqual(
    burnRatePairCheck.meta.codes.map((c) => `${c.code} ${c.severity}`),
    ['policy/slo warning'],
  );
});
