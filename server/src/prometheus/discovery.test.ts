/** prometheus/discovery: the service discovery configurations promtool checks (file, DNS, Kubernetes, HTTP). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConfig } from './testSupport';

test('service discovery: file_sd paths (* in the last segment only), DNS-SD ports by record type, Kubernetes exclusive options, HTTP-SD schemes', () => {
  const text = [
    'scrape_configs:',
    '  - job_name: a',
    '    file_sd_configs:',
    '      - files: [a/*.json, x.json.bak, /a/*/b.json, x*y.json, c.yml, {a: 1}]',
    '    dns_sd_configs:',
    '      - names: [a.example]',
    '        type: A',
    '      - names: [b.example]',
    '        type: aaaa',
    '        port: 0',
    '      - names: [c.example]',
    '        type: MX',
    '        port: 25',
    '      - names: [d.example]',
    '        type: NS',
    '      - names: [e.example]',
    '    kubernetes_sd_configs:',
    '      - role: pod',
    '        api_server: https://k',
    '        kubeconfig_file: /k',
    '      - role: pod',
    '        api_server: https://k',
    '    http_sd_configs:',
    '      - url: ftp://x',
    '      - url: xhttp://a',
    '      - url: HTTPS://b',
    '      - url: http://c',
    '      - url: ""',
    '',
  ].join('\n');
  assert.deepEqual(checkConfig(text), [
    '3:26-3:36 error prometheus/config path name "x.json.bak" is not valid for file discovery (a .json, .yml or .yaml file; * only in the last path segment)',
    '3:38-3:49 error prometheus/config path name "/a/*/b.json" is not valid for file discovery (a .json, .yml or .yaml file; * only in the last path segment)',
    '3:68-3:74 error prometheus/config scrape_configs[0].file_sd_configs[0].files[5] must be a string; got a mapping.',
    '6:8-6:12 error prometheus/config a port is required in DNS-SD configs for all record types except SRV',
    '9:14-9:15 error prometheus/config a port is required in DNS-SD configs for all record types except SRV',
    '14:14-14:16 error prometheus/config scrape_configs[0].dns_sd_configs[3].type must be one of SRV, A, AAAA, MX; got "NS".',
    "19:8-19:23 error prometheus/config cannot use 'kubeconfig_file' and 'api_server' simultaneously",
    "23:13-23:20 error prometheus/config URL scheme must be 'http' or 'https': \"ftp://x\"",
    "24:13-24:22 error prometheus/config URL scheme must be 'http' or 'https': \"xhttp://a\"",
  ]);
});
