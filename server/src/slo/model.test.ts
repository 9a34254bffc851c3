import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';
import { pathToUri, uriToPath } from '../base/files';
import { collectFiles } from '../workspace/walk';
import { formatSloText } from './format';
import { accepts, budgetRemaining, sloTarget, type SloTree } from './model';

const WS = join(__dirname, 'fixtures/ws');

function treeOf(root: string, edit?: (path: string, text: string) => string): { tree: SloTree; service: LanguageService } {
  const service = new LanguageService();
  for (const found of collectFiles(root)) {
    const text = readFileSync(found.path, 'utf8');
    service.index({ file: { uri: pathToUri(found.path), text: edit ? edit(found.path, text) : text }, settings: DEFAULT_SETTINGS, location: { path: found.path, relativePath: found.relativePath } });
  }
  return { tree: service.sloTree(), service };
}

const display = (uri: string) => relative(WS, uriToPath(uri));

test('the tree of the fixture workspace: tiers, services from scrape jobs and config app sections, alerts, dashboards', () => {
  const { tree } = treeOf(WS);
  assert.equal(
    formatSloText(tree, display),
    [
      'system  SLO 99.95%, error budget 21.6 min / 30d  (1 service)',
      '  auth-server  SLO 99.95%, error budget 21.6 min / 30d  prometheus.yaml:4:15',
      '    scrape: job auth-server-rust → auth-rust:8080  prometheus.yaml:4:15',
      '    tier alert: SystemServiceErrorRateWarning [warning] ✗ missing — no alerting rule SystemServiceErrorRateWarning in the workspace (design: system Tier 5xx エラー率 > 0.1%（5分間）, for 5m, warning)',
      '    tier alert: SystemServiceHighErrorRate [critical] ✓  rules/alerts.yaml:4:16',
      '    tier alert: SystemServiceHighLatency [warning] ✗ missing — no alerting rule SystemServiceHighLatency in the workspace (design: system Tier P99 レイテンシ > 500ms（5分間）, for 5m, warning)',
      '    burn-rate alert: SLOBurnRateCritical [critical] ✓  rules/alerts.yaml:22:16',
      '    burn-rate alert: SLOBurnRateWarning [warning] ✓  rules/alerts.yaml:36:16',
      '    dashboard: System Tier (1 panel)  dashboards/system.json:2:12',
      'business  SLO 99.9%, error budget 43.2 min / 30d  (1 service)',
      '  ledger-server  SLO 99.9%, error budget 43.2 min / 30d  config/config.yaml:2:9',
      '    config (prod)  config/config.yaml:2:9',
      '    tier alert: ServiceErrorRateWarning [warning] ✗ missing — no alerting rule ServiceErrorRateWarning in the workspace (design: business/service Tier 5xx エラー率 > 0.2%（5分間）, for 5m, warning)',
      '    tier alert: ServiceHighErrorRate [critical] ✓  rules/alerts.yaml:13:16',
      '    tier alert: ServiceHighLatency [warning] ✗ missing — no alerting rule ServiceHighLatency in the workspace (design: business/service Tier P99 レイテンシ > 1s（5分間）, for 5m, warning)',
      '    burn-rate alert: SLOBurnRateCritical [critical] ✓  rules/alerts.yaml:22:16',
      '    burn-rate alert: SLOBurnRateWarning [warning] ⚠ not covering — SLOBurnRateWarning selects tier="system", which leaves out ledger-server (tier business)  rules/alerts.yaml:36:16',
      '    alert: LedgerDown [warning] ✓  rules/alerts.yaml:50:16',
      '    dashboard: System Tier (1 panel)  dashboards/system.json:2:12',
      'service  SLO 99.9%, error budget 43.2 min / 30d  (1 service)',
      '  order-server  SLO 99.9%, error budget 43.2 min / 30d  prometheus.yaml:10:15',
      '    ! tier given differently: service (scrape job order-server), business (config config.dev.yaml); service is used',
      '    scrape: job order-server → order:8080, order-2:8080  prometheus.yaml:10:15',
      '    config (dev)  config/config.dev.yaml:2:9',
      '    tier alert: ServiceErrorRateWarning [warning] ✗ missing — no alerting rule ServiceErrorRateWarning in the workspace (design: business/service Tier 5xx エラー率 > 0.2%（5分間）, for 5m, warning)',
      '    tier alert: ServiceHighErrorRate [critical] ✓  rules/alerts.yaml:13:16',
      '    tier alert: ServiceHighLatency [warning] ✗ missing — no alerting rule ServiceHighLatency in the workspace (design: business/service Tier P99 レイテンシ > 1s（5分間）, for 5m, warning)',
      '    burn-rate alert: SLOBurnRateCritical [critical] ✓  rules/alerts.yaml:22:16',
      '    burn-rate alert: SLOBurnRateWarning [warning] ⚠ not covering — SLOBurnRateWarning selects tier="system", which leaves out order-server (tier service, job order-server)  rules/alerts.yaml:36:16',
      '    dashboard: System Tier (1 panel)  dashboards/system.json:2:12',
      'no tier  (1)',
      '  kong  prometheus.yaml:16:15',
      '    scrape: job kong → kong:8001  prometheus.yaml:16:15',
      '',
      '4 services, 6 missing alerts, 2 not covering',
      '',
    ].join('\n'),
  );
});

