import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matches, parseMatchers } from './matchers';
import { isGlob } from './templates';
import { urlProblem } from './receivers';

const parsed = (input: string) => {
  const result = parseMatchers(input);
  return 'reason' in result ? result : result.map((m) => `${m.name}${m.type}${JSON.stringify(m.value)}`);
};

test('matchers as Alertmanager 0.25 parses them: operators, quotes, escapes, braces, several in one string', () => {
  assert.deepEqual(parsed('severity="critical"'), ['severity="critical"']);
  assert.deepEqual(parsed(' team != ops '), ['team!="ops"']);
  assert.deepEqual(parsed('{service=~"auth-.*", env!~"dev|test"}'), ['service=~"auth-.*"', 'env!~"dev|test"']);
  assert.deepEqual(parsed('summary="a \\"b\\", c"'), ['summary="a \\"b\\", c"']);
  assert.deepEqual(parsed('path="C:\\\\x\\y"'), ['path="C:\\\\x\\\\y"']);
  assert.deepEqual(parsed('ns:name=x'), ['ns:name="x"']);
  assert.deepEqual(parsed(''), []);
  assert.deepEqual(parsed('{}'), []);
  assert.deepEqual(parsed('a=b,,c=d'), { reason: 'format', token: '' });
  assert.deepEqual(parsed('severity critical'), { reason: 'format', token: 'severity critical' });
  assert.deepEqual(parsed('0a=b'), { reason: 'format', token: '0a=b' });
  assert.deepEqual(parsed('a="b'), { reason: 'quote', token: 'a="b' });
  assert.deepEqual(parsed('a=b"c'), { reason: 'quote', token: 'a=b"c' });
  assert.deepEqual(parsed('a=~"("'), { reason: 'regex', token: 'a=~"("', detail: 'error parsing regexp: missing closing ): `^(?:()$`' });
});

test('a matcher meets a label value as Alertmanager matches: anchored regexes, a missing label is empty', () => {
  const [critical, notInfo, warnish, notEmpty] = ['severity="critical"', 'severity!=info', 'severity=~warn.*', 'team!~""'].map((input) => {
    const result = parseMatchers(input);
    assert.ok(!('reason' in result));
    return result[0]!;
  });
  assert.ok(matches(critical!, 'critical') && !matches(critical!, 'critical2'));
  assert.ok(matches(notInfo!, 'warning') && !matches(notInfo!, 'info'));
  assert.ok(matches(warnish!, 'warning') && !matches(warnish!, 'a-warning'));
  assert.ok(!matches(notEmpty!, undefined) && matches(notEmpty!, 'ops'));
});

test("template globs as Go's filepath.Match reads them", () => {
  for (const ok of ['*.tmpl', 'templates/[a-z]*.tmpl', '[^x]?.tmpl', 'a\\*b', '[\\]]']) assert.ok(isGlob(ok), ok);
  for (const bad of ['[.tmpl', '[]', '[a-', '[-a]', 'x\\', '[z-]']) assert.ok(!isGlob(bad), bad);
});

test("template globs: a class's escapes, ']' or '-' first in a class (after '^' too), an escape at the end of a class", () => {
  for (const ok of ['[\\-]', '[^\\]]', '[a\\-z]']) assert.ok(isGlob(ok), ok);
  for (const bad of ['[]a]', '[^]a]', '[^-a]', '[\\', '[a\\']) assert.ok(!isGlob(bad), bad);
});

test("webhook URLs as Alertmanager's parseURL reads them", () => {
  for (const ok of ['http://prometheus-msteams:2000/ops', 'HTTPS://user:pw@teams.example.com/x?y#z', 'http://[::1]:9/', 'http://:80/']) assert.equal(urlProblem(ok), undefined, ok);
  assert.equal(urlProblem('localhost:2000/x'), 'Unsupported scheme "localhost" in URL "localhost:2000/x": use http or https.');
  assert.equal(urlProblem('/relative'), 'Unsupported scheme "" in URL "/relative": use http or https.');
  assert.equal(urlProblem('http:opaque'), 'URL "http:opaque" has no host.');
  assert.equal(urlProblem('http://host:port/'), '"http://host:port/" is not a URL.');
});

test('webhook URLs: escapes in the path (unescaped) and the query (not), in the host (non-ASCII bytes and %25 only), control characters, ports', () => {
  for (const ok of ['http://a/b%41', 'http://a/?q=%zz', 'http://a%C3%A9b/', 'http://[fe80::1%25eth0]:9/', 'http://[::1]/']) assert.equal(urlProblem(ok), undefined, ok);
  for (const bad of ['http://a\u0001b/', 'http://a/b%zz', 'http://a/b%2', 'http://a%41b/', 'http://[x]y:z/']) assert.equal(urlProblem(bad), `"${bad}" is not a URL.`, bad);
  assert.equal(urlProblem('/x:y'), 'Unsupported scheme "" in URL "/x:y": use http or https.');
});
