import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support';

test('the committed grammars are what scripts/generate-promql-grammar.mjs writes', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/generate-promql-grammar.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
});

test('package.json contributes the promql language, its grammar and the injections', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: {
      languages?: { id: string; extensions?: string[]; configuration?: string }[];
      grammars?: { language?: string; scopeName: string; path: string; injectTo?: string[] }[];
    };
  };
  const lang = pkg.contributes.languages?.find((l) => l.id === 'promql');
  assert.deepEqual(lang?.extensions, ['.promql']);
  assert.ok(lang?.configuration);
  const config = JSON.parse(readFileSync(join(ROOT, lang.configuration), 'utf8')) as { comments: { lineComment: string } };
  assert.equal(config.comments.lineComment, '#');
  const grammars = pkg.contributes.grammars ?? [];
  const byScope = new Map(grammars.map((g) => [g.scopeName, g]));
  assert.equal(byScope.get('source.promql')?.language, 'promql');
  assert.deepEqual(byScope.get('promql.injection.yaml')?.injectTo, ['source.yaml']);
  assert.deepEqual(byScope.get('promql.injection.json')?.injectTo, ['source.json', 'source.json.comments']);
  for (const g of grammars) {
    const file = JSON.parse(readFileSync(join(ROOT, g.path), 'utf8')) as { scopeName: string };
    assert.equal(file.scopeName, g.scopeName, g.path);
  }
});