test('every location is an exact LSP range of the name it stands for', () => {
  const { tree } = treeOf(WS);
  const auth = tree.tiers[0]?.services[0];
  assert.equal(auth?.name, 'auth-server');
  assert.deepEqual(auth.scrapeTargets[0]?.location, { uri: pathToUri(join(WS, 'prometheus.yaml')), range: { start: { line: 3, character: 14 }, end: { line: 3, character: 30 } } });
  const ledger = tree.tiers[1]?.services[0];
  assert.deepEqual(ledger?.configs, [
    { environment: 'prod', location: { uri: pathToUri(join(WS, 'config/config.yaml')), range: { start: { line: 1, character: 8 }, end: { line: 1, character: 21 } } } },
  ]);
  assert.deepEqual(ledger.slo, { objective: 0.999, percent: '99.9%', errorBudgetMinutes: 43.2, source: 'SLO 設計 (system 99.95%, business / service 99.9%)' });
  assert.deepEqual(ledger.sources, ['config']);
  const warning = ledger.alerts.find((a) => a.name === 'SLOBurnRateWarning');
  assert.deepEqual(warning?.design, { condition: 'バーンレート > 6x（6h + 30m 窓）', for: '5m', severity: 'warning' });
  assert.deepEqual(warning.location?.range, { start: { line: 35, character: 15 }, end: { line: 35, character: 33 } });
  assert.deepEqual(auth.dashboards, [
    { title: 'System Tier', location: { uri: pathToUri(join(WS, 'dashboards/system.json')), range: { start: { line: 1, character: 11 }, end: { line: 1, character: 24 } } }, panels: ['Request rate'] },
  ]);
  assert.deepEqual(auth.live, {
    errorRatio: 'sum(rate(http_requests_total{service="auth-server", status=~"5.."}[5m])) / sum(rate(http_requests_total{service="auth-server"}[5m]))',
    availability30d: 'sum(rate(http_requests_total{service="auth-server", status!~"5.."}[30d])) / sum(rate(http_requests_total{service="auth-server"}[30d]))',
  });
  // A scrape job without a service label is picked by its job in live queries.
  assert.match(tree.unassigned[0]?.live.errorRatio ?? '', /\{job="kong", status=~"5.."\}/);
});

test('removing the burn-rate pair turns both into missing nodes; the tree follows edits', () => {
  const { tree } = treeOf(WS, (path, text) => (path.endsWith('alerts.yaml') ? text.replace(/SLOBurnRate/g, 'OtherBurn') : text));
  const auth = tree.tiers[0]?.services[0];
  assert.deepEqual(
    auth?.alerts.filter((a) => a.role === 'burn-rate').map((a) => [a.name, a.status]),
    [
      ['SLOBurnRateCritical', 'missing'],
      ['SLOBurnRateWarning', 'missing'],
    ],
  );
  assert.deepEqual(tree.summary, { services: 4, missingAlerts: 12, notCoveringAlerts: 0 });
});

test('an empty workspace gives the three design tiers with no services', () => {
  const tree = new LanguageService().sloTree();
  assert.deepEqual(
    tree.tiers.map((t) => [t.tier, t.slo.percent, t.slo.errorBudgetMinutes, t.services.length]),
    [
      ['system', '99.95%', 21.6, 0],
      ['business', '99.9%', 43.2, 0],
      ['service', '99.9%', 43.2, 0],
    ],
  );
  assert.deepEqual(tree.unassigned, []);
});

