import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from './parse';
import { checkShape, durationMs, isDuration, isSize, shapeAt, shapeFindings, type MapShape } from './shape';
import { completeShape, hoverShape } from '../../features/shapeAssist';

const JOB: MapShape = {
  type: 'map',
  fields: {
    job_name: { shape: { type: 'string' }, required: true, doc: 'The job label of every series scraped.' },
    scrape_interval: { shape: { type: 'duration' } },
    scheme: { shape: { type: 'string', enum: ['http', 'https'] } },
    sample_limit: { shape: { type: 'int', min: 0 } },
    honor_labels: { shape: { type: 'bool' } },
    basic_auth: { shape: { type: 'map', fields: { username: { shape: { type: 'string' } } } } },
    authorization: { shape: { type: 'map', fields: { credentials: { shape: { type: 'string' } } } } },
    bearer_token: { shape: { type: 'string' }, removed: { en: 'use authorization.credentials.', ja: 'authorization.credentials を使ってください。' } },
  },
  exclusive: [['basic_auth', 'authorization']],
};
const ROOT: MapShape = { type: 'map', fields: { scrape_configs: { shape: { type: 'list', items: JOB } }, labels: { shape: { type: 'map', fields: {}, values: { type: 'string' } } } } };

function issuesOf(text: string) {
  const document = parseYaml(text).documents[0];
  return checkShape(document?.contents, ROOT).map((issue) => ({ at: text.slice(issue.start, issue.end), kind: issue.kind, message: issue.message, suggestion: issue.suggestion }));
}

test('a valid file has no issue; user-named keys take the values shape', () => {
  assert.deepEqual(issuesOf('scrape_configs:\n  - job_name: api\n    scrape_interval: 1m30s\n    honor_labels: yes\nlabels:\n  team: sre\n'), []);
});

test('every issue at once, each at its node, with the did-you-mean as a suggestion', () => {
  const text = [
    'scrape_configs:',
    '  - job_nme: api',
    '    scrape_interval: 90',
    '    scheme: htps',
    '    sample_limit: -1',
    '    honor_labels: maybe',
    '    basic_auth: {username: a}',
    '    authorization: {credentials: b}',
    '    bearer_token: x',
    'labels: [a]',
    '',
  ].join('\n');
  assert.deepEqual(issuesOf(text), [
    {
      at: 'job_nme',
      kind: 'unknown-key',
      message: 'Unknown key "job_nme" in scrape_configs[0]. Did you mean "job_name"? Allowed keys: job_name, scrape_interval, scheme, sample_limit, honor_labels, basic_auth, authorization.',
      suggestion: 'job_name',
    },
    { at: '90', kind: 'invalid', message: 'scrape_configs[0].scrape_interval: "90" is not a duration (units y w d h m s ms in that order, e.g. 30s, 1m30s or 2h).', suggestion: undefined },
    { at: 'htps', kind: 'enum', message: 'scrape_configs[0].scheme must be one of http, https; got "htps". Did you mean "https"?', suggestion: 'https' },
    { at: '-1', kind: 'range', message: 'scrape_configs[0].sample_limit must be at least 0; got -1.', suggestion: undefined },
    { at: 'maybe', kind: 'type', message: 'scrape_configs[0].honor_labels must be a boolean (true or false); got string "maybe".', suggestion: undefined },
    { at: 'bearer_token', kind: 'removed', message: '"bearer_token" in scrape_configs[0] is no longer read: use authorization.credentials.', suggestion: undefined },
    { at: 'job_nme', kind: 'missing', message: 'scrape_configs[0] is missing "job_name".', suggestion: undefined },
    { at: 'authorization', kind: 'exclusive', message: 'scrape_configs[0] sets basic_auth, authorization: at most one of them may be set.', suggestion: undefined },
    { at: '[a]', kind: 'type', message: 'labels must be a mapping; got a list.', suggestion: undefined },
  ]);
});

test("a missing key of a mapping that is a key's value is reported on that key", () => {
  const shape: MapShape = { type: 'map', fields: { global: { shape: { type: 'map', fields: { name: { shape: { type: 'string' }, required: true }, other: { shape: { type: 'string' } } } } } } };
  const text = 'global:\n  other: x\n';
  const issues = checkShape(parseYaml(text).documents[0]?.contents, shape);
  assert.deepEqual(
    issues.map((issue) => [text.slice(issue.start, issue.end), issue.message]),
    [['global', 'global is missing "name".']],
  );
});

