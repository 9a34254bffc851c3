/** otelcol/policy as the check returns it: which rate the prod sampling is held to, which sampler a pipeline runs, what its policies must keep. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from '../../../test/support/text';
import type { TraceConfigFact } from '../workspace/index';
import { MINIMAL, dev, policyFindings, policyWarning as warning } from './testSupport';

const CONFIG = 'file:///w/config/config.yaml';
const wrong = (got: string, percent: string, source: string) => `sampling_percentage ${got} is not the prod sample rate: ${source} says ${percent}%.`;
const DESIGN = "the design's prod sample_rate 0.1";

test("otelcol/policy: the rate is the prod config files' when they agree on one within 0..1, else the design's", () => {
  const text = MINIMAL.replace('sampling_percentage: 10', 'sampling_percentage: 25');
  const rate = (value: number, uri = CONFIG, environment = 'prod'): TraceConfigFact => ({ uri, environment, sampleRate: { value, line: 5 } });
  const said = (traceConfigs: TraceConfigFact[]) => policyFindings(text, { traceConfigs });
  assert.deepEqual(said([]), [warning(text, '25', wrong('25', '10', DESIGN), { fix: '10' })]);
  assert.deepEqual(said([rate(1, CONFIG, 'dev')]), [warning(text, '25', wrong('25', '10', DESIGN), { fix: '10' })], "a dev config's rate is not prod's");
  assert.deepEqual(
    said([{ uri: CONFIG, environment: 'prod', endpoint: { value: 'otel:4317', line: 4 } }]),
    [warning(text, '25', wrong('25', '10', DESIGN), { fix: '10' })],
    'a prod config without a rate',
  );
  assert.deepEqual(said([rate(-0.1)]), [warning(text, '25', wrong('25', '10', DESIGN), { fix: '10' })], 'a rate below 0');
  assert.deepEqual(said([rate(1.01)]), [warning(text, '25', wrong('25', '10', DESIGN), { fix: '10' })], 'a rate above 1');
  assert.deepEqual(said([rate(0)]), [warning(text, '25', wrong('25', '0', 'sample_rate 0 of config/config.yaml'), { fix: '0' })]);
  assert.deepEqual(said([rate(1)]), [warning(text, '25', wrong('25', '100', 'sample_rate 1 of config/config.yaml'), { fix: '100' })]);
  assert.deepEqual(said([rate(0.5, 'file:///w/a/config.yaml'), rate(0.5, 'file:///w/b/config.yaml')]), [warning(text, '25', wrong('25', '50', 'sample_rate 0.5 of a/config.yaml'), { fix: '50' })]);
  assert.deepEqual(said([rate(0.5, 'file:///w/a/config.yaml'), rate(0.25, 'file:///w/b/config.yaml')]), [warning(text, '25', wrong('25', '10', DESIGN), { fix: '10' })], 'files that disagree');
  assert.deepEqual(said([rate(0.25)]), [], 'the rate written');
  assert.deepEqual(policyFindings(text.replace('sampling_percentage: 25', 'sampling_percentage: 10'), { settings: dev() }), [], 'a file judged as dev');
});

test('otelcol/policy: the sampler is the tail_sampling processor a traces pipeline names, and only that', () => {
  const none = (text: string) => [
    warning(text, 'traces', 'The prod traces pipeline "traces" has no tail_sampling: the design keeps every error trace and 10% of the rest (トレースサンプリング戦略: prod is tail-based).'),
  ];
  const unnamed = MINIMAL.replace('[memory_limiter, tail_sampling, batch]', '[memory_limiter, batch]');
  assert.deepEqual(policyFindings(unnamed), none(unnamed), 'defined, but not in the pipeline');
  const misplaced = MINIMAL.replace('  tail_sampling:\n', '  batch/2:\n').replace('exporters:\n', 'exporters:\n  tail_sampling:\n    policies: []\n');
  assert.deepEqual(policyFindings(misplaced), none(misplaced), 'an exporter with the ID of a sampler');
  const listless = MINIMAL.replace('      processors: [memory_limiter, tail_sampling, batch]\n', '');
  assert.deepEqual(policyFindings(listless), none(listless), 'a pipeline without processors');
  const other = MINIMAL.replace('[memory_limiter, tail_sampling, batch]', '[memory_limiter, probabilistic_sampler, batch]').replace(
    '  batch:\n',
    '  batch:\n  probabilistic_sampler:\n    sampling_percentage: 10\n',
  );
  assert.deepEqual(policyFindings(other), none(other), 'another sampler');
});

/** MINIMAL's tail_sampling policy list, and MINIMAL with these policy lines in place of its two. */
const POLICIES = MINIMAL.slice(MINIMAL.indexOf('    policies:\n'), MINIMAL.indexOf('  batch:\n'));
const withPolicies = (...policies: string[]) => MINIMAL.replace(POLICIES, lines('    policies:', ...policies));

test('otelcol/policy: some status_code policy keeps ERROR among its codes; some probabilistic policy samples the rest at the rate', () => {
  const kept = withPolicies(
    '      - name: ok',
    '        type: status_code',
    '        status_code: { status_codes: [OK] }',
    '      - name: errors',
    '        type: status_code',
    '        status_code: { status_codes: [OK, ERROR] }',
    '      - 7',
    '      - name: untyped',
    '      - name: unset',
    '        type: probabilistic',
    '        probabilistic: {}',
    '      - name: substituted',
    '        type: probabilistic',
    '        probabilistic: { sampling_percentage: "${env:PERCENT}" }',
    '      - name: rest',
    '        type: probabilistic',
    '        probabilistic: { sampling_percentage: 10 }',
  );
  assert.deepEqual(policyFindings(kept), []);
  const lost = withPolicies('      - name: ok', '        type: status_code', '        status_code: { status_codes: [OK] }', '      - name: all', '        type: always_sample');
  assert.deepEqual(policyFindings(lost), [
    warning(lost, 'policies', "No status_code policy keeps ERROR traces: the design's prod sampling keeps every error trace, and 10% of the rest."),
    warning(lost, 'policies', "No probabilistic policy samples the rest: the design samples 10% of prod traces (the design's prod sample_rate 0.1)."),
  ]);
  const listless = MINIMAL.replace(POLICIES, '    decision_wait: 10s\n');
  assert.deepEqual(policyFindings(listless), [], "a sampler without a policy list: otelcol/config's to say");
});
