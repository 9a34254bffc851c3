import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLogql, checkLogqlQuery, looksLikeLogql } from './logql';

/** Each problem as [code, from, to, the text it covers, message]. */
const problems = (query: string) => checkLogqlQuery(query).map((p) => [p.code, p.severity, p.from, p.to, query.slice(p.from, p.to), p.message]);
const syntax = (query: string, from: number, to: number, message: string) => [['logql/syntax', 'error', from, to, query.slice(from, to), message]];

test('a query of blanks is no query', () => {
  assert.deepEqual(problems('   '), []);
});

test('an unexpected token is named; a long one is cut at 40 characters', () => {
  const stray = '{service="a"} |= "x" )';
  assert.deepEqual(problems(stray), syntax(stray, 21, 22, 'LogQL syntax error: unexpected ")".'));
  const bare = '{service="a"} |= x';
  assert.deepEqual(problems(bare), syntax(bare, 17, 18, 'LogQL syntax error: unexpected "x".'));
  const comma = '{service="a"} |= "x" ,';
  assert.deepEqual(problems(comma), syntax(comma, 21, 22, 'LogQL syntax error: unexpected ",".'));
  const empty = '{service= }';
  assert.deepEqual(problems(empty), syntax(empty, 10, 11, 'LogQL syntax error: unexpected "}".'));
  const long = `{service="a"} ${'1234567890'.repeat(5)}`;
  assert.deepEqual(problems(long), syntax(long, 14, 64, 'LogQL syntax error: unexpected "1234567890123456789012345678901234567890…".'));
  const forty = `{service="a"} |= "${'x'.repeat(50)}" foo`;
  assert.deepEqual(problems(forty), syntax(forty, 70, 73, 'LogQL syntax error: unexpected "foo".'));
  const exact = `{service="a"} ${'1234567890'.repeat(4)}`;
  assert.deepEqual(problems(exact), syntax(exact, 14, 54, 'LogQL syntax error: unexpected "1234567890123456789012345678901234567890".'), '40 characters are not cut');
  // The error node's own text, not the word or the character that starts it.
  const dotted = 'rate({service="a"}[5m]) >= x.y';
  assert.deepEqual(problems(dotted), syntax(dotted, 27, 29, 'LogQL syntax error: unexpected "x.".'));
  const twice = '{service="a"} )) foo';
  assert.deepEqual(problems(twice), syntax(twice, 14, 16, 'LogQL syntax error: unexpected "))".'));
  // The first error only.
  for (const [query, from, to] of [
    ['{service="a"} |= x |= y', 17, 18],
    ['sum by (a b) (rate({service="a"}[5m])) x', 10, 11],
    ['{service="a" x} y', 13, 14],
  ] as const) {
    assert.deepEqual(problems(query), syntax(query, from, to, `LogQL syntax error: unexpected "${query.slice(from, to)}".`), query);
  }
  // An empty error node before a token: that token.
  const punctuation = '{service=, }';
  assert.deepEqual(problems(punctuation), syntax(punctuation, 9, 10, 'LogQL syntax error: unexpected ",".'));
  const brace = 'topk(5 {service="a"})';
  assert.deepEqual(problems(brace), syntax(brace, 7, 8, 'LogQL syntax error: unexpected "{".'));
  const afterParser = '{service="a"} |= "x" | line_format "{{.a}}" )';
  assert.deepEqual(problems(afterParser), syntax(afterParser, 44, 45, 'LogQL syntax error: unexpected ")".'));
});

test('a query that ends early names its last token: operators, words, strings', () => {
  for (const [query, from, token] of [
    ['{service="a"} |~ ', 14, '|~'],
    ['{service="a"} != ', 14, '!='],
    ['{service="a"} | json |', 21, '|'],
    ['count_over_time({service="a"}[5m]) > ', 35, '>'],
    ['rate({service="a"}[5m]) by', 24, 'by'],
    ['{service="a"} |= "(" and', 21, 'and'],
    ['{service="a"', 9, '"a"'],
    ['{service="abc"', 9, '"abc"'],
    ['{service="a\\"b"', 9, '"a\\"b"'],
    ['{service=`abc`', 9, '`abc`'],
    ['{service="a"} | json | a:b', 23, 'a:b'],
  ] as const) {
    assert.deepEqual(problems(query), syntax(query, from, from + token.length, `LogQL syntax error: the query ends early after "${token}".`), query);
  }
});

