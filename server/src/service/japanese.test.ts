/**
 * Under Japanese, every message the language service says on the examples and on the
 * checks' fixtures comes from a Japanese table, and none is its English rendering: a
 * message still written in a check, or a Japanese entry that only copies the English,
 * fails here, naming the code and the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { exists, gapsOf, sayAll } from './testSupport';

const SERVER = join(__dirname, '..');
const REPOSITORY = join(SERVER, '../..');
const ROOTS = [
  join(SERVER, '../../examples'),
  ...readdirSync(SERVER)
    .map((area) => join(SERVER, area, 'fixtures'))
    .filter((dir) => exists(dir)),
];

test('under Japanese, every diagnostic and fix title of the examples and fixtures comes from a Japanese table and differs from its English', () => {
  const english = sayAll(ROOTS, REPOSITORY, 'en').said;
  const { said: japanese, fromTables } = sayAll(ROOTS, REPOSITORY, 'ja');
  // The same findings in both languages (only the words differ).
  assert.deepEqual(
    japanese.map((s) => [s.file, s.code]),
    english.map((s) => [s.file, s.code]),
  );
  // Enough of every kind of file to mean something.
  const areas = [...new Set(japanese.map((s) => s.code.split('/')[0]))].sort();
  assert.deepEqual(areas, [
    'alertmanager',
    'alerts',
    'catalog',
    'compose',
    'config',
    'consistency',
    'dashboard',
    'logql',
    'loki',
    'otelcol',
    'policy',
    'prometheus',
    'promql',
    'promtail',
    'provisioning',
    'rules',
    'suppression',
    'yaml',
  ]);
  const gaps = gapsOf(english, japanese, fromTables);
  assert.deepEqual(gaps, []);
});
