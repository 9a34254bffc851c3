import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { DEFAULT_SETTINGS, settingsSchema } from '../base/settings';
import { parseYaml } from '../base/yaml/parse';
import { lintConfigSchema, parseLintConfig, readLintConfig } from './lintConfig';

const SECTIONS = ['diagnostics', 'files', 'config', 'catalog'] as const;

test("lint.yaml's schema is the settings schema's sections: the same keys, each optional, no defaults, nothing else", () => {
  assert.deepEqual(Object.keys(lintConfigSchema.shape), SECTIONS);
  for (const section of SECTIONS) {
    assert.deepEqual(Object.keys(lintConfigSchema.shape[section].unwrap().shape), Object.keys(settingsSchema.shape[section].unwrap().shape), section);
  }
  // Every default value of those sections is a valid lint.yaml value, and an absent key stays absent.
  const defaults = Object.fromEntries(SECTIONS.map((s) => [s, DEFAULT_SETTINGS[s]]));
  assert.deepEqual(parseLintConfig(stringify(defaults)), { ok: true, config: defaults });
  assert.deepEqual(parseLintConfig('files: {}\n'), { ok: true, config: { files: {} } });
  // A value the settings reject is rejected with the settings' own message.
  const setting = settingsSchema.safeParse({ files: { maxFileSizeKB: 0 } });
  assert.deepEqual(parseLintConfig('files: {maxFileSizeKB: 0}\n'), { ok: false, problems: [`files.maxFileSizeKB: ${setting.error?.issues[0]?.message}`] });
  assert.deepEqual(parseLintConfig('trace: {server: verbose}\n'), { ok: false, problems: ['(top level): Unrecognized key: "trace"'] });
});

test('unknown keys are told the allowed ones of their section, from the same schema', () => {
  const messages = (text: string) => readLintConfig(parseYaml(text)).findings.map((f) => f.message);
  assert.deepEqual(messages('fils: {}\n'), ['(top level): unknown key "fils"; did you mean "files"?']);
  assert.deepEqual(messages('trace: {}\n'), ['(top level): unknown key "trace"; allowed: diagnostics, files, config, catalog.']);
  assert.deepEqual(messages('files:\n  xyz: 1\n'), [
    'files: unknown key "xyz"; allowed: config, rules, dashboards, lokiConfig, promtailConfig, prometheusConfig, alertmanagerConfig, otelCollectorConfig, maxFileSizeKB.',
  ]);
  assert.deepEqual(messages('catalog:\n  url: x\n'), ['catalog: unknown key "url"; allowed: files.']);
});
