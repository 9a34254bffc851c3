import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../base/settings';
import { LanguageService } from '../service/languageService';
import { check, DESIGN_FILES, diagnose, recordingRule, render } from './testSupport';

/** The design's prometheus.yaml with kong scraped every 5s (the global interval stays 15s). */
const KONG_EVERY_5S = {
  'infra/docker/prometheus/prometheus.yaml': (DESIGN_FILES['infra/docker/prometheus/prometheus.yaml'] ?? '').replace('  - job_name: kong\n', '  - job_name: kong\n    scrape_interval: 5s\n'),
};

test('promql/rate-window: increase and irate windows are checked like rate; a negative job matcher does not take that job interval', () => {
  assert.deepEqual(check(recordingRule('increase(up{job="kong"}[5s]) + irate(up[20s]) + rate(up{job!="kong"}[20s]) + delta(up{job="kong"}[1m])'), ['promql/rate-window'], KONG_EVERY_5S), [
    '4:38-4:40 hint promql/rate-window increase() over [5s] is shorter than two scrape intervals (job kong: 5s): it sees fewer than two samples and returns nothing; use [20s]',
    '  fix Use [20s]: 4:38-4:40 "20s"',
    '4:54-4:57 hint promql/rate-window irate() over [20s] is shorter than two scrape intervals (the scrape interval: 15s): it sees fewer than two samples and returns nothing; use [1m]',
    '  fix Use [1m]: 4:54-4:57 "1m"',
    // job!="kong" selects every job but kong: the global 15s applies, not kong's 5s (under which 20s would pass).
    '4:83-4:86 hint promql/rate-window rate() over [20s] is shorter than two scrape intervals (the scrape interval: 15s): it sees fewer than two samples and returns nothing; use [1m]',
    '  fix Use [1m]: 4:83-4:86 "1m"',
  ]);
});

test('promql/rate-window: exactly two scrape intervals is enough; functions without a window rule are not checked', () => {
  assert.deepEqual(check(recordingRule('rate(up[30s]) + rate(up{job="kong"}[10s]) + avg_over_time(up[5s]) + changes(up[5s])'), ['promql/rate-window'], KONG_EVERY_5S), []);
});

test('promql/rate-window: every two-sample function of the table; a subquery range is not a scrape window', () => {
  assert.deepEqual(check(recordingRule('rate(up[10s:1s]) + deriv(up[10s]) + idelta(up[10s]) + predict_linear(up[10s], 60)'), ['promql/rate-window']), [
    '4:42-4:45 hint promql/rate-window deriv() over [10s] is shorter than two scrape intervals (the scrape interval: 15s): it sees fewer than two samples and returns nothing; use [1m]',
    '  fix Use [1m]: 4:42-4:45 "1m"',
    '4:60-4:63 hint promql/rate-window idelta() over [10s] is shorter than two scrape intervals (the scrape interval: 15s): it sees fewer than two samples and returns nothing; use [1m]',
    '  fix Use [1m]: 4:60-4:63 "1m"',
    '4:86-4:89 hint promql/rate-window predict_linear() over [10s] is shorter than two scrape intervals (the scrape interval: 15s): it sees fewer than two samples and returns nothing; use [1m]',
    '  fix Use [1m]: 4:86-4:89 "1m"',
  ]);
});

test('promql/rate-window: a window a dashboard variable stands for ($w, $__rate_interval) is not judged, a literal one is', () => {
  const path = '/w/grafana/dashboards/d.json';
  const dashboard = JSON.stringify(
    {
      title: 'd',
      uid: 'd',
      templating: { list: [{ name: 'w', type: 'interval', query: '1s,5s', current: { value: '1s' } }] },
      panels: [
        {
          id: 1,
          type: 'timeseries',
          title: 'p',
          datasource: { type: 'prometheus', uid: 'prometheus' },
          targets: [{ refId: 'A', expr: 'rate(http_requests_total[$w]) + rate(http_requests_total[$__rate_interval]) + rate(http_requests_total[5s])' }],
        },
      ],
    },
    null,
    2,
  );
  const found = new LanguageService().validate({ file: { uri: `file://${path}`, text: dashboard }, settings: DEFAULT_SETTINGS, location: { path } });
  assert.deepEqual(
    found.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
    [['promql/rate-window', 27, 122, 124]],
  );
});

test('promql/rate-window: its fix is the preferred one', () => {
  const found = diagnose('t.yaml', { 't.yaml': recordingRule('rate(up[10s])') }).filter((d) => d.code === 'promql/rate-window');
  assert.deepEqual(
    found.flatMap((d) => (d.fixes ?? []).map((f) => [f.title, f.preferred ?? false])),
    [['Use [1m]', true]],
  );
});

test('promql/rate-window: the job is the one an equality matcher names, wherever it is among the matchers', () => {
  assert.deepEqual(check(recordingRule('rate(up{instance="x", job="kong"}[5s])'), ['promql/rate-window'], KONG_EVERY_5S), [
    '4:48-4:50 hint promql/rate-window rate() over [5s] is shorter than two scrape intervals (job kong: 5s): it sees fewer than two samples and returns nothing; use [20s]',
    '  fix Use [20s]: 4:48-4:50 "20s"',
  ]);
});

test('promql/rate-window: a duration expression (Prometheus 3, experimental) is not judged, nor does it stop the check', () => {
  assert.deepEqual(check(recordingRule('rate(up[5s * 2]) + rate(up[+5s]) + rate(up[5s])'), ['promql/rate-window', 'internal/check-failed']), [
    '4:57-4:59 hint promql/rate-window rate() over [5s] is shorter than two scrape intervals (the scrape interval: 15s): it sees fewer than two samples and returns nothing; use [1m]',
    '  fix Use [1m]: 4:57-4:59 "1m"',
  ]);
});

test('promql/rate-window: a window a dashboard variable stands for is not judged even where its stand-in (5m) would be too short', () => {
  const kongEvery5m = {
    'infra/docker/prometheus/prometheus.yaml': (DESIGN_FILES['infra/docker/prometheus/prometheus.yaml'] ?? '').replace('  - job_name: kong\n', '  - job_name: kong\n    scrape_interval: 5m\n'),
  };
  const dashboard = JSON.stringify(
    {
      title: 'd',
      uid: 'd',
      templating: { list: [{ name: 'w', type: 'interval', query: '1s,5s', current: { value: '1s' } }] },
      panels: [
        {
          id: 1,
          type: 'timeseries',
          title: 'p',
          datasource: { type: 'prometheus', uid: 'prometheus' },
          targets: [{ refId: 'A', expr: 'rate(up{job="kong"}[$w]) + rate(up{job="kong"}[5m])' }],
        },
      ],
    },
    null,
    2,
  );
  assert.deepEqual(render(diagnose('grafana/dashboards/d.json', { 'grafana/dashboards/d.json': dashboard, ...kongEvery5m }), ['promql/rate-window']), [
    '27:70-27:72 hint promql/rate-window rate() over [5m] is shorter than two scrape intervals (job kong: 5m): it sees fewer than two samples and returns nothing; use [20m]',
    '  fix Use [20m]: 27:70-27:72 "20m"',
  ]);
});
