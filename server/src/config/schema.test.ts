import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../base/yaml/parse';
import { findObservabilityEntry } from './section';
import { checkConfigSchema } from './schema';
import { lines, spanOf } from '../../../test/support/text';

function check(text: string) {
  const parsed = parseYaml(text);
  assert.deepEqual(parsed.syntax, [], 'fixture must parse');
  const entry = findObservabilityEntry(parsed.documents);
  assert.ok(entry, 'fixture must have an observability section');
  return checkConfigSchema(entry).map((f) => ({ span: [f.start, f.end], message: f.message, code: f.code, severity: f.severity, fixes: f.fixes }));
}

const valid = (overrides: Partial<Record<'level' | 'format' | 'enabled' | 'endpoint' | 'rate' | 'menabled' | 'path', string>> = {}) =>
  lines(
    'observability:',
    '  log:',
    `    level: ${overrides.level ?? 'info'}`,
    `    format: ${overrides.format ?? 'json'}`,
    '  trace:',
    `    enabled: ${overrides.enabled ?? 'true'}`,
    `    endpoint: ${overrides.endpoint ?? '"jaeger:4317"'}`,
    `    sample_rate: ${overrides.rate ?? '0.5'}`,
    '  metrics:',
    `    enabled: ${overrides.menabled ?? 'true'}`,
    `    path: ${overrides.path ?? '/metrics'}`,
  );

test("the design's dev, staging and prod examples are valid", () => {
  for (const name of ['config.dev.yaml', 'config.staging.yaml', 'config.yaml']) {
    const text = readFileSync(join(__dirname, '../../../examples/config', name), 'utf8');
    assert.deepEqual(check(text), [], name);
  }
});

test('log.level outside the enum names the allowed values, on the value', () => {
  const text = valid({ level: 'verbose' });
  assert.deepEqual(check(text), [
    { span: spanOf(text, 'verbose'), code: 'config/schema', severity: 'error', fixes: undefined, message: 'observability.log.level must be one of debug, info, warn, error; got string "verbose".' },
  ]);
});

test('a near-miss enum value gets a did-you-mean and a quick fix', () => {
  const text = valid({ format: 'jsno' });
  const [start, end] = spanOf(text, 'jsno');
  assert.deepEqual(check(text), [
    {
      span: [start, end],
      code: 'config/schema',
      severity: 'error',
      message: 'observability.log.format must be one of text, json; got string "jsno". Did you mean "json"?',
      fixes: [{ title: 'Change to "json"', preferred: true, edits: [{ start, end, newText: 'json' }] }],
    },
  ]);
});

test('trace.enabled must be a boolean: YAML 1.2 reads `yes` as a string', () => {
  const text = valid({ enabled: 'yes' });
  assert.deepEqual(
    check(text).map((f) => [f.span, f.message, f.fixes]),
    [[spanOf(text, 'yes'), 'observability.trace.enabled must be a boolean (true or false), e.g. true; got string "yes".', undefined]],
  );
});

test('trace.endpoint needs host:port or an http(s) URL with a port', () => {
  for (const good of ['jaeger:4317', 'http://jaeger:4317', 'https://otel.example.com:443/v1', '10.0.0.1:4317', '"[::1]:4317"']) {
    assert.deepEqual(check(valid({ endpoint: good })), [], good);
  }
  for (const bad of ['jaeger', 'http://jaeger', 'jaeger:port', 'jaeger:70000', 'grpc://jaeger:4317', '":4317"']) {
    const text = valid({ endpoint: bad });
    const shown = bad.startsWith('"') ? bad.slice(1, -1) : bad;
    assert.deepEqual(
      check(text).map((f) => [f.span, f.message, f.fixes]),
      [[spanOf(text, bad), `observability.trace.endpoint must be host:port or an http(s) URL with a port, e.g. jaeger:4317; got string ${JSON.stringify(shown)}.`, undefined]],
      bad,
    );
  }
});

test('trace.sample_rate is a number in [0, 1]', () => {
  for (const good of ['0', '1', '0.25', '1.0']) assert.deepEqual(check(valid({ rate: good })), [], good);
  const above = valid({ rate: '1.5' });
  assert.deepEqual(
    check(above).map((f) => [f.span, f.message, f.fixes]),
    [[spanOf(above, '1.5'), 'observability.trace.sample_rate must be a number between 0 and 1, e.g. 0.1; got number 1.5.', undefined]],
  );
  const negative = valid({ rate: '-0.1' });
  assert.deepEqual(
    check(negative).map((f) => f.span),
    [spanOf(negative, '-0.1')],
  );
  const quoted = valid({ rate: '"0.5"' });
  assert.deepEqual(
    check(quoted).map((f) => [f.span, f.message]),
    [[spanOf(quoted, '"0.5"'), 'observability.trace.sample_rate must be a number between 0 and 1, e.g. 0.1; got string "0.5".']],
  );
});

