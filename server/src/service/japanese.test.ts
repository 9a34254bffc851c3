/**
 * Under Japanese, every message the language service says on the examples and on the
 * checks' fixtures comes from a Japanese table, and none is its English rendering: a
 * message still written in a check, or a Japanese entry that only copies the English,
 * fails here, naming the code and the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_SETTINGS } from '../base/settings';
import type { Diagnostic } from '../base/types';
import { recordSaid, setLocale, type Locale } from '../l10n';
import { disableFix } from '../suppression/suppression';
import { LanguageService } from './languageService';

const SERVER = join(__dirname, '..');
const ROOTS = [
  join(SERVER, '../../examples'),
  ...readdirSync(SERVER)
    .map((area) => join(SERVER, area, 'fixtures'))
    .filter((dir) => exists(dir)),
];

function exists(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : /\.(ya?ml|json)$/.test(entry.name) ? [join(dir, entry.name)] : []))
    .sort();
}

interface Said {
  file: string;
  code: string;
  text: string;
}

/** Every diagnostic message and fix title of every root, each root a workspace of its own, in `locale`. */
function sayAll(locale: Locale): { said: Said[]; fromTables: Map<string, Set<Locale>> } {
  const fromTables = new Map<string, Set<Locale>>();
  const stop = recordSaid((from, text) => {
    const seen = fromTables.get(text) ?? new Set<Locale>();
    seen.add(from);
    fromTables.set(text, seen);
  });
  setLocale(locale);
  const said: Said[] = [];
  try {
    for (const root of ROOTS) {
      const service = new LanguageService();
      const requests = filesUnder(root).map((path) => {
        const relativePath = relative(root, path);
        return { file: { uri: `file://${path}`, text: readFileSync(path, 'utf8') }, settings: DEFAULT_SETTINGS, location: { path, relativePath } };
      });
      for (const request of requests) service.index(request);
      for (const request of requests) {
        const file = relative(join(SERVER, '../..'), request.location.path);
        const diagnostics: Diagnostic[] = service.validate(request);
        for (const d of diagnostics) {
          said.push({ file, code: d.code, text: d.message });
          for (const fix of d.fixes ?? []) said.push({ file, code: d.code, text: fix.title });
          if (d.disableLine !== undefined) said.push({ file, code: d.code, text: disableFix(request.file.text, d.disableLine, d.code).title });
        }
      }
    }
  } finally {
    stop();
    setLocale('en');
  }
  return { said, fromTables };
}

test('under Japanese, every diagnostic and fix title of the examples and fixtures comes from a Japanese table and differs from its English', () => {
  const english = sayAll('en').said;
  const { said: japanese, fromTables } = sayAll('ja');
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
  const gaps = japanese.flatMap((s, i) => {
    const problems: string[] = [];
    if (!fromTables.get(s.text)?.has('ja')) problems.push('not said by a Japanese table');
    if (s.text === english[i]?.text) problems.push('the same as in English');
    return problems.length ? [`${s.file} ${s.code}: ${problems.join(', ')}: ${s.text}`] : [];
  });
  assert.deepEqual(gaps, []);
});
