import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grammar, scopeOf, scopesOf, tokenize, dump } from './support';
import functions from '../../server/src/promql/functions.json';

async function tokens(text: string) {
  return tokenize(await grammar('source.promql'), text);
}

test('metric names, label names, matcher operators and label values', async () => {
  const t = await tokens('http_requests_total{job="api", code=~"5..", env!="dev", path!~`/health.*`}');
  assert.equal(scopeOf(t, 'http_requests_total'), 'entity.name.type.metric.promql');
  assert.equal(scopeOf(t, 'job'), 'entity.other.attribute-name.label.promql');
  assert.equal(scopeOf(t, 'code'), 'entity.other.attribute-name.label.promql');
  assert.equal(scopeOf(t, '='), 'keyword.operator.matcher.promql');
  assert.equal(scopeOf(t, '=~'), 'keyword.operator.matcher.regex.promql');
  assert.equal(scopeOf(t, '!='), 'keyword.operator.matcher.promql');
  assert.equal(scopeOf(t, '!~'), 'keyword.operator.matcher.regex.promql');
  assert.equal(scopeOf(t, 'api'), 'string.quoted.double.promql');
  assert.equal(scopeOf(t, '/health.*'), 'string.quoted.other.raw.promql');
  assert.ok(scopesOf(t, 'api').includes('meta.label-matchers.promql'));
  assert.equal(scopeOf(t, '{'), 'punctuation.section.braces.begin.promql');
  assert.equal(scopeOf(t, '}'), 'punctuation.section.braces.end.promql');
});

test('recording-rule names with colons are one metric name', async () => {
  const t = await tokens('job:http_requests:rate5m / :leading_colon');
  assert.equal(scopeOf(t, 'job:http_requests:rate5m'), 'entity.name.type.metric.promql');
  assert.equal(scopeOf(t, ':leading_colon'), 'entity.name.type.metric.promql');
});

test('functions come from functions.json; unknown calls and removed functions differ', async () => {
  const t = await tokens('rate(x[5m]) + histogram_quantile(0.9, y) + mad_over_time(z[1h]) + holt_winters(a[1h], 0.5, 0.5) + my_func(b) + rate');
  assert.equal(scopeOf(t, 'rate'), 'support.function.promql');
  assert.equal(scopeOf(t, 'histogram_quantile'), 'support.function.promql');
  assert.equal(scopeOf(t, 'mad_over_time'), 'support.function.experimental.promql');
  assert.equal(scopeOf(t, 'holt_winters'), 'invalid.deprecated.function.promql');
  assert.equal(scopeOf(t, 'my_func'), 'entity.name.function.promql');
  // Not followed by `(`: a metric that happens to be called rate.
  assert.equal(scopeOf(t, 'rate', 1), 'entity.name.type.metric.promql');
});

test('every function of the table is highlighted as a function', async () => {
  const g = await grammar('source.promql');
  for (const f of functions.functions) {
    const t = tokenize(g, `${f.name}(x)`);
    const scope = scopeOf(t, f.name);
    assert.match(scope, /^support\.function\./, `${f.name}: ${dump(t)}`);
  }
});

test('aggregations, grouping and vector-matching keywords, case-insensitively', async () => {
  const t = await tokens('SUM by (job, "le") (x) / on (instance) group_left (node) count without(env) (y) * ignoring(a) group_right z');
  assert.equal(scopeOf(t, 'SUM'), 'keyword.other.aggregation.promql');
  assert.equal(scopeOf(t, 'by'), 'keyword.other.grouping.promql');
  assert.equal(scopeOf(t, 'without'), 'keyword.other.grouping.promql');
  assert.equal(scopeOf(t, 'on'), 'keyword.other.vector-matching.promql');
  assert.equal(scopeOf(t, 'group_left'), 'keyword.other.vector-matching.promql');
  assert.equal(scopeOf(t, 'ignoring'), 'keyword.other.vector-matching.promql');
  assert.equal(scopeOf(t, 'group_right'), 'keyword.other.vector-matching.promql');
  assert.equal(scopeOf(t, 'count'), 'keyword.other.aggregation.promql');
  for (const label of ['job', 'instance', 'node', 'env', 'a']) {
    assert.equal(scopeOf(t, label), 'entity.other.attribute-name.label.promql', label);
    assert.ok(scopesOf(t, label).includes('meta.grouping-labels.promql'), label);
  }
  assert.equal(scopeOf(t, 'z'), 'entity.name.type.metric.promql');
  const u = await tokens('topk(5, x) + count_values("v", y) + quantile(0.5, z) + limitk(2, w) + limit_ratio(0.1, v)');
  for (const agg of ['topk', 'count_values', 'quantile', 'limitk', 'limit_ratio']) {
    assert.equal(scopeOf(u, agg), 'keyword.other.aggregation.promql', agg);
  }
});

