/**
 * The packed .vsix (`npm run package`, which test:e2e runs first): only what
 * users need, under 2 MB, with a manifest that points at files it carries.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zipEntries } from '../support/zip';
import { ROOT, VSIX } from './support/paths';

test('the .vsix holds only dist/, syntaxes/, snippets/, icons, README, CHANGELOG, LICENSE, manifest, nls files and l10n bundles', () => {
  const names = zipEntries(VSIX)
    .map((e) => e.name)
    .sort();
  const allowed = [
    /^\[Content_Types\]\.xml$/,
    /^extension\.vsixmanifest$/,
    /^extension\/package\.json$/,
    /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
    // The client's strings in other languages (vscode.l10n, package.json's "l10n").
    /^extension\/l10n\/bundle\.l10n\.[a-z-]+\.json$/,
    /^extension\/(readme|changelog)\.md$/,
    /^extension\/LICENSE\.txt$/,
    /^extension\/dist\/(extension|server|cli|cli\.bundle)\.js$/,
    /^extension\/syntaxes\/[^/]+\.json$/,
    /^extension\/snippets\/[^/]+\.json$/,
    // The marketplace icon and the activity-bar icon; README screenshots stay out.
    /^extension\/images\/(icon\.png|k1s0-activity\.svg)$/,
    // The languages contribution's editor configuration (comments, brackets) for PromQL.
    /^extension\/language-configuration\.json$/,
  ];
  assert.deepEqual(
    names.filter((name) => !allowed.some((pattern) => pattern.test(name))),
    [],
  );
  for (const required of [
    'extension/package.json',
    'extension/package.nls.json',
    'extension/package.nls.ja.json',
    'extension/l10n/bundle.l10n.ja.json',
    'extension/readme.md',
    'extension/changelog.md',
    'extension/LICENSE.txt',
    'extension/dist/extension.js',
    'extension/dist/server.js',
    'extension/dist/cli.js',
    'extension/dist/cli.bundle.js',
    'extension/images/icon.png',
    'extension/snippets/config-yaml.json',
  ]) {
    assert.ok(names.includes(required), `${required} is in the .vsix`);
  }
  assert.deepEqual(
    names.filter((name) => name.endsWith('.map') || name.includes('node_modules/') || name.endsWith('.ts')),
    [],
  );
});

test('every file the manifest points at is in the .vsix', () => {
  const names = new Set(zipEntries(VSIX).map((e) => e.name));
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    main: string;
    icon: string;
    contributes: { snippets?: { path: string }[]; grammars?: { path: string }[]; languages?: { configuration?: string }[] };
  };
  const referenced = [
    manifest.main,
    manifest.icon,
    ...(manifest.contributes.snippets ?? []).map((s) => s.path),
    ...(manifest.contributes.grammars ?? []).map((g) => g.path),
    ...(manifest.contributes.languages ?? []).flatMap((l) => (l.configuration ? [l.configuration] : [])),
  ];
  assert.deepEqual(
    referenced.map((path) => `extension/${path.replace(/^\.\//, '')}`).filter((name) => !names.has(name)),
    [],
  );
});

test('the .vsix is under 2 MB', () => {
  const size = statSync(VSIX).size;
  assert.ok(size < 2 * 1024 * 1024, `${size} bytes`);
});
