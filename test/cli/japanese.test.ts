/**
 * `check --locale ja` on the examples: every message in Japanese whatever the
 * number of threads (a worker thread has no --locale in its argv: it is handed
 * the language), and LANG=ja_JP.UTF-8 chooses the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

function check(args: string[], lang = 'C.UTF-8') {
  const env = { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' };
  const result = spawnSync(process.execPath, [CLI, 'check', 'examples', '--format', 'json', ...args], { cwd: ROOT, encoding: 'utf8', env });
  assert.equal(result.stderr, '');
  return JSON.parse(result.stdout) as { code: string; message: string }[];
}

test('the examples checked in Japanese on one thread and on three give the same Japanese messages, as LANG=ja does', () => {
  const english = check(['--jobs', '1']);
  const one = check(['--jobs', '1', '--locale', 'ja']);
  const three = check(['--jobs', '3', '--locale', 'ja']);
  const byLang = check(['--jobs', '3'], 'ja_JP.UTF-8');
  assert.ok(one.length > 0);
  assert.deepEqual(three, one);
  assert.deepEqual(byLang, one);
  assert.deepEqual(
    one.map((d) => d.code),
    english.map((d) => d.code),
  );
  assert.deepEqual(
    one.filter((d, i) => d.message === english[i]?.message).map((d) => d.message),
    [],
  );
});
