import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnoseCode } from './testSupport';

const PROD = '/w/prod/alertmanager.yml';

/** What alertmanager/policy says of a prod file whose one route posts to `url`: 'bridge' (nothing), 'direct <host>' or 'no teams'. */
function verdict(url: string): string {
  const file = `route:\n  receiver: hook\nreceivers:\n  - name: hook\n    webhook_configs:\n      - url: ${JSON.stringify(url)}\n`;
  const messages = diagnoseCode('alertmanager/policy', file, PROD).map((d) => d[5]);
  const direct = messages.map((m) => /posts straight to Teams \(([^)]*)\)/.exec(m)?.[1]).find((host) => host !== undefined);
  if (direct !== undefined) return `direct ${direct}`;
  if (messages.length === 1 && messages[0]!.startsWith('No route reaches Microsoft Teams')) return 'no teams';
  return messages.length === 0 ? 'bridge' : messages.join(' | ');
}

test('alertmanager/policy: which webhook URLs are prometheus-msteams, which are Teams itself', () => {
  const cases: [string, string][] = [
    // The bridge, however it is addressed.
    ['http://prometheus-msteams:2000/ops', 'bridge'],
    ['http://msteams:2000/ops', 'bridge'],
    ['http://alerts-msteams:2000/ops', 'bridge'],
    ['http://prometheus-msteams.observability.svc:2000/ops', 'bridge'],
    ['http://bot@prometheus-msteams:2000/ops', 'bridge'],
    ['HTTP://PROMETHEUS-MSTEAMS/ops', 'bridge'],
    // Not the bridge: msteams inside a longer word, or not in the host.
    ['http://msteamsbridge:2000/ops', 'no teams'],
    ['http://hook.example/msteams', 'no teams'],
    ['1http://prometheus-msteams:2000/ops', 'no teams'],
    ['prometheus-msteams:2000', 'no teams'],
    ['{{ template "url" . }}', 'no teams'],
    // Teams' own webhooks: the host is said as a browser reads it.
    ['https://contoso.webhook.office.com/webhookb2/x', 'direct contoso.webhook.office.com'],
    ['https://webhook.office.com/webhookb2/x', 'direct webhook.office.com'],
    ['https://user:secret@Contoso.Webhook.Office.com:443/x', 'direct contoso.webhook.office.com'],
    ['https://outlook.office.com/webhook/x', 'direct outlook.office.com'],
    ['https://outlook.office365.com/webhook/x', 'direct outlook.office365.com'],
    // Look-alikes that are not Teams.
    ['https://contoso.webhook.office.com.example/x', 'no teams'],
    ['https://notwebhook.office.com/x', 'no teams'],
    ['https://myoutlook.office.com/x', 'no teams'],
    ['https://outlook.office.com.example/x', 'no teams'],
    ['https://outlook.office36.com/x', 'no teams'],
    ['https://hooks.example.com/x', 'no teams'],
  ];
  assert.deepEqual(
    cases.map(([url]) => [url, verdict(url)]),
    cases,
  );
});

test('alertmanager/policy: a webhook without a url and a route without a receiver are read without a verdict of their own', () => {
  // No url: Alertmanager's own check says so (alertmanager/config); policy only misses Teams.
  const noUrl = 'route:\n  receiver: hook\nreceivers:\n  - name: hook\n    webhook_configs:\n      - send_resolved: true\n';
  assert.deepEqual(
    diagnoseCode('alertmanager/policy', noUrl, PROD).map((d) => d.slice(0, 5)),
    [['alertmanager/policy', 'warning', 1, 12, 16]],
  );
  // No receiver on the root: the unnamed receiver that posts to the bridge is reached by no route.
  const noReceiver = 'route:\n  group_by: [alertname]\nreceivers:\n  - name: ""\n    webhook_configs:\n      - url: http://prometheus-msteams:2000/ops\n';
  assert.deepEqual(
    diagnoseCode('alertmanager/policy', noReceiver, PROD).map((d) => d.slice(0, 5)),
    [['alertmanager/policy', 'warning', 0, 0, 5]],
  );
});
