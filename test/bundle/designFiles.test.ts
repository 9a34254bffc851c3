/**
 * The extension bundle carries the stack files of examples/ (scripts/build.mjs
 * reads them into client/src/stack/designFiles.ts): the .vsix holds no
 * examples/, so what "Create observability stack files" writes comes from
 * the bundle. Needs `npm run build`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { DESIGN_STACK_PATHS, readDesignStackFiles } from '../../client/src/stack/designFiles';

const ROOT = join(__dirname, '../..');

test("dist/extension.js holds the examples' stack files, as they are now", () => {
  const bundle = readFileSync(join(ROOT, 'dist/extension.js'), 'utf8');
  const start = bundle.indexOf('JSON.parse(`{"infra/');
  assert.ok(start >= 0, 'the bundle has the stack files inlined by the build');
  let end = start + 'JSON.parse(`'.length;
  while (bundle[end] !== '`') end += bundle[end] === '\\' ? 2 : 1;
  const literal = bundle.slice(start + 'JSON.parse('.length, end + 1);
  const files = JSON.parse(runInNewContext(literal) as string) as Record<string, string>;
  assert.deepEqual(Object.keys(files), DESIGN_STACK_PATHS);
  assert.deepEqual(files, readDesignStackFiles(join(ROOT, 'examples')));
});
