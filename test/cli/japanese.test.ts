/**
 * `check --locale ja` on the examples: every message in Japanese whatever the
 * number of threads (a worker thread has no --locale in its argv: it is handed
 * the language), and LANG=ja_JP.UTF-8 chooses the same; rules, SARIF rule help,
 * slo and the usage texts too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

function check(args: string[], lang = 'C.UTF-8') {
  const env = { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' };
  const result = spawnSync(process.execPath, [CLI, 'check', 'examples', '--format', 'json', ...args], { cwd: ROOT, encoding: 'utf8', env });
  assert.equal(result.stderr, '');
  return JSON.parse(result.stdout) as { code: string; message: string }[];
}

test('the examples checked in Japanese on one thread and on three give the same Japanese messages, as LANG=ja does', () => {
  const english = check(['--jobs', '1']);
  const one = check(['--jobs', '1', '--locale', 'ja']);
  const three = check(['--jobs', '3', '--locale', 'ja']);
  const byLang = check(['--jobs', '3'], 'ja_JP.UTF-8');
  assert.ok(one.length > 0);
  assert.deepEqual(three, one);
  assert.deepEqual(byLang, one);
  assert.deepEqual(
    one.map((d) => d.code),
    english.map((d) => d.code),
  );
  assert.deepEqual(
    one.filter((d, i) => d.message === english[i]?.message).map((d) => d.message),
    [],
  );
});

function run(args: string[]) {
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env });
  assert.equal(result.stderr, '');
  return result.stdout;
}

test('rules --locale ja documents every code in Japanese, and its --help is Japanese', () => {
  const rules = run(['rules', '--locale', 'ja']);
  assert.ok(
    rules.includes(
      'catalog/unknown-metric (warning, catalog/unknownMetric): カタログにないメトリクス\n  メトリクスが k1s0 カタログ、設計が使うエクスポーター、ワークスペースのレコーディングルール、稼働中の Prometheus のどれにもありません。打ち間違いか、.k1s0/catalog.yaml に追加すべきメトリクスです。\n',
    ),
  );
  assert.equal(run(['rules', '--help', '--locale', 'ja']).split('\n')[0], '使い方: k1s0-obs rules [--format text|json] [--locale en|ja]');
  assert.equal(run(['slo', '--help', '--locale', 'ja']).split('\n')[0], '使い方: k1s0-obs slo [PATH...] [--format text|json] [--locale en|ja]');
});

test('SARIF under --locale ja describes its rules in Japanese', () => {
  const sarif = JSON.parse(run(['check', 'examples', '--format', 'sarif', '--locale', 'ja'])) as {
    runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string }; help: { text: string } }[] } } }[];
  };
  const rule = sarif.runs[0]?.tool.driver.rules.find((r) => r.id === 'dashboard/variable');
  assert.deepEqual(
    [rule?.shortDescription.text, rule?.help.text],
    ['定義されていないテンプレート変数', 'クエリまたはデータソースが、ダッシュボードの templating（または __inputs）に定義されていない変数を使っています。'],
  );
});

test('slo --locale ja names the scrape jobs, config files and dashboards in Japanese', () => {
  const lines = run(['slo', 'examples', '--locale', 'ja']).split('\n');
  assert.ok(lines.includes('    スクレイプ: ジョブ auth-server-rust → auth-rust:8080  examples/infra/docker/prometheus/prometheus.yaml:17:15'), lines.slice(0, 5).join('\n'));
  assert.ok(lines.includes('    config.yaml（prod）  examples/regions/system/server/rust/auth/config/config.yaml:4:9'));
  assert.ok(lines.includes('    ダッシュボード: System Tier Overview（12 パネル）  examples/infra/docker/grafana/dashboards/system-overview.json:1004:12'));
});
