/**
 * The manifest's localization: every user-visible string of the manifest is
 * a %key% of package.nls.json, and Japanese (package.nls.ja.json) has every
 * key. A new command or setting must add its strings to both files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;

interface Manifest {
  displayName: string;
  description: string;
  icon: string;
  bin: Record<string, string>;
  contributes: {
    commands: { command: string; title: string }[];
    configuration: { title: string; properties: Record<string, { description?: string; markdownDescription?: string }> };
  };
}

const manifest = read('package.json') as unknown as Manifest;
const en = read('package.nls.json') as Record<string, string>;
const ja = read('package.nls.ja.json') as Record<string, string>;

function localized(): string[] {
  const strings = [manifest.displayName, manifest.description, manifest.contributes.configuration.title, ...manifest.contributes.commands.map((c) => c.title)];
  for (const property of Object.values(manifest.contributes.configuration.properties)) {
    for (const text of [property.description, property.markdownDescription]) if (text !== undefined) strings.push(text);
  }
  return strings;
}

test('command titles, settings descriptions, name and description are %key% references', () => {
  assert.deepEqual(
    localized().filter((s) => !/^%[^%]+%$/.test(s)),
    [],
  );
});

test('every referenced key is in package.nls.json, and package.nls.ja.json has exactly the same keys', () => {
  const keys = localized().map((s) => s.slice(1, -1));
  assert.deepEqual(
    keys.filter((k) => !(k in en)),
    [],
  );
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort());
  assert.deepEqual(
    Object.entries(ja).filter(([, v]) => v.trim() === ''),
    [],
  );
  assert.equal(ja['command.restartServer.title'], '言語サーバーを再起動');
});

test('the CLI is published as k1s0-obs and the icon is in the package', () => {
  assert.deepEqual(manifest.bin, { 'k1s0-obs': './dist/cli.js' });
  assert.equal(manifest.icon, 'images/icon.png');
  const png = readFileSync(join(ROOT, manifest.icon));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});
