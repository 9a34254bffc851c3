/**
 * Query execution against a real Prometheus (Debian's) on loopback, scraping
 * itself: what the result view shows, errors as Prometheus gives them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPrometheus, type TestPrometheus } from '../../../test/support/prometheus';
import { resultMarkdown, resultRows } from './format';
import { runInstantQuery } from './query';

let prometheus: TestPrometheus;

before(async () => {
  prometheus = await startPrometheus();
});

after(async () => {
  await prometheus?.stop();
});

test('up of the self-scrape: one series, value 1, formatted as a table row', async () => {
  const outcome = await runInstantQuery(prometheus.url, 'up{job="prometheus"}');
  assert.equal(outcome.kind, 'result');
  if (outcome.kind !== 'result') return;
  assert.equal(outcome.resultType, 'vector');
  const rows = resultRows(outcome.samples);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.series, `up{instance="127.0.0.1:${prometheus.port}", job="prometheus"}`);
  assert.equal(rows[0]?.value, '1');
  assert.match(rows[0]?.timestamp ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const markdown = resultMarkdown('up{job="prometheus"}', outcome, prometheus.url);
  assert.equal(
    markdown,
    [
      `**Query** \`up{job="prometheus"}\` on ${prometheus.url}`,
      '',
      '1 series',
      '',
      '| Series | Value | Timestamp |',
      '| --- | ---: | --- |',
      `| up{instance="127.0.0.1:${prometheus.port}", job="prometheus"} | 1 | ${rows[0]?.timestamp} |`,
      '',
    ].join('\n'),
  );
});

test('prometheus_build_info carries the version labels; an aggregation answers by the labels kept', async () => {
  const info = await runInstantQuery(prometheus.url, 'prometheus_build_info');
  assert.equal(info.kind, 'result');
  if (info.kind !== 'result') return;
  const [sample] = info.samples;
  assert.equal(sample?.labels.__name__, 'prometheus_build_info');
  assert.equal(sample?.labels.version, '2.42.0+ds');
  const summed = await runInstantQuery(prometheus.url, 'sum by (job) (up)');
  assert.deepEqual(summed.kind === 'result' ? resultRows(summed.samples).map((r) => [r.series, r.value]) : summed, [['{job="prometheus"}', '1']]);
});

test('a query Prometheus rejects comes back as its error, word for word', async () => {
  const outcome = await runInstantQuery(prometheus.url, 'sum(rate(up[5m])');
  assert.equal(outcome.kind, 'error');
  if (outcome.kind !== 'error') return;
  assert.equal(outcome.errorType, 'bad_data');
  assert.equal(outcome.status, 400);
  assert.match(outcome.error, /parse error/);
  assert.match(resultMarkdown('sum(rate(up[5m])', outcome, prometheus.url), /^\*\*Query\*\* .*\n\nPrometheus error \(bad_data, HTTP 400\): .*parse error/);
});

test('a scalar and an empty result', async () => {
  assert.deepEqual(await runInstantQuery(prometheus.url, 'scalar(vector(42))', { time: 1700000000 }), {
    kind: 'result',
    resultType: 'scalar',
    samples: [{ labels: {}, value: '42', timestamp: 1700000000 }],
    warnings: [],
  });
  const empty = await runInstantQuery(prometheus.url, 'up{job="nothing"}');
  assert.deepEqual(empty, { kind: 'result', resultType: 'vector', samples: [], warnings: [] });
  assert.match(resultMarkdown('up{job="nothing"}', empty, prometheus.url), /Empty result: no series match\.\n$/);
});
