import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readRuleFileInChunks } from './chunked';
import { analyzeText, rows } from './testSupport';

/** Every finding of a rule file, as rows. */
const found = (lines: string[]) => {
  const text = lines.join('\n');
  return rows(text, analyzeText(text).findings);
};

describe('rules/structure: the shape of each part', () => {
  it('groups must be a list', () => {
    assert.deepEqual(found(['groups: {a: 1}', '']), [['0:8-0:14', 'error', "'groups' must be a list of rule groups, found a mapping"]]);
    assert.deepEqual(found(['groups: 3', '']), [['0:8-0:9', 'error', "'groups' must be a list of rule groups, found a number"]]);
  });

  it('a group needs a name: empty names are not repeated names; a name that is a list is reported as such; a group with no key is reported on itself', () => {
    assert.deepEqual(
      found(['groups:', '  - name: ""', '    rules: []', '  - name: ""', '    rules: []', '  - name: [a]', '    rules: []', '  - rules: ~', '  - name:', '    rules:', '  - {}', '  - ~', '']),
      [
        ['1:4-1:8', 'error', "rule group needs a non-empty 'name'"],
        ['3:4-3:8', 'error', "rule group needs a non-empty 'name'"],
        ['5:10-5:13', 'error', "'name' must be a string, found a list"],
        ['7:4-7:9', 'error', "rule group needs a non-empty 'name'"],
        ['8:4-8:8', 'error', "rule group needs a non-empty 'name'"],
        ['10:4-10:6', 'error', "rule group needs a non-empty 'name'"],
        ['11:4-11:5', 'error', "a rule group must be a mapping with 'name' and 'rules', found null"],
      ],
    );
  });

  it('group durations, limit, labels and rules of the wrong shape; empty ones are fine', () => {
    const text = [
      'groups:',
      '  - name: a',
      '    interval:',
      '    query_offset: 5 minutes',
      '  - name: b',
      '    interval: ""',
      '    query_offset: [1m]',
      '  - name: c',
      '    interval: 1m',
      '    limit: [1]',
    ];
    text.push('  - name: d', '    limit: "5"', '    labels: [a]', '  - name: e', '    limit: ~', '    rules: 1', '');
    assert.deepEqual(found(text), [
      ['3:18-3:27', 'error', `'query_offset': not a valid duration string: "5 minutes"; use a Prometheus duration such as "5m"`],
      ['5:14-5:16', 'error', "'interval': empty duration string"],
      ['6:18-6:22', 'error', "'query_offset' must be a string, found a list"],
      ['9:11-9:14', 'error', "'limit' must be an integer (the most alerts or series a rule may produce), found a list"],
      ['11:11-11:14', 'error', "'limit' must be an integer (the most alerts or series a rule may produce), found a string"],
      ['12:12-12:15', 'error', "'labels' must be a mapping of names to strings, found a list"],
      ['15:11-15:12', 'error', "'rules' must be a list of rules, found a number"],
    ]);
  });

  it('label and annotation names and values: only labels may not start with __ or be __name__', () => {
    const text = ['groups:', '  - name: a', '    labels:', '      __x: 1', '      "a-b": 2', '      ? [k]', '      : 3', '      __name__: 4', '      ok: [v]', '    rules:'];
    text.push('      - alert: A', '        expr: up', '        annotations:', '          __x: 1', '          "b c": 2', '          __name__: 3', '          d: {e: f}');
    text.push('      - alert: B', '        expr: up', '        annotations: 5', '');
    assert.deepEqual(found(text), [
      ['3:6-3:9', 'warning', `label name "__x" starts with '__', which Prometheus reserves for internal use`],
      ['4:6-4:11', 'error', 'invalid label name: "a-b"; names match [a-zA-Z_][a-zA-Z0-9_]*'],
      ['5:8-5:11', 'error', 'label names must be strings'],
      ['7:6-7:14', 'error', 'invalid label name: __name__ is the metric name; rule labels cannot set it'],
      ['8:10-8:13', 'error', "'label ok' must be a string, found a list"],
      ['14:10-14:15', 'error', 'invalid annotation name: "b c"; names match [a-zA-Z_][a-zA-Z0-9_]*'],
      ['16:13-16:19', 'error', "'annotation d' must be a string, found a mapping"],
      ['19:21-19:22', 'error', "'annotations' must be a mapping of names to strings, found a number"],
    ]);
  });

  it('a rule: a mapping with one non-empty record or alert, and an expr', () => {
    const text = [
      'groups:',
      '  - name: a',
      '    rules:',
      '      - 1',
      '      -',
      '      - alert: A',
      '        record: b',
      '        expr: up',
      '      - record: ""',
      '        expr: up',
      '      - alert:',
      '        expr: up',
    ];
    text.push(
      '      - record: [x]',
      '        expr: up',
      '      - expr: up',
      '      - alert: B',
      '      - alert: C',
      '        expr: ""',
      '      - alert: D',
      '        expr: "  "',
      '      - alert: E',
      '        expr:',
      '',
    );
    assert.deepEqual(found(text), [
      // An empty item has no place of its own: the list is its place.
      ['3:6-21:13', 'error', "a rule must be a mapping with 'record' or 'alert' and 'expr', found null"],
      ['3:8-3:9', 'error', "a rule must be a mapping with 'record' or 'alert' and 'expr', found a number"],
      ['6:8-6:14', 'error', "only one of 'record' and 'alert' must be set: a rule records a series or raises an alert"],
      ['8:8-8:14', 'error', "'record' must not be empty: one of 'record' or 'alert' must be set"],
      ['10:8-10:13', 'error', "'alert' must not be empty: one of 'record' or 'alert' must be set"],
      ['12:16-12:19', 'error', "'record' must be a string, found a list"],
      ['14:8-14:12', 'error', "one of 'record' or 'alert' must be set"],
      ['15:8-15:13', 'error', "field 'expr' must be set in rule"],
      ['17:14-17:16', 'error', "field 'expr' must be set in rule: it is empty"],
      ['19:14-19:18', 'error', "field 'expr' must be set in rule: it is empty"],
      ['21:8-21:12', 'error', "field 'expr' must be set in rule: it is empty"],
    ]);
  });

  it('a recording rule: a metric name, no annotations, no for or keep_firing_for (a zero one only warned of)', () => {
    const text = [
      'groups:',
      '  - name: a',
      '    rules:',
      '      - record: "a b"',
      '        expr: up',
      '        annotations: {}',
      '        keep_firing_for: 1m',
      '      - record: "a{b}"',
      '        expr: up',
    ];
    text.push(
      '        annotations: {x: y}',
      '        keep_firing_for: 0s',
      '        for: 1m',
      '      - record: ok',
      '        expr: up',
      '        for: 5x',
      '      - record: ok2',
      '        expr: up',
      '        for:',
      '',
    );
    assert.deepEqual(found(text), [
      ['3:16-3:21', 'error', 'invalid recording rule name: "a b"; a recorded name is a metric name matching [a-zA-Z_:][a-zA-Z0-9_:]*, e.g. level:metric:operations'],
      ['6:8-6:23', 'error', "invalid field 'keep_firing_for' in recording rule: only alerting rules wait or keep firing"],
      ['7:16-7:22', 'error', 'invalid recording rule name: "a{b}"; braces belong in expr, not in the recorded name'],
      ['9:8-9:19', 'error', "invalid field 'annotations' in recording rule: only alerting rules carry annotations"],
      ['10:8-10:23', 'warning', "'keep_firing_for' has no effect in a recording rule"],
      ['11:8-11:11', 'error', "invalid field 'for' in recording rule: only alerting rules wait or keep firing"],
      ['14:13-14:15', 'error', `'for': not a valid duration string: "5x"; use a Prometheus duration such as "30s", "5m" or "1h30m"`],
    ]);
  });
});

