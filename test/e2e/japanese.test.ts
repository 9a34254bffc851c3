/**
 * The extension in a real VS Code whose display language is Japanese: code-server started with
 * `--locale ja`, a Japanese language pack installed from the window and the window reloaded (a
 * test-only pack, support/languagePack.ts: VS Code's own words stay English, the language is `ja`). What a
 * Japanese user reads of ours: the Problems panel's messages (the language server, told the locale
 * by the client), a hover, commands' titles (package.nls.ja.json), the language status items and
 * the stack status list and status bar item (the client's l10n/bundle.l10n.ja.json).
 */
import { after } from 'node:test';
import assert from 'node:assert/strict';
import { cliBrief, cliDiagnostics, e2eTest, useSession } from './support/harness';
import { switchToJapanese } from './support/languagePack';
import { compareBrief } from './support/workbench';
import { waitFor } from './support/wait';
import { freePort } from '../support/net';
import { tempDir } from '../support/tempDir';

/** Ports nothing listens on, so the stack status is the same on any machine: every component down. */
const ports = { prometheus: 0, grafana: 0, loki: 0, jaeger: 0 };
const session = useSession(
  async () => {
    for (const id of ['prometheus', 'grafana', 'loki', 'jaeger'] as const) ports[id] = await freePort();
    return { locale: 'ja', settings: Object.fromEntries(Object.entries(ports).map(([id, port]) => [`k1s0.stack.ports.${id}`, port])) };
  },
  (started) => switchToJapanese(started, tempDir({ after }, 'language-pack')),
);

e2eTest('the window runs in Japanese: VS Code resolved the ja language pack', session, async ({ workbench }) => {
  assert.equal(await workbench.page.evaluate('globalThis._VSCODE_NLS_LANGUAGE'), 'ja');
});

e2eTest('the Problems panel says the example mistakes in Japanese, word for word what k1s0-obs check --locale ja says', session, async ({ workbench, workspace }) => {
  const problems = await workbench.waitForProblems(cliBrief(workspace));
  const catalog = problems.find((p) => p.file === '.k1s0/catalog.yaml' && p.line === 9);
  assert.deepEqual(catalog && { code: catalog.code, message: catalog.message }, {
    code: 'catalog/file',
    message: 'metrics[1].type は counter、gauge、histogram、summary、info、stateset、unknown のいずれかである必要がありますが、"countr" です。"counter" の誤りではありませんか？',
  });
  const oracle = cliDiagnostics(workspace, 'ja').sort((a, b) => compareBrief(`${a.file}:${a.line}:${a.column} ${a.severity} ${a.code}`, `${b.file}:${b.line}:${b.column} ${b.severity} ${b.code}`));
  assert.deepEqual(
    problems.map((p) => ({ file: p.file, line: p.line, column: p.column, severity: p.severity, code: p.code, message: p.message })),
    oracle,
  );
});

e2eTest('the hover on rate( in a rule file says what rate does in Japanese', session, async ({ workbench }) => {
  await workbench.openFile('infra/observability/prometheus/alerts/system-tier-alerts.yaml');
  // Line 24: `          expr: sum(rate(http_requests_total{…})) …`, the cursor on `rate`.
  const rows = await workbench.hoverAt(24, 22, (texts) => texts.some((text) => text.includes('rate(range vector)')));
  assert.ok(rows.includes('rate(range vector) → instant vector\n\n範囲内のカウンターの 1 秒あたりの平均増加率。'), JSON.stringify(rows));
  await workbench.escape();
});

e2eTest("the command palette shows the extension's commands by their Japanese titles", session, async ({ workbench }) => {
  assert.equal(await workbench.commandLabel('k1s0.restartServer', '言語サーバーを再起動'), 'k1s0: 言語サーバーを再起動');
  assert.equal(await workbench.commandLabel('k1s0.stack.status', 'スタックの状態'), 'k1s0: スタックの状態を表示');
});

e2eTest('the language status items of a config file are in Japanese', session, async ({ workbench }) => {
  await workbench.openFile('regions/business/accounting/server/go/ledger/config/config.staging.yaml');
  const entry = workbench.page.locator('#status\\.languageStatus');
  await entry.waitFor({ timeout: 60_000 });
  const hover = workbench.page.locator('.hover-language-status');
  const text = await waitFor(
    async () => {
      if (!(await hover.first().isVisible())) await entry.click();
      const shown = (await hover.allInnerTexts()).join('\n');
      return /ファイルを検査/.test(shown) && /判定/.test(shown) && /カタログ/.test(shown) ? shown : undefined;
    },
    { what: 'the k1s0 language status items in Japanese', timeoutMs: 60_000 },
  );
  const lines = text.split('\n').map((line) => line.trim());
  assert.ok(lines.includes('k1s0: staging'), text);
  assert.ok(lines.includes('app.environment: staging により staging と判定'), text);
  assert.ok(lines.includes('k1s0 カタログ + 1 ファイル'), text);
  assert.ok(
    lines.some((line) => /^k1s0: \d+ ファイルを検査$/.test(line)),
    text,
  );
  await workbench.escape();
});

e2eTest('Show stack status in Japanese: the list of components, its title and the status bar item', session, async ({ workbench }) => {
  await workbench.pickCommand('k1s0.stack.status', 'スタックの状態');
  const widget = workbench.page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: 'k1s0 スタック 0/4' }).waitFor({ timeout: 30_000 });
  assert.equal((await widget.locator('.quick-input-title').innerText()).trim(), 'k1s0 スタック 0/4 起動済み');
  const rows = await widget
    .locator('.quick-input-list .monaco-list-row')
    .evaluateAll((elements) => elements.map((row) => `${row.querySelector('.label-name')?.textContent?.trim() ?? ''} | ${row.querySelector('.label-description')?.textContent?.trim() ?? ''}`));
  assert.deepEqual(rows, [`Prometheus | 停止 :${ports.prometheus}`, `Grafana | 停止 :${ports.grafana}`, `Loki | 停止 :${ports.loki}`, `Jaeger UI | 停止 :${ports.jaeger}`]);
  await workbench.page.keyboard.press('Escape');
  await workbench.page.locator('.part.statusbar .statusbar-item', { hasText: 'k1s0 スタック 0/4' }).waitFor({ timeout: 15_000 });
});