test('parentheses left open are counted outside strings', () => {
  const one = 'sum(rate({service="a"}[5m])';
  assert.deepEqual(problems(one), syntax(one, 26, 27, 'LogQL syntax error: a closing ")" is missing at the end.'));
  const two = '(sum(rate({service="a"}[5m])';
  assert.deepEqual(problems(two), syntax(two, 27, 28, 'LogQL syntax error: 2 closing ")" are missing at the end.'));
  assert.deepEqual(problems('sum((('), syntax('sum(((', 5, 6, 'LogQL syntax error: 3 closing ")" are missing at the end.'));
  assert.deepEqual(problems('sum('), syntax('sum(', 3, 4, 'LogQL syntax error: a closing ")" is missing at the end.'));
  // Parentheses inside strings (escaped quotes and backticks included) are not counted.
  for (const filter of ['"(("', '`((`', '"a\\"(("', '"\\\\" |= "(("']) {
    const query = `sum(count_over_time({service="a"} |= ${filter} [5m])`;
    const [problem] = checkLogqlQuery(query);
    assert.equal(problem?.message, 'LogQL syntax error: a closing ")" is missing at the end.', query);
  }
  const backslashInBackticks = 'sum(count_over_time({service="a"} |= `\\` |= "(" [5m])';
  assert.equal(checkLogqlQuery(backslashInBackticks)[0]?.message, 'LogQL syntax error: a closing ")" is missing at the end.');
});

test('label values: backticks are read, regex matchers, empty values and broken escapes are not judged', () => {
  assert.deepEqual(problems('{level=`fatal`}'), [
    ['logql/label-value', 'warning', 7, 14, '`fatal`', 'level="fatal" matches no k1s0 log stream: level is one of debug, info, warn, error (design: ログラベル設計).'],
  ]);
  assert.deepEqual(problems('{level=~"fatal"}'), []);
  assert.deepEqual(problems('{level=""}'), []);
  assert.deepEqual(problems('{level="\\q"}'), []);
  assert.deepEqual(problems('{level="info", service="anything", trace_id="x"}'), [], 'service and trace_id take any value');
  const fixed = checkLogqlQuery('{tier="sytem"}')[0];
  assert.deepEqual(fixed?.fixes, [{ title: 'Change to "system"', preferred: true, edits: [{ start: 7, end: 12, newText: 'system' }] }]);
  assert.equal(checkLogqlQuery('{tier="xyz"}')[0]?.fixes, undefined, 'no fix without a suggestion');
  assert.equal(checkLogqlQuery('{app="x"}')[0]?.fixes, undefined);
});

test('stream labels: a substituted name is skipped, a substituted value is skipped, the rest is checked', () => {
  const query = '{levl="x", tier="xyz", environment="prd"}';
  const value = query.indexOf('"xyz"');
  const onlyValue = (from: number, to: number) => from === value && to === value + 5;
  assert.deepEqual(
    checkLogqlQuery(query, onlyValue).map((p) => [p.code, query.slice(p.from, p.to)]),
    [
      ['logql/unknown-label', 'levl'],
      ['logql/label-value', '"prd"'],
    ],
  );
  const onlyName = (from: number, to: number) => from === 1 && to === 5;
  assert.deepEqual(
    checkLogqlQuery(query, onlyName).map((p) => [p.code, query.slice(p.from, p.to)]),
    [
      ['logql/label-value', '"xyz"'],
      ['logql/label-value', '"prd"'],
    ],
  );
  assert.deepEqual(
    checkLogqlQuery('{tier="xyz"} | json | tier="abc"').map((p) => p.from),
    [6],
    'labels after a parser are not stream labels',
  );
});

test('checkLogql: problems in document offsets through the site, stand-ins skipped', () => {
  const site = { value: '{levl="x", tier="xyz"}', toDocumentRange: (from: number, to: number): [number, number] => [from + 100, to + 100] };
  assert.deepEqual(
    checkLogql(site).map((f) => [f.code, f.start, f.end]),
    [
      ['logql/unknown-label', 101, 105],
      ['logql/label-value', 116, 121],
    ],
  );
  assert.deepEqual(
    checkLogql({ ...site, isSubstituted: (from) => from >= 10 }).map((f) => [f.code, f.start, f.end]),
    [['logql/unknown-label', 101, 105]],
  );
});

test('looksLikeLogql: a log pipeline after a selector, or a clean LogQL parse', () => {
  for (const query of [
    '{a="b"}|= "x" )',
    '{a="b"} |json )',
    '{a="b"} |~ "x"',
    '{a="b"} !~ "x"',
    '{a="b"} !> "x"',
    '{a="b"} |> "x"',
    '{a="b"} | unwrap x',
    '{a="b"}|decolorize',
    '{a="b"}  |  drop a',
    'x{a="b"} | keep',
    '{a="b"}',
  ]) {
    assert.equal(looksLikeLogql(query), true, query);
  }
  for (const query of ['up', '{a="b"} | jsonx', 'rate(x[5m]) | pattern', 'sum(rate(x[5m])) by (a']) assert.equal(looksLikeLogql(query), false, query);
});
