/**
 * `check --jobs N`: its arguments, and threads that cannot start. That threads give
 * exactly what one thread gives on the public corpus is parallel.corpus.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/tempDir';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

function check(jobs: string, ...paths: string[]) {
  return run(CLI, jobs, ...paths);
}

function run(cli: string, jobs: string, ...paths: string[]) {
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const result = spawnSync(process.execPath, [cli, 'check', ...paths, '--format', 'json', '--jobs', jobs], { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('--jobs takes a whole number of 1 or more', () => {
  const zero = check('0', 'examples');
  assert.equal(zero.code, 2);
  assert.equal(zero.stderr.split('\n')[0], 'k1s0: --jobs needs a whole number of 1 or more, got "0"');
});

test('threads that cannot start cost time, not results: the check falls back to one thread and says so', (t) => {
  // A broken install: the bundle without the loader its workers start from.
  const dir = tempDir(t, 'threads');
  copyFileSync(join(ROOT, 'dist/cli.bundle.js'), join(dir, 'cli.bundle.js'));
  const broken = run(join(dir, 'cli.bundle.js'), '2', 'examples');
  const one = check('1', 'examples');
  assert.equal(broken.code, one.code);
  assert.equal(broken.stdout, one.stdout);
  assert.match(broken.stderr, /^k1s0: checking on 2 threads failed \(.*cli\.js.*\); checked on one thread instead\n$/);
});
