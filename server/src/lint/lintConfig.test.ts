import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../service/settings';
import { applyLintConfig, findLintConfig, parseLintConfig } from './lintConfig';

test('a lint configuration lays severities, globs and environments over the settings', () => {
  const parsed = parseLintConfig('diagnostics:\n  severity:\n    config/policy: "off"\nfiles:\n  rules: ["deploy/*.rules.yaml"]\nconfig:\n  environments:\n    "deploy/dev/**": dev\n');
  assert.ok(parsed.ok);
  const settings = applyLintConfig({ ...DEFAULT_SETTINGS, diagnostics: { severity: { yaml: 'warning' } } }, parsed.config);
  assert.deepEqual(settings.diagnostics.severity, { yaml: 'warning', 'config/policy': 'off' });
  assert.deepEqual(settings.files.rules, ['deploy/*.rules.yaml']);
  assert.deepEqual(settings.files.config, DEFAULT_SETTINGS.files.config);
  assert.equal(settings.files.maxFileSizeKB, DEFAULT_SETTINGS.files.maxFileSizeKB);
  assert.deepEqual(settings.config.environments, { 'deploy/dev/**': 'dev' });
});

test('an empty file is the defaults; unknown keys and wrong values are problems naming their key', () => {
  const empty = parseLintConfig('');
  assert.ok(empty.ok);
  assert.deepEqual(applyLintConfig(DEFAULT_SETTINGS, empty.config), DEFAULT_SETTINGS);
  assert.deepEqual(parseLintConfig('diagnostics:\n  severty: {}\n'), { ok: false, problems: ['diagnostics: Unrecognized key: "severty"'] });
  assert.deepEqual(parseLintConfig('config:\n  environments:\n    "a/**": production\n'), { ok: false, problems: ['config.environments.a/**: Invalid option: expected one of "dev"|"staging"|"prod"'] });
});

test('the nearest .k1s0/lint.yaml is found from a directory or a file below it', () => {
  const root = mkdtempSync(join(tmpdir(), 'k1s0-find-'));
  mkdirSync(join(root, '.k1s0'));
  mkdirSync(join(root, 'a/b'), { recursive: true });
  writeFileSync(join(root, '.k1s0/lint.yaml'), '');
  writeFileSync(join(root, 'a/b/config.yaml'), '');
  assert.equal(findLintConfig(join(root, 'a/b')), join(root, '.k1s0/lint.yaml'));
  assert.equal(findLintConfig(join(root, 'a/b/config.yaml')), join(root, '.k1s0/lint.yaml'));
});
