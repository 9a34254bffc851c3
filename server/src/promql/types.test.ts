import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPromql } from './index';
import { assertClean } from './testHelpers';

test('arithmetic on number literals is a scalar argument (no false type error; promtool 2.42 accepts these)', () => {
  assertClean('clamp_max(up, -1 * 2)');
  assertClean('clamp_min(up, -(2))');
  assertClean('round(up, 1 / -2)');
  assert.deepEqual(checkPromql('clamp_max(up, -1 * 2)'), []);
});