describe('rules/structure: what the model keeps, and empty values', () => {
  const model = (lines: string[]) => {
    const text = lines.join('\n');
    const { findings, groups } = analyzeText(text);
    const groupData = groups.map((g) => ({
      name: g.name,
      interval: g.interval?.value.value,
      hasInterval: 'interval' in g,
      rules: g.rules.map((r) => ({ kind: r.kind, name: r.name, expr: r.expr?.value, for: r.for?.value.value, keepFiringFor: r.keepFiringFor?.value.value, keys: Object.keys(r).join(',') })),
    }));
    return [rows(text, findings), groupData];
  };

  it('a group’s interval (not its query_offset); a rule’s expr when not blank, its for and keep_firing_for when set; null values are empty', () => {
    const text = ['groups:', '  - name: a', '    ? rules', '  - name: b', '    query_offset: 1m', '    rules:', '      - alert: A', '        expr: up', '        ? for', '        keep_firing_for: 5m'];
    text.push('      - alert: B', '        expr: " "', '        for: 1m', '        ? labels', '        ? annotations', '  - name: c', '    interval: 2m', '');
    const base = 'kind,name,nameEntry,labels,annotations,group,documentIndex,groupIndex,ruleIndex,start,end';
    assert.deepEqual(model(text), [
      [['11:14-11:17', 'error', "field 'expr' must be set in rule: it is empty"]],
      [
        { name: 'a', interval: undefined, hasInterval: false, rules: [] },
        {
          name: 'b',
          interval: undefined,
          hasInterval: false,
          rules: [
            { kind: 'alert', name: 'A', expr: 'up', for: undefined, keepFiringFor: '5m', keys: `${base},expr,keepFiringFor` },
            { kind: 'alert', name: 'B', expr: undefined, for: '1m', keepFiringFor: undefined, keys: `${base},for` },
          ],
        },
        { name: 'c', interval: '2m', hasInterval: true, rules: [] },
      ],
    ]);
  });

  it('a PrometheusRule with no groups is fine', () => {
    for (const groups of ['groups: ~', 'groups:']) {
      const text = ['apiVersion: monitoring.coreos.com/v1', 'kind: PrometheusRule', 'metadata: {name: x}', 'spec:', `  ${groups}`, ''];
      assert.deepEqual(model(text), [[], []], groups);
    }
  });

  it('an empty key (`: 1`) is reported at its colon, in a group or a rule', () => {
    const text = ['groups:', '  - name: a', '    : 1', '    rules:', '      - alert: A', '        expr: up', '        : 2', ''];
    assert.deepEqual(model(text)[0], [
      ['2:4-2:5', 'error', 'field null not found in type rulefmt.RuleGroup; expected one of name, interval, query_offset, limit, rules, labels'],
      ['6:8-6:9', 'error', 'field null not found in type rulefmt.RuleNode; expected one of record, alert, expr, for, keep_firing_for, labels, annotations'],
    ]);
  });
});

