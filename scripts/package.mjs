// `npm run package`: a production build, then @vscode/vsce packs
// k1s0-observability.vsix from what .vscodeignore lets through (dist/*.js,
// syntaxes/, snippets/, images/, README, CHANGELOG, LICENSE, manifest, nls).
// The bundles carry their dependencies, so vsce is told not to add node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const VSIX = join(ROOT, 'k1s0-observability.vsix');

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Source maps of a development build may sit beside the bundles: .vscodeignore leaves them out.
run(['scripts/build.mjs', '--production']);
if (existsSync(VSIX)) rmSync(VSIX);
run([join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', VSIX]);
