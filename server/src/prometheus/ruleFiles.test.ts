import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { tempDir } from '../../../test/support/tempDir';
import { globMatchesOnDisk, ruleFilePath } from './ruleFiles';
import { checkConfig } from './testSupport';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';
import { render } from '../catalog/testSupport';

const CODES = ['prometheus/config', 'yaml/syntax'];

function workspace(t: Parameters<typeof tempDir>[0]): string {
  const dir = tempDir(t, 'prometheus-rule-globs');
  mkdirSync(join(dir, 'rules'));
  mkdirSync(join(dir, 'rule2'));
  writeFileSync(join(dir, 'rules', 'a.yaml'), 'groups: []\n');
  writeFileSync(join(dir, 'rule2', 'b.yaml'), 'groups: []\n');
  writeFileSync(join(dir, 'recording_rules.yaml'), 'groups: []\n');
  return dir;
}

test('globs with ? and […] match within a segment, in any segment, as Go’s filepath.Glob', (t) => {
  const dir = workspace(t);
  const path = join(dir, 'prometheus.yaml');
  const text = [
    'rule_files:',
    '  - rules/?.yaml',
    '  - rule?/a.yaml',
    '  - rule[s2]/b.yaml',
    '  - rule?/c.yaml',
    '  - rules/??.yaml',
    '  - rule?/*.yml',
    '  - recording_rules.yaml/*.yaml',
    '  - rules/[b-a].yaml',
    '  - /nowhere/rules.yaml',
    '  - ""',
    '  - {file: a.yaml}',
    '  - rules//a.yaml',
    '',
  ].join('\n');
  writeFileSync(path, text);
  assert.deepEqual(checkConfig(text, { path, codes: CODES }), [
    `4:4-4:16 error prometheus/config "rule?/c.yaml" does not point to an existing file (looked for .${sep}rule?${sep}c.yaml)`,
    `5:4-5:17 error prometheus/config "rules/??.yaml" does not point to an existing file (looked for .${sep}rules${sep}??.yaml)`,
    `6:4-6:15 warning prometheus/config "rule?/*.yml" matches no file (looked for .${sep}rule?${sep}*.yml): Prometheus loads no rules from it, silently`,
    `7:4-7:31 warning prometheus/config "recording_rules.yaml/*.yaml" matches no file (looked for .${sep}recording_rules.yaml${sep}*.yaml): Prometheus loads no rules from it, silently`,
    `8:4-8:20 error prometheus/config "rules/[b-a].yaml" does not point to an existing file (looked for .${sep}rules${sep}[b-a].yaml)`,
    '9:4-9:23 error prometheus/config "/nowhere/rules.yaml" does not point to an existing file (looked for /nowhere/rules.yaml)',
    '11:4-11:18 error prometheus/config rule_files[10] must be a string; got a mapping.',
  ]);
});

test('a file that is not on disk, or not a file: URI, is only checked for the path Prometheus refuses', (t) => {
  const dir = workspace(t);
  const path = join(dir, 'prometheus.yaml');
  const text = 'rule_files:\n  - missing.yaml\n  - "*/x.yaml"\n';
  assert.deepEqual(checkConfig(text, { path, codes: CODES }), ['2:4-2:14 error prometheus/config invalid rule file path "*/x.yaml": * is allowed only in the last path segment']);
});

test('a document with a syntax error is left to yaml/syntax', (t) => {
  const dir = workspace(t);
  const path = join(dir, 'prometheus.yaml');
  const text = 'rule_files:\n  - missing.yaml\n  - rules/*/x.yaml\nglobal: [\n';
  writeFileSync(path, text);
  assert.deepEqual(checkConfig(text, { path, codes: CODES }), ['4:0-4:0 error yaml/syntax Flow sequence in block collection must be sufficiently indented and end with a ]']);
});

test('paths resolve against the folder of prometheus.yaml; /etc/prometheus/ is that folder', () => {
  assert.equal(ruleFilePath('rules/a.yaml', '/ws/infra/prometheus.yaml'), '/ws/infra/rules/a.yaml');
  assert.equal(ruleFilePath('/etc/prometheus/rules/a.yaml', '/ws/infra/prometheus.yaml'), '/ws/infra/rules/a.yaml');
  assert.equal(ruleFilePath('/srv/rules/a.yaml', '/ws/infra/prometheus.yaml'), '/srv/rules/a.yaml');
});

test('globMatchesOnDisk: plain paths, globs in any segment, relative paths', (t) => {
  const dir = workspace(t);
  assert.equal(globMatchesOnDisk(join(dir, 'rules', 'a.yaml')), true);
  assert.equal(globMatchesOnDisk(join(dir, 'rules', 'b.yaml')), false);
  assert.equal(globMatchesOnDisk(join(dir, 'rule?', 'b.yaml')), true);
  assert.equal(globMatchesOnDisk(join(dir, 'rule?', '*.json')), false);
  assert.equal(globMatchesOnDisk(join(dir, '*', 'a.yaml')), true);
  assert.equal(globMatchesOnDisk(join(dir, 'nothing', '*.yaml')), false);
  assert.equal(globMatchesOnDisk(join('server', 'src', 'prometheus', 'ruleFiles.t?')), true, 'relative to the working folder');
  assert.equal(globMatchesOnDisk(join('server', 'src', 'prometheus', 'nothing.t?')), false);
});

test('an unsaved rule file of the workspace counts, its name decoded from the URI', (t) => {
  const dir = workspace(t);
  const path = join(dir, 'prometheus.yaml');
  const text = 'rule_files:\n  - my rules.yaml\n  - "unsaved [1].yaml"\n';
  writeFileSync(path, text);
  const rules = 'groups:\n  - name: g\n    rules: []\n';
  const files = { [join(dir, 'my rules.yaml')]: rules };
  assert.deepEqual(checkConfig(text, { path, files, codes: CODES }), [`2:4-2:22 error prometheus/config "unsaved [1].yaml" does not point to an existing file (looked for .${sep}unsaved [1].yaml)`]);
});

test('an untitled editor is not looked at on disk, whatever its path', (t) => {
  const dir = workspace(t);
  const path = join(dir, 'prometheus.yaml');
  const text = 'rule_files:\n  - missing.yaml\n  - "*/x.yaml"\n';
  writeFileSync(path, text);
  const diagnostics = new LanguageService().validate({ file: { uri: 'untitled:Untitled-1', text }, settings: DEFAULT_SETTINGS, location: { path, relativePath: 'prometheus.yaml' } });
  assert.deepEqual(render(diagnostics, CODES), ['2:4-2:14 error prometheus/config invalid rule file path "*/x.yaml": * is allowed only in the last path segment']);
});
