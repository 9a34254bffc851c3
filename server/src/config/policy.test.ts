import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../base/yaml/parse';
import type { EnvironmentName } from '../base/settings';
import { findObservabilityEntry } from './section';
import { checkConfigPolicy, POLICY_RULES, ruleKey } from './policy';
import { diagnose, render } from '../catalog/testSupport';
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

test('the ends of the valid range still break a policy: 0 and 1 in prod', () => {
  for (const rate of ['0', '1']) {
    const text = config('json', rate);
    const start = spanOf(text, 'sample_rate: ')[1];
    const end = start + rate.length;
    assert.deepEqual(
      policy(text, 'prod').map((f) => [f.start, f.end, f.message, f.fixes?.[0]?.edits]),
      [
        [
          start,
          end,
          `prod: observability.trace.sample_rate should be 0.1, not ${rate} (design: トレースサンプリング戦略: prod keeps 10% (tail-based in the OTel Collector, errors 100%)).`,
          [{ start, end, newText: '0.1' }],
        ],
      ],
      rate,
    );
  }
  assert.deepEqual(policy(config('json', '-0.5'), 'prod'), [], 'a negative rate is the schema’s');
});

test('disabled tracing silences only the sampling rule: text logs in prod are still a warning', () => {
  const text = config('text', '1.0', 'false');
  assert.deepEqual(
    policy(text, 'prod').map((f) => [f.start, f.end, f.message]),
    [[...spanOf(text, 'text'), 'prod: observability.log.format should be json, not text (design: JSON structured logs are the standard (Loki); text is for dev only).']],
  );
});

test('the fix keeps single quotes and adds none to a plain value', () => {
  const single = config("'text'", '0.1');
  assert.deepEqual(
    policy(single, 'prod').map((f) => f.fixes?.[0]?.edits[0]?.newText),
    ["'json'"],
  );
  const plain = config('text', '0.1');
  assert.deepEqual(
    policy(plain, 'prod').map((f) => f.fixes?.[0]?.edits[0]?.newText),
    ['json'],
  );
});

test('a missing field or a value of another type is left alone', () => {
  const noRate = config('json', '0.1').replace('    sample_rate: 0.1\n', '');
  assert.deepEqual(policy(noRate, 'prod'), []);
  assert.deepEqual(policy(config('json', '"1.0"'), 'prod'), [], 'a quoted rate is a string: the schema says so');
  assert.deepEqual(policy(config('1', '0.1'), 'prod'), [], 'a number is no log format');
  const prodRate = 'prod: observability.trace.sample_rate should be 0.1, not 1.0 (design: トレースサンプリング戦略: prod keeps 10% (tail-based in the OTel Collector, errors 100%)).';
  const bareEnabled = config('json', '1.0').replace('    enabled: true\n', '    ? enabled\n');
  assert.deepEqual(
    policy(bareEnabled, 'prod').map((f) => f.message),
    [prodRate],
    'an enabled key without a value does not turn tracing off',
  );
  const noEnabled = config('json', '1.0').replace('    enabled: true\n', '');
  assert.deepEqual(
    policy(noEnabled, 'prod').map((f) => f.message),
    [prodRate],
    'nor does a trace section without enabled',
  );
});

test('a catalog rule with no message of its own fails at load', () => {
  assert.throws(() => ruleKey('nonsense'), { message: 'k1s0-catalog.json: policy.environments names the rule nonsense, but there is no message policy.rule.nonsense' });
  assert.equal(ruleKey(POLICY_RULES[0]?.rule.slice('policy.rule.'.length) ?? ''), POLICY_RULES[0]?.rule);
});

test('run through the language service: config.yaml is prod, config.dev.yaml is dev', () => {
  const text = config('text', '0.1');
  assert.deepEqual(render(diagnose('config/config.yaml', { 'config/config.yaml': text }), ['config/policy']), [
    '3:12-3:16 warning config/policy prod: observability.log.format should be json, not text (design: JSON structured logs are the standard (Loki); text is for dev only).',
    '  fix Set log.format to json (prod policy): 3:12-3:16 "json"',
  ]);
  assert.deepEqual(render(diagnose('config/config.dev.yaml', { 'config/config.dev.yaml': config('text', '0.5') }), ['config/policy']), [
    '7:17-7:20 warning config/policy dev: observability.trace.sample_rate should be 1.0, not 0.5 (design: トレースサンプリング戦略: dev is AlwaysOn, 100% of traces).',
    '  fix Set trace.sample_rate to 1.0 (dev policy): 7:17-7:20 "1.0"',
  ]);
});
