/**
 * `check --jobs N`: files shared out over threads give exactly what one thread
 * gives — same diagnostics, same order — on the public corpus and the design's
 * examples (cross-file findings included: recording rules used in other files).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const CORPUS = join(ROOT, '../shared/corpus/rules');

function check(jobs: string, ...paths: string[]) {
  return run(CLI, jobs, ...paths);
}

function run(cli: string, jobs: string, ...paths: string[]) {
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const result = spawnSync(process.execPath, [cli, 'check', ...paths, '--format', 'json', '--jobs', jobs], { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('three threads give what one gives, on the corpus and the examples together', () => {
  assert.ok(existsSync(CORPUS), `expected the corpus at ${CORPUS}`);
  const one = check('1', CORPUS, 'examples');
  const three = check('3', CORPUS, 'examples');
  assert.equal(one.stderr, '');
  assert.equal(three.stderr, '');
  assert.equal(one.code, 1);
  assert.equal(three.code, one.code);
  const items = JSON.parse(one.stdout) as { code: string }[];
  // The examples' deliberate mistakes include findings that need another file's definitions.
  assert.ok(items.some((item) => item.code === 'catalog/undefined-rule'));
  assert.ok(items.length > 1000);
  assert.equal(three.stdout, one.stdout);
});

test('--jobs takes a whole number of 1 or more', () => {
  const zero = check('0', 'examples');
  assert.equal(zero.code, 2);
  assert.equal(zero.stderr.split('\n')[0], 'k1s0: --jobs needs a whole number of 1 or more, got "0"');
});

test('threads that cannot start cost time, not results: the check falls back to one thread and says so', () => {
  // A broken install: the bundle without the loader its workers start from.
  const dir = mkdtempSync(join(tmpdir(), 'k1s0-threads-'));
  copyFileSync(join(ROOT, 'dist/cli.bundle.js'), join(dir, 'cli.bundle.js'));
  const broken = run(join(dir, 'cli.bundle.js'), '2', 'examples');
  const one = check('1', 'examples');
  assert.equal(broken.code, one.code);
  assert.equal(broken.stdout, one.stdout);
  assert.match(broken.stderr, /^k1s0: checking on 2 threads failed \(.*cli\.js.*\); checked on one thread instead\n$/);
});
