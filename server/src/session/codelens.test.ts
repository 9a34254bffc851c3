/**
 * The query CodeLenses over stdio, as an editor sees them: three lenses above
 * each `expr` of a rule file and of a dashboard target, with the query as
 * Prometheus should receive it (Grafana variables filled).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, type Harness } from './testSupport';
import { lines, rangeOf } from '../../../test/support/text';

const RULES = lines(
  'groups:',
  '  - name: api',
  '    rules:',
  '      - record: job:up:sum',
  '        expr: |',
  '          sum by (job) (',
  '            up{job="prometheus"}',
  '          )',
  '      - alert: TargetDown',
  '        expr: up == 0',
  '        for: 5m',
);

const DASHBOARD = `${JSON.stringify(
  {
    title: 'API',
    schemaVersion: 39,
    templating: {
      list: [
        { name: 'datasource', type: 'datasource', query: 'prometheus', current: { text: 'Main', value: 'prom-main' } },
        { name: 'env', type: 'custom', query: 'dev,staging,prod', current: { text: 'staging', value: 'staging' }, options: [{ text: 'dev', value: 'dev' }] },
        { name: 'instance', type: 'query', multi: true, includeAll: true, current: { text: ['All'], value: ['$__all'] } },
        { name: 'window', type: 'interval', query: '5m,1h', current: { text: '1h', value: '1h' } },
      ],
    },
    panels: [
      {
        type: 'timeseries',
        title: 'Requests',
        datasource: { type: 'prometheus', uid: '${datasource}' },
        targets: [
          { refId: 'A', expr: 'sum by (instance) (rate(http_requests_total{env="$env", instance=~"$instance"}[$__rate_interval]))' },
          { refId: 'B', expr: 'max_over_time(up{env="${env}"}[$window]) offset $__range' },
        ],
      },
      { type: 'stat', title: 'Fixed', datasource: { type: 'prometheus', uid: 'thanos' }, targets: [{ refId: 'A', expr: 'count(up)' }] },
      { type: 'logs', title: 'Logs', datasource: { type: 'loki', uid: 'loki' }, targets: [{ refId: 'A', expr: '{job="api"} |= "error"' }] },
    ],
  },
  null,
  2,
)}\n`;

let h: Harness;
const uriOf = (name: string) => h.uriOf(name);

interface Lens {
  range: unknown;
  command: { title: string; command: string; arguments: unknown[] };
}

/** The three lenses of one expr. */
function row(range: unknown, args: Record<string, unknown>): Lens[] {
  return [
    { range, command: { title: '$(play) Run in Prometheus', command: 'k1s0.query.run', arguments: [args] } },
    { range, command: { title: 'Open in Prometheus', command: 'k1s0.query.openInPrometheus', arguments: [args] } },
    { range, command: { title: 'Open in Grafana Explore', command: 'k1s0.query.openInGrafana', arguments: [args] } },
  ];
}

before(async () => {
  h = await startSession({ files: { 'rules.yaml': RULES, 'api.json': DASHBOARD } });
  await h.open(uriOf('rules.yaml'), RULES);
  await h.open(uriOf('api.json'), DASHBOARD, 'json');
});

after(() => h.close());

test('a rule file: three lenses on each expr key, the block scalar read as Prometheus reads it', async () => {
  const lenses = (await h.request('textDocument/codeLens', { textDocument: { uri: uriOf('rules.yaml') } })) as Lens[];
  assert.deepEqual(lenses, [
    ...row(rangeOf(RULES, 'expr', 0), { query: 'sum by (job) (\n  up{job="prometheus"}\n)', uri: uriOf('rules.yaml'), line: 4 }),
    ...row(rangeOf(RULES, 'expr', 1), { query: 'up == 0', uri: uriOf('rules.yaml'), line: 9 }),
  ]);
});

test('a dashboard: template variables filled with representative values, the datasource variable followed, LogQL left alone', async () => {
  const lenses = (await h.request('textDocument/codeLens', { textDocument: { uri: uriOf('api.json') } })) as Lens[];
  const uri = uriOf('api.json');
  assert.deepEqual(lenses, [
    ...row(rangeOf(DASHBOARD, '"expr"', 0), {
      query: 'sum by (instance) (rate(http_requests_total{env="staging", instance=~".*"}[1m]))',
      uri,
      line: rangeOf(DASHBOARD, '"expr"', 0).start.line,
      datasource: 'prom-main',
    }),
    ...row(rangeOf(DASHBOARD, '"expr"', 1), { query: 'max_over_time(up{env="staging"}[1h]) offset 1h', uri, line: rangeOf(DASHBOARD, '"expr"', 1).start.line, datasource: 'prom-main' }),
    ...row(rangeOf(DASHBOARD, '"expr"', 2), { query: 'count(up)', uri, line: rangeOf(DASHBOARD, '"expr"', 2).start.line, datasource: 'thanos' }),
  ]);
});

test('a file that is neither rules nor a dashboard, and a document that is not open, have no lenses', async () => {
  const config = lines('observability:', '  log:', '    level: info');
  await h.open(uriOf('other.yaml'), config);
  assert.deepEqual(await h.request('textDocument/codeLens', { textDocument: { uri: uriOf('other.yaml') } }), []);
  assert.deepEqual(await h.request('textDocument/codeLens', { textDocument: { uri: uriOf('missing.yaml') } }), []);
});
