import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { requirePromtool, promtoolCheck } from './promtoolOracle';
import { STRUCTURE_CODE } from './structure';
import { analyzeText, fixturePath, readFixture, rows } from './testSupport';

describe('rules/structure', () => {
  it('reports every broken group and rule in the fixture, each on its node', () => {
    const text = readFixture('structure-broken.yaml');
    const { findings } = analyzeText(text);
    assert.deepEqual(rows(text, findings, STRUCTURE_CODE), [
      ['2:14-2:23', 'error', `'interval': not a valid duration string: "5 minutes"; use a Prometheus duration such as "5m"`],
      ['3:11-3:13', 'warning', "'limit' is negative; Prometheus treats it as no limit: use 0 for none"],
      ['7:13-7:22', 'error', `'for': not a valid duration string: "5 minutes"; use a Prometheus duration such as "5m"`],
      ['10:10-10:21', 'error', 'invalid label name: "bad-label"; names match [a-zA-Z_][a-zA-Z0-9_]*'],
      ['11:10-11:18', 'error', 'invalid label name: __name__ is the metric name; rule labels cannot set it'],
      ['12:8-12:18', 'error', "field annotaions not found in type rulefmt.RuleNode; did you mean 'annotations'?"],
      ['14:16-14:33', 'error', 'invalid recording rule name: "job:up:sum{bad}"; braces belong in expr, not in the recorded name'],
      ['16:8-16:11', 'error', "invalid field 'for' in recording rule: only alerting rules wait or keep firing"],
      ['17:8-17:19', 'error', "invalid field 'annotations' in recording rule: only alerting rules carry annotations"],
      ['20:8-20:13', 'error', "only one of 'record' and 'alert' must be set: a rule records a series or raises an alert"],
      ['22:8-22:12', 'error', "one of 'record' or 'alert' must be set"],
      ['25:8-25:13', 'error', "field 'expr' must be set in rule"],
      ['26:25-26:29', 'error', `'keep_firing_for': not a valid duration string: "1.5m"; use a Prometheus duration such as "90s"`],
      ['28:14-28:16', 'error', "field 'expr' must be set in rule: it is empty"],
      ['30:14-30:18', 'error', "'expr' must be a string, found a list"],
      ['31:10-31:16', 'error', 'group name "broken" is repeated in the same file (first defined on line 2); group names must be unique'],
      ['32:11-32:13', 'error', "'rules' must be a list of rules, found a mapping"],
      ['33:4-33:12', 'error', "rule group needs a non-empty 'name'"],
      ['35:4-35:17', 'error', "a rule group must be a mapping with 'name' and 'rules', found a string"],
    ]);
  });

  it('offers the duration and field-name fixes it names', () => {
    const text = readFixture('structure-broken.yaml');
    const { findings } = analyzeText(text);
    const fixed = findings.flatMap((f) => f.fixes ?? []).map((fix) => [fix.title, text.slice(fix.edits[0]?.start, fix.edits[0]?.end)]);
    assert.deepEqual(fixed, [
      ["Change to '5m'", '5 minutes'],
      ["Change to '5m'", '5 minutes'],
      ["Rename to 'annotations'", 'annotaions'],
      ["Change to '90s'", '1.5m'],
    ]);
  });

  it('reports unknown top-level and group fields with the Go type Prometheus names', () => {
    const text = 'groups:\n  - name: a\n    intervall: 1m\n    rules: []\nextra: 1\n';
    assert.deepEqual(rows(text, analyzeText(text).findings), [
      ['2:4-2:13', 'error', "field intervall not found in type rulefmt.RuleGroup; did you mean 'interval'?"],
      ['4:0-4:5', 'error', 'field extra not found in type rulefmt.RuleGroups; expected one of groups'],
    ]);
  });

  it('accepts what Prometheus accepts: scalar exprs, null labels, zero for on records (a warning), newer group fields', () => {
    const text = [
      'groups:',
      '  - name: a',
      '    interval: 1h30m',
      '    query_offset: 1m',
      '    limit: 10',
      '    labels: {team: k1s0}',
      '    rules:',
      '      - record: job:one',
      '        expr: 1',
      '        for: 0s',
      '        labels: {a: 1, b: true, c: }',
      '      - alert: "Any name is fine!"',
      '        expr: up == 0',
      '        labels:',
      '        annotations:',
      '',
    ].join('\n');
    assert.deepEqual(rows(text, analyzeText(text).findings), [['9:8-9:11', 'warning', "'for' has no effect in a recording rule"]]);
  });

  it('checks PrometheusRule groups and allows the operator-only partial_response_strategy', () => {
    const text = [
      'apiVersion: monitoring.coreos.com/v1',
      'kind: PrometheusRule',
      'metadata: {name: x}',
      'spec:',
      '  groups:',
      '    - name: a',
      '      partial_response_strategy: warn',
      '      rules:',
      '        - alert: A',
      '          expr: up',
      '          for: 10 sec',
      '',
    ].join('\n');
    assert.deepEqual(rows(text, analyzeText(text).findings), [['10:15-10:21', 'error', `'for': not a valid duration string: "10 sec"; use a Prometheus duration such as "10s"`]]);
  });

  it('agrees with promtool that the fixture is rejected', () => {
    requirePromtool();
    const verdict = promtoolCheck({ file: fixturePath('structure-broken.yaml') });
    assert.equal(verdict.accepted, false, verdict.output);
  });

  it("accepts limit: 0, the 'no limit' its own warning recommends, and warns on a negative limit only", () => {
    const withLimit = (limit: string) => ['groups:', '  - name: a', `    limit: ${limit}`, '    rules:', '      - record: job:one', '        expr: 1', ''].join('\n');
    assert.deepEqual(rows(withLimit('0'), analyzeText(withLimit('0')).findings), []);
    assert.deepEqual(rows(withLimit('-1'), analyzeText(withLimit('-1')).findings), [['2:11-2:13', 'warning', "'limit' is negative; Prometheus treats it as no limit: use 0 for none"]]);
    assert.deepEqual(rows(withLimit('1.5'), analyzeText(withLimit('1.5')).findings), [
      ['2:11-2:14', 'error', "'limit' must be an integer (the most alerts or series a rule may produce), found a number"],
    ]);
  });

  it('an unknown group or rule field lists the known ones, or suggests the nearest with a preferred rename', () => {
    const group = (extra: string) => ['groups:', '  - name: a', extra, '    rules:', '      - record: job:one', '        expr: 1', ''].join('\n');
    const found = (text: string) => {
      const { findings } = analyzeText(text);
      return [rows(text, findings), findings.map((f) => f.fixes ?? [])] as const;
    };
    const GROUP = 'expected one of name, interval, query_offset, limit, rules, labels';
    assert.deepEqual(found(group('    zzzzzzzz: 1')), [[['2:4-2:12', 'error', `field zzzzzzzz not found in type rulefmt.RuleGroup; ${GROUP}`]], [[]]]);
    // A key that is not a scalar is named '?'.
    assert.deepEqual(found(group('    ? [a, b]\n    : 1')), [[['2:6-2:12', 'error', `field ? not found in type rulefmt.RuleGroup; ${GROUP}`]], [[]]]);
    // Thanos' field is for prometheus-operator's groups only.
    assert.deepEqual(found(group('    partial_response_strategy: warn'))[0], [['2:4-2:29', 'error', `field partial_response_strategy not found in type rulefmt.RuleGroup; ${GROUP}`]]);
    for (const [typo, field] of [
      ['nme', 'name'],
      ['query_ofset', 'query_offset'],
      ['limt', 'limit'],
      ['rule', 'rules'],
      ['label', 'labels'],
    ] as const) {
      const text = group(`    ${typo}: 1`);
      const start = text.indexOf(typo, 10);
      const [, fixes] = found(text);
      assert.deepEqual(fixes.at(-1), [{ title: `Rename to '${field}'`, edits: [{ start, end: start + typo.length, newText: field }], preferred: true }], typo);
    }
    const rule = ['groups:', '  - name: a', '    rules:', '      - record: job:one', '        expr: 1', '        lables: {}', '        zzzzzzzz: 1', ''].join('\n');
    assert.deepEqual(rows(rule, analyzeText(rule).findings), [
      ['5:8-5:14', 'error', "field lables not found in type rulefmt.RuleNode; did you mean 'labels'?"],
      ['6:8-6:16', 'error', 'field zzzzzzzz not found in type rulefmt.RuleNode; expected one of record, alert, expr, for, keep_firing_for, labels, annotations'],
    ]);
  });

  it('an empty groups is fine; a PrometheusRule spec is not a rulefmt.RuleGroups (its other fields are not ours to judge)', () => {
    for (const text of ['groups:\n', 'groups: ~\n']) assert.deepEqual(rows(text, analyzeText(text).findings), [], text);
    const operator =
      'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: x\nspec:\n  foo: 1\n  groups:\n    - name: a\n      rules:\n        - record: job:one\n          expr: 1\n';
    assert.deepEqual(rows(operator, analyzeText(operator).findings), []);
    const plain = 'foo: 1\ngroups:\n  - name: a\n    rules:\n      - record: job:one\n        expr: 1\n';
    assert.deepEqual(rows(plain, analyzeText(plain).findings), [['0:0-0:3', 'error', 'field foo not found in type rulefmt.RuleGroups; expected one of groups']]);
  });
});
