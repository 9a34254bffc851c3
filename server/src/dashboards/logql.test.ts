import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLogqlQuery, looksLikeLogql } from './logql';

const problems = (query: string, substituted?: (from: number, to: number) => boolean) => checkLogqlQuery(query, substituted).map((p) => [p.code, p.severity, query.slice(p.from, p.to), p.message]);

test('valid queries built on the design labels are silent', () => {
  assert.deepEqual(problems('{service="auth-server", level="error"} |= "timeout" | json'), []);
  assert.deepEqual(problems('sum by (level) (count_over_time({tier="system", environment="prod"} | json [5m]))'), []);
  assert.deepEqual(problems('{trace_id="abc123def456"}'), []);
  assert.deepEqual(problems('{tier=~"system|business"} | logfmt | level="warning"'), [], 'labels after a parser are not stream labels');
  assert.deepEqual(problems(''), []);
});

test('syntax errors: one finding, on the token, in plain words', () => {
  assert.deepEqual(problems('{service="a"} |= '), [['logql/syntax', 'error', '|=', 'LogQL syntax error: the query ends early after "|=".']]);
  assert.deepEqual(problems('rate({service="a"}[5m]'), [['logql/syntax', 'error', ']', 'LogQL syntax error: a closing ")" is missing at the end.']]);
  assert.deepEqual(problems('up{job="x"}'), [['logql/syntax', 'error', 'up', 'LogQL syntax error: unexpected "up".']]);
});

test('stream labels are checked against the log label table, with did-you-mean', () => {
  const found = checkLogqlQuery('{servce="auth-server", app="x"}');
  assert.deepEqual(
    found.map((p) => [p.code, p.severity, p.from, p.to, p.message]),
    [
      ['logql/unknown-label', 'warning', 1, 7, '"servce" is not a k1s0 log stream label; did you mean "service"? (design: ログラベル設計: service, tier, environment, level, trace_id).'],
      ['logql/unknown-label', 'warning', 23, 26, '"app" is not a k1s0 log stream label (design: ログラベル設計: service, tier, environment, level, trace_id).'],
    ],
  );
  assert.deepEqual(found[0]?.fixes, [{ title: 'Change to "service"', preferred: true, edits: [{ start: 1, end: 7, newText: 'service' }] }]);
});

test('known values of tier, environment and level; stand-ins are skipped', () => {
  assert.deepEqual(problems('{tier="sytem", environment!="production"}'), [
    ['logql/label-value', 'warning', '"sytem"', 'tier="sytem" matches no k1s0 log stream: tier is one of system, business, service; did you mean "system"? (design: ログラベル設計).'],
    ['logql/label-value', 'warning', '"production"', 'environment="production" matches no k1s0 log stream: environment is one of dev, staging, prod (design: ログラベル設計).'],
  ]);
  assert.deepEqual(
    problems('{job="x", level="fatal"}', () => true),
    [],
    "substituted parts are not the user's text",
  );
});

test('LogQL is recognised when the datasource does not say', () => {
  assert.equal(looksLikeLogql('{job="x"} |= "error"'), true);
  assert.equal(looksLikeLogql('{job="x"} | json | level="error"'), true);
  assert.equal(looksLikeLogql('sum(count_over_time({job="x"}[5m]))'), true);
  assert.equal(looksLikeLogql('sum(rate(http_requests_total[5m])) by (service'), false);
});
