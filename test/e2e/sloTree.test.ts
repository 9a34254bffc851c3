/**
 * The "Tiers and SLOs" view in a real VS Code: the tiers and services the
 * CLI's `slo` reads from the same workspace, and a service that opens where
 * it is defined when clicked.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { e2eTest, useSession } from './support/harness';
import { ROOT } from './support/paths';
import { waitFor } from './support/wait';

const session = useSession();

interface SloJson {
  tiers: { tier: string; slo: { percent: string; errorBudgetMinutes: number }; services: { name: string }[] }[];
  unassigned: { name: string }[];
}

/** The rows the view should show, tiers expanded: `label | description` for tiers, the name for services. */
function expectedRows(workspace: string): string[] {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'slo', '.', '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const tree = JSON.parse(result.stdout) as SloJson;
  // A tier without services says so.
  const rows = tree.tiers.flatMap((t) => [`${t.tier} | SLO ${t.slo.percent}`, ...(t.services.length ? t.services.map((s) => s.name) : ['no services'])]);
  if (tree.unassigned.length) rows.push('no tier | no SLO', ...tree.unassigned.map((s) => s.name));
  return rows;
}

e2eTest('the Tiers and SLOs view lists the tiers and services the CLI reads; a service opens where it is defined', session, async ({ workbench, workspace }) => {
  const expected = expectedRows(workspace);
  assert.ok(expected.length >= 6, expected.join('\n'));
  // As a user opens it: the activity bar's k1s0 icon.
  await workbench.page.locator('.part.activitybar [aria-label^="k1s0 Observability"]').first().click();
  const rows = workbench.page.locator('.part.sidebar .monaco-list-row');
  const read = async (): Promise<string[]> =>
    rows.evaluateAll((elements) =>
      elements.map((row) => {
        const name = row.querySelector('.label-name')?.textContent?.trim() ?? '';
        const description = row.querySelector('.label-description')?.textContent?.trim() ?? '';
        // Tiers carry their SLO as the description; services only when an alert is missing or Prometheus answers.
        return row.getAttribute('aria-level') === '1' ? `${name} | ${description}` : name;
      }),
    );
  const shown = await waitFor(
    async () => {
      const now = await read();
      return now.length >= expected.length ? now : undefined;
    },
    { what: `${expected.length} rows in the Tiers and SLOs view` },
  );
  assert.deepEqual(shown, expected);

  // The first service of the first tier: its row opens the file that defines it (the scrape job).
  const service = expected[1] ?? '';
  await rows
    .filter({ has: workbench.page.locator('.label-name', { hasText: service }) })
    .first()
    .click();
  await waitFor(async () => ((await workbench.page.locator('.tabs-container .tab.active').textContent()) ?? '').includes('prometheus.yaml'), { what: 'prometheus.yaml opened from the tree' });
});

e2eTest('a service whose config file does not parse stays in its tier, says so, and opens at the error', session, async ({ workbench }) => {
  // The example order-server's config.dev.yaml gives a key twice (line 13), so it does not parse.
  // The view may still be open from the test before: clicking its icon again would close it.
  const icon = workbench.page.locator('.part.activitybar [aria-label^="k1s0 Observability"]').first();
  if (!(await icon.evaluate((e) => e.closest('.action-item')?.classList.contains('checked') ?? false))) await icon.click();
  const row = workbench.page.locator('.part.sidebar .monaco-list-row', { has: workbench.page.locator('.label-name', { hasText: /^order-server$/ }) });
  await row.first().waitFor({ timeout: 60_000 });
  assert.equal(await row.first().getAttribute('aria-level'), '2', 'under a tier');
  await waitFor(async () => ((await row.first().locator('.label-description').textContent()) ?? '').includes('config error'), { what: 'the row saying its config has an error' });
  // Its tier is the one the file names.
  const levels = await workbench.page
    .locator('.part.sidebar .monaco-list-row')
    .evaluateAll((elements) => elements.map((e) => [e.getAttribute('aria-level'), e.querySelector('.label-name')?.textContent?.trim() ?? ''] as const));
  const at = levels.findIndex(([, name]) => name === 'order-server');
  assert.equal(
    levels
      .slice(0, at)
      .reverse()
      .find(([level]) => level === '1')?.[1],
    'service',
  );
  await row.first().click();
  await waitFor(async () => ((await workbench.page.locator('.tabs-container .tab.active').textContent()) ?? '').includes('config.dev.yaml'), { what: 'the broken config opened from the tree' });
  await waitFor(async () => (await workbench.cursorPosition()) === 'Ln 13, Col 10 (5 selected)', { what: 'the duplicate key selected' });
});
