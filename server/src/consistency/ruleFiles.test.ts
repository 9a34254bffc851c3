import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESIGN_FILES, diagnose, render } from '../catalog/testSupport';
import { CONTAINER_CONFIG_DIR, globToRegExp, resolveRuleFilesEntry } from './ruleFiles';

const CONFIG = 'infra/docker/prometheus/prometheus.yaml';
const DESIGN_CONFIG = DESIGN_FILES[CONFIG] ?? '';
const RULES = 'groups:\n  - name: extra\n    rules:\n      - record: extra:up:sum\n        expr: sum(up)\n';
const ruleFiles = (lines: string[], files: Record<string, string | undefined> = {}, target = CONFIG) =>
  render(
    diagnose(target, {
      [CONFIG]: DESIGN_CONFIG.replace('rule_files:\n  - /etc/prometheus/recording_rules.yaml\n  - /etc/prometheus/alerting_rules.yaml\n', `rule_files:\n${lines.map((l) => `  - ${l}\n`).join('')}`),
      ...files,
    }),
    ['consistency/rule-files'],
  ).filter((l) => !l.includes('fix Disable '));

test('resolveRuleFilesEntry: the container directory, relative entries, "." and ".." and other absolute paths', () => {
  assert.equal(CONTAINER_CONFIG_DIR, '/etc/prometheus/');
  assert.equal(resolveRuleFilesEntry('/etc/prometheus/rules/./a.yaml', 'file:///ws/p/prometheus.yaml'), '/ws/p/rules/a.yaml');
  assert.equal(resolveRuleFilesEntry('/etc/prometheus-rules/a.yaml', 'file:///ws/p/prometheus.yaml'), '/etc/prometheus-rules/a.yaml');
  assert.equal(resolveRuleFilesEntry('./a.yaml', 'file:///ws/p/prometheus.yaml'), '/ws/p/a.yaml');
  assert.equal(resolveRuleFilesEntry('a/../../b.yaml', 'file:///ws/p/prometheus.yaml'), '/ws/b.yaml');
  assert.equal(resolveRuleFilesEntry('/opt/./x/../rules/a.yaml', 'file:///ws/prometheus.yaml'), '/opt/rules/a.yaml');
  assert.equal(resolveRuleFilesEntry('a%20b.yaml', 'file:///my%20ws/prometheus.yaml'), '/my ws/a%20b.yaml', 'the configuration URI is decoded, the entry taken as written');
});

test('globToRegExp: Go filepath.Match within one segment', () => {
  const matches = (glob: string, path: string) => globToRegExp(glob).test(path);
  assert.ok(matches('/r/*.yaml', '/r/a.yaml'));
  assert.ok(matches('/r/*.yaml', '/r/.yaml'));
  assert.ok(!matches('/r/*.yaml', '/r/s/a.yaml'), '* stays within its segment');
  assert.ok(!matches('/r/*.yaml', '/r/a.yml'));
  assert.ok(!matches('/r/*.yaml', 'x/r/a.yaml'), 'the whole path: anchored at the start');
  assert.ok(!matches('/r/*.yaml', '/r/a.yaml.bak'), 'anchored at the end');
  assert.ok(matches('/r/?.yaml', '/r/a.yaml'));
  assert.ok(!matches('/r/?.yaml', '/r/ab.yaml'));
  assert.ok(!matches('/r?a.yaml', '/r/a.yaml'), '? is not a separator');
  assert.ok(matches('/r/?.yaml', '/r/😀.yaml'), 'one character, not one UTF-16 unit');
  assert.ok(matches('/r/[ab].yaml', '/r/b.yaml'));
  assert.ok(!matches('/r/[ab].yaml', '/r/c.yaml'));
  assert.ok(matches('/r/[!ab].yaml', '/r/c.yaml'));
  assert.ok(!matches('/r/[!ab].yaml', '/r/a.yaml'));
  assert.ok(matches('/r/[^ab].yaml', '/r/c.yaml'), '^ negates like !');
  assert.ok(!matches('/r/[^ab].yaml', '/r/b.yaml'));
  assert.ok(matches('/r/[a-c].yaml', '/r/b.yaml'));
  assert.ok(matches('/r/[]a].yaml', '/r/].yaml'), 'a ] right after [ is a member');
  assert.ok(matches('/r/[\\].yaml', '/r/\\.yaml'), 'a backslash in a class is a member');
  assert.ok(matches('/r/[a', '/r/[a'), 'an unclosed [ is itself');
  assert.ok(!matches('/r/[a', '/r/a'));
  assert.ok(matches('/r/\\*.yaml', '/r/*.yaml'), 'an escaped * is itself');
  assert.ok(!matches('/r/\\*.yaml', '/r/a.yaml'));
  assert.ok(matches('/r/a\\', '/r/a\\'), 'a final backslash is itself');
  assert.ok(matches('/r/a.b+c(d)|e{1}$^.yaml', '/r/a.b+c(d)|e{1}$^.yaml'), 'regex characters are literal');
  assert.ok(!matches('/r/a.yaml', '/r/aXyaml'));
  assert.throws(() => globToRegExp('/r/[z-a]'), SyntaxError);
});

