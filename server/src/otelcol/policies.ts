/**
 * tail_sampling's policy types (the processor's config.go and README) and what
 * each needs to decide anything: the keys the processor's validation or its
 * evaluator cannot do without. Data, read by config.ts's policy check.
 */

export const POLICY_TYPES = [
  'always_sample',
  'latency',
  'numeric_attribute',
  'probabilistic',
  'status_code',
  'string_attribute',
  'rate_limiting',
  'bytes_limiting',
  'span_count',
  'trace_state',
  'boolean_attribute',
  'ottl_condition',
  'and',
  'drop',
  'composite',
] as const;
export type PolicyType = (typeof POLICY_TYPES)[number];

/** The types a sub-policy of `and` or `drop` may have (a composite's may also be `and`). */
export const LEAF_POLICY_TYPES: readonly PolicyType[] = POLICY_TYPES.filter((type) => type !== 'and' && type !== 'composite' && type !== 'drop');

/**
 * Per type: groups of keys under the type's own key, one of each group needed
 * (`latency` needs threshold_ms or upper_threshold_ms).
 */
export const POLICY_NEEDS: Readonly<Partial<Record<PolicyType, readonly (readonly string[])[]>>> = {
  latency: [['threshold_ms', 'upper_threshold_ms']],
  numeric_attribute: [['key'], ['min_value', 'max_value']],
  probabilistic: [['sampling_percentage']],
  status_code: [['status_codes']],
  string_attribute: [['key'], ['values']],
  rate_limiting: [['spans_per_second']],
  bytes_limiting: [['bytes_per_second']],
  span_count: [['min_spans']],
  trace_state: [['key'], ['values']],
  boolean_attribute: [['key'], ['value']],
  ottl_condition: [['span', 'spanevent']],
  and: [['and_sub_policy']],
  drop: [['drop_sub_policy']],
  composite: [['composite_sub_policy'], ['max_total_spans_per_second']],
};

/** The sub-policy list of each combining type. */
export const SUB_POLICY_KEY: Readonly<Record<'and' | 'drop' | 'composite', string>> = { and: 'and_sub_policy', drop: 'drop_sub_policy', composite: 'composite_sub_policy' };
