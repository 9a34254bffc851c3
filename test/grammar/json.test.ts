import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dump, grammar, scopeOf, scopesOf, tokenize } from './support';

const DASHBOARD = [
  '{',
  '  "panels": [{',
  '    "title": "expr: not_promql(x)",',
  '    "targets": [',
  '      { "refId": "A", "expr": "sum by (job) (rate(foo{job=\\"x\\", path=~\\"/api\\\\\\\\d+\\"}[5m])) / $__rate_interval # c", "legendFormat": "{{job}}" },',
  '      { "expr" : "label_replace(up, \'dst\', \\"$1\\", \'src\', \\"(.*)\\")\\n  > bool 0", "hide": false }',
  '    ]',
  '  }]',
  '}',
].join('\n');

for (const scopeName of ['source.json', 'source.json.comments']) {
  test(`${scopeName}: PromQL in "expr" strings, through JSON escapes`, async () => {
    const t = tokenize(await grammar(scopeName), DASHBOARD);
    assert.equal(scopeOf(t, 'sum'), 'keyword.other.aggregation.promql', dump(t));
    assert.ok(scopesOf(t, 'sum').includes('meta.embedded.inline.promql'));
    assert.equal(scopeOf(t, 'rate'), 'support.function.promql');
    assert.equal(scopeOf(t, 'foo'), 'entity.name.type.metric.promql');
    assert.equal(scopeOf(t, 'job', 1), 'entity.other.attribute-name.label.promql');
    assert.equal(scopeOf(t, 'x'), 'string.quoted.double.promql');
    // \" in JSON is a PromQL quote; \\\\ is an escaped backslash inside the PromQL string.
    assert.equal(scopeOf(t, '\\"', 0), 'punctuation.definition.string.begin.promql');
    assert.equal(scopeOf(t, '\\\\\\\\'), 'constant.character.escape.promql');
    assert.equal(scopeOf(t, '=~'), 'keyword.operator.matcher.regex.promql');
    assert.equal(scopeOf(t, '5m'), 'constant.numeric.duration.promql');
    assert.equal(scopeOf(t, '__rate_interval'), 'variable.language.template.promql');
    assert.ok(scopesOf(t, ' c').includes('comment.line.number-sign.promql'), dump(t));
    // The JSON goes on after the string (no stray separator errors): the next key is a JSON key again.
    assert.ok(
      scopesOf(t, 'legendFormat').some((s) => s.startsWith('support.type.property-name.json')),
      dump(t),
    );
    assert.ok(!scopesOf(t, '{{job}}').some((s) => s.includes('promql')), dump(t));
    // Second target: single-quoted PromQL strings, a JSON \n, and `"expr" :` with a space.
    assert.equal(scopeOf(t, 'label_replace'), 'support.function.promql');
    assert.equal(scopeOf(t, 'dst'), 'string.quoted.single.promql');
    assert.equal(scopeOf(t, '\\n'), 'constant.character.escape.json');
    assert.equal(scopeOf(t, 'bool'), 'keyword.other.bool.promql');
    assert.ok(
      scopesOf(t, 'hide').some((s) => s.startsWith('support.type.property-name.json')),
      dump(t),
    );
    assert.ok(!t.some((tok) => tok.scopes.some((s) => s.startsWith('invalid.illegal') && s.includes('.json'))), dump(t));
    // Other keys are left alone, even when their text looks like a query.
    assert.ok(!scopesOf(t, 'expr: not_promql(x)').some((s) => s.includes('promql')), dump(t));
  });
}
