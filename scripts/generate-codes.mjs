// Writes what is derived from the check registry: the README's table of codes
// and the manifest's schema of k1s0.diagnostics.severity, with its words in
// package.nls.json and package.nls.ja.json. Run through tsx
// (`npm run generate:codes`); server/src/checks/docs.test.ts keeps them in step.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { severitySettingSchema, withCodesTable, withSeverityNls } from '../server/src/checks/docs.ts';

const root = join(import.meta.dirname, '..');
const readmePath = join(root, 'README.md');
writeFileSync(readmePath, withCodesTable(readFileSync(readmePath, 'utf8')));

const manifestPath = join(root, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const properties = manifest.contributes.configuration.properties;
const key = 'k1s0.diagnostics.severity';
properties[key] = severitySettingSchema(properties[key].markdownDescription);
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
for (const [file, locale] of [
  ['package.nls.json', 'en'],
  ['package.nls.ja.json', 'ja'],
]) {
  const nlsPath = join(root, file);
  writeFileSync(nlsPath, `${JSON.stringify(withSeverityNls(JSON.parse(readFileSync(nlsPath, 'utf8')), locale), null, 2)}\n`);
}
console.log('generate:codes: README.md, package.json, package.nls.json and package.nls.ja.json written');
