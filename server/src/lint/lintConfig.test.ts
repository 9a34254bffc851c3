import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../base/settings';
import { findLintConfig, isLintConfigPath, mergeLintConfig, parseLintConfig, readLintConfig } from './lintConfig';
import { parseYaml } from '../base/yaml/parse';
import { spanOf } from '../../../test/support/text';
import { tempDir } from '../../../test/support/tempDir';

test('a lint configuration lays severities, globs and environments over the settings', () => {
  const parsed = parseLintConfig('diagnostics:\n  severity:\n    config/policy: "off"\nfiles:\n  rules: ["deploy/*.rules.yaml"]\nconfig:\n  environments:\n    "deploy/dev/**": dev\n');
  assert.ok(parsed.ok);
  const settings = mergeLintConfig({ ...DEFAULT_SETTINGS, diagnostics: { severity: { yaml: 'warning' } } }, parsed.config);
  assert.deepEqual(settings.diagnostics.severity, { yaml: 'warning', 'config/policy': 'off' });
  assert.deepEqual(settings.files.rules, ['deploy/*.rules.yaml']);
  assert.deepEqual(settings.files.config, DEFAULT_SETTINGS.files.config);
  assert.equal(settings.files.maxFileSizeKB, DEFAULT_SETTINGS.files.maxFileSizeKB);
  assert.deepEqual(settings.config.environments, { 'deploy/dev/**': 'dev' });
});

test('an empty file is the defaults; unknown keys and wrong values are problems naming their key', () => {
  const empty = parseLintConfig('');
  assert.ok(empty.ok);
  assert.deepEqual(mergeLintConfig(DEFAULT_SETTINGS, empty.config), DEFAULT_SETTINGS);
  assert.deepEqual(parseLintConfig('diagnostics:\n  severty: {}\n'), { ok: false, problems: ['diagnostics: Unrecognized key: "severty"'] });
  assert.deepEqual(parseLintConfig('config:\n  environments:\n    "a/**": production\n'), {
    ok: false,
    problems: ['config.environments.a/**: Invalid option: expected one of "dev"|"staging"|"prod"'],
  });
});

test('the nearest .k1s0/lint.yaml is found from a directory or a file below it', (t) => {
  const root = tempDir(t, 'find');
  mkdirSync(join(root, '.k1s0'));
  mkdirSync(join(root, 'a/b'), { recursive: true });
  writeFileSync(join(root, '.k1s0/lint.yaml'), '');
  writeFileSync(join(root, 'a/b/config.yaml'), '');
  assert.equal(findLintConfig(join(root, 'a/b')), join(root, '.k1s0/lint.yaml'));
  assert.equal(findLintConfig(join(root, 'a/b/config.yaml')), join(root, '.k1s0/lint.yaml'));
});

test('the editor reads lint.yaml with exact ranges for its problems, and keeps the parts without any', () => {
  const text = 'diagnostics:\n  severty: {}\nfiles:\n  rules: ["a", 3]\n  maxFileSizeKB: 64\ncatalog:\n  files: ["cat/*.yaml"]\n';
  const { config, findings } = readLintConfig(parseYaml(text));
  assert.deepEqual(config, { diagnostics: {}, files: { maxFileSizeKB: 64 }, catalog: { files: ['cat/*.yaml'] } });
  const [severty, three] = [spanOf(text, 'severty'), spanOf(text, '3', 0)];
  assert.deepEqual(findings, [
    {
      start: severty[0],
      end: severty[1],
      code: 'lint/config',
      severity: 'error',
      message: 'diagnostics: unknown key "severty"; did you mean "severity"?',
      fixes: [{ title: 'Change to "severity"', preferred: true, edits: [{ start: severty[0], end: severty[1], newText: 'severity' }] }],
    },
    { start: three[0], end: three[1], code: 'lint/config', severity: 'error', message: 'files.rules.1: Invalid input: expected string, received number' },
  ]);
  assert.deepEqual(
    readLintConfig(parseYaml('- a\n')).findings.map((f) => [f.start, f.end, f.message]),
    [[0, 4, '(top level): Invalid input: expected object, received array']],
  );
  assert.deepEqual(readLintConfig(parseYaml('files: [\n')), { config: {}, findings: [] }, 'syntax errors are yaml/syntax findings, reported by the parse');
});

test('editor settings over lint.yaml: maps merge key by key (editor wins), values the editor left at default come from the file', () => {
  const parsed = parseLintConfig(
    'diagnostics:\n  severity: { config/policy: "off", yaml: warning }\nfiles:\n  rules: ["deploy/*.yaml"]\n  config: ["cfg/*.yaml"]\ncatalog:\n  files: ["cat.yaml"]\nconfig:\n  environments: { "a/**": dev }\n',
  );
  assert.ok(parsed.ok);
  // Default editor settings: the file's values, exactly what the CLI checks with.
  const cli = mergeLintConfig(DEFAULT_SETTINGS, parsed.config);
  assert.deepEqual(cli.diagnostics.severity, { 'config/policy': 'off', yaml: 'warning' });
  assert.deepEqual(cli.files, { ...DEFAULT_SETTINGS.files, config: ['cfg/*.yaml'], rules: ['deploy/*.yaml'] });
  assert.deepEqual([cli.catalog.files, cli.config.environments], [['cat.yaml'], { 'a/**': 'dev' }]);
  const editor = {
    ...DEFAULT_SETTINGS,
    diagnostics: { severity: { yaml: 'error' as const } },
    files: { ...DEFAULT_SETTINGS.files, config: ['mine/*.yaml'] },
    config: { environments: { 'a/**': 'prod' as const } },
  };
  const merged = mergeLintConfig(editor, parsed.config);
  assert.deepEqual(merged.diagnostics.severity, { 'config/policy': 'off', yaml: 'error' });
  assert.deepEqual(merged.files, { ...DEFAULT_SETTINGS.files, config: ['mine/*.yaml'], rules: ['deploy/*.yaml'] });
  assert.deepEqual(merged.config.environments, { 'a/**': 'prod' });
  assert.deepEqual(merged.catalog.files, ['cat.yaml']);
  assert.equal(isLintConfigPath('/w/.k1s0/lint.yaml'), true);
  assert.equal(isLintConfigPath('/w/k1s0/lint.yaml'), false);
});
