/**
 * The observability stack files that "k1s0: Create observability stack files" writes
 * (client/src/stack/stackFiles.ts) get no diagnostic from the built CLI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { planStackFiles, writeStackFiles } from '../../client/src/stack/stackFiles';
import { DEFAULT_STACK_SETTINGS } from '../../client/src/stack/settings';
import { tempDir } from '../support/tempDir';

const CLI = join(__dirname, '../../dist/cli.js');

test('stack files: what is written passes our checks', (t) => {
  const root = tempDir(t, 'files');
  const written = writeStackFiles(root, planStackFiles(root, DEFAULT_STACK_SETTINGS), new Set());
  assert.equal(written.written.length, 7);
  const cli = spawnSync(process.execPath, [CLI, 'check', '.'], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' } });
  assert.equal(cli.stdout, 'No problems (7 files checked).\n');
  assert.equal(cli.status, 0);
});
