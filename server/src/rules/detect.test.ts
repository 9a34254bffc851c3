import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../base/yaml/parse';
import { findRuleGroups, isRuleDocument, ruleFileKind } from './detect';

const docsOf = (text: string) => parseYaml(text).documents;

describe('rule file detection', () => {
  it('recognises a plain rule file by its groups', () => {
    const [doc] = docsOf('groups:\n  - name: a\n    rules: []\n');
    assert.ok(doc && isRuleDocument(doc));
    assert.equal(ruleFileKind(doc), 'plain');
  });

  it('recognises a PrometheusRule resource and finds spec.groups', () => {
    const text = readFileSync(join(__dirname, 'fixtures', 'prometheus-rule-crd.yaml'), 'utf8');
    const sites = findRuleGroups(docsOf(text));
    assert.deepEqual(
      sites.map((s) => [s.documentIndex, s.kind]),
      [[1, 'PrometheusRule']],
    );
  });

  it('finds groups in every document of a stream', () => {
    const text = 'groups:\n  - name: a\n    rules: []\n---\nfoo: 1\n---\ngroups:\n  - name: b\n    rules: []\n';
    assert.deepEqual(
      findRuleGroups(docsOf(text)).map((s) => s.documentIndex),
      [0, 2],
    );
  });

  it('ignores other documents that happen to have a groups key', () => {
    for (const text of ['foo: 1\n', 'groups: [admins]\nusers: [a]\n', 'apiVersion: v1\nkind: ConfigMap\ngroups: []\n', '- a\n', 'groups\n']) {
      const [doc] = docsOf(text);
      assert.ok(doc);
      assert.equal(isRuleDocument(doc), false, text);
    }
  });
});
