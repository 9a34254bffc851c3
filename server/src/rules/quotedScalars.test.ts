/**
 * Quoted scalars continued on lines indented no deeper than their key: Go's
 * YAML (what promtool and Prometheus load rule files with) reads them, so we
 * do, with the value Go folds; a plain scalar so continued is refused by both.
 * Each shape is put to the real promtool.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../base/yaml/parse';
import { promtoolCheck, requirePromtool } from './promtoolOracle';

const rule = (annotations: string, expr = 'up == 0') => `groups:\n- name: a\n  rules:\n  - alert: X\n    expr: ${expr}\n    annotations:\n${annotations}`;

const SHAPES: { name: string; text: string; accepted: boolean; value?: string }[] = [
  { name: "single-quoted, continued at the key's indentation", text: rule("      description: 'first line\n      second line'\n      summary: s\n"), accepted: true, value: 'first line second line' },
  { name: 'double-quoted with escapes, continued at column 0', text: rule('      description: "a\nb \\"c\\"\n\n  d"\n      summary: s\n'), accepted: true, value: 'a b "c"\nd' },
  { name: "single-quoted with '' , continued less indented than the key", text: rule("      description: 'it''s\n   here'\n"), accepted: true, value: "it's here" },
  { name: "a double-quoted expr continued at the key's indentation", text: `groups:\n- name: a\n  rules:\n  - alert: X\n    expr: "sum(up)\n    == 0"\n`, accepted: true },
  { name: "a plain scalar continued at the key's indentation", text: rule('      description: first line\n      second line\n'), accepted: false },
];

test('quoted scalars continued at or left of their key: accepted exactly as promtool accepts them', () => {
  requirePromtool();
  for (const shape of SHAPES) {
    const theirs = promtoolCheck({ text: shape.text });
    assert.equal(theirs.accepted, shape.accepted, `${shape.name}: promtool says ${theirs.output}`);
    const { documents, syntax } = parseYaml(shape.text);
    assert.equal(syntax.length === 0, shape.accepted, `${shape.name}: ${syntax.map((s) => s.message).join('; ')}`);
    if (shape.value !== undefined) {
      const js = documents[0]?.toJS() as { groups: { rules: { annotations: { description: string } }[] }[] };
      assert.equal(js.groups[0]?.rules[0]?.annotations.description, shape.value, shape.name);
    }
  }
});
