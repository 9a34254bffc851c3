import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertRule, check, diagnose, render } from './testSupport';
import { analyzeRuleFile } from '../rules/analyze';
import { parseYaml } from '../base/yaml/parse';
import { parsePromql } from '../promql/parse';
import { WorkspaceIndex } from '../workspace/index';
import { catalogFor, type Catalog } from './catalog';
import { checkAlertLabels } from './alertRules';

test('alerts/labels: severity outside warning|critical (fix), missing summary, templates naming labels the aggregation removed', () => {
  const extra = '        labels:\n          severity: critcal\n        annotations:\n          description: "{{ $labels.instance }} on {{ $labels.servce }} {{ $labels.service }}"\n';
  assert.deepEqual(check(alertRule('A', 'sum(rate(http_requests_total[5m])) by (service) > 1', extra), ['alerts/labels']), [
    "3:15-3:16 warning alerts/labels alert A has no summary annotation: the design's alerts say what fires in summary",
    '6:20-6:27 warning alerts/labels severity "critcal" is not one of the design\'s severities (warning, critical); did you mean "critical"?',
    '  fix Change to critical: 6:20-6:27 "critical"',
    "8:27-8:43 warning alerts/labels $labels.instance is always empty: the alert's expression keeps only service",
    "8:53-8:67 warning alerts/labels $labels.servce is always empty: the alert's expression keeps only service; did you mean $labels.service?",
    '  fix Change to $labels.service: 8:53-8:67 "$labels.service"',
  ]);
});

test('alerts/labels: a missing severity label', () => {
  assert.deepEqual(check(alertRule('A', 'up == 0', '        annotations:\n          summary: s\n'), ['alerts/labels']), [
    "3:15-3:16 warning alerts/labels alert A has no severity label: the design's alerts carry severity: warning | critical",
  ]);
});

test('alerts/condition: no comparison or filter fires for every series; constants and data filters are deliberate', () => {
  assert.deepEqual(check(alertRule('B', 'up'), ['alerts/condition']), [
    '4:14-4:16 warning alerts/condition alert B has no comparison or filter: it fires for every series "up" returns, all the time; compare it with a threshold (e.g. > 0)',
  ]);
  assert.deepEqual(check(alertRule('C', 'up{job="kong"} + 1'), ['alerts/condition']), [
    '4:14-4:32 warning alerts/condition alert C has no comparison or filter: it fires for every series "up{job="kong"} + 1" returns, all the time; compare it with a threshold (e.g. > 0)',
  ]);
  assert.deepEqual(check(alertRule('F', 'up == bool 0'), ['alerts/condition']), [
    '4:14-4:26 warning alerts/condition alert F has no comparison or filter: it fires for every series "up == bool 0" returns, all the time; compare it with a threshold (e.g. > 0)',
  ]);
  for (const expr of ['vector(1)', 'kube_pod_status_phase{phase="Failed"}', 'absent(up{job="kong"})', 'up == 0 and on(job) up offset 1h', 'count(up == 0) by (job)']) {
    assert.deepEqual(check(alertRule('D', expr), ['alerts/condition']), [], expr);
  }
});

test("the design's own rule files produce no catalog, policy or alerts diagnostic (only the error-budget rule's vector matching, kept as the design wrote it)", () => {
  for (const file of ['infra/docker/prometheus/recording_rules.yaml', 'infra/docker/prometheus/alerting_rules.yaml']) {
    const found = render(diagnose(file, {})).filter((line) => !line.startsWith('  fix '));
    const expected = file.includes('recording') ? [found.find((line) => line.startsWith('56:12-63:14 warning promql/vector-matching the sides of "/" can never match'))] : [];
    assert.deepEqual(found, expected, file);
  }
});

const LABELS = ['alerts/labels', 'internal/check-failed'];
const withLabels = (severity: string, summary: string) => `        labels:\n          severity: ${severity}\n        annotations:\n          summary: ${summary}\n`;

test('alerts/labels: a templated severity is not judged; one with no near severity gets no fix', () => {
  assert.deepEqual(check(alertRule('A', 'up > 0', withLabels('"{{ $labels.sev }}"', 's')), LABELS), []);
  assert.deepEqual(check(alertRule('A', 'up > 0', withLabels('page', 's')), LABELS), ['6:20-6:24 warning alerts/labels severity "page" is not one of the design\'s severities (warning, critical)']);
});

test('alerts/labels: only $labels fields are read, and __name__ is never suggested', () => {
  const found = check(alertRule('A', 'http_requests_total > 0', withLabels('warning', '"{{ $value }} {{ $labels }} {{ .Labels.x }} {{ $labels._name_ }} {{ $labels.statu }}"')), LABELS);
  const keeps = "the alert's expression keeps only container, endpoint, instance, job, lang, method, namespace, node, path, pod, service, status, tier";
  assert.deepEqual(found, [
    `8:66-8:80 warning alerts/labels $labels._name_ is always empty: ${keeps}`,
    `8:87-8:100 warning alerts/labels $labels.statu is always empty: ${keeps}; did you mean $labels.status?`,
    '  fix Change to $labels.status: 8:87-8:100 "$labels.status"',
  ]);
});

test('alerts/labels: an expression whose labels are not known (an exporter metric) has its templates left alone', () => {
  assert.deepEqual(check(alertRule('A', 'up > 0', withLabels('warning', '"{{ $labels.anything }}"')), LABELS), []);
});

test('alerts/labels: a required label other than severity is only required, its value not judged nor said to be a severity', () => {
  const text = alertRule('A', 'up > 0', '        labels:\n          severity: warning\n          team: nobody\n        annotations:\n          summary: s\n');
  const rule = analyzeRuleFile(text, parseYaml(text).documents).rules[0];
  assert.ok(rule?.expr);
  const workspace = new WorkspaceIndex();
  const base = catalogFor(workspace);
  const catalog = Object.assign(Object.create(base) as Catalog, { policy: { ...base.policy, requiredLabels: ['team', 'severity', 'owner'] } });
  const findings = checkAlertLabels(rule, parsePromql(rule.expr.value), { catalog, workspace }).map((f) => `${f.start}-${f.end} ${f.code} ${f.message}`);
  assert.deepEqual(findings, ["46-47 alerts/labels alert A has no owner label: the design's alerts carry owner"]);
});