test('broken files never break the tree: unparsable YAML and JSON contribute nothing', () => {
  const { tree } = treeOf(WS, (path, text) => (path.endsWith('.json') ? text.slice(0, 40) : path.endsWith('prometheus.yaml') ? `${text}\n  - job_name: [unclosed\n` : text));
  assert.deepEqual(
    tree.tiers.map((t) => t.services.map((s) => s.name)),
    [[], ['ledger-server', 'order-server'], []],
    'the scrape jobs are gone: order-server keeps its config tier',
  );
  assert.ok(tree.tiers.every((t) => t.services.every((s) => s.dashboards.length === 0)));
});

test('a tier the design does not know puts the service under no tier, saying so', () => {
  const { tree } = treeOf(WS, (path, text) => (path.endsWith('config/config.yaml') ? text.replace('tier: business', 'tier: buisness') : text));
  const ledger = tree.unassigned.find((s) => s.name === 'ledger-server');
  assert.deepEqual(ledger?.problems, ['tier "buisness" is not one of the design\'s (system, business, service)']);
  assert.equal(ledger.slo, undefined);
});

test('matchers: equality, negation, anchored regexes, Grafana variables, broken regexes', () => {
  const svc = { name: 'auth-server', tier: 'system', jobs: ['auth-server-rust'] };
  assert.equal(accepts([{ label: 'tier', op: '=', value: 'system' }], svc), true);
  assert.equal(accepts([{ label: 'tier', op: '!=', value: 'system' }], svc), false);
  assert.equal(accepts([{ label: 'service', op: '=~', value: 'auth' }], svc), false, 'regexes are anchored like Prometheus');
  assert.equal(accepts([{ label: 'job', op: '=~', value: 'auth-server.*' }], svc), true);
  assert.equal(accepts([{ label: 'service', op: '!~', value: 'config-.*' }], svc), true);
  assert.equal(accepts([{ label: 'service', op: '=~', value: '$service' }], svc), true);
  assert.equal(accepts([{ label: 'service', op: '=~', value: '(' }], svc), false);
});

test('SLO targets and budgets per the design', () => {
  assert.deepEqual(sloTarget(0.9995, 's'), { objective: 0.9995, percent: '99.95%', errorBudgetMinutes: 21.6, source: 's' });
  assert.deepEqual(sloTarget(0.999, 's'), { objective: 0.999, percent: '99.9%', errorBudgetMinutes: 43.2, source: 's' });
  assert.equal(+budgetRemaining(0.99975, 0.9995).toFixed(6), 0.5);
  assert.equal(+budgetRemaining(1, 0.999).toFixed(6), 1);
});

test('a config file that does not parse keeps its service in the tree, with the reason, opening at the error', () => {
  const { tree } = treeOf(WS, (path, text) => (path.endsWith('config/config.yaml') ? text.replace('observability:', 'observability: [unclosed') : text));
  const ledger = tree.tiers[1]?.services.find((s) => s.name === 'ledger-server');
  assert.ok(ledger, formatSloText(tree, display));
  assert.equal(ledger.configs.length, 1);
  assert.match(ledger.configs[0]?.error ?? '', /./);
  assert.match(ledger.problems[0] ?? '', /^config\.yaml does not parse: /);
  assert.deepEqual(ledger.location, ledger.configs[0]?.location, 'known only from the broken file: the service opens at its error');
  assert.ok((ledger.location?.range.start.line ?? 0) >= 4, 'at the error, not at app.name');
  assert.match(formatSloText(tree, display), /\n {4}config \(prod\) ✗ does not parse {2}config\/config\.yaml:\d+:\d+\n/);
});

test('without a readable app section, the broken file names its service by its folder', () => {
  const { tree } = treeOf(WS, (path, text) => (path.endsWith('config/config.yaml') ? 'app: [\n' : text));
  const service = tree.unassigned.find((s) => s.name === 'ws');
  assert.ok(service, formatSloText(tree, display));
  assert.match(service.problems[0] ?? '', /^config\.yaml does not parse: /);
});

test('a missing alert says where it belongs: the first of its tier alerts; its note does not repeat the design row', () => {
  const { tree } = treeOf(WS, (path, text) => (path.endsWith('alerts.yaml') ? text.replace(/SLOBurnRate/g, 'OtherBurn') : text));
  const auth = tree.tiers[0]?.services[0];
  const critical = auth?.alerts.find((a) => a.name === 'SLOBurnRateCritical');
  assert.equal(critical?.status, 'missing');
  assert.equal(critical.note, 'no alerting rule SLOBurnRateCritical in the workspace');
  assert.deepEqual(critical.home, auth?.alerts.find((a) => a.name === 'SystemServiceHighErrorRate')?.location);
  assert.equal(critical.location, undefined);
});
