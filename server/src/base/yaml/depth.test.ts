import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findExcessiveNesting } from './depth';
import { parseYaml } from './parse';

test('real files are far below the limit', () => {
  for (const file of ['examples/infra/docker/prometheus/recording_rules.yaml', 'examples/infra/docker/prometheus/prometheus.yaml', 'examples/config/config.yaml']) {
    const text = readFileSync(join(__dirname, '../../../..', file), 'utf8');
    assert.equal(findExcessiveNesting(text, 12), -1, file);
  }
});

test('flow, block and compact nesting all count; quotes and comments do not', () => {
  // The line itself is one level, so the tenth bracket (offset 9) makes eleven.
  assert.equal(findExcessiveNesting('['.repeat(11), 10), 9);
  assert.equal(findExcessiveNesting('- '.repeat(11), 10), 18);
  const block = Array.from({ length: 12 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
  assert.ok(findExcessiveNesting(block, 10) > 0);
  assert.equal(findExcessiveNesting(`a: "${'['.repeat(50)}"\nb: '${'{'.repeat(50)}'\n# ${'['.repeat(50)}\n`, 10), -1);
  assert.equal(findExcessiveNesting('a:\n  b: 1\nc:\n  d: 2\n'.repeat(100), 4), -1, 'siblings do not add up');
  const flow = `groups: [{name: g, rules: [${Array(300).fill('{record: "a:b:c", expr: "up"}').join(', ')}]}]\n`;
  assert.equal(findExcessiveNesting(flow, 10), -1, 'the keys of a long flow collection are siblings, not levels');
  assert.equal(findExcessiveNesting(`{${Array(1000).fill('"k": 1').join(', ')}}`, 10), -1, 'JSON written with ": " on one line');
});

test('a hostile document is refused with one diagnostic instead of parsed', () => {
  const text = `a: ${'{'.repeat(100_000)}`;
  const parsed = parseYaml(text);
  // Only the shallow part before the cut is parsed, and marked as not parsing.
  assert.deepEqual(
    parsed.documents.map((d) => d.errors.length > 0),
    [true],
  );
  // Two levels for the line and `a:`, then the 255th brace (offset 3 + 254) crosses 256.
  assert.deepEqual(parsed.syntax, [{ start: 257, end: 258, code: 'yaml/syntax', message: 'Not checked: the document nests deeper than 256 levels', severity: 'error' }]);
});