describe('rules/structure: where a group ends', () => {
  it('at its last key, after its rules or before them; read rule by rule too (a placeholder is shorter than its rule)', () => {
    const after = 'groups:\n  - name: a\n    rules:\n      - record: x\n        expr: up\n    interval: 1m\n';
    const before = 'groups:\n  - name: a\n    interval: 1m\n    rules:\n      - record: x\n        expr: up\n      - alert: Y\n        expr: up == 0\n        for: 5m\n';
    for (const text of [after, before, before.trimEnd()]) {
      assert.deepEqual(
        analyzeText(text).groups.map((g) => [g.start, g.end]),
        [[12, text.length]],
      );
      assert.deepEqual(
        readRuleFileInChunks(text)?.analysis.groups.map((g) => [g.start, g.end]),
        [[12, text.length]],
      );
    }
  });
});

describe('rules/structure: keys without values (`? key`), a name that is a list, the preferred duration fix', () => {
  it('no groups, no limit, an empty alert and expr; an alert that is a list is only that', () => {
    const operator = 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {name: x}\nspec:\n  ? groups\n';
    assert.deepEqual(rows(operator, analyzeText(operator).findings), []);
    const text = 'groups:\n  - name: a\n    ? limit\n    query_offset: 5 minutes\n    rules:\n      - ? alert\n        ? expr\n      - alert: [x]\n        expr: up\n';
    const { findings } = analyzeText(text);
    assert.deepEqual(rows(text, findings), [
      ['3:18-3:27', 'error', `'query_offset': not a valid duration string: "5 minutes"; use a Prometheus duration such as "5m"`],
      ['5:10-5:15', 'error', "'alert' must not be empty: one of 'record' or 'alert' must be set"],
      ['6:10-6:14', 'error', "field 'expr' must be set in rule: it is empty"],
      ['7:15-7:18', 'error', "'alert' must be a string, found a list"],
    ]);
    assert.deepEqual(
      findings.flatMap((f) => f.fixes ?? []),
      [{ title: "Change to '5m'", edits: [{ start: 50, end: 59, newText: '5m' }], preferred: true }],
    );
  });
});