test('a rule_files entry that matches nothing: relative to the configuration, or absolute elsewhere', () => {
  assert.deepEqual(ruleFiles(['/etc/prometheus/recording_rules.yaml', '/etc/prometheus/alerting_rules.yaml', 'rules/*.yaml', '/opt/rules/x.yaml', '"[z-a].yaml"']), [
    '8:4-8:16 warning consistency/rule-files rule_files: "rules/*.yaml" matches no rule file of the workspace: nothing at ./rules/*.yaml',
    '9:4-9:21 warning consistency/rule-files rule_files: "/opt/rules/x.yaml" matches no rule file of the workspace: nothing at /opt/rules/x.yaml',
  ]);
  // A rule file that the glob matches loads it, and is loaded.
  const extra = 'infra/docker/prometheus/rules/extra.yaml';
  assert.deepEqual(ruleFiles(['/etc/prometheus/recording_rules.yaml', '/etc/prometheus/alerting_rules.yaml', 'rules/*.yaml'], { [extra]: RULES }), []);
  assert.deepEqual(ruleFiles(['/etc/prometheus/recording_rules.yaml', '/etc/prometheus/alerting_rules.yaml', 'rules/*.yaml'], { [extra]: RULES }, extra), []);
});

test('a rule file that no rule_files entry loads names each configuration once; none said without entries', () => {
  const extra = 'infra/docker/prometheus/extra.yaml';
  const second = 'infra/k8s/prometheus.yaml';
  const entries = ['/etc/prometheus/recording_rules.yaml', '/etc/prometheus/alerting_rules.yaml'];
  assert.deepEqual(ruleFiles(entries, { [extra]: RULES, [second]: 'rule_files:\n  - a.yaml\n  - b.yaml\n' }, extra), [
    '0:0-0:0 information consistency/rule-files no prometheus.yaml of the workspace loads this rule file: it is in none of the rule_files of prometheus.yaml',
  ]);
  assert.deepEqual(ruleFiles(entries, { [extra]: RULES, 'infra/k8s/prom.yml': 'rule_files:\n  - a.yaml\nscrape_configs: []\n' }, extra), [
    '0:0-0:0 information consistency/rule-files no prometheus.yaml of the workspace loads this rule file: it is in none of the rule_files of prometheus.yaml, prom.yml',
  ]);
  assert.deepEqual(ruleFiles([], { [extra]: RULES }, extra), [], 'no rule_files at all: nothing to compare with');
  assert.deepEqual(ruleFiles(['"[z-a].yaml"'], { [extra]: RULES }, extra), [], 'an entry that is no glob is no entry');
});
