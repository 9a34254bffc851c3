/** prometheus/targets: static targets as Prometheus parses them (host:port, URLs with hints, empty ones). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConfig } from './testSupport';

test('static targets: empty ones unless relabeling writes __address__ for the job, URLs (scheme and path hints, quotes kept in the fix), a scheme not at the start', () => {
  const text = [
    'scrape_configs:',
    '  - job_name: a',
    '    relabel_configs:',
    '      - target_label: __address__',
    '        replacement: x:1',
    '    static_configs:',
    "      - targets: ['']",
    '  - job_name: b',
    '    static_configs:',
    "      - targets: ['', 'http://a:9/x', http://b:9/metrics, http://c:9/, http://d:9, a/http://e:9, {x: 1}]",
    '  - job_name: c',
    '    static_configs:',
    '      - targets: [https://f:9/p]',
    '',
  ].join('\n');
  assert.deepEqual(checkConfig(text), [
    '9:18-9:20 error prometheus/config no address: an empty target is scraped from nowhere (write host:port)',
    '9:22-9:36 error prometheus/config "http://a:9/x" is not a valid hostname: a target is host:port, here "a:9"; the path goes in metrics_path: /x',
    '  fix Change to "a:9": 9:22-9:36 "\'a:9\'"',
    '9:38-9:56 error prometheus/config "http://b:9/metrics" is not a valid hostname: a target is host:port, here "b:9"',
    '  fix Change to "b:9": 9:38-9:56 "b:9"',
    '9:58-9:69 error prometheus/config "http://c:9/" is not a valid hostname: a target is host:port, here "c:9"',
    '  fix Change to "c:9": 9:58-9:69 "c:9"',
    '9:71-9:81 error prometheus/config "http://d:9" is not a valid hostname: a target is host:port, here "d:9"',
    '  fix Change to "d:9": 9:71-9:81 "d:9"',
    '9:83-9:95 error prometheus/config "a/http://e:9" is not a valid hostname: a target is host:port',
    '9:97-9:103 error prometheus/config scrape_configs[1].static_configs[0].targets[6] must be a string; got a mapping.',
    '12:18-12:31 error prometheus/config "https://f:9/p" is not a valid hostname: a target is host:port, here "f:9"; the scheme goes in scheme: https; the path goes in metrics_path: /p',
    '  fix Change to "f:9": 12:18-12:31 "f:9"',
  ]);
});
