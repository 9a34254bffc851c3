// Runs every *.test.ts under server/, client/ and test/ with node's own test
// runner (Node 20 has no glob support in --test, so the files are listed here).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['server/src', 'client/src', 'test'];
const skip = new Set(['node_modules', '.git', 'dist', 'fixtures', 'e2e']);

function walk(path, out) {
  if (statSync(path).isFile()) {
    if (path.endsWith('.test.ts')) out.push(path);
    return out;
  }
  for (const entry of readdirSync(path)) {
    if (!skip.has(entry)) walk(join(path, entry), out);
  }
  return out;
}

const files = roots.flatMap((root) => walk(root, [])).sort();
if (files.length === 0) {
  console.error('no test files found under', roots.join(', '));
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
