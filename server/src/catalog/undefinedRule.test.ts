import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, recordingRule } from './testSupport';

test('a recording-rule name no rule file records: did-you-mean from the workspace rules, with its file', () => {
  assert.deepEqual(check(recordingRule('service:http_error:rate5m / service:nothing_like_it:total'), ['catalog/undefined-rule']), [
    '4:14-4:39 warning catalog/undefined-rule no rule file in the workspace records "service:http_error:rate5m"; did you mean "service:http_errors:rate5m" (recorded in recording_rules.yaml)?',
    '  fix Change to service:http_errors:rate5m: 4:14-4:39 "service:http_errors:rate5m"',
    '4:42-4:71 warning catalog/undefined-rule no rule file in the workspace records "service:nothing_like_it:total"',
  ]);
});

test('a rule recorded in another file, or in the same file, is defined; removing the file undefines it', () => {
  assert.deepEqual(check(recordingRule('service:http_errors:rate5m'), ['catalog/undefined-rule']), []);
  assert.deepEqual(check(recordingRule('t:test:expr'), ['catalog/undefined-rule']), []);
  assert.deepEqual(check(recordingRule('service:http_errors:rate5m'), ['catalog/undefined-rule'], { 'infra/docker/prometheus/recording_rules.yaml': undefined }), [
    '4:14-4:40 warning catalog/undefined-rule no rule file in the workspace records "service:http_errors:rate5m"',
  ]);
});
