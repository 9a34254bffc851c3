import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_STACK_SETTINGS } from '../stack/settings';
import { freePort } from '../../../test/support/net';
import { resultHtml, seriesText, summaryOf } from './format';
import { parseAnswer, runInstantQuery } from './query';
import { grafanaBaseUrl, grafanaExploreUrl, prometheusBaseUrl, prometheusGraphUrl } from './urls';

test('the Prometheus to ask: k1s0.prometheus.url when it is an http(s) URL, else the local stack', () => {
  assert.equal(prometheusBaseUrl('', DEFAULT_STACK_SETTINGS), 'http://localhost:9090');
  assert.equal(prometheusBaseUrl(undefined, { host: 'localhost', ports: { ...DEFAULT_STACK_SETTINGS.ports, prometheus: 19090 } }), 'http://localhost:19090');
  assert.equal(prometheusBaseUrl(' http://prom.internal:9090/ ', DEFAULT_STACK_SETTINGS), 'http://prom.internal:9090');
  assert.equal(prometheusBaseUrl('https://example.com/prometheus/', DEFAULT_STACK_SETTINGS), 'https://example.com/prometheus');
  assert.equal(prometheusBaseUrl('not a url', DEFAULT_STACK_SETTINGS), 'http://localhost:9090');
  assert.equal(prometheusBaseUrl('ftp://x', DEFAULT_STACK_SETTINGS), 'http://localhost:9090');
  assert.equal(prometheusBaseUrl(42, { host: '::1', ports: DEFAULT_STACK_SETTINGS.ports }), 'http://[::1]:9090');
  assert.equal(grafanaBaseUrl(DEFAULT_STACK_SETTINGS), 'http://localhost:3200');
});

test('Open in Prometheus: the graph page with the URL-encoded query in the table tab', () => {
  assert.equal(
    prometheusGraphUrl('http://localhost:9090', 'sum by (job) (rate(http_requests_total{status=~"5.."}[5m]))'),
    'http://localhost:9090/graph?g0.expr=sum%20by%20(job)%20(rate(http_requests_total%7Bstatus%3D~%225..%22%7D%5B5m%5D))&g0.tab=0',
  );
  assert.equal(prometheusGraphUrl('http://h:1/', 'a + b & c'), 'http://h:1/graph?g0.expr=a%20%2B%20b%20%26%20c&g0.tab=0');
});

test('Open in Grafana Explore: the panes= state with the datasource and the query, last hour', () => {
  const url = grafanaExploreUrl('http://localhost:3200', 'up{job="api"}');
  assert.equal(
    url,
    'http://localhost:3200/explore?schemaVersion=1&orgId=1&panes=' +
      '%7B%22a%22%3A%7B%22datasource%22%3A%22Prometheus%22%2C%22queries%22%3A%5B%7B%22refId%22%3A%22A%22%2C%22expr%22%3A%22up%7Bjob%3D%5C%22api%5C%22%7D%22%2C' +
      '%22datasource%22%3A%7B%22type%22%3A%22prometheus%22%2C%22uid%22%3A%22Prometheus%22%7D%7D%5D%2C%22range%22%3A%7B%22from%22%3A%22now-1h%22%2C%22to%22%3A%22now%22%7D%7D%7D',
  );
  const panes = JSON.parse(new URL(grafanaExploreUrl('http://g:3200', 'rate(x[1m])', 'prom-main')).searchParams.get('panes') ?? '');
  assert.deepEqual(panes, {
    a: { datasource: 'prom-main', queries: [{ refId: 'A', expr: 'rate(x[1m])', datasource: { type: 'prometheus', uid: 'prom-main' } }], range: { from: 'now-1h', to: 'now' } },
  });
});

test('answers of the query API: vectors, matrices (latest point), errors, and what is not Prometheus', () => {
  assert.deepEqual(parseAnswer(200, JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: { job: 'a', __name__: 'up' }, value: [1700000000.5, '1'] }] } })), {
    kind: 'result',
    resultType: 'vector',
    samples: [{ labels: { __name__: 'up', job: 'a' }, timestamp: 1700000000.5, value: '1' }],
    warnings: [],
  });
  assert.deepEqual(
    parseAnswer(
      200,
      JSON.stringify({
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: {},
              values: [
                [1, '1'],
                [2, '3'],
              ],
            },
          ],
        },
        warnings: ['w'],
      }),
    ),
    {
      kind: 'result',
      resultType: 'matrix',
      samples: [{ labels: {}, timestamp: 2, value: '3' }],
      warnings: ['w'],
    },
  );
  assert.deepEqual(parseAnswer(422, JSON.stringify({ status: 'error', errorType: 'execution', error: 'too many samples' })), {
    kind: 'error',
    errorType: 'execution',
    error: 'too many samples',
    status: 422,
  });
  assert.equal(parseAnswer(200, '<html>').kind, 'bad-response');
  assert.equal(parseAnswer(200, 'null').kind, 'bad-response');
  assert.equal(parseAnswer(200, JSON.stringify({ status: 'success', data: { resultType: 'weird', result: 1 } })).kind, 'bad-response');
});

test('nothing listening: unreachable, said so, never thrown', async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const outcome = await runInstantQuery(base, 'up', { timeoutMs: 2000 });
  assert.deepEqual(outcome, { kind: 'unreachable', detail: 'ECONNREFUSED' });
  assert.equal(summaryOf(outcome, base), `Nothing is listening at ${base} (ECONNREFUSED).`);
  assert.deepEqual(await runInstantQuery('::not a url', 'up'), { kind: 'unreachable', detail: 'not a URL: ::not a url' });
});

test('series as Prometheus prints them, and the result page escapes what it shows', () => {
  assert.equal(seriesText({ __name__: 'up', job: 'a', instance: 'x:1' }), 'up{instance="x:1", job="a"}');
  assert.equal(seriesText({ __name__: 'up' }), 'up');
  assert.equal(seriesText({}), '{}');
  assert.equal(seriesText({ path: 'say "hi"' }), '{path="say \\"hi\\""}');
  const html = resultHtml('up{a="<b>"}', { kind: 'result', resultType: 'vector', samples: [{ labels: { a: '<b>' }, value: '1', timestamp: 0 }], warnings: [] }, 'http://p:9090', 'rules.yaml:3');
  assert.ok(html.includes('<td class="series">{a=&quot;&lt;b&gt;&quot;}</td><td class="num">1</td><td>1970-01-01T00:00:00.000Z</td>'));
  assert.ok(!html.includes('<b>'));
  assert.ok(html.includes("default-src 'none'"));
  const failed = resultHtml('x(', { kind: 'error', errorType: 'bad_data', error: 'parse error', status: 400 }, 'http://p:9090');
  assert.ok(failed.includes('<p class="summary failed">Prometheus error (bad_data, HTTP 400): parse error</p>'));
});
