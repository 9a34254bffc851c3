/**
 * Every string the client says through `l10n(…)` has a Japanese entry in
 * l10n/bundle.l10n.ja.json with the same placeholders, the bundle has no entry
 * nobody says, and no call builds its English with a template (the bundle could
 * not hold it). `@vscode/l10n-dev` is not installed here: the strings are read
 * from the sources with the same rule it uses for literal arguments.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { l10n } from './l10n';

const ROOT = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && entry.name !== 'l10n.ts' ? [path] : [];
  });
}

const CALL = /\bl10n\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(`))/g;

function said(): { strings: Set<string>; templates: string[] } {
  const strings = new Set<string>();
  const templates: string[] = [];
  for (const file of sources(join(ROOT, 'client/src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(CALL)) {
      if (match[3]) templates.push(file);
      else strings.add((match[1] ?? match[2] ?? '').replace(/\\(['"\\])/g, '$1'));
    }
  }
  return { strings, templates };
}

/** Entries whose Japanese is the design's own Latin word: `Tier {0}`. */
const DESIGN_WORDS = new Set(['tier {0}']);

const placeholders = (text: string): string[] => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

test('the Japanese bundle has exactly the strings the client says, with the same placeholders, each in Japanese', () => {
  const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
  const { strings, templates } = said();
  assert.deepEqual(templates, []);
  assert.ok(strings.size >= 100, `only ${strings.size} strings found: is the pattern still right?`);
  assert.deepEqual(Object.keys(bundle).sort(), [...strings].sort());
  for (const [english, japanese] of Object.entries(bundle)) {
    assert.deepEqual(placeholders(japanese), placeholders(english), english);
    assert.notEqual(japanese, english);
    // Words the design writes in Latin letters (Tier) are Japanese as they are.
    if (!DESIGN_WORDS.has(english)) assert.match(japanese, /[\u3040-\u30ff\u4e00-\u9fff]/, english);
  }
});

test('outside VS Code, l10n says the English with its arguments in place', () => {
  assert.equal(l10n('{0} of {1} up', 2, 4), '2 of 4 up');
  assert.equal(l10n('left {1} alone', 'x'), 'left {1} alone');
});

test('the manifest points VS Code at the bundles, and the package ships them', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { l10n?: string };
  assert.equal(manifest.l10n, './l10n');
  assert.ok(readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').includes('!l10n/**'));
});
