import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, render } from '../catalog/testSupport';
import { globToRegExp, ruleFileEntriesCheck, ruleFileLoadedCheck } from './ruleFiles';

const CODES = ['consistency/rule-files', 'internal/check-failed'];
const CONFIG = 'infra/docker/prometheus/prometheus.yaml';
const RULES = 'groups:\n  - name: extra\n    rules:\n      - record: extra:up:sum\n        expr: sum(up)\n';
const findings = (target: string, files: Record<string, string | undefined>) => render(diagnose(target, files), CODES).filter((l) => !l.includes('fix Disable '));

test('globToRegExp: a ^ inside a class is a member, and so is a ! after the one that negates it', () => {
  const matches = (glob: string, path: string) => globToRegExp(glob).test(path);
  assert.ok(matches('/r/[a^].yaml', '/r/^.yaml'));
  assert.ok(matches('/r/[a^].yaml', '/r/a.yaml'));
  assert.ok(!matches('/r/[a^].yaml', '/r/b.yaml'));
  assert.ok(matches('/r/[!!a].yaml', '/r/b.yaml'));
  assert.ok(!matches('/r/[!!a].yaml', '/r/!.yaml'));
  assert.ok(matches('/r/[!ab].yaml', '/r/!.yaml'), 'the negating ! is not itself excluded');
});

test('consistency/rule-files: an entry that is no glob, alone, is no entry: nothing is said of a rule file, and nothing fails', () => {
  const extra = 'infra/docker/prometheus/extra.yaml';
  assert.deepEqual(findings(extra, { [CONFIG]: 'rule_files:\n  - "[z-a].yaml"\n', [extra]: RULES }), []);
});

test('consistency/rule-files: each prometheus.yaml is told of its own entries only', () => {
  const other = 'infra/k8s/prometheus.yaml';
  const files = { [other]: 'rule_files:\n  - missing.yaml\n' };
  assert.deepEqual(findings(CONFIG, files), []);
  assert.deepEqual(findings(other, files), ['1:4-1:16 warning consistency/rule-files rule_files: "missing.yaml" matches no rule file of the workspace: nothing at ./missing.yaml']);
});

test('consistency/rule-files: the severity each check declares (k1s0-obs rules) is the one its finding carries', () => {
  const extra = 'infra/docker/prometheus/extra.yaml';
  const files = { [CONFIG]: 'rule_files:\n  - missing.yaml\n', [extra]: RULES };
  const severities = (target: string) =>
    diagnose(target, files)
      .filter((d) => d.code === 'consistency/rule-files')
      .map((d) => `${d.code} ${d.severity}`);
  assert.deepEqual(severities(CONFIG), ['consistency/rule-files warning']);
  assert.deepEqual(severities(extra), ['consistency/rule-files information']);
  assert.deepEqual(
    [ruleFileEntriesCheck, ruleFileLoadedCheck].map((check) => check.meta.codes.map((c) => `${c.code} ${c.severity}`)),
    [['consistency/rule-files warning'], ['consistency/rule-files information']],
  );
});
