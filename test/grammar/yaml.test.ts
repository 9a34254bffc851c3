import { test } from 'node:test';
import assert from 'node:assert/strict';
import { YAML_HOSTS, dump, grammar, scopeOf, scopesOf, tokenize, tokensCovering, type Token } from './support';

const EMBEDDED = /^meta\.embedded\.(block|inline)\.promql$/;
const isPromql = (scopes: readonly string[]): boolean => scopes.some((s) => EMBEDDED.test(s));

/** Asserts the usual PromQL scopes on `sum(rate(http_requests_total{job=...}[5m]))`-like text. */
function assertQuery(t: Token[], opts: { metric?: string; label?: string; value?: string; fn?: string; duration?: string } = {}): void {
  const { metric = 'http_requests_total', label = 'job', value = 'api', fn = 'rate', duration = '5m' } = opts;
  assert.equal(scopeOf(t, metric), 'entity.name.type.metric.promql', dump(t));
  assert.equal(scopeOf(t, label), 'entity.other.attribute-name.label.promql', dump(t));
  assert.equal(scopeOf(t, value), 'string.quoted.double.promql', dump(t));
  assert.equal(scopeOf(t, fn), 'support.function.promql', dump(t));
  assert.equal(scopeOf(t, duration), 'constant.numeric.duration.promql', dump(t));
  assert.ok(isPromql(scopesOf(t, metric)), dump(t));
}

/** The key after the query is YAML again. */
function assertYamlKey(t: Token[], key: string, nth = 0): void {
  for (const { scopes } of tokensCovering(t, `${key}:`, nth).slice(0, -1)) {
    assert.ok(scopes.includes('entity.name.tag.yaml'), dump(t));
    assert.ok(!isPromql(scopes), dump(t));
  }
}

