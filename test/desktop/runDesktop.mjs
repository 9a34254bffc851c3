// `npm run test:desktop`: the extension-host suite in desktop VS Code, which
// @vscode/test-electron downloads (where the network allows it; these CI
// machines cannot, and run the same suite inside code-server instead:
// test/e2e/desktop.test.ts). The workspace is a scratch copy of examples/.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = join(mkdtempSync(join(tmpdir(), 'k1s0-desktop-')), 'workspace');
cpSync(join(ROOT, 'examples'), workspace, { recursive: true });

try {
  await runTests({
    version: process.env.K1S0_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out/desktop/suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`test:desktop failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
