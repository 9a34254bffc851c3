import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, recordingRule } from './testSupport';

const CODES = ['catalog/metric-type'];
const CATALOG = 'the k1s0 catalog (observability-design.md: カスタムメトリクス一覧)';

test('rate() over a gauge: an exporter gauge, and a recording rule that already is a rate', () => {
  assert.deepEqual(check(recordingRule('rate(container_memory_working_set_bytes[5m])'), CODES), [
    "4:19-4:53 warning catalog/metric-type rate() is for counters, but container_memory_working_set_bytes (from the cAdvisor exporter) is a gauge: use deriv() or delta() for a gauge's change, avg_over_time() for its level",
  ]);
  assert.deepEqual(check(recordingRule('rate(service:http_requests:rate5m[5m])'), CODES), [
    "4:19-4:47 warning catalog/metric-type rate() is for counters, but recording rule service:http_requests:rate5m (recording_rules.yaml) is a gauge: use deriv() or delta() for a gauge's change, avg_over_time() for its level",
  ]);
});

test('_over_time averages of a counter', () => {
  assert.deepEqual(check(recordingRule('avg_over_time(http_requests_total[5m])'), CODES), [
    `4:28-4:47 warning catalog/metric-type avg_over_time() of a counter is meaningless (http_requests_total (from ${CATALOG}) only grows and resets on restart): take rate() or increase() of it`,
  ]);
  assert.deepEqual(check(recordingRule('max_over_time(http_requests_total[5m]) + avg_over_time(up[5m])'), CODES), []);
});

test('histogram_quantile: le aggregated away (fix adds it), or a series that is not a bucket', () => {
  assert.deepEqual(check(recordingRule('histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (service))'), CODES), [
    '4:39-4:103 warning catalog/metric-type histogram_quantile() needs the le label, but its input drops it (by (service)): keep le in the aggregation',
    '  fix Keep le in by (...): 4:102-4:102 ", le"',
  ]);
  assert.deepEqual(check(recordingRule('histogram_quantile(0.99, rate(http_requests_total[5m]))'), CODES), [
    `4:44-4:63 warning catalog/metric-type histogram_quantile() needs the _bucket series of a histogram, but http_requests_total (from ${CATALOG}) is a counter`,
  ]);
  assert.deepEqual(check(recordingRule('histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le))'), CODES), []);
});

test("a classic histogram's base name has no series: three fixes", () => {
  assert.deepEqual(check(recordingRule('rate(http_request_duration_seconds[5m])'), CODES), [
    `4:19-4:48 warning catalog/metric-type http_request_duration_seconds is a histogram (from ${CATALOG}) with no series of its own: select http_request_duration_seconds_bucket (with le), http_request_duration_seconds_sum or http_request_duration_seconds_count`,
    '  fix Change to http_request_duration_seconds_bucket: 4:48-4:48 "_bucket"',
    '  fix Change to http_request_duration_seconds_sum: 4:48-4:48 "_sum"',
    '  fix Change to http_request_duration_seconds_count: 4:48-4:48 "_count"',
  ]);
});

test('catalog/metric-type: keeping le in an empty by () inserts le alone, never "by (, le)"', () => {
  assert.deepEqual(check(recordingRule('histogram_quantile(0.9, sum by () (rate(http_request_duration_seconds_bucket[5m])))'), ['catalog/metric-type']), [
    '4:38-4:96 warning catalog/metric-type histogram_quantile() needs the le label, but its input drops it (by ()): keep le in the aggregation',
    '  fix Keep le in by (...): 4:46-4:46 "le"',
  ]);
});
