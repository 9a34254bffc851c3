/** prometheus/names: job names (empty, missing, misspelt, unique) and the names and urls of remote write and read. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConfig } from './testSupport';

test('a job without a job_name, or with an empty one; a misspelt one is only the unknown key', () => {
  const text = 'scrape_configs:\n  - scrape_interval: 10s\n  - job_name: ""\n  - job_nam: a\n';
  assert.deepEqual(checkConfig(text), [
    '1:4-1:19 error prometheus/config job_name is empty: scrape_configs[0] needs a job_name, the job label of its series',
    '2:14-2:16 error prometheus/config job_name is empty: scrape_configs[1] needs a job_name, the job label of its series',
    '3:4-3:11 error prometheus/config Unknown key "job_nam" in scrape_configs[2]. Did you mean "job_name"? Allowed keys: job_name, scrape_interval, scrape_timeout, metrics_path, scheme, params, honor_labels, honor_timestamps, body_size_limit, sample_limit, target_limit, label_limit, label_name_length_limit, label_value_length_limit, relabel_configs, metric_relabel_configs, static_configs, file_sd_configs, dns_sd_configs, kubernetes_sd_configs, http_sd_configs, basic_auth, authorization, oauth2, bearer_token, bearer_token_file, tls_config, proxy_url, proxy_connect_header, follow_redirects, enable_http2, …_sd_configs.',
    '  fix Rename to "job_name": 3:4-3:11 "job_name"',
  ]);
});

test('job names: an empty job ({}) said on it, misspelt names not compared, an unknown key that is no misspelt job_name; remote names and urls', () => {
  const text = [
    'scrape_configs:',
    '  - job_nam: a',
    '  - job_nam: a',
    '  - foo: 1',
    '  - {}',
    'remote_write:',
    '  - x',
    '  - url: http://a',
    '    name: w',
    '  - url: http://b',
    '    name: w',
    '  - name: r',
    '  - url: http://c',
    '    name: ""',
    '  - url: http://d',
    '    name: ""',
    'remote_read:',
    '  - url: http://a',
    '    name: w',
    '  - url: http://b',
    '    name: w',
    '',
  ].join('\n');
  assert.deepEqual(
    checkConfig(text).filter((line) => !line.includes('Unknown key') && !line.startsWith('  fix')),
    [
      '3:4-3:7 error prometheus/config job_name is empty: scrape_configs[2] needs a job_name, the job label of its series',
      '4:4-4:6 error prometheus/config job_name is empty: scrape_configs[3] needs a job_name, the job label of its series',
      '6:4-6:5 error prometheus/config remote_write[0] must be a mapping; got string "x".',
      '10:10-10:11 error prometheus/config found multiple remote write configs with name "w": names must be unique',
      '11:4-11:8 error prometheus/config url for remote_write is empty',
      '20:10-20:11 error prometheus/config found multiple remote read configs with name "w": names must be unique',
    ],
  );
});