test('set operators, bool, offset, @ with start() and end()', async () => {
  const t = await tokens('a and b or c unless d > bool 1 + e offset 5m @ start() - f @ end() - g @ 1609746000 - atan2');
  assert.equal(scopeOf(t, 'and'), 'keyword.operator.wordlike.set.promql');
  assert.equal(scopeOf(t, 'or'), 'keyword.operator.wordlike.set.promql');
  assert.equal(scopeOf(t, 'unless'), 'keyword.operator.wordlike.set.promql');
  assert.equal(scopeOf(t, 'bool'), 'keyword.other.bool.promql');
  assert.equal(scopeOf(t, 'offset'), 'keyword.other.offset.promql');
  assert.equal(scopeOf(t, '@'), 'keyword.operator.at.promql');
  assert.equal(scopeOf(t, 'start'), 'keyword.other.at-modifier.promql');
  assert.equal(scopeOf(t, 'end'), 'keyword.other.at-modifier.promql');
  assert.equal(scopeOf(t, '1609746000'), 'constant.numeric.decimal.promql');
  assert.equal(scopeOf(t, 'atan2'), 'keyword.operator.wordlike.arithmetic.promql');
});

test('durations, ranges and subqueries', async () => {
  const t = await tokens('rate(x[5m])[1h30m:1m] offset -2d + y[1y2w3d4h5m6s7ms] + max_over_time(z[$__interval:])');
  for (const d of ['5m', '1h30m', '1m', '2d', '1y2w3d4h5m6s7ms']) {
    assert.equal(scopeOf(t, d), 'constant.numeric.duration.promql', d);
  }
  assert.equal(scopeOf(t, ':'), 'punctuation.separator.subquery.promql');
  assert.equal(scopeOf(t, '['), 'punctuation.section.brackets.begin.promql');
  assert.equal(scopeOf(t, ']'), 'punctuation.section.brackets.end.promql');
  assert.equal(scopeOf(t, '__interval'), 'variable.language.template.promql');
});

test('numbers: decimal, exponent, hex, Inf, NaN', async () => {
  const t = await tokens('1 + 2.5 + .5 + 1e3 + 1.5E-3 + 0x1F + 1_000 + Inf + -inf + NaN');
  for (const n of ['1', '2.5', '.5', '1e3', '1.5E-3', '1_000']) {
    assert.equal(scopeOf(t, n), 'constant.numeric.decimal.promql', n);
  }
  assert.equal(scopeOf(t, '0x1F'), 'constant.numeric.hex.promql');
  assert.equal(scopeOf(t, 'Inf'), 'constant.numeric.inf.promql');
  assert.equal(scopeOf(t, 'inf'), 'constant.numeric.inf.promql');
  assert.equal(scopeOf(t, 'NaN'), 'constant.numeric.nan.promql');
});

