/**
 * `check --jobs N`: files shared out over threads give exactly what one thread
 * gives — same diagnostics, same order — on the public corpus and the design's
 * examples (cross-file findings included: recording rules used in other files).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { corpusPath } from '../support/corpus.cjs';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

function check(jobs: string, ...paths: string[]) {
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const result = spawnSync(process.execPath, [CLI, 'check', ...paths, '--format', 'json', '--jobs', jobs], { cwd: ROOT, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('three threads give what one gives, on the corpus and the examples together', () => {
  const rules = corpusPath('rules');
  const one = check('1', rules, 'examples');
  const three = check('3', rules, 'examples');
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
