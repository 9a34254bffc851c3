import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HealthReport } from './health';
import { OPEN_GRAFANA, RETRY, SHOW_LOGS, startOutcome, statusItem } from './messages';

const report = (name: string, port: number, up: boolean, detail = up ? 'HTTP 200' : 'connection refused'): HealthReport => ({
  component: { id: 'grafana', name, port, healthUrl: `http://127.0.0.1:${port}/ready`, uiUrl: `http://127.0.0.1:${port}` },
  up,
  detail,
});

test('a stack that is not up: one k1s0 prefix, which components and why, with Show logs and Retry', () => {
  const outcome = startOutcome([report('prometheus', 9090, true), report('grafana', 3000, false), report('loki', 3100, false, 'HTTP 503')]);
  assert.equal(outcome.severity, 'warning');
  assert.equal(outcome.text, 'k1s0: 1 of 3 stack components up; not up: grafana :3000 (connection refused), loki :3100 (HTTP 503).');
  assert.equal(outcome.text.match(/k1s0/g)?.length, 1);
  assert.deepEqual(outcome.actions, [SHOW_LOGS, RETRY]);
});

test('a stack that is up offers Open Grafana', () => {
  const outcome = startOutcome([report('prometheus', 9090, true), report('grafana', 3000, true)]);
  assert.deepEqual(outcome, { severity: 'information', text: 'k1s0: the observability stack is up (prometheus :9090, grafana :3000).', actions: [OPEN_GRAFANA] });
});

test('the status list: one whole line per component, nothing cut', () => {
  assert.deepEqual(statusItem(report('grafana', 3000, false)), { label: '$(error) grafana', description: 'down :3000', detail: 'connection refused' });
  assert.deepEqual(statusItem(report('grafana', 3000, true)), { label: '$(pass-filled) grafana', description: 'up :3000', detail: 'http://127.0.0.1:3000' });
});