test('metrics.path must start with "/" and the fix adds it', () => {
  const text = valid({ path: 'metrics' });
  const [start, end] = spanOf(text, 'metrics', 1);
  assert.deepEqual(check(text), [
    {
      span: [start, end],
      code: 'config/schema',
      severity: 'error',
      message: 'observability.metrics.path must be a path starting with "/", e.g. /metrics; got string "metrics".',
      fixes: [{ title: 'Change to "/metrics"', preferred: true, edits: [{ start, end, newText: '/metrics' }] }],
    },
  ]);
});

test('an unknown key is reported on the key, with did-you-mean, and no "missing" echo', () => {
  const text = valid().replace('sample_rate', 'sample_ratio');
  const [start, end] = spanOf(text, 'sample_ratio');
  assert.deepEqual(check(text), [
    {
      span: [start, end],
      code: 'config/schema',
      severity: 'error',
      message: 'Unknown key "sample_ratio" in observability.trace. Did you mean "sample_rate"? Allowed keys: enabled, endpoint, sample_rate.',
      fixes: [{ title: 'Rename to "sample_rate"', preferred: true, edits: [{ start, end, newText: 'sample_rate' }] }],
    },
  ]);
});

test('an unknown key with no close match lists the allowed keys only', () => {
  const text = `${valid()}  profiling: true\n`;
  assert.deepEqual(
    check(text).map((f) => [f.span, f.message, f.fixes]),
    [[spanOf(text, 'profiling'), 'Unknown key "profiling" in observability. Allowed keys: log, trace, metrics.', undefined]],
  );
});

test('a missing key is reported on its parent key', () => {
  const text = valid().replace('    format: json\n', '');
  assert.deepEqual(
    check(text).map((f) => [f.span, f.message]),
    [[spanOf(text, 'log'), 'observability.log is missing "format": expected one of text, json, e.g. format: json.']],
  );
  const noMetrics = lines('observability:', '  log:', '    level: info', '    format: json', '  trace:', '    enabled: false');
  assert.deepEqual(
    check(noMetrics).map((f) => [f.span, f.message]),
    [[spanOf(noMetrics, 'observability'), 'observability is missing "metrics": expected a mapping with enabled and path.']],
  );
});

test('endpoint and sample_rate are required only while tracing is enabled', () => {
  const off = lines('observability:', '  log:', '    level: info', '    format: json', '  trace:', '    enabled: false', '  metrics:', '    enabled: false');
  assert.deepEqual(check(off), []);
  const on = off.replace('    enabled: false\n  metrics', '    enabled: true\n  metrics');
  assert.deepEqual(
    check(on).map((f) => [f.span, f.message]),
    [
      [spanOf(on, 'trace'), 'observability.trace is missing "endpoint" (required while enabled is true): expected host:port or an http(s) URL with a port, e.g. endpoint: jaeger:4317.'],
      [spanOf(on, 'trace'), 'observability.trace is missing "sample_rate" (required while enabled is true): expected a number between 0 and 1, e.g. sample_rate: 0.1.'],
    ],
  );
});

test('a section of the wrong shape is reported on its value, or on its key when empty', () => {
  const scalar = lines('observability: on');
  assert.deepEqual(
    check(scalar).map((f) => [f.span, f.message]),
    [[spanOf(scalar, 'on'), 'observability must be a mapping with log, trace and metrics; got string "on".']],
  );
  const empty = valid().replace(/ {2}log:\n {4}level: info\n {4}format: json\n/, '  log:\n');
  assert.deepEqual(
    check(empty).map((f) => [f.span, f.message]),
    [[spanOf(empty, 'log'), 'observability.log must be a mapping with level and format; got null.']],
  );
});

test('every mistake of the broken fixture is reported once, on its node', () => {
  const text = readFileSync(join(__dirname, 'fixtures/broken-staging.yaml'), 'utf8');
  assert.deepEqual(
    check(text).map((f) => [text.slice(f.span[0], f.span[1]), f.code]),
    [
      ['verbose', 'config/schema'],
      ['jaeger', 'config/schema'],
      ['sampel_rate', 'config/schema'],
      ['"yes"', 'config/schema'],
    ],
  );
});

test('an enum field holding no string gets no did-you-mean: a number, or a key with no value', () => {
  const number = valid({ level: '5' });
  assert.deepEqual(check(number), [
    { span: spanOf(number, '5'), code: 'config/schema', severity: 'error', fixes: undefined, message: 'observability.log.level must be one of debug, info, warn, error; got number 5.' },
  ]);
  const bare = valid().replace('    level: info\n', '    ? level\n');
  assert.deepEqual(check(bare), [
    { span: spanOf(bare, 'level'), code: 'config/schema', severity: 'error', fixes: undefined, message: 'observability.log.level must be one of debug, info, warn, error; got nothing.' },
  ]);
});
