import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { severitySettingSchema, withCodesTable, withSeverityNls } from './docs';
import { CODES } from './registry';

const ROOT = join(__dirname, '../../..');

test("the README's table of codes is the registry's (npm run generate:codes writes it)", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.equal(readme, withCodesTable(readme), 'README.md is out of date: run npm run generate:codes');
  for (const code of CODES.keys()) assert.ok(readme.includes(`\`${code}\``), `${code} is in the README`);
});

test('the manifest completes every code and area of k1s0.diagnostics.severity (npm run generate:codes writes it)', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const setting = manifest.contributes.configuration.properties['k1s0.diagnostics.severity'] as { markdownDescription: string; properties: Record<string, unknown> };
  assert.deepEqual(setting, severitySettingSchema(setting.markdownDescription), 'package.json is out of date: run npm run generate:codes');
  assert.deepEqual(setting.properties['catalog/unknown-metric'], {
    type: 'string',
    enum: ['error', 'warning', 'information', 'hint', 'off'],
    description: '%configuration.diagnostics.severity.key.catalog.unknown-metric%',
  });
  assert.ok(setting.properties.catalog, 'an area is a key too');
});

test("the severity setting's words are in package.nls.json and, in Japanese, package.nls.ja.json (npm run generate:codes writes them)", () => {
  const en = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const ja = JSON.parse(readFileSync(join(ROOT, 'package.nls.ja.json'), 'utf8')) as Record<string, string>;
  assert.deepEqual(en, withSeverityNls(en, 'en'), 'package.nls.json is out of date: run npm run generate:codes');
  assert.deepEqual(ja, withSeverityNls(ja, 'ja'), 'package.nls.ja.json is out of date: run npm run generate:codes');
  const key = 'configuration.diagnostics.severity.key.catalog.unknown-metric';
  assert.deepEqual([en[key], ja[key]], ['metric not in the catalog (default: warning)', 'カタログにないメトリクス（既定: warning）']);
  assert.equal(ja['configuration.diagnostics.severity.key.catalog'], 'catalog/* のすべてのコード');
});