test('an open mapping reports only keys a small edit away from a field, without the list of allowed keys', () => {
  const shape: MapShape = { type: 'map', open: true, fields: { retention_period: { shape: { type: 'duration' } }, max_streams: { shape: { type: 'int' } } } };
  const text = 'retention_perod: 1h\nmax_str: 3\nsome_real_key_we_do_not_list: 1\nmax_streams: x\nmax_stream: 2\n';
  const issues = checkShape(parseYaml(text).documents[0]?.contents, shape);
  assert.deepEqual(
    issues.map((issue) => [text.slice(issue.start, issue.end), issue.message, issue.suggestion]),
    [
      ['retention_perod', 'Unknown key "retention_perod" in (top level). Did you mean "retention_period"?', 'retention_period'],
      ['x', 'max_streams must be an integer; got string "x".', undefined],
      // A typo of a key also written: told, without a fix that would write the key twice.
      ['max_stream', 'Unknown key "max_stream" in (top level). Did you mean "max_streams"?', undefined],
    ],
  );
});

test('suggestions become preferred quick fixes', () => {
  const text = 'scrape_configs:\n  - job_name: a\n    schme: http\n';
  const issues = checkShape(parseYaml(text).documents[0]?.contents, ROOT);
  assert.deepEqual(shapeFindings(issues, 'prometheus/config'), [
    {
      start: 36,
      end: 41,
      code: 'prometheus/config',
      severity: 'error',
      message: 'Unknown key "schme" in scrape_configs[0]. Did you mean "scheme"? Allowed keys: job_name, scrape_interval, scheme, sample_limit, honor_labels, basic_auth, authorization.',
      fixes: [{ title: 'Rename to "scheme"', preferred: true, edits: [{ start: 36, end: 41, newText: 'scheme' }] }],
    },
  ]);
});

test('durations and sizes as Prometheus, Go and Loki read them', () => {
  for (const ok of ['0', '30s', '1m30s', '1h', '2w', '1y', '500ms', '1d12h']) assert.ok(isDuration(ok), ok);
  for (const bad of ['', '90', '1.5h', '30m1h', '1s1s', '-1s', '5 s']) assert.ok(!isDuration(bad), bad);
  for (const ok of ['1.5h', '300ms', '5s', '1h30m', '0']) assert.ok(isDuration(ok, 'go'), ok);
  for (const bad of ['1d', '90', 'five']) assert.ok(!isDuration(bad, 'go'), bad);
  // Go's microseconds: us, the micro sign (U+00B5) and Greek mu (U+03BC); not the letter m with u.
  for (const ok of ['250us', '250\u00B5s', '250\u03BCs', '1s500\u00B5s']) assert.ok(isDuration(ok, 'go'), ok);
  assert.ok(!isDuration('250mus', 'go'));
  assert.equal(durationMs('1m30s'), 90_000);
  assert.equal(durationMs('1d'), 86_400_000);
  assert.equal(durationMs('x'), undefined);
  for (const ok of ['512MiB', '1GB', '1048576', '10kb']) assert.ok(isSize(ok), ok);
  assert.ok(!isSize('lots'));
});

test('shapeAt steps through lists and user-named keys', () => {
  assert.equal(shapeAt(ROOT, ['scrape_configs', 'scheme'])?.shape.type, 'string');
  assert.equal(shapeAt(ROOT, ['labels', 'anything'])?.shape.type, 'string');
  assert.equal(shapeAt(ROOT, ['nope']), undefined);
});

test('completion offers the keys not yet written, required first, and enumerated values', () => {
  const text = 'scrape_configs:\n  - scheme: http\n    \n';
  const keys = completeShape(text, text.indexOf('\n    \n') + 5, ROOT);
  assert.deepEqual(
    keys.map((item) => item.label),
    ['job_name', 'scrape_interval', 'sample_limit', 'honor_labels', 'basic_auth', 'authorization'],
  );
  assert.equal(keys[0]?.insertText, 'job_name: $0');
  const value = 'scrape_configs:\n  - job_name: a\n    scheme: h';
  assert.deepEqual(
    completeShape(value, value.length, ROOT).map((item) => item.label),
    ['http', 'https'],
  );
});

test('hover on a key shows its documentation, also after a list dash', () => {
  const text = 'scrape_configs:\n  - job_name: a\n';
  const hover = hoverShape(text, text.indexOf('job_name') + 2, ROOT);
  assert.deepEqual(hover, { contents: '**job_name** — string, required\n\nThe job label of every series scraped.', start: text.indexOf('job_name'), end: text.indexOf('job_name') + 8 });
});

test('valuesOf chooses the shape of a user-named key by its name, else values', () => {
  const named: MapShape = {
    type: 'map',
    fields: {},
    valuesOf: (key) => (key.split('/')[0] === 'otlp' ? { type: 'map', fields: { endpoint: { shape: { type: 'string' } } } } : undefined),
    values: { type: 'any' },
  };
  const text = 'otlp/in:\n  endpont: x\nother:\n  anything: 1\n';
  assert.deepEqual(
    checkShape(parseYaml(text).documents[0]?.contents, named).map((issue) => [text.slice(issue.start, issue.end), issue.suggestion]),
    [['endpont', 'endpoint']],
  );
  assert.equal(shapeAt(named, ['otlp/in', 'endpoint'])?.shape.type, 'string');
  assert.equal(shapeAt(named, ['other', 'x']), undefined);
});