test('strings: double, single, raw, with escapes', async () => {
  const t = await tokens(`label_replace(x, "dst", "$1\\n\\"q\\"", 'src', '(.*)\\'') + y{a="\\d", b=\`\\d\`, c="\\x41\\u00e9\\101"}`);
  assert.equal(scopeOf(t, 'dst'), 'string.quoted.double.promql');
  assert.equal(scopeOf(t, '"', 0), 'punctuation.definition.string.begin.promql');
  assert.equal(scopeOf(t, '\\n'), 'constant.character.escape.promql');
  assert.equal(scopeOf(t, '\\"'), 'constant.character.escape.promql');
  assert.equal(scopeOf(t, 'src'), 'string.quoted.single.promql');
  assert.equal(scopeOf(t, "\\'"), 'constant.character.escape.promql');
  // \d is not a Go escape: Prometheus rejects it in a quoted string, not in a raw one.
  assert.equal(scopeOf(t, '\\d', 0), 'invalid.illegal.unknown-escape.promql');
  assert.equal(scopeOf(t, '\\d', 1), 'string.quoted.other.raw.promql');
  assert.equal(scopeOf(t, '\\x41'), 'constant.character.escape.promql');
  assert.equal(scopeOf(t, '\\u00e9'), 'constant.character.escape.promql');
  assert.equal(scopeOf(t, '\\101'), 'constant.character.escape.promql');
  // An unterminated string stops at the end of its line.
  const u = await tokens('x{a="open\ny}');
  assert.equal(scopeOf(u, 'y'), 'entity.other.attribute-name.label.promql');
});

test('comments', async () => {
  const t = await tokens('sum(x) # total {not="a matcher"}\n# whole line\nrate(y[5m])');
  assert.equal(scopeOf(t, '#'), 'punctuation.definition.comment.promql');
  assert.ok(scopesOf(t, ' total {not="a matcher"}').includes('comment.line.number-sign.promql'));
  assert.ok(scopesOf(t, ' whole line').includes('comment.line.number-sign.promql'));
  assert.equal(scopeOf(t, 'rate'), 'support.function.promql');
});

test('binary operators', async () => {
  const t = await tokens('a + b - c * d / e % f ^ g == h != i > j < k >= l <= m');
  for (const op of ['+', '-', '*', '/', '%', '^']) {
    assert.equal(scopeOf(t, op), 'keyword.operator.arithmetic.promql', op);
  }
  for (const op of ['==', '!=', '>', '<', '>=', '<=']) {
    assert.equal(scopeOf(t, op), 'keyword.operator.comparison.promql', op);
  }
});

test('Grafana template variables, also inside strings and ranges', async () => {
  const t = await tokens('rate(x{job=~"$job", env="${env:regex}", ns="[[namespace]]"}[$__rate_interval]) / $other * ${__range_s} + [[legacy:csv]]');
  assert.equal(scopeOf(t, 'job', 1), 'variable.other.template.promql');
  assert.ok(scopesOf(t, 'job', 1).includes('string.quoted.double.promql'));
  assert.equal(scopeOf(t, 'env', 1), 'variable.other.template.promql');
  assert.equal(scopeOf(t, 'regex'), 'support.other.format.promql');
  assert.equal(scopeOf(t, 'namespace'), 'variable.other.template.promql');
  assert.equal(scopeOf(t, '__rate_interval'), 'variable.language.template.promql');
  assert.equal(scopeOf(t, '$', 1), 'punctuation.definition.variable.promql');
  assert.equal(scopeOf(t, 'other'), 'variable.other.template.promql');
  assert.equal(scopeOf(t, '__range_s'), 'variable.other.template.promql');
  assert.equal(scopeOf(t, 'legacy'), 'variable.other.template.promql');
  assert.equal(scopeOf(t, 'csv'), 'support.other.format.promql');
});

test('a multi-line query keeps its state across lines', async () => {
  const t = await tokens('sum by (\n  job,\n  instance\n) (\n  rate(x{\n    a="b"\n  }[5m])\n)');
  assert.equal(scopeOf(t, 'instance'), 'entity.other.attribute-name.label.promql');
  assert.equal(scopeOf(t, 'a'), 'entity.other.attribute-name.label.promql');
  assert.equal(scopeOf(t, 'b'), 'string.quoted.double.promql');
  assert.equal(scopeOf(t, '5m'), 'constant.numeric.duration.promql');
});
