import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

function run(args: string[]) {
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('slo examples/ prints the tier tree as text and exits 0', () => {
  const { code, stdout, stderr } = run(['slo', 'examples/']);
  assert.equal(stderr, '');
  assert.equal(code, 0);
  const lines = stdout.split('\n');
  assert.deepEqual(
    lines.filter((l) => /^\S/.test(l)),
    [
      'system  SLO 99.95%, error budget 21.6 min / 30d  (5 services)',
      'business  SLO 99.9%, error budget 43.2 min / 30d  (1 service)',
      'service  SLO 99.9%, error budget 43.2 min / 30d  (1 service)',
      'no tier  (2)',
      '9 services, 14 missing alerts, 3 not covering',
    ],
  );
  assert.ok(lines.includes('  auth-server  SLO 99.95%, error budget 21.6 min / 30d  examples/infra/docker/prometheus/prometheus.yaml:17:15'));
  assert.ok(lines.includes('    config (prod)  examples/regions/system/server/rust/auth/config/config.yaml:4:9'));
  assert.ok(
    lines.includes(
      '    tier alert: ServiceHighErrorRate [critical] ⚠ not covering — ServiceHighErrorRate selects tier="buisness", which leaves out ledger-server (tier business)  examples/infra/observability/prometheus/alerts/business-tier-alerts.yaml:18:16',
    ),
  );
  assert.ok(
    lines.includes(
      '    burn-rate alert: SLOBurnRateCritical [critical] ✗ missing — no alerting rule SLOBurnRateCritical in the workspace (design: バーンレート > 14.4x（1h + 5m 窓）, for 2m, critical)',
    ),
  );
  assert.ok(lines.includes('    dashboard: System Tier Overview (12 panels)  examples/infra/docker/grafana/dashboards/system-overview.json:1004:12'));
});

test('slo --format json prints the model with display paths next to URIs', () => {
  const { code, stdout } = run(['slo', 'examples/', '--format', 'json']);
  assert.equal(code, 0);
  const tree = JSON.parse(stdout);
  const auth = tree.tiers[0].services[0];
  assert.equal(auth.name, 'auth-server');
  assert.equal(auth.location.file, 'examples/infra/docker/prometheus/prometheus.yaml');
  assert.match(auth.location.uri, /^file:\/\/.*\/examples\/infra\/docker\/prometheus\/prometheus\.yaml$/);
  assert.deepEqual(auth.location.range, { start: { line: 16, character: 14 }, end: { line: 16, character: 30 } });
  assert.deepEqual(auth.slo, { objective: 0.9995, percent: '99.95%', errorBudgetMinutes: 21.6, source: 'SLO 設計 (system 99.95%, business / service 99.9%)' });
});

test('slo: usage and I/O problems exit 2 with one line on stderr', () => {
  const missing = run(['slo', 'no/such/dir']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stdout, '');
  assert.equal(missing.stderr, 'k1s0: cannot read no/such/dir: no such file or directory\n');
  const format = run(['slo', '--format', 'sarif']);
  assert.equal(format.code, 2);
  assert.match(format.stderr, /^k1s0: unknown format "sarif" \(expected text(,| or) json\)\n/);
  const help = run(['slo', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: k1s0-obs slo \[PATH\.\.\.\] \[--format text\|json\]/);
});
