/**
 * The stack commands in a real VS Code. There is no Docker engine here, so a
 * recording stand-in named `docker`, first on the extension host's PATH,
 * answers every call with success. In the example workspace, which has no compose file yet,
 * "Start observability stack" says so and offers to create the design's stack
 * files; they are written only after the modal confirmation; starting again
 * runs `docker compose … --profile observability up -d` in a terminal and then
 * says which components did not come up (nothing listens on their ports).
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { upArgs } from '../../client/src/stack/compose';
import { DEFAULT_STACK_SETTINGS } from '../../client/src/stack/settings';
import { cliBrief, e2eTest, useSession } from './support/harness';
import { waitFor } from './support/wait';

const dockerDir = mkdtempSync(join(tmpdir(), 'k1s0-e2e-docker-'));
const docker = join(dockerDir, 'docker');
writeFileSync(docker, `#!${process.execPath}\nrequire('node:fs').appendFileSync(${JSON.stringify(join(dockerDir, 'calls.log'))}, JSON.stringify(process.argv.slice(2)) + '\\n');\n`);
chmodSync(docker, 0o755);

function dockerCalls(): string[][] {
  const log = join(dockerDir, 'calls.log');
  return existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as string[])
    : [];
}

const session = useSession({ pathPrepend: [dockerDir], settings: { 'k1s0.stack.healthTimeoutSeconds': 3 } });

e2eTest('Start observability stack: no compose file → create the files (confirmed) → docker compose up → what is not up', session, async ({ workbench, workspace }) => {
  const page = workbench.page;
  const toast = (text: string) => page.locator('.notifications-toasts .notification-toast', { hasText: text });
  // The example workspace has a compose file (with its deliberate mistake): this is the first hour without one.
  rmSync(join(workspace, 'docker-compose.yaml'));
  // The extension is up once its diagnostics are (its commands reach the palette with it).
  await workbench.waitForProblems(cliBrief(workspace));

  await workbench.runCommand('k1s0.stack.start', 'Start observability stack');
  const missing = toast('No compose file at');
  await missing.waitFor({ timeout: 30_000 });
  assert.ok(!existsSync(join(workspace, 'docker-compose.yaml')));
  await missing.locator('.monaco-button', { hasText: 'Create observability stack files' }).click();

  // Nothing is written before the modal's answer.
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30_000 });
  assert.match((await dialog.innerText()).replace(/\s+/g, ' '), /create the observability stack files\?/);
  assert.ok(!existsSync(join(workspace, 'docker-compose.yaml')));
  await dialog.locator('.monaco-button', { hasText: /^Write \d+ new files?$/ }).click();
  await toast('observability stack files:').waitFor({ timeout: 30_000 });
  // The preview of the files was read-only and is closed once answered (no Untitled document left behind).
  await waitFor(async () => (await page.locator('.tabs-container .tab', { hasText: /observability stack files|Untitled/ }).count()) === 0, { what: 'the preview closed' });
  assert.match(readFileSync(join(workspace, 'docker-compose.yaml'), 'utf8'), /observability/);

  await workbench.runCommand('k1s0.stack.start', 'Start observability stack');
  const notUp = toast('not up:');
  await notUp.waitFor({ timeout: 60_000 });
  assert.match(await notUp.innerText(), /k1s0: .*not up: .*Prometheus :9090/s);
  assert.equal((await notUp.locator('.notification-list-item-message').innerText()).match(/k1s0/g)?.length, 1, 'one k1s0 prefix');
  assert.deepEqual(
    (await notUp.locator('.notification-list-item-buttons-container .monaco-button').allInnerTexts()).map((t) => t.trim()),
    ['Show logs', 'Retry'],
  );
  const calls = await waitFor(
    () => {
      const now = dockerCalls();
      return now.some((call) => call.includes('up')) ? now : undefined;
    },
    { what: 'docker compose up in the stand-in log' },
  );
  // The checks before starting (docker, compose, the engine), then the design's command as an argument array.
  assert.deepEqual(calls.slice(-4), [['--version'], ['compose', 'version'], ['info', '--format', '{{.ServerVersion}}'], upArgs(workspace, DEFAULT_STACK_SETTINGS)]);
});
