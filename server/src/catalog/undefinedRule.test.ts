import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertRule, check, diagnose, recordingRule, render } from './testSupport';

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

test('without any recording rule in the workspace the message says so; a selector without a name is passed over', () => {
  const noRecordingRules = { 'infra/docker/prometheus/recording_rules.yaml': undefined };
  assert.deepEqual(check(alertRule('A', 'job:nothing:rate5m > 0'), ['catalog/undefined-rule', 'internal/check-failed'], noRecordingRules), [
    '4:14-4:32 warning catalog/undefined-rule no rule file in the workspace records "job:nothing:rate5m" (the workspace defines no recording rules)',
  ]);
  assert.deepEqual(check(recordingRule('sum({job="api"}) + sum({__name__=~"service:.*"})'), ['catalog/undefined-rule', 'internal/check-failed']), []);
});

test('a quoted name is changed inside quotes of its kind', () => {
  const message = 'warning catalog/undefined-rule no rule file in the workspace records "service:http_error:rate5m"; did you mean "service:http_errors:rate5m" (recorded in recording_rules.yaml)?';
  assert.deepEqual(check(recordingRule('sum({"service:http_error:rate5m"})'), ['catalog/undefined-rule']), [
    `4:19-4:46 ${message}`,
    '  fix Change to service:http_errors:rate5m: 4:19-4:46 "\\"service:http_errors:rate5m\\""',
  ]);
  assert.deepEqual(check(recordingRule("sum({'service:http_error:rate5m'})"), ['catalog/undefined-rule']), [
    `4:19-4:46 ${message}`,
    `  fix Change to service:http_errors:rate5m: 4:19-4:46 "'service:http_errors:rate5m'"`,
  ]);
});

test('a dashboard selector whose name a template variable stands in for is not judged', () => {
  const dashboard = JSON.stringify(
    {
      title: 'd',
      uid: 'd',
      templating: { list: [{ name: 'rule', type: 'custom', query: 'job:custom:rate5m', current: { value: 'job:custom:rate5m' } }] },
      panels: [{ id: 1, type: 'timeseries', title: 'p', datasource: { type: 'prometheus', uid: 'prometheus' }, targets: [{ refId: 'A', expr: 'sum($rule) + sum(job:other:rate5m)' }] }],
    },
    null,
    2,
  );
  assert.deepEqual(
    render(diagnose('grafana/dashboards/d.json', { 'grafana/dashboards/d.json': dashboard }), ['catalog/undefined-rule']).map((line) => line.replace(/ \(recorded in .*\)\?$|; did you mean.*$/, '')),
    ['27:36-27:52 warning catalog/undefined-rule no rule file in the workspace records "job:other:rate5m"'],
  );
});
