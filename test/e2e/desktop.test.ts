/**
 * The extension-host suite of test/desktop, run inside code-server: the
 * runner extension (installed beside ours) runs it on activation and writes
 * its results to the file named in the user settings; this test opens the
 * window (the extension host starts with a client) and reads them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { tempDir } from '../support/tempDir';
import { join } from 'node:path';
import { startCodeServer } from './support/codeServer';
import { scratchWorkspace } from './support/harness';
import { RUNNER_VSIX, VSIX } from './support/paths';
import { waitFor } from './support/wait';
import { launchBrowser, Workbench } from './support/workbench';

interface SuiteResult {
  passed: string[];
  failed: { title: string; error: string }[];
  total: number;
}

test('the extension-host suite (test/desktop) passes inside code-server', { timeout: 240_000 }, async (t) => {
  const resultsFile = join(tempDir(t, 'desktop'), 'results.json');
  const server = await startCodeServer({ workspace: scratchWorkspace(), extensions: [VSIX, RUNNER_VSIX], settings: { 'k1s0DesktopTests.resultsFile': resultsFile } });
  const browser = await launchBrowser();
  let workbench: Workbench | undefined;
  try {
    workbench = await Workbench.open(browser, server);
    const result = await waitFor(() => (existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResult) : undefined), {
      what: `the runner's results in ${resultsFile}`,
      timeoutMs: 180_000,
      pollMs: 250,
    });
    assert.deepEqual(result.failed, []);
    assert.deepEqual(result.passed, [
      'k1s0 extension host the extension is active and contributes its commands',
      'k1s0 extension host a config file with mistakes gets its config/schema diagnostics',
      'k1s0 extension host the did-you-mean diagnostic offers its quick fix as the preferred action',
      'k1s0 extension host hover on a catalog metric in a rule file says its type, help and labels',
      'k1s0 extension host completion in an expr offers the catalog metric names for the typed word',
      'k1s0 extension host the restart command brings the server back with the same diagnostics',
    ]);
  } catch (error) {
    await workbench?.keepArtifacts('desktop-suite-in-code-server');
    throw error;
  } finally {
    await browser.close();
    await server.stop();
  }
});
