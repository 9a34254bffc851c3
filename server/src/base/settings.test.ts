import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, readSettings, regrade } from './settings';
// k1s0.stack.* are read by the client only (the stack commands); their defaults live there.
import { stackSettingDefaults } from '../../../client/src/stack/settings';

interface ManifestProperty {
  default?: unknown;
}

test("the manifest's contributes.configuration defaults equal the code's defaults", () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
  const properties = manifest.contributes.configuration.properties as Record<string, ManifestProperty>;
  const flatten = (value: unknown, prefix: string, out: Record<string, unknown>) => {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const name = `${prefix}.${key}`;
      // Records of user entries (severity, environments) are leaves: their default is {}.
      if (child && typeof child === 'object' && !Array.isArray(child) && Object.keys(child).length > 0) flatten(child, name, out);
      else out[name] = child;
    }
    return out;
  };
  const fromCode = { ...flatten(DEFAULT_SETTINGS, 'k1s0', {}), ...stackSettingDefaults() };
  const fromManifest = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, property.default]));
  assert.deepEqual(fromManifest, fromCode);
});

test('a wrong setting falls back to its default alone and is named', () => {
  const { settings, problems } = readSettings({ files: { config: 'config.yaml', rules: ['x/*.yaml'] }, diagnostics: { severity: { 'config/policy': 'loud' } } });
  assert.deepEqual(settings.files.config, DEFAULT_SETTINGS.files.config);
  assert.deepEqual(settings.files.rules, ['x/*.yaml']);
  assert.deepEqual(settings.diagnostics.severity, {});
  assert.equal(problems.length, 2);
  assert.match(problems.join('\n'), /k1s0\.files\.config/);
  assert.match(problems.join('\n'), /k1s0\.diagnostics\.severity\.config\/policy/);
  assert.deepEqual(readSettings(null).settings, DEFAULT_SETTINGS);
});

test('severity overrides: exact code beats its area; off removes', () => {
  const overrides = { config: 'hint', 'config/policy': 'off', 'yaml/syntax': 'warning' } as const;
  assert.equal(regrade('config/policy', 'warning', overrides), undefined);
  assert.equal(regrade('config/schema', 'error', overrides), 'hint');
  assert.equal(regrade('yaml/syntax', 'error', overrides), 'warning');
  assert.equal(regrade('promql/syntax', 'error', overrides), 'error');
});
