/** otelcol/config: tail_sampling policies — what each type needs, names, settings of another type, sub-policies, composite names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines } from '../../../test/support/text';
import { setLocale } from '../l10n';
import { configFinding as at, configFindings } from './testSupport';

/** A collector file whose only processor is a tail_sampling with these policy lines. */
const sampling = (...policies: string[]) => lines('processors:', '  tail_sampling:', '    policies:', ...policies, 'receivers: { otlp: }', 'exporters: { debug: }', 'service:', '  pipelines: {}');

test("otelcol/config: a tail_sampling policy without the settings its type needs is marked at its settings' key, or at its type when they are absent or null; one without a type is left to the shape", () => {
  const text = sampling(
    '      - type: latency',
    '      - name: untyped',
    '      - name: none',
    '        type: latency',
    '        latency:',
    '      - name: empty',
    '        type: latency',
    '        latency: {}',
    '      - name: nulled',
    '        type: latency',
    '        latency: { threshold_ms: null }',
    '      - name: upper',
    '        type: latency',
    '        latency: { upper_threshold_ms: 5 }',
    '      - name: half',
    '        type: numeric_attribute',
    '        numeric_attribute: { key: x }',
  );
  assert.deepEqual(configFindings(text), [
    at(text, 'error', 'type', 'processors.tail_sampling.policies[0] is missing "name".'),
    at(text, 'error', 'latency', 'A policy of type latency without a name decides nothing without latency.threshold_ms or latency.upper_threshold_ms.'),
    at(text, 'error', 'name', 'processors.tail_sampling.policies[1] is missing "type".'),
    at(text, 'error', 'latency', 'Policy "none" of type latency decides nothing without latency.threshold_ms or latency.upper_threshold_ms.', { occurrence: 1 }),
    at(text, 'error', 'latency', 'Policy "empty" of type latency decides nothing without latency.threshold_ms or latency.upper_threshold_ms.', { occurrence: 4 }),
    at(text, 'error', 'latency', 'Policy "nulled" of type latency decides nothing without latency.threshold_ms or latency.upper_threshold_ms.', { occurrence: 6 }),
    at(text, 'error', 'numeric_attribute', 'Policy "half" of type numeric_attribute decides nothing without numeric_attribute.min_value or numeric_attribute.max_value.', { occurrence: 1 }),
  ]);
});

test("otelcol/config: a policy's settings of another type are not read (a composite's policy_order among them); a name used twice in one list; a type the shape refuses is left to it", () => {
  const text = sampling(
    '      - 7',
    '      - name: num',
    '        type: numeric_attribute',
    '        probabilistic: { sampling_percentage: 1 }',
    '        numeric_attribute: { key: x, min_value: 1 }',
    '        status_code: { status_codes: [ERROR] }',
    '      - name: bogus',
    '        type: nosuch',
    '        latency: {}',
    '      - name: num',
    '        type: always_sample',
    '        composite: { policy_order: [x] }',
    '      - name: 5',
    '        type: always_sample',
    '      - name: 5',
    '        type: always_sample',
  );
  assert.deepEqual(configFindings(text), [
    at(text, 'error', '7', 'processors.tail_sampling.policies[0] must be a mapping; got number 7.'),
    at(text, 'warning', 'probabilistic', 'Policy "num" is of type numeric_attribute: its "probabilistic" settings are not read.'),
    at(text, 'warning', 'status_code', 'Policy "num" is of type numeric_attribute: its "status_code" settings are not read.'),
    at(
      text,
      'error',
      'nosuch',
      'processors.tail_sampling.policies[2].type must be one of always_sample, latency, numeric_attribute, probabilistic, status_code, string_attribute, rate_limiting, bytes_limiting, span_count, trace_state, boolean_attribute, ottl_condition, and, drop, composite; got "nosuch".',
    ),
    at(text, 'error', 'num', 'Policy name "num" is used twice in one list: tail_sampling refuses duplicate names.', { occurrence: 3 }),
    at(text, 'warning', 'composite', 'Policy "num" is of type always_sample: its "composite" settings are not read.'),
    at(text, 'error', '5', 'Policy name "5" is used twice in one list: tail_sampling refuses duplicate names.', { occurrence: 1 }),
  ]);
});

