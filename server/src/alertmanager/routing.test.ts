import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../base/settings';
import { setLocale } from '../l10n';
import { LanguageService } from '../service/languageService';
import { alertmanagerEnvironment } from './environment';
import { diagnose, diagnoseCode, PATH } from './testSupport';

const RULES = {
  path: '/w/rules/alerts.yaml',
  text: [
    'groups:',
    '  - name: g',
    '    rules:',
    '      - alert: ServiceDown',
    '        expr: up == 0',
    '        labels:',
    '          severity: critical',
    '      - alert: HighLatency',
    '        expr: up == 0',
    '        labels:',
    '          severity: warning',
    '      - alert: Chatty',
    '        expr: up == 0',
    '        labels:',
    '          severity: info',
    '',
  ].join('\n'),
};
const TEAMS = 'receivers:\n  - name: teams\n    webhook_configs:\n      - url: http://prometheus-msteams:2000/ops\n';
const withRoutes = (routes: string): string => `route:\n  receiver: teams\n${routes}${TEAMS}`;
const fallsThrough = (severity: string, alert: string): [string, string, number, number, number, string] => [
  'alertmanager/unrouted-severity',
  'information',
  1,
  12,
  17,
  `Alerts with severity "${severity}" (${alert}) match no route's severity matchers: they fall to the default receiver "teams".`,
];

test('alertmanager/unrouted-severity: each severity of the workspace that no route matches, on the default receiver', () => {
  assert.deepEqual(diagnose(PATH, withRoutes(''), [RULES]), [fallsThrough('critical', 'ServiceDown'), fallsThrough('warning', 'HighLatency'), fallsThrough('info', 'Chatty')]);
  // Matchers on other labels are not judged; match and match_re count as matchers do.
  assert.deepEqual(diagnose(PATH, withRoutes(`  routes:\n    - matchers: ['severity=~"critical|warning"', 'team="x"']\n    - match: {severity: info, alertname: Chatty}\n`), [RULES]), []);
  // Every severity matcher from the root down must accept it: a nested route under a route on another label counts.
  assert.deepEqual(diagnose(PATH, withRoutes(`  routes:\n    - matchers: ['team="x"']\n      routes:\n        - matchers: [severity!=info]\n`), [RULES]), [fallsThrough('info', 'Chatty')]);
  assert.deepEqual(diagnose(PATH, withRoutes(`  routes:\n    - match_re: {severity: 'crit.*|warning|info'}\n`), [RULES]), []);
  // No alerting rule in the workspace: nothing to say.
  assert.deepEqual(diagnose(PATH, withRoutes('')), []);
});

test('alertmanager/unrouted-severity: each alert named once, three at most; alerts without a severity; a root route without a receiver', () => {
  const alert = (name: string, severity?: string): string => `      - alert: ${name}\n        expr: up == 0\n${severity ? `        labels:\n          severity: ${severity}\n` : ''}`;
  const rules = { path: '/w/rules/alerts.yaml', text: `groups:\n  - name: g\n    rules:\n${['A', 'A', 'B', 'C', 'D'].map((name) => alert(name, 'warning')).join('')}${alert('Quiet')}` };
  assert.deepEqual(diagnose(PATH, withRoutes(''), [rules]), [fallsThrough('warning', 'A, B, C, …')]);
  assert.deepEqual(
    diagnose(PATH, `route:\n  group_wait: 30s\n${TEAMS}`, [rules]).filter(([code]) => code === 'alertmanager/unrouted-severity'),
    [],
  );
});

test('alertmanager/unused-receiver: a receiver no route names, once per name', () => {
  const text = `route:\n  receiver: teams\n  routes:\n    - receiver: teams\n${TEAMS}  - name: spare\n  - name: email\n    email_configs: [{to: a@example.com, from: b@example.com, smarthost: "smtp:25"}]\n`;
  assert.deepEqual(diagnose(PATH, text), [
    ['alertmanager/unused-receiver', 'warning', 8, 10, 15, 'Receiver "spare" is not used by any route: no alert reaches it.'],
    ['alertmanager/unused-receiver', 'warning', 9, 10, 15, 'Receiver "email" is not used by any route: no alert reaches it.'],
  ]);
});

test('alertmanager/unused-receiver: not said without a route (that is alertmanager/config), nor of a receiver without a name', () => {
  assert.deepEqual(diagnose(PATH, 'receivers:\n  - name: a\n  - name: ""\n'), [
    ['alertmanager/config', 'error', 0, 0, 9, '(top level) is missing "route".'],
    ['alertmanager/config', 'error', 2, 10, 12, 'receivers[1].name is empty: give it a name.'],
  ]);
  assert.deepEqual(diagnoseCode('alertmanager/unused-receiver', 'route:\n  receiver: a\nreceivers:\n  - name: a\n  - name: ""\n'), []);
});

const NO_TEAMS = (environment: string) =>
  `No route reaches Microsoft Teams: in ${environment} the design (アラート設定 › 通知先設計) notifies Teams through prometheus-msteams — a receiver with webhook_configs url http://prometheus-msteams:2000/<channel>.`;

