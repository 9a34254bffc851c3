import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../base/settings';
import type { ValidationRequest } from '../service/languageService';
import { checkInParallel, shareOut, threadsFor } from './parallel';

const request = (name: string, chars: number): ValidationRequest => ({ file: { uri: `file:///w/${name}`, text: 'x'.repeat(chars) }, settings: DEFAULT_SETTINGS, location: { path: `/w/${name}` } });

test('shares are balanced by text, largest file first, each in file order', () => {
  const requests = [request('a', 10), request('b', 70), request('c', 30), request('d', 40), request('e', 20)];
  // 70 → share 0; 40 → 1; 30 → 1 (70 vs 70: the first); 20 → 0... each share's indexes sorted.
  assert.deepEqual(shareOut(requests, 2), [
    [1, 4],
    [0, 2, 3],
  ]);
  assert.deepEqual(shareOut(requests, 1), [[0, 1, 2, 3, 4]]);
});

test('threads: --jobs when given (never more than files), else one unless the input is big', () => {
  const small = [request('a', 100), request('b', 100)];
  assert.equal(threadsFor(small, undefined), 1);
  assert.equal(threadsFor(small, 8), 2);
  assert.equal(threadsFor(small, 1), 1);
  const big = [request('a', 3 * 1024 * 1024), request('b', 2 * 1024 * 1024)];
  assert.ok(threadsFor(big, undefined) >= 1 && threadsFor(big, undefined) <= 2);
});

test('a worker that cannot start rejects with the reason, no hang', async () => {
  const requests = [request('a.yaml', 10), request('b.yaml', 10)];
  await assert.rejects(checkInParallel(requests, 2, '/nonexistent/k1s0-cli.js'), /Cannot find module|ERR_MODULE_NOT_FOUND|nonexistent/);
});
