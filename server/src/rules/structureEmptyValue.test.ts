import { it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../base/yaml/parse';
import { analyzeRuleFile } from './analyze';
import { analyzeText } from './testSupport';

it('rules/structure: a label written `? key` without a value has an empty value right after its key, where every offset of it maps', () => {
  const text = 'groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up == 0\n        labels:\n          ? severity\n';
  const [label] = analyzeText(text).rules[0]?.labels ?? [];
  const keyEnd = text.indexOf('severity') + 'severity'.length;
  const value = label?.value;
  assert.deepEqual([label?.key, value?.value, value?.start, value?.end, value?.toDocumentOffset(0), value?.toDocumentRange(0, 0)], ['severity', '', keyEnd, keyEnd, keyEnd, [keyEnd, keyEnd]]);
});

it('rules/structure: a key the YAML parser made up while recovering from a broken line is reported at its own place, inside the text', () => {
  const text = 'groups:\n  - name: a\n    rules: []\n  rules: []\n- just a string\n';
  const findings = analyzeRuleFile(text, parseYaml(text).documents).findings.map((f) => [f.start, f.end, f.message]);
  assert.deepEqual(findings, [
    [36, 41, 'field rules not found in type rulefmt.RuleGroups; expected one of groups'],
    [46, 46, 'field null not found in type rulefmt.RuleGroups; expected one of groups'],
  ]);
});

it('rules/structure: an empty key at the very start of the file is reported at its colon, the first character', () => {
  const text = ': 1\ngroups:\n  - name: a\n    rules: []\n';
  const findings = analyzeRuleFile(text, parseYaml(text).documents).findings.map((f) => [f.start, f.end, f.message]);
  assert.deepEqual(findings, [[0, 1, 'field null not found in type rulefmt.RuleGroups; expected one of groups']]);
});