for (const [host, file] of Object.entries(YAML_HOSTS)) {
  const tokens = async (text: string) => tokenize(await grammar('source.yaml', file), text);

  test(`${host}: literal block scalar in a rule file`, async () => {
    const t = await tokens(
      [
        'groups:',
        '  - name: example',
        '    rules:',
        '      - alert: HighErrorRate',
        '        expr: |',
        '          sum by (job) (rate(http_requests_total{job="api", code=~"5.."}[5m]))',
        '',
        '            / on(job) sum(rate(other_total[5m])) > bool 0.05 # a PromQL comment',
        '        for: 10m',
        '        labels:',
        '          severity: page',
      ].join('\n'),
    );
    assertQuery(t);
    assert.equal(scopeOf(t, '|'), 'keyword.control.flow.block-scalar.literal.yaml');
    assert.equal(scopeOf(t, 'expr'), 'entity.name.tag.yaml');
    assert.equal(scopeOf(t, 'by'), 'keyword.other.grouping.promql');
    assert.equal(scopeOf(t, '=~'), 'keyword.operator.matcher.regex.promql');
    assert.equal(scopeOf(t, 'other_total'), 'entity.name.type.metric.promql');
    assert.equal(scopeOf(t, '/'), 'keyword.operator.arithmetic.promql');
    assert.ok(scopesOf(t, ' a PromQL comment').includes('comment.line.number-sign.promql'), dump(t));
    assertYamlKey(t, 'for');
    assert.ok(!isPromql(tokensCovering(t, '10m')[0]?.scopes ?? []), dump(t));
    assertYamlKey(t, 'severity');
  });

  test(`${host}: folded block scalars with chomping and indentation indicators`, async () => {
    for (const header of ['>', '>-', '|+', '|2', '>2-', '|-2', '> # a YAML comment']) {
      const t = await tokens(['- record: job:http_requests:rate5m', `  expr: ${header}`, '    sum(', '      rate(http_requests_total{job="api"}[5m])', '    )', '  labels: {}'].join('\n'));
      assertQuery(t);
      assertYamlKey(t, 'labels');
      if (header.includes('#')) assert.ok(scopesOf(t, '# a YAML comment').includes('comment.line.number-sign.yaml'), dump(t));
    }
  });

  test(`${host}: plain scalar, one line, with a YAML comment after it`, async () => {
    const t = await tokens(['- alert: A', '  expr: rate(http_requests_total{job="api"}[5m]) > 0 # not PromQL', '  for: 5m'].join('\n'));
    assertQuery(t);
    assert.equal(scopeOf(t, '>'), 'keyword.operator.comparison.promql');
    assert.equal(scopeOf(t, '# not PromQL'), 'comment.line.number-sign.yaml');
    assertYamlKey(t, 'for');
  });

  test(`${host}: plain scalar over several lines, and starting on the next line`, async () => {
    const t = await tokens(
      [
        'rules:',
        '  - record: r',
        '    expr: sum(rate(http_requests_total{job="api"}[5m]))',
        '      / sum(rate(other_total[1h]))',
        '  - record: s',
        '    expr:',
        '      max_over_time(up[10m])',
        '    labels: {}',
      ].join('\n'),
    );
    assertQuery(t);
    assert.equal(scopeOf(t, 'other_total'), 'entity.name.type.metric.promql');
    assert.equal(scopeOf(t, '1h'), 'constant.numeric.duration.promql');
    assert.equal(scopeOf(t, 'max_over_time'), 'support.function.promql');
    assert.equal(scopeOf(t, '10m'), 'constant.numeric.duration.promql');
    assertYamlKey(t, 'labels');
    assertYamlKey(t, 'record', 1);
  });

  test(`${host}: double-quoted scalar with YAML escapes, over two lines`, async () => {
    const t = await tokens(['- alert: A', '  expr: "rate(http_requests_total{job=\\"api\\", path=~\\"/a\\\\\\\\d+\\"}[5m])', '    > 0"', '  for: 5m'].join('\n'));
    assertQuery(t);
    assert.equal(scopeOf(t, '\\"', 0), 'punctuation.definition.string.begin.promql');
    // \\\\d in YAML is \\d in PromQL: an escaped backslash in the regex.
    assert.equal(scopeOf(t, '\\\\\\\\'), 'constant.character.escape.promql', dump(t));
    assert.equal(scopeOf(t, '>'), 'keyword.operator.comparison.promql');
    assert.ok(
      scopesOf(t, '"', 1).some((s) => s.startsWith('string.quoted.double.yaml')),
      dump(t),
    );
    assertYamlKey(t, 'for');
  });

  test(`${host}: single-quoted scalar where '' is a quote`, async () => {
    const t = await tokens(['- alert: A', "  expr: 'rate(http_requests_total{job=\"api\", env=''prod''}[5m]) > 0'", '  for: 5m'].join('\n'));
    assertQuery(t);
    assert.equal(scopeOf(t, 'prod'), 'string.quoted.single.promql', dump(t));
    assert.equal(scopeOf(t, "''", 0), 'punctuation.definition.string.begin.promql');
    assertYamlKey(t, 'for');
  });

  test(`${host}: expr as the first key of a sequence entry, in every style`, async () => {
    const cases = [
      ['- expr: |', '    rate(http_requests_total{job="api"}[5m])'],
      ['- expr: rate(http_requests_total{job="api"}[5m])'],
      ['- expr: "rate(http_requests_total{job=\\"api\\"}[5m])"'],
      ['- expr: \'rate(http_requests_total{job="api"}[5m])\''],
      ['- "expr": rate(http_requests_total{job="api"}[5m])'],
    ];
    for (const lines of cases) {
      const t = await tokens([...lines, '  for: 5m', '- alert: B'].join('\n'));
      assertQuery(t);
      assertYamlKey(t, 'for');
      assertYamlKey(t, 'alert');
    }
  });

  test(`${host}: Grafana variables inside an expr`, async () => {
    const t = await tokens('expr: rate(http_requests_total{job="$job"}[$__rate_interval])');
    assert.equal(scopeOf(t, '__rate_interval'), 'variable.language.template.promql');
    assert.equal(scopeOf(t, 'job', 1), 'variable.other.template.promql');
  });

  test(`${host}: other keys and other places are left to YAML`, async () => {
    const t = await tokens(['my_expr: rate(a[5m])', 'description: "expr: rate(b[5m])"', '# expr: rate(c[5m])', 'summary: |', '  expr: rate(d[5m])'].join('\n'));
    for (const metric of ['a', 'b', 'c', 'd']) {
      const hit = t.find((tok) => tok.text === metric && tok.scopes.some((s) => s.includes('promql')));
      assert.equal(hit, undefined, `${metric} should not be PromQL:\n${dump(t)}`);
    }
  });
}
