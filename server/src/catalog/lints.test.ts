import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESIGN_FILES, check, diagnose, recordingRule, render } from './testSupport';

test('promql/counter: a raw counter summed and compared; a fix wraps it in rate()', () => {
  assert.deepEqual(check(recordingRule('sum(http_requests_total) > 100'), ['promql/counter']), [
    '4:18-4:37 hint promql/counter http_requests_total is a counter used raw: it only grows and restarts from zero, so compare or graph rate(http_requests_total[1m]) or increase(...) instead',
    '  fix Use rate(http_requests_total[1m]): 4:18-4:37 "rate(http_requests_total[1m])"',
  ]);
  assert.deepEqual(check(recordingRule('absent(http_requests_total) or count(http_requests_total) > 0 or up and on() http_requests_total'), ['promql/counter']), []);
});

test('promql/rate-window: shorter than two scrape intervals of the job (its own, else the global 15s)', () => {
  const prometheus = (DESIGN_FILES['infra/docker/prometheus/prometheus.yaml'] ?? '').replace('  - job_name: kong\n', '  - job_name: kong\n    scrape_interval: 5s\n');
  assert.deepEqual(
    check(recordingRule('rate(http_requests_total[15s]) + rate(up{job="kong"}[5s]) + rate(up{job="kong"}[10s])'), ['promql/rate-window'], { 'infra/docker/prometheus/prometheus.yaml': prometheus }),
    [
      '4:39-4:42 hint promql/rate-window rate() over [15s] is shorter than two scrape intervals (the scrape interval: 15s): it sees fewer than two samples and returns nothing; use [1m]',
      '  fix Use [1m]: 4:39-4:42 "1m"',
      '4:67-4:69 hint promql/rate-window rate() over [5s] is shorter than two scrape intervals (job kong: 5s): it sees fewer than two samples and returns nothing; use [20s]',
      '  fix Use [20s]: 4:67-4:69 "20s"',
    ],
  );
});

test('promql/regex: a regex with no metacharacters should be = (or !=)', () => {
  assert.deepEqual(check(recordingRule('rate(http_requests_total{status=~"500", method!~"GET", path=~"/api/.*"}[5m])'), ['promql/regex']), [
    '4:45-4:47 hint promql/regex status=~"500" has no regex metacharacters (regexes are anchored, so it matches only "500"): use status="500"',
    '  fix Use =: 4:45-4:47 "="',
    '4:60-4:62 hint promql/regex method!~"GET" has no regex metacharacters (regexes are anchored, so it matches only "GET"): use method!="GET"',
    '  fix Use !=: 4:60-4:62 "!="',
  ]);
  // The fix is the one to apply; an empty regex (the "label absent" idiom's cousin) is left alone.
  const [plain] = diagnose('r.yaml', { 'r.yaml': recordingRule('up{job=~"kong"}') }).filter((d) => d.code === 'promql/regex');
  assert.deepEqual(
    plain?.fixes?.map((f) => [f.title, f.preferred ?? false]),
    [['Use =', true]],
  );
  assert.deepEqual(check(recordingRule('up{job=~"", instance!~""}'), ['promql/regex']), []);
});

/** The design's prometheus.yaml with kong scraped every `interval` (the global interval stays 15s). */
function kongEvery(interval: string): Record<string, string> {
  const prometheus = (DESIGN_FILES['infra/docker/prometheus/prometheus.yaml'] ?? '').replace('  - job_name: kong\n', `  - job_name: kong\n    scrape_interval: ${interval}\n`);
  return { 'infra/docker/prometheus/prometheus.yaml': prometheus };
}

test("promql/counter: the fix's window is four scrape intervals of the job an equality matcher names, wherever it is among the matchers", () => {
  assert.deepEqual(check(recordingRule('sum(http_requests_total{method="GET", job="kong"}) + sum(http_requests_total{job!="kong"})'), ['promql/counter'], kongEvery('5s')), [
    '4:18-4:37 hint promql/counter http_requests_total is a counter used raw: it only grows and restarts from zero, so compare or graph rate(http_requests_total[20s]) or increase(...) instead',
    '  fix Use rate(http_requests_total{method="GET", job="kong"}[20s]): 4:18-4:63 "rate(http_requests_total{method=\\"GET\\", job=\\"kong\\"}[20s])"',
    // job!="kong" selects every job but kong: the global 15s applies.
    '4:71-4:90 hint promql/counter http_requests_total is a counter used raw: it only grows and restarts from zero, so compare or graph rate(http_requests_total[1m]) or increase(...) instead',
    '  fix Use rate(http_requests_total{job!="kong"}[1m]): 4:71-4:103 "rate(http_requests_total{job!=\\"kong\\"}[1m])"',
  ]);
});

test("promql/counter: only the right side of a set operator is a filter; an arithmetic right side and a set operator's left side are uses", () => {
  assert.deepEqual(check(recordingRule('up * http_requests_total + (http_requests_total or up)'), ['promql/counter']), [
    '4:19-4:38 hint promql/counter http_requests_total is a counter used raw: it only grows and restarts from zero, so compare or graph rate(http_requests_total[1m]) or increase(...) instead',
    '  fix Use rate(http_requests_total[1m]): 4:19-4:38 "rate(http_requests_total[1m])"',
    '4:42-4:61 hint promql/counter http_requests_total is a counter used raw: it only grows and restarts from zero, so compare or graph rate(http_requests_total[1m]) or increase(...) instead',
    '  fix Use rate(http_requests_total[1m]): 4:42-4:61 "rate(http_requests_total[1m])"',
  ]);
});

test('promql/counter: a dashboard selector a template variable takes part in is not judged, a literal one is', () => {
  const dashboard = JSON.stringify(
    {
      title: 'd',
      uid: 'd',
      templating: { list: [{ name: 'job', type: 'custom', query: 'kong', current: { value: 'kong' } }] },
      panels: [
        {
          id: 1,
          type: 'timeseries',
          title: 'p',
          datasource: { type: 'prometheus', uid: 'prometheus' },
          targets: [{ refId: 'A', expr: 'sum(http_requests_total{job="$job"}) + sum(http_requests_total{job="kong"})' }],
        },
      ],
    },
    null,
    2,
  );
  const found = diagnose('grafana/dashboards/d.json', { 'grafana/dashboards/d.json': dashboard, ...kongEvery('5s') });
  assert.deepEqual(render(found, ['promql/counter']), [
    '27:64-27:83 hint promql/counter http_requests_total is a counter used raw: it only grows and restarts from zero, so compare or graph rate(http_requests_total[20s]) or increase(...) instead',
    '  fix Use rate(http_requests_total{job="kong"}[20s]): 27:64-27:97 "rate(http_requests_total{job=\\"kong\\"}[20s])"',
  ]);
});
