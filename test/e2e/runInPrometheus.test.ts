/**
 * "Run in Prometheus" end to end: a real Prometheus (Debian's) on loopback
 * scraping itself, `k1s0.prometheus.url` pointing at it in the user settings,
 * the CodeLens above a rule's `expr` clicked in the packed extension, and the
 * series read from the result view (a webview table).
 */
import { after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPrometheus, type TestPrometheus } from '../support/prometheus';
import { e2eTest, useSession } from './support/harness';
import { waitFor } from './support/wait';

let prometheus: TestPrometheus | undefined;

// Prometheus first, then the workbench with the setting in its user settings, as a user would have it.
const session = useSession(async () => {
  prometheus = await startPrometheus();
  return { settings: { 'k1s0.prometheus.url': prometheus.url } };
});

after(async () => {
  await prometheus?.stop();
});

const RULES = 'infra/docker/prometheus/self_rules.yaml';

e2eTest('the "Run in Prometheus" CodeLens of a rule runs its expr and the result view shows the series', session, async ({ workbench, workspace }) => {
  const port = prometheus?.port;
  assert.ok(port && prometheus);
  mkdirSync(join(workspace, 'infra/docker/prometheus'), { recursive: true });
  writeFileSync(
    join(workspace, RULES),
    ['groups:', '  - name: self', '    rules:', '      - record: instance:up:max', '        expr: |', '          max by (instance, job) (', '            up{job="prometheus"}', '          )', ''].join(
      '\n',
    ),
  );
  await workbench.openFile(RULES);
  const lens = workbench.page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Run in Prometheus' });
  await lens.first().waitFor({ timeout: 60_000 });
  // The row offers the other two as well.
  const titles = await workbench.page.locator('.monaco-editor .codelens-decoration a').allInnerTexts();
  assert.deepEqual(
    titles.map((t) => t.trim()),
    ['Run in Prometheus', 'Open in Prometheus', 'Open in Grafana Explore'],
  );
  // The lens row is drawn again when the document's lenses are refreshed (a click may land on the old one):
  // click until the result view opens.
  const resultTab = workbench.page.locator('.tabs-container .tab', { hasText: 'Prometheus result' });
  await waitFor(
    async () => {
      if ((await resultTab.count()) > 0) return true;
      await lens.first().click({ timeout: 5_000 });
      await resultTab.first().waitFor({ timeout: 5_000 });
      return true;
    },
    { what: 'the result view to open', timeoutMs: 60_000 },
  );

  // The webview: an iframe in the workbench, the page in its active frame.
  const view = workbench.page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
  const rows = await waitFor(
    async () => {
      const cells = await view
        .locator('table tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => Array.from((tr as unknown as { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }).querySelectorAll('td'), (td) => td.textContent ?? '')),
        );
      return cells.length ? cells : undefined;
    },
    { what: 'the result table in the webview', timeoutMs: 30_000 },
  );
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0]?.slice(0, 2), [`{instance="127.0.0.1:${port}", job="prometheus"}`, '1']);
  assert.match(rows[0]?.[2] ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.equal(await view.locator('p.summary').innerText(), '1 series');
  assert.equal(await view.locator('pre.query').innerText(), 'max by (instance, job) (\n  up{job="prometheus"}\n)');
  assert.equal(await view.locator('p.meta').innerText(), `${prometheus?.url ?? ''} · ${RULES}:5`);
  assert.equal(await workbench.page.locator('.tabs-container .tab', { hasText: 'Prometheus result' }).count(), 1);

  // A picture of it in test-artifacts/ (images/run-in-prometheus.png in the README is one of these,
  // copied by hand: a test run never rewrites tracked files).
  await workbench.screenshot('run-in-prometheus');
});
