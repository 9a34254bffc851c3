/**
 * The public corpus under Japanese (third-party rule files, PrometheusRule resources and
 * dashboards, each folder a workspace): the same findings as in English, every message and
 * fix title said by a Japanese table and different from its English.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { corpusDir } from '../../../test/support/corpus.cjs';
import { gapsOf, sayAll } from './testSupport';

test('under Japanese, every diagnostic and fix title of the public corpus comes from a Japanese table and differs from its English', () => {
  const corpus = corpusDir();
  const roots = ['rules', 'prometheusrule-crds', 'dashboards'].map((folder) => join(corpus, folder));
  const english = sayAll(roots, corpus, 'en').said;
  const { said: japanese, fromTables } = sayAll(roots, corpus, 'ja');
  assert.deepEqual(
    japanese.map((s) => [s.file, s.code]),
    english.map((s) => [s.file, s.code]),
  );
  // The corpus has findings of its own to say (not a pinned count: the corpus grows).
  assert.ok(japanese.length > 0, 'the corpus gave no finding at all');
  assert.deepEqual(gapsOf(english, japanese, fromTables), []);
});
