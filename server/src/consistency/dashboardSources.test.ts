import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESIGN_FILES, diagnose, recordingRule, render } from '../catalog/testSupport';

const CODE = 'consistency/dashboard-source';
const SCRAPED = 'scraped services: auth-server, bff-proxy, config-server, dlq-manager, saga-server';

/** A dashboard of one panel with a target per expression, each on a line of its own (line 2 on). */
function dashboard(exprs: readonly string[], templating: unknown[] = []): string {
  const targets = exprs.map((expr, i) => `  ${JSON.stringify({ refId: String.fromCharCode(65 + i), expr })}`).join(',\n');
  return `{"title": "t", "templating": {"list": ${JSON.stringify(templating)}},\n "panels": [{"id": 1, "type": "timeseries", "targets": [\n${targets}\n]}]}\n`;
}

const sources = (text: string, files: Record<string, string | undefined> = {}) =>
  render(diagnose('dashboards/d.json', { ...files, 'dashboards/d.json': text }), [CODE]).filter((l) => !l.includes('fix Disable '));

test('equality and plain alternations name every known service no job scrapes; unknown and scraped ones are not this check', () => {
  const text = dashboard([
    'up{service="notification-server"}',
    'up{service=~"auth-server|notification-server|file-server"}',
    'up{service=~"auth-server|no-such-server"}',
    'up{job="x", service="auth-server"}',
  ]);
  const at = (line: number, value: string) => {
    const from = (text.split('\n')[line] ?? '').indexOf(value.replace(/"/g, '\\"'));
    return `${line}:${from}-${line}:${from + value.length + 2}`;
  };
  assert.deepEqual(sources(text), [
    `${at(2, '"notification-server"')} warning ${CODE} no scrape job of the workspace produces service "notification-server": the query finds no series (${SCRAPED})`,
    `${at(3, '"auth-server|notification-server|file-server"')} warning ${CODE} no scrape job of the workspace produces service "notification-server", "file-server": the query finds no series (${SCRAPED})`,
  ]);
});

test('negations, real regexes, empty values, other labels and variables are left alone', () => {
  const text = dashboard(
    [
      'up{service!="notification-server"}',
      'up{service!~"notification-server"}',
      'up{service=~"notification-.*"}',
      'up{service=~"(notification-server)"}',
      'up{service=""}',
      'up{server="notification-server"}',
      'up{service="$svc"}',
      'up{service=~"${svc:regex}"}',
    ],
    [{ name: 'svc', type: 'custom', current: { value: 'notification-server' } }],
  );
  assert.deepEqual(sources(text), []);
});

test('only dashboards: a rule selecting the service is not reported', () => {
  const rule = recordingRule('sum(up{service="notification-server"})');
  assert.deepEqual(render(diagnose('t.yaml', { 't.yaml': rule }), [CODE]), []);
});

test('silent when no scrape job labels a service (services labelled elsewhere)', () => {
  const config = (DESIGN_FILES['infra/docker/prometheus/prometheus.yaml'] ?? '').replace(/^ *service: .*\n/gm, '');
  assert.notEqual(config, DESIGN_FILES['infra/docker/prometheus/prometheus.yaml']);
  assert.deepEqual(sources(dashboard(['up{service="notification-server"}']), { 'infra/docker/prometheus/prometheus.yaml': config }), []);
});

test('an empty value selects series without the label, even where a catalog extension lists "" as a service', () => {
  const extension = { '.k1s0/catalog.yaml': 'labels:\n  service:\n    values: ["", "notification-server"]\n' };
  assert.deepEqual(sources(dashboard(['up{service=""}']), extension), []);
  assert.deepEqual(sources(dashboard(['up{service="notification-server"}']), extension).length, 1, 'the extension is read');
});
