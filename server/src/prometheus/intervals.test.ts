/** prometheus/intervals: scrape timeouts against their intervals, Prometheus's defaults and inheritance included. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConfig } from './testSupport';

test("scrape timeouts: Prometheus's default interval (1m), a job's own interval or the global one, equal is fine, durations that do not parse are not compared", () => {
  const text = [
    'global:',
    '  scrape_timeout: 2m',
    'scrape_configs:',
    '  - job_name: a',
    '    scrape_interval: 10s',
    '    scrape_timeout: 20s',
    '  - job_name: b',
    '    scrape_interval: 10s',
    '    scrape_timeout: 10s',
    '  - job_name: c',
    '    scrape_interval: bogus',
    '    scrape_timeout: 20s',
    '  - job_name: d',
    '    scrape_timeout: bogus',
    '  - job_name: e',
    '    scrape_timeout: 3m',
    '',
  ].join('\n');
  assert.deepEqual(
    checkConfig(text).filter((line) => !line.includes('not a valid duration')),
    [
      "1:18-1:20 error prometheus/config global scrape timeout greater than scrape interval: scrape_timeout 2m is longer than scrape_interval 1m (Prometheus's default)",
      '5:20-5:23 error prometheus/config scrape timeout greater than scrape interval for scrape config with job name "a": scrape_timeout 20s is longer than scrape_interval 10s',
      '15:20-15:22 error prometheus/config scrape timeout greater than scrape interval for scrape config with job name "e": scrape_timeout 3m is longer than scrape_interval 1m (inherited from global)',
    ],
  );
  assert.deepEqual(checkConfig('global:\n  scrape_timeout: 1m\n'), []);
});
