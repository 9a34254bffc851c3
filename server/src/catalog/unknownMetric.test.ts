import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../base/settings';
import { LanguageService } from '../service/languageService';
import { check, recordingRule } from './testSupport';

const CODES = ['catalog/unknown-metric'];

test('a misspelt catalog metric: warning with did-you-mean and a quick fix', () => {
  assert.deepEqual(check(recordingRule('sum(rate(http_request_total[5m]))'), CODES), [
    '4:23-4:41 warning catalog/unknown-metric unknown metric "http_request_total": not in the k1s0 catalog, a known exporter, or a recording rule of the workspace; did you mean "http_requests_total" from the k1s0 catalog (observability-design.md: カスタムメトリクス一覧)?',
    '  fix Change to http_requests_total: 4:23-4:41 "http_requests_total"',
  ]);
});

test('a name in a __name__ matcher is replaced inside its quotes', () => {
  const text = 'groups:\n  - name: t\n    rules:\n      - record: t:test:expr\n        expr: \'{__name__="http_request_total"}\'\n';
  assert.deepEqual(check(text, CODES), [
    '4:25-4:45 warning catalog/unknown-metric unknown metric "http_request_total": not in the k1s0 catalog, a known exporter, or a recording rule of the workspace; did you mean "http_requests_total" from the k1s0 catalog (observability-design.md: カスタムメトリクス一覧)?',
    '  fix Change to http_requests_total: 4:25-4:45 "\\"http_requests_total\\""',
  ]);
});

test('an exporter family of the design stack is known, unless a name is a k1s0 name misspelt', () => {
  assert.deepEqual(check(recordingRule('kafka_consumergroup_lag + up + container_cpu_usage_seconds_total + kube_pod_info'), CODES), []);
  assert.deepEqual(check(recordingRule('kafka_messages_produce_total'), CODES), [
    '4:14-4:42 warning catalog/unknown-metric unknown metric "kafka_messages_produce_total": not in the k1s0 catalog, a known exporter, or a recording rule of the workspace; did you mean "kafka_messages_produced_total" from the k1s0 catalog (observability-design.md: カスタムメトリクス一覧)? (a kafka-exporter name would not be this close to a k1s0 one)',
    '  fix Change to kafka_messages_produced_total: 4:14-4:42 "kafka_messages_produced_total"',
  ]);
});

test('a foreign name without a near match: warning, pointing at the workspace catalog', () => {
  assert.deepEqual(check(recordingRule('mysql_up'), CODES), [
    '4:14-4:22 warning catalog/unknown-metric unknown metric "mysql_up": not in the k1s0 catalog, a known exporter, or a recording rule of the workspace; add it to .k1s0/catalog.yaml if a service of yours exports it',
  ]);
});

test('workspace catalog extensions make names known', () => {
  const extension = 'metrics:\n  - name: mysql_up\n    type: gauge\n';
  assert.deepEqual(check(recordingRule('mysql_up'), CODES, { '.k1s0/catalog.yaml': extension }), []);
});

test('re-gradable by code', () => {
  const lines = check(recordingRule('mysql_up'), CODES, {}, { ...DEFAULT_SETTINGS, diagnostics: { severity: { 'catalog/unknown-metric': 'error' } } });
  assert.match(lines[0] ?? '', /^4:14-4:22 error catalog\/unknown-metric /);
});

test('a dashboard query whose metric is a template variable ($metric) is not an unknown metric "metric"', () => {
  const service = new LanguageService();
  const path = '/w/grafana/dashboards/d.json';
  const dashboard = JSON.stringify(
    {
      title: 'd',
      uid: 'd',
      templating: { list: [{ name: 'metric', type: 'custom', query: 'http_requests_total,up' }] },
      panels: [{ id: 1, type: 'timeseries', title: 'p', datasource: { type: 'prometheus', uid: 'prometheus' }, targets: [{ refId: 'A', expr: 'rate($metric[5m]) + rate(http_requets_total[5m])' }] }],
    },
    null,
    2,
  );
  const found = service.validate({ file: { uri: `file://${path}`, text: dashboard }, settings: DEFAULT_SETTINGS, location: { path } }).filter((d) => d.code === 'catalog/unknown-metric');
  // Only the misspelt literal name is reported, on its token.
  assert.deepEqual(
    found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.message.slice(0, d.message.indexOf(':'))]),
    [[24, 44, 62, 'unknown metric "http_requets_total"']],
  );
});

test('no suggestion: how to declare it; a recording rule as the suggestion; case does not hide a near catalog name; recording-rule names and far exporter names are left alone', () => {
  assert.deepEqual(check(recordingRule('zzzz_qqqq'), CODES), [
    '4:14-4:23 warning catalog/unknown-metric unknown metric "zzzz_qqqq": not in the k1s0 catalog, a known exporter, or a recording rule of the workspace; add it to .k1s0/catalog.yaml if a service of yours exports it',
  ]);
  assert.deepEqual(check(recordingRule('service_http_requests_rate5m'), CODES), [
    '4:14-4:42 warning catalog/unknown-metric unknown metric "service_http_requests_rate5m": not in the k1s0 catalog, a known exporter, or a recording rule of the workspace; did you mean "service:http_requests:rate5m" from a recording rule of the workspace?',
    '  fix Change to service:http_requests:rate5m: 4:14-4:42 "service:http_requests:rate5m"',
  ]);
  assert.deepEqual(check(recordingRule('KAFKA_MESSAGES_PRODUCE_TOTAL'), CODES), [
    '4:14-4:42 warning catalog/unknown-metric unknown metric "KAFKA_MESSAGES_PRODUCE_TOTAL": not in the k1s0 catalog, a known exporter, or a recording rule of the workspace; did you mean "kafka_messages_produced_total" from the k1s0 catalog (observability-design.md: カスタムメトリクス一覧)?',
    '  fix Change to kafka_messages_produced_total: 4:14-4:42 "kafka_messages_produced_total"',
  ]);
  assert.deepEqual(check(recordingRule('job:foo:bar + kafka_server_whatever_total'), CODES), []);
});
