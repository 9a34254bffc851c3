import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../base/yaml/parse';
import type { EnvironmentName } from '../base/settings';
import { findObservabilityEntry } from './section';
import { checkConfigPolicy } from './policy';
import { lines, spanOf } from '../../../test/support/text';

const config = (format: string, rate: string, enabled = 'true') =>
  lines(
    'observability:',
    '  log:',
    '    level: info',
    `    format: ${format}`,
    '  trace:',
    `    enabled: ${enabled}`,
    '    endpoint: "jaeger:4317"',
    `    sample_rate: ${rate}`,
    '  metrics:',
    '    enabled: true',
    '    path: /metrics',
  );

function policy(text: string, environment: EnvironmentName | undefined) {
  const entry = findObservabilityEntry(parseYaml(text).documents);
  assert.ok(entry);
  return checkConfigPolicy(entry, environment, text);
}

test('each environment accepts the values of its own design example', () => {
  assert.deepEqual(policy(config('text', '1.0'), 'dev'), []);
  assert.deepEqual(policy(config('json', '1.0'), 'dev'), [], 'json logs are fine in dev too');
  assert.deepEqual(policy(config('json', '0.5'), 'staging'), []);
  assert.deepEqual(policy(config('"json"', '0.1'), 'prod'), []);
});

test('prod sample_rate other than 0.1 is a warning naming the sampling rule, with a fix', () => {
  const text = config('json', '1.0');
  const [start, end] = spanOf(text, '1.0');
  assert.deepEqual(policy(text, 'prod'), [
    {
      start,
      end,
      code: 'config/policy',
      severity: 'warning',
      message: 'prod: observability.trace.sample_rate should be 0.1, not 1.0 (design: トレースサンプリング戦略: prod keeps 10% (tail-based in the OTel Collector, errors 100%)).',
      fixes: [{ title: 'Set trace.sample_rate to 0.1 (prod policy)', preferred: true, edits: [{ start, end, newText: '0.1' }] }],
    },
  ]);
});

test('staging wants 0.5 and dev wants 1.0', () => {
  const staging = config('json', '0.1');
  assert.deepEqual(
    policy(staging, 'staging').map((f) => [f.start, f.end, f.message]),
    [[...spanOf(staging, '0.1'), 'staging: observability.trace.sample_rate should be 0.5, not 0.1 (design: トレースサンプリング戦略: staging is TraceIDRatioBased at 50%).']],
  );
  const dev = config('text', '0.5');
  assert.deepEqual(
    policy(dev, 'dev').map((f) => [f.start, f.end, f.message, f.fixes?.[0]?.edits[0]?.newText]),
    [[...spanOf(dev, '0.5'), 'dev: observability.trace.sample_rate should be 1.0, not 0.5 (design: トレースサンプリング戦略: dev is AlwaysOn, 100% of traces).', '1.0']],
  );
});

test('text logs outside dev are a warning; the fix keeps the quoting', () => {
  const text = config('"text"', '0.5');
  const [start, end] = spanOf(text, '"text"');
  assert.deepEqual(policy(text, 'staging'), [
    {
      start,
      end,
      code: 'config/policy',
      severity: 'warning',
      message: 'staging: observability.log.format should be json, not "text" (design: JSON structured logs are the standard (Loki); text is for dev only).',
      fixes: [{ title: 'Set log.format to json (staging policy)', preferred: true, edits: [{ start, end, newText: '"json"' }] }],
    },
  ]);
});

test('values the schema rejects, disabled tracing and unknown environments get no policy finding', () => {
  assert.deepEqual(policy(config('jsno', '1.5'), 'prod'), []);
  assert.deepEqual(policy(config('json', '1.0', 'false'), 'prod'), []);
  assert.deepEqual(policy(config('text', '1.0'), undefined), []);
});