test('otelcol/config: sub-policies are checked at their own level: leaf types under and and drop, and also `and` under composite, each with what its type needs', () => {
  const text = sampling(
    '      - name: both',
    '        type: and',
    '        and:',
    '          and_sub_policy:',
    '            - name: a1',
    '              type: span_count',
    '            - name: a2',
    '              type: always_sample',
    '            - name: a2',
    '              type: composite',
    '      - name: drops',
    '        type: drop',
    '        drop:',
    '          drop_sub_policy:',
    '            - name: d1',
    '              type: and',
    '            - name: d2',
    '              type: latency',
    '      - name: c',
    '        type: composite',
    '        composite:',
    '          max_total_spans_per_second: 10',
    '          composite_sub_policy:',
    '            - name: c1',
    '              type: and',
    '              and:',
    '                and_sub_policy:',
    '                  - name: c1a',
    '                    type: drop',
    '            - name: c2',
    '              type: latency',
    '            - name: c3',
    '              type: and',
  );
  assert.deepEqual(configFindings(text), [
    at(text, 'error', 'span_count', 'Policy "a1" of type span_count decides nothing without span_count.min_spans.'),
    at(text, 'error', 'a2', 'Policy name "a2" is used twice in one list: tail_sampling refuses duplicate names.', { occurrence: 1 }),
    at(
      text,
      'error',
      'composite',
      'processors.tail_sampling.policies[0].and.and_sub_policy[2].type must be one of always_sample, latency, numeric_attribute, probabilistic, status_code, string_attribute, rate_limiting, bytes_limiting, span_count, trace_state, boolean_attribute, ottl_condition; got "composite".',
    ),
    at(
      text,
      'error',
      'and',
      'processors.tail_sampling.policies[1].drop.drop_sub_policy[0].type must be one of always_sample, latency, numeric_attribute, probabilistic, status_code, string_attribute, rate_limiting, bytes_limiting, span_count, trace_state, boolean_attribute, ottl_condition; got "and".',
      { occurrence: 3 },
    ),
    at(text, 'error', 'latency', 'Policy "d2" of type latency decides nothing without latency.threshold_ms or latency.upper_threshold_ms.'),
    at(
      text,
      'error',
      'drop',
      'processors.tail_sampling.policies[2].composite.composite_sub_policy[0].and.and_sub_policy[0].type must be one of always_sample, latency, numeric_attribute, probabilistic, status_code, string_attribute, rate_limiting, bytes_limiting, span_count, trace_state, boolean_attribute, ottl_condition; got "drop".',
      { occurrence: 4 },
    ),
    at(text, 'error', 'latency', 'Policy "c2" of type latency decides nothing without latency.threshold_ms or latency.upper_threshold_ms.', { occurrence: 1 }),
    at(text, 'error', 'and', 'Policy "c3" of type and decides nothing without and.and_sub_policy.', { occurrence: 7 }),
  ]);
});

test('otelcol/config: policy_order and rate_allocation name composite_sub_policy entries, with the name probably meant as a fix', () => {
  const text = sampling(
    '      - name: none',
    '        type: composite',
    '        composite:',
    '          max_total_spans_per_second: 10',
    '          policy_order: [x]',
    '      - name: mix',
    '        type: composite',
    '        composite:',
    '          max_total_spans_per_second: 10',
    '          policy_order: [first, zzzzzz, 5, [second]]',
    '          rate_allocation:',
    '            - policy: first',
    '              percent: 50',
    '            - policy: secnd',
    '              percent: 50',
    '            - percent: 1',
    '            - 1',
    '          composite_sub_policy:',
    '            - name: first',
    '              type: always_sample',
    '            - name: second',
    '              type: always_sample',
    '            - type: always_sample',
    '            - 3',
  );
  assert.deepEqual(configFindings(text), [
    at(text, 'error', 'composite', 'Policy "none" of type composite decides nothing without composite.composite_sub_policy.', { occurrence: 1 }),
    at(text, 'error', 'x', '"x" names no composite_sub_policy (none has a name).', { occurrence: 1 }),
    at(text, 'error', 'zzzzzz', '"zzzzzz" names no composite_sub_policy (first, second).'),
    at(text, 'error', '5', '"5" names no composite_sub_policy (first, second).'),
    at(text, 'error', '[second]', 'processors.tail_sampling.policies[1].composite.policy_order[3] must be a string; got a list.'),
    at(text, 'error', 'secnd', '"secnd" names no composite_sub_policy (first, second).', { fix: 'second' }),
    at(text, 'error', '1', 'processors.tail_sampling.policies[1].composite.rate_allocation[3] must be a mapping; got number 1.', { occurrence: 3 }),
    at(text, 'error', 'type', 'processors.tail_sampling.policies[1].composite.composite_sub_policy[2] is missing "name".', { occurrence: 4 }),
    at(text, 'error', '3', 'processors.tail_sampling.policies[1].composite.composite_sub_policy[3] must be a mapping; got number 3.'),
  ]);
});

test('otelcol/config: in Japanese, a policy without a name is called so, and so is a policy_order among composites without names', () => {
  setLocale('ja');
  try {
    const text = sampling('      - type: latency', '        string_attribute: { key: k }', '      - name: c', '        type: composite', '        composite:', '          policy_order: [x]');
    assert.deepEqual(
      configFindings(text).map((f) => f.message),
      [
        'processors.tail_sampling.policies[0] に "name" がありません。',
        '名前のないポリシー（latency）は latency.threshold_ms または latency.upper_threshold_ms がないと何も判定しません。',
        '名前のないポリシーの type は latency です。"string_attribute" の設定は読まれません。',
        'ポリシー "c"（composite）は composite.composite_sub_policy がないと何も判定しません。',
        'ポリシー "c"（composite）は composite.max_total_spans_per_second がないと何も判定しません。',
        '"x" という composite_sub_policy はありません（名前のあるものがありません）。',
      ],
    );
  } finally {
    setLocale('en');
  }
});
