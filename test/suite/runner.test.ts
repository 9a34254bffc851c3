/**
 * The test runner itself (scripts/run-tests.mjs): a run that leaves a file in the temporary
 * folder or a process running fails and names them; the corpus suite does not run, and says
 * why, without the corpus. The integration suite that runs this file is itself run the same
 * way: it fails on anything its own tests leave behind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/tempDir';

const ROOT = join(__dirname, '../..');
const RUNNER = join(ROOT, 'scripts/run-tests.mjs');
const FIXTURES = join(__dirname, 'fixtures');

function runner(args: string[], options: { cwd?: string; script?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [options.script ?? RUNNER, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env: options.env ?? process.env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Whether a process runs: it exists and is not a zombie waiting for its parent to reap it. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

test('a run that leaves a folder in the temporary folder or a process running fails, naming them; both are removed', (t) => {
  // Its own temporary folder: other test files of this suite use this process's at the same time.
  const tmp = tempDir(t, 'tmp');
  const run = runner(['--no-build', '--out', tempDir(t, 'bundles'), join(FIXTURES, 'leaky.test.ts')], { env: { ...process.env, TMPDIR: tmp } });
  assert.equal(run.code, 1, run.stdout + run.stderr);
  assert.match(run.stdout, /✔ leaves a folder and a process behind/, 'the test itself passes');
  assert.match(run.stderr, /run-tests: .*leaky\.test\.ts: left in the temporary folder: k1s0-leak-\w{6}\n/);
  const leaked = /run-tests: .*: a process the tests started is still running: (\d+) \S*node -e setInterval/.exec(run.stderr);
  assert.ok(leaked, run.stderr);
  assert.equal(running(Number(leaked[1])), false, 'the runner stopped it');
  assert.deepEqual(readdirSync(tmp), [], "the run's own temporary folder is gone, with what was left in it");
});

test('a run whose tests remove what they make passes', (t) => {
  const run = runner(['--no-build', '--out', tempDir(t, 'bundles'), join(FIXTURES, 'tidy.test.ts')]);
  assert.equal(run.stderr, '');
  assert.equal(run.code, 0, run.stdout);
  assert.match(run.stdout, /ℹ pass 2\n/);
});

test('without the corpus, npm run test:corpus fails at once naming K1S0_CORPUS and ../shared/corpus', (t) => {
  // K1S0_CORPUS naming a folder that is not there.
  const missing = join(tempDir(t, 'corpus'), 'no-such-corpus');
  const named = runner(['corpus'], { env: { ...process.env, K1S0_CORPUS: missing } });
  assert.equal(named.code, 1);
  assert.equal(named.stdout, '');
  assert.equal(
    named.stderr,
    `run-tests: the public corpus was not found: K1S0_CORPUS is ${missing}, which is not a folder (when K1S0_CORPUS is not set, ${join(ROOT, '../shared/corpus')} is read). The corpus suite (npm run test:corpus) does not run without it.\n`,
  );

  // A checkout with nothing beside it and no K1S0_CORPUS: the runner and its helper alone.
  const checkout = join(tempDir(t, 'clone'), 'k1s0-observability');
  mkdirSync(join(checkout, 'scripts'), { recursive: true });
  mkdirSync(join(checkout, 'test/support'), { recursive: true });
  copyFileSync(RUNNER, join(checkout, 'scripts/run-tests.mjs'));
  copyFileSync(join(ROOT, 'package.json'), join(checkout, 'package.json'));
  copyFileSync(join(ROOT, 'test/support/corpus.cjs'), join(checkout, 'test/support/corpus.cjs'));
  symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'));
  const env = { ...process.env };
  delete env.K1S0_CORPUS;
  const alone = runner(['corpus'], { cwd: checkout, script: join(checkout, 'scripts/run-tests.mjs'), env });
  assert.equal(alone.code, 1);
  assert.equal(alone.stdout, '');
  const beside = join(checkout, '../shared/corpus');
  assert.equal(existsSync(beside), false);
  assert.equal(
    alone.stderr,
    `run-tests: the public corpus was not found: K1S0_CORPUS is not set and ${beside} (../shared/corpus beside the checkout) does not exist; set K1S0_CORPUS to a folder holding rules/, prometheusrule-crds/ and dashboards/. The corpus suite (npm run test:corpus) does not run without it.\n`,
  );
});
