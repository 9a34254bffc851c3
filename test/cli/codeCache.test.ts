/**
 * dist/cli.js runs the bundle with the V8 code cache `npm run build` made: the
 * cache must be used as built, and a stale or broken one must cost only time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, type Owner } from '../support/tempDir';

const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, 'dist');

function check(cli: string) {
  const env = { ...process.env, K1S0_REPORT_CODE_CACHE: '1', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  // examples/ holds deliberate mistakes: exit 1 and a long report to compare.
  const result = spawnSync(process.execPath, [cli, 'check', 'examples', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, cache: result.stderr.trim() };
}

/** dist/ copied: the loader, the bundle, and its cache files. */
function copyOfDist(t: Owner): string {
  const dir = tempDir(t, 'cache');
  for (const name of readdirSync(DIST)) if (name.startsWith('cli.') && !name.endsWith('.map')) copyFileSync(join(DIST, name), join(dir, name));
  return dir;
}

test('the build leaves one code cache for the bundle, and the CLI uses it', () => {
  assert.equal(readdirSync(DIST).filter((name) => name.endsWith('.cache')).length, 1);
  const { code, cache } = check(join(DIST, 'cli.js'));
  assert.equal(code, 1);
  assert.equal(cache, 'code cache: used');
  assert.ok(JSON.parse(check(join(DIST, 'cli.js')).stdout).length > 20);
});

test('a bundle rebuilt since the cache was made runs without it, with the same results', (t) => {
  const expected = check(join(DIST, 'cli.js')).stdout;
  const dir = copyOfDist(t);
  appendFileSync(join(dir, 'cli.bundle.js'), '\n// rebuilt\n');
  const { code, stdout, cache } = check(join(dir, 'cli.js'));
  assert.equal(code, 1);
  assert.equal(cache, 'code cache: none');
  assert.equal(stdout, expected);
});

test('a broken cache is rejected by V8 and costs nothing but time', (t) => {
  const expected = check(join(DIST, 'cli.js')).stdout;
  const dir = copyOfDist(t);
  const cacheName = readdirSync(dir).find((name) => name.endsWith('.cache')) as string;
  writeFileSync(join(dir, cacheName), Buffer.alloc(4096, 7));
  const { code, stdout, cache } = check(join(dir, 'cli.js'));
  assert.equal(code, 1);
  assert.equal(cache, 'code cache: rejected');
  assert.equal(stdout, expected);
});
