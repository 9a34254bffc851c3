// Builds the extension-host suite (test/desktop) for both of its hosts:
//   out/desktop/suite.js                           extensionTestsPath for @vscode/test-electron
//   out/desktop/k1s0-desktop-test-runner.vsix      the runner extension for code-server
// Mocha is bundled in, so neither needs node_modules at run time.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'out/desktop');
const RUNNER = join(OUT, 'runner');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(RUNNER, { recursive: true });

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], logLevel: 'error', mainFields: ['module', 'main'] };
await build({ ...common, entryPoints: [join(ROOT, 'test/desktop/index.ts')], outfile: join(OUT, 'suite.js') });
await build({ ...common, entryPoints: [join(ROOT, 'test/desktop/runner/extension.ts')], outfile: join(RUNNER, 'runner.js') });

copyFileSync(join(ROOT, 'test/desktop/runner/package.json'), join(RUNNER, 'package.json'));
copyFileSync(join(ROOT, 'LICENSE'), join(RUNNER, 'LICENSE'));
writeFileSync(join(RUNNER, 'README.md'), '# k1s0 extension-host test runner\n\nTest harness only: runs test/desktop inside code-server.\n');
writeFileSync(join(RUNNER, '.vscodeignore'), '');
const vsce = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', join(OUT, 'k1s0-desktop-test-runner.vsix')],
  { cwd: RUNNER, stdio: ['ignore', 'pipe', 'inherit'] },
);
if (vsce.status !== 0) process.exit(vsce.status ?? 1);
console.log('out/desktop: suite.js, k1s0-desktop-test-runner.vsix');
