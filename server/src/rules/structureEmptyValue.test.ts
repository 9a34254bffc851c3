import { it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from './testSupport';

it('rules/structure: a label written `? key` without a value has an empty value right after its key, where every offset of it maps', () => {
  const text = 'groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up == 0\n        labels:\n          ? severity\n';
  const [label] = analyzeText(text).rules[0]?.labels ?? [];
  const keyEnd = text.indexOf('severity') + 'severity'.length;
  const value = label?.value;
  assert.deepEqual([label?.key, value?.value, value?.start, value?.end, value?.toDocumentOffset(0), value?.toDocumentRange(0, 0)], ['severity', '', keyEnd, keyEnd, keyEnd, [keyEnd, keyEnd]]);
});
