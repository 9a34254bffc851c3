import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DESIGN_STACK_FILES, DESIGN_STACK_PATHS } from './designFiles';
import { DEFAULT_STACK_SETTINGS } from './settings';
import { planStackFiles, writeStackFiles } from './stackFiles';
import { tempDir } from '../../../test/support/tempDir';

const EXAMPLES = join(__dirname, '../../../examples');

test("the stack files written are the examples' files, byte for byte", (t) => {
  const root = tempDir(t, 'design-files');
  const plan = planStackFiles(root, DEFAULT_STACK_SETTINGS);
  assert.deepEqual(
    plan.slice(1).map((f) => f.path),
    DESIGN_STACK_PATHS,
  );
  const written = writeStackFiles(root, plan, new Set());
  assert.deepEqual(written.failed, []);
  for (const path of DESIGN_STACK_PATHS) {
    assert.equal(readFileSync(join(root, path), 'utf8'), readFileSync(join(EXAMPLES, path), 'utf8'), path);
  }
  assert.deepEqual(Object.keys(DESIGN_STACK_FILES), DESIGN_STACK_PATHS);
});
