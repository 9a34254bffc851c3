import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESIGN_FILES, check, diagnose, recordingRule } from './testSupport';

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
