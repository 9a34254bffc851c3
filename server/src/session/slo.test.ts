import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EXAMPLES, startSession, type Harness } from './testSupport';
import type { SloTree } from '../slo/model';
import type { K1s0Status } from '../protocol';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let h: Harness;
const uriOf = (relative: string) => h.uriOf(relative);

before(async () => {
  h = await startSession({ from: EXAMPLES });
  assert.equal(h.client.sloTreeChanges, 1, 'the start-up scan announces the tree once');
});

after(() => h.close());

test('k1s0/sloTree answers the tree of the example workspace', async () => {
  const tree = await (h.request('k1s0/sloTree', {}) as Promise<SloTree>);
  assert.deepEqual(
    tree.tiers.map((t) => [t.tier, t.slo.percent, t.services.map((s) => s.name)]),
    [
      ['system', '99.95%', ['auth-server', 'bff-proxy', 'config-server', 'dlq-manager', 'saga-server']],
      ['business', '99.9%', ['ledger-server']],
      // order-server's config.dev.yaml does not parse (a key given twice): it stays in its tier.
      ['service', '99.9%', ['order-server']],
    ],
  );
  assert.deepEqual(
    tree.unassigned.map((s) => s.name),
    ['kong', 'prometheus'],
  );
  // order-server adds its missing burn-rate pair and two tier alerts that select other tiers.
  assert.deepEqual(tree.summary, { services: 9, missingAlerts: 14, notCoveringAlerts: 3 });
  const order = tree.tiers[2]?.services[0];
  assert.equal(order?.configs[0]?.error, 'Duplicate key "level": map keys must be unique');
  assert.match(order.problems[0] ?? '', /^config\.dev\.yaml does not parse: /);
  const ledger = tree.tiers[1]?.services[0];
  const notCovering = ledger?.alerts.find((a) => a.status === 'not-covering');
  assert.deepEqual(notCovering, {
    name: 'ServiceHighErrorRate',
    role: 'tier',
    design: { condition: 'business/service Tier 5xx エラー率 > 5%（5分間）', for: '5m', severity: 'critical' },
    status: 'not-covering',
    location: { uri: uriOf('infra/observability/prometheus/alerts/business-tier-alerts.yaml'), range: { start: { line: 17, character: 15 }, end: { line: 17, character: 35 } } },
    severity: 'critical',
    note: 'ServiceHighErrorRate selects tier="buisness", which leaves out ledger-server (tier business)',
  });
});

test('an edit that adds the burn-rate pair is announced and the tree shows them present', async () => {
  const before = h.client.sloTreeChanges;
  const uri = uriOf('infra/slo/burn-rate.yaml');
  const text = [
    'groups:',
    '  - name: slo-burn-rate',
    '    rules:',
    '      - alert: SLOBurnRateCritical',
    '        expr: slo:error_ratio:rate1h > (14.4 * 0.001) and slo:error_ratio:rate5m > (14.4 * 0.001)',
    '        for: 2m',
    '        labels: { severity: critical }',
    '        annotations: { summary: "budget burns 14.4x" }',
    '      - alert: SLOBurnRateWarning',
    '        expr: slo:error_ratio:rate6h > (6 * 0.001) and slo:error_ratio:rate30m > (6 * 0.001)',
    '        for: 5m',
    '        labels: { severity: warning }',
    '        annotations: { summary: "budget burns 6x" }',
    '',
  ].join('\n');
  await h.open(uri, text);
  assert.equal(h.client.sloTreeChanges, before + 1, 'announced once');
  const tree = await (h.request('k1s0/sloTree', {}) as Promise<SloTree>);
  assert.deepEqual(tree.summary, { services: 9, missingAlerts: 0, notCoveringAlerts: 3 });
  const auth = tree.tiers[0]?.services[0];
  assert.deepEqual(
    auth?.alerts.filter((a) => a.role === 'burn-rate').map((a) => [a.name, a.status, a.location?.uri, a.location?.range.start.line]),
    [
      ['SLOBurnRateCritical', 'present', uri, 3],
      ['SLOBurnRateWarning', 'present', uri, 8],
    ],
  );
  await h.closeDocument(uri);
});

test('k1s0/status: checked files and problems, the open config file environment and why, the catalog files', async () => {
  const path = 'regions/business/accounting/server/go/ledger/config/config.staging.yaml';
  const uri = uriOf(path);
  await h.open(uri, readFileSync(join(h.root, path), 'utf8'));
  const status = (await h.request('k1s0/status', { uri })) as K1s0Status;
  assert.deepEqual(status.environment, { environment: 'staging', reason: 'app.environment', detail: 'staging' });
  assert.ok(status.checkedFiles >= 15, String(status.checkedFiles));
  assert.ok(status.problems.errors >= 4 && status.problems.warnings >= 1, JSON.stringify(status.problems));
  assert.deepEqual(status.catalog.files, [uriOf('.k1s0/catalog.yaml')]);
  // Not a config file: no environment.
  const rules = uriOf('infra/docker/prometheus/alerting_rules.yaml');
  await h.open(rules, readFileSync(join(h.root, 'infra/docker/prometheus/alerting_rules.yaml'), 'utf8'));
  assert.equal(((await h.request('k1s0/status', { uri: rules })) as K1s0Status).environment, undefined);
  await h.closeDocument(rules);
  await h.closeDocument(uri);
});