test('alertmanager/policy: staging and prod route to Teams through prometheus-msteams, never to Teams directly', () => {
  const direct =
    'route:\n  receiver: direct\nreceivers:\n  - name: direct\n    webhook_configs:\n      - url: https://contoso.webhook.office.com/webhookb2/x\n  - name: teams\n    webhook_configs:\n      - url: http://prometheus-msteams:2000/ops\n';
  assert.deepEqual(diagnose('/w/alertmanager.prod.yml', direct), [
    ['alertmanager/policy', 'warning', 1, 12, 18, NO_TEAMS('prod')],
    [
      'alertmanager/policy',
      'warning',
      5,
      13,
      59,
      "This webhook posts straight to Teams (contoso.webhook.office.com): the design (アラート設定 › 通知先設計) goes through prometheus-msteams, which turns Alertmanager's payload into a Teams message.",
    ],
    ['alertmanager/unused-receiver', 'warning', 6, 10, 15, 'Receiver "teams" is not used by any route: no alert reaches it.'],
  ]);
  // Unknown environment: judged as staging and prod are (the design has no other Alertmanager).
  const email = 'route:\n  receiver: mail\nreceivers:\n  - name: mail\n    email_configs: [{to: a@example.com, from: b@example.com, smarthost: "smtp:25"}]\n';
  assert.deepEqual(diagnose(PATH, email), [['alertmanager/policy', 'warning', 1, 12, 16, NO_TEAMS('staging and prod')]]);
  // A child route reaching Teams is enough; a Kubernetes service name of prometheus-msteams counts.
  const child = `route:\n  receiver: mail\n  routes:\n    - receiver: teams\nreceivers:\n  - name: mail\n    email_configs: [{to: a@example.com, from: b@example.com, smarthost: "smtp:25"}]\n  - name: teams\n    webhook_configs:\n      - url: http://prometheus-msteams.observability.svc:2000/ops\n`;
  assert.deepEqual(diagnose('/w/staging/alertmanager.yml', child), []);
});

test('alertmanager/policy: dev has no Alertmanager, said once on the first key', () => {
  assert.deepEqual(diagnose('/w/dev/alertmanager.yml', withRoutes('')), [
    [
      'alertmanager/policy',
      'warning',
      0,
      0,
      5,
      'This Alertmanager is for dev, which has none in the design (アラート設定 › 通知先設計: dev checks alerts in the Prometheus UI; Alertmanager 省略の理由).',
    ],
  ]);
});

test("an alertmanager.yml's environment: the setting, then its name, then its nearest folder", () => {
  const settings = { '**/deploy/**': 'staging' } as const;
  assert.equal(alertmanagerEnvironment('/w/deploy/prod/alertmanager.yml', settings), 'staging');
  assert.equal(alertmanagerEnvironment('/w/prod/alertmanager.dev.yml', {}), 'dev');
  assert.equal(alertmanagerEnvironment('/w/x/alertmanager-production.yaml', {}), 'prod');
  assert.equal(alertmanagerEnvironment('C:\\w\\overlays\\stg\\alertmanager.yml', {}), 'staging');
  assert.equal(alertmanagerEnvironment('/w/staging/prod/alertmanager.yml', {}), 'prod');
  assert.equal(alertmanagerEnvironment('/w/infra/alertmanager.yml', DEFAULT_SETTINGS.config.environments), undefined);
  assert.equal(alertmanagerEnvironment('/w/infra/alertmanager.test.yml', {}), undefined);
});

test('a rule file indexed after the alertmanager.yml is seen on its next validation (the workspace changed)', () => {
  const service = new LanguageService();
  const request = { file: { uri: `file://${PATH}`, text: withRoutes(`  routes:\n    - matchers: [severity="critical"]\n`) }, settings: DEFAULT_SETTINGS, location: { path: PATH } };
  assert.deepEqual(service.validate(request), []);
  service.index({ file: { uri: `file://${RULES.path}`, text: RULES.text }, settings: DEFAULT_SETTINGS, location: { path: RULES.path } });
  assert.deepEqual(
    service.validate(request).map((d) => d.message),
    [fallsThrough('warning', 'HighLatency')[5], fallsThrough('info', 'Chatty')[5]],
  );
});

test('messages in Japanese, in the design’s words; # k1s0-disable silences a code', () => {
  setLocale('ja');
  try {
    assert.deepEqual(diagnose('/w/dev/alertmanager.yml', withRoutes('')), [
      [
        'alertmanager/policy',
        'warning',
        0,
        0,
        5,
        'この Alertmanager は dev 用ですが、設計では dev に Alertmanager はありません（アラート設定 › 通知先設計: dev は Prometheus UI で確認、Alertmanager 省略の理由）。',
      ],
    ]);
    assert.deepEqual(diagnose(PATH, `${withRoutes('')}  - name: spare\n`), [
      ['alertmanager/unused-receiver', 'warning', 6, 10, 15, 'receiver "spare" はどの route からも使われていません。アラートが届くことはありません。'],
    ]);
  } finally {
    setLocale('en');
  }
  assert.deepEqual(diagnose(PATH, `${withRoutes('')}  # k1s0-disable-next-line alertmanager/unused-receiver -- kept for the next release\n  - name: spare\n`), []);
});
