/**
 * A group field rulefmt.RuleGroup does not have (`concurrency`, `eval_offset`,
 * as VictoriaMetrics' vmalert reads them) is a rules/structure error on the
 * field's key, worded as promtool words it, whichever way the file is read:
 * whole (when the chunked reader gives up), rule by rule (chunked.ts), or
 * with each rule built without the YAML parser (plainRule.ts). A duplicate
 * key elsewhere in the file does not hide it: Go's decoder reports both, the
 * unknown field first. Each file is put to the real promtool.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../base/settings';
import { LanguageService } from '../service/languageService';
import { findRuleLines, readRuleFileInChunks } from './chunked';
import { readPlainRule } from './plainRule';
import { promtoolCheck, requirePromtool } from './promtoolOracle';

const EXPECTED = 'expected one of name, interval, query_offset, limit, rules, labels';

/** The file's diagnostics as `line:char-line:char severity code message`, 0-based. */
function diagnostics(text: string): string[] {
  const service = new LanguageService();
  const request = { file: { uri: 'file:///w/vm-rules.yaml', text }, settings: DEFAULT_SETTINGS, location: { path: '/w/vm-rules.yaml' } };
  assert.equal(service.kindOf(request.file, request.settings, request.location), 'rules');
  return service.validate(request).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`);
}

/** promtool's unmarshal errors, `line N: message` with N 1-based. */
function promtoolErrors(text: string): string[] {
  const verdict = promtoolCheck({ text });
  assert.equal(verdict.accepted, false, verdict.output);
  assert.match(verdict.output, /yaml: unmarshal errors:/);
  return [...verdict.output.matchAll(/^ {2}line (\d+): (.*)$/gm)].map((m) => `line ${m[1]}: ${m[2]}`);
}

const PLAIN = `groups:
  - name: vm
    concurrency: 2
    interval: 1m
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
      - record: job:up:count
        expr: count by (job) (up)
    eval_offset: 30s
`;

test('an unknown group field: rules/structure on its key, rule by rule with plain rules, as promtool says', () => {
  requirePromtool();
  // The path this test is about: chunked, each rule built without the parser.
  const items = findRuleLines(PLAIN) ?? [];
  assert.equal(items.length, 2);
  for (const item of items) assert.ok(readPlainRule(PLAIN, item), 'a plain rule');
  assert.ok(readRuleFileInChunks(PLAIN));
  assert.deepEqual(promtoolErrors(PLAIN), ['line 3: field concurrency not found in type rulefmt.RuleGroup', 'line 10: field eval_offset not found in type rulefmt.RuleGroup']);
  assert.deepEqual(diagnostics(PLAIN), [
    `2:4-2:15 error rules/structure field concurrency not found in type rulefmt.RuleGroup; ${EXPECTED}`,
    `9:4-9:15 error rules/structure field eval_offset not found in type rulefmt.RuleGroup; ${EXPECTED}`,
  ]);
});

test('an unknown group field: the same when a rule is read by the YAML parser inside the chunked reader', () => {
  requirePromtool();
  // A flow mapping of labels is not the plain shape: that rule goes to `yaml`, alone.
  const text = `groups:
  - name: vm
    concurrency: 2
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
        labels: {tier: system}
`;
  const items = findRuleLines(text) ?? [];
  assert.equal(items.length, 1);
  assert.equal(readPlainRule(text, items[0] as { start: number; end: number }), undefined);
  assert.ok(readRuleFileInChunks(text));
  assert.deepEqual(promtoolErrors(text), ['line 3: field concurrency not found in type rulefmt.RuleGroup']);
  assert.deepEqual(diagnostics(text), [`2:4-2:15 error rules/structure field concurrency not found in type rulefmt.RuleGroup; ${EXPECTED}`]);
});

test('an unknown group field beside a duplicate key: both reported, the file read whole', () => {
  requirePromtool();
  const inRule = `groups:
  - name: vm
    concurrency: 2
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
        labels:
          tier: a
          tier: b
`;
  const inGroup = `groups:
  - name: vm
    concurrency: 2
    name: vm2
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
`;
  // Neither is read rule by rule: the chunked reader gives up and the whole file is parsed.
  assert.equal(readRuleFileInChunks(inRule), undefined);
  assert.equal(readRuleFileInChunks(inGroup), undefined);
  assert.deepEqual(promtoolErrors(inRule), ['line 3: field concurrency not found in type rulefmt.RuleGroup', 'line 9: mapping key "tier" already defined at line 8']);
  assert.deepEqual(diagnostics(inRule), [
    `2:4-2:15 error rules/structure field concurrency not found in type rulefmt.RuleGroup; ${EXPECTED}`,
    '8:10-8:14 error yaml/syntax Duplicate key "tier": map keys must be unique',
  ]);
  // In the same mapping Go's decoder stops at the duplicate and never names the field; like the rest of
  // rules/structure, every problem is reported here, each on its node.
  assert.deepEqual(promtoolErrors(inGroup), ['line 4: mapping key "name" already defined at line 2']);
  assert.deepEqual(diagnostics(inGroup), [
    `2:4-2:15 error rules/structure field concurrency not found in type rulefmt.RuleGroup; ${EXPECTED}`,
    '3:4-3:8 error yaml/syntax Duplicate key "name": map keys must be unique',
  ]);
});

test('a rule with a duplicate key is not held to the policy (it would only echo the mistake)', () => {
  const text = `groups:
  - name: vm
    rules:
      - alert: Down
        expr: up == 0
        expr: up == 0
`;
  // Without the duplicate, alerts/labels asks for severity and summary; with it, only the YAML error.
  assert.deepEqual(diagnostics(text), ['5:8-5:12 error yaml/syntax Duplicate key "expr": map keys must be unique']);
});
