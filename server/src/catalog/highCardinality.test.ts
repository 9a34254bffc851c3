import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, recordingRule } from './testSupport';

const keeps = (label: string, help: string) =>
  `warning catalog/high-cardinality recording rule t:test:expr keeps ${label} in by (…): ${label} is a high-cardinality label in the k1s0 catalog (${help}), so the rule records one series per value; aggregate it away`;

test('catalog/high-cardinality: every aggregation of the rule, the outer and the inner, its by (…) before or after its body', () => {
  assert.deepEqual(check(recordingRule('sum(count by (pod) (up)) by (instance)'), ['catalog/high-cardinality']), [
    `4:28-4:31 ${keeps('pod', 'Kubernetes pod (changes on every rollout)')}`,
    `4:43-4:51 ${keeps('instance', 'scrape target host:port (one series per target)')}`,
  ]);
  assert.deepEqual(check(recordingRule('sum by (instance) (count by (pod) (up))'), ['catalog/high-cardinality']), [
    `4:22-4:30 ${keeps('instance', 'scrape target host:port (one series per target)')}`,
    `4:43-4:46 ${keeps('pod', 'Kubernetes pod (changes on every rollout)')}`,
  ]);
});
