import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prometheusDuration } from './structure';
import { DEFAULT_SETTINGS, type Settings } from '../base/settings';
import { checkConfig } from './testSupport';

test('an empty item of every list Prometheus refuses it in, in its words, at the dash', () => {
  const text = [
    'scrape_configs:',
    '  - job_name: a',
    '    metric_relabel_configs:',
    '      -',
    'alerting:',
    '  alert_relabel_configs:',
    '    - ~',
    '  alertmanagers:',
    '    - null',
    '    - static_configs:',
    '        -',
    '      relabel_configs:',
    '        -',
    'remote_write:',
    '  - url: http://mimir:9009/api/v1/push',
    '    write_relabel_configs:',
    '      -',
    'remote_read:',
    '  -',
    '',
  ].join('\n');
  assert.deepEqual(checkConfig(text), [
    '3:6-3:7 error prometheus/config empty or null metric relabeling rule in scrape config: scrape_configs[0].metric_relabel_configs[0] has an item that is empty (null); remove the `-` or give it its settings',
    '6:6-6:7 error prometheus/config empty or null alert relabeling rule: alerting.alert_relabel_configs[0] has an item that is empty (null); remove the `-` or give it its settings',
    '8:6-8:10 error prometheus/config empty or null Alertmanager config: alerting.alertmanagers[0] has an item that is empty (null); remove the `-` or give it its settings',
    '10:8-10:9 error prometheus/config empty or null section in static_configs: alerting.alertmanagers[1].static_configs[0] has an item that is empty (null); remove the `-` or give it its settings',
    '12:8-12:9 error prometheus/config empty or null Alertmanager target relabeling rule: alerting.alertmanagers[1].relabel_configs[0] has an item that is empty (null); remove the `-` or give it its settings',
    '16:6-16:7 error prometheus/config empty or null relabeling rule in remote write config: remote_write[0].write_relabel_configs[0] has an item that is empty (null); remove the `-` or give it its settings',
    '18:2-18:3 error prometheus/config empty or null remote read config section: remote_read[0] has an item that is empty (null); remove the `-` or give it its settings',
  ]);
});

test('durations as Prometheus writes them: units in order, each once, whole milliseconds', () => {
  const cases: [string, string | undefined][] = [
    ['1.5m', '1m30s'],
    ['30s1m', '1m30s'],
    ['90s', '1m30s'],
    ['0.5s', '500ms'],
    ['5ms', '5ms'],
    ['2h0.5s', '2h500ms'],
    ['1.5h', '1h30m'],
    ['1.5d', '1d12h'],
    ['1.5w', '1w3d12h'],
    ['400d', '1y5w'],
    ['1s1s', '2s'],
    ['0m', '0s'],
    ['1.5ms', undefined],
    ['0.0001s', undefined],
    ['500us', undefined],
    ['5', undefined],
    ['', undefined],
    ['x1m', undefined],
    ['1m x', undefined],
    ['1h-5m', undefined],
  ];
  assert.deepEqual(
    cases.map(([text]) => [text, prometheusDuration(text)]),
    cases,
  );
});

test('Prometheus’s own case folding: relabel actions any case, DNS record types upper-cased; others are errors', () => {
  const text = [
    'scrape_configs:',
    '  - job_name: a',
    '    dns_sd_configs:',
    '      - names: [a.example.com]',
    '        type: srv',
    '      - names: [b.example.com]',
    '        type: TXT',
    '      - names: [c.example.com]',
    '        type: a',
    '        port: 53',
    '      - names: [d.example.com]',
    '        type: aaaa',
    '        port: 53',
    '      - names: [e.example.com]',
    '        type: mx',
    '        port: 53',
    '    relabel_configs:',
    '      - action: LabelDrop',
    '        regex: tmp_.*',
    '      - action: kep',
    '        source_labels: [a]',
    '    metric_relabel_configs:',
    '      - action: DROP',
    '        source_labels: [__name__]',
    '        regex: go_.*',
    '',
  ].join('\n');
  assert.deepEqual(checkConfig(text), [
    '6:14-6:17 error prometheus/config scrape_configs[0].dns_sd_configs[1].type must be one of SRV, A, AAAA, MX; got "TXT".',
    '19:16-19:19 error prometheus/config scrape_configs[0].relabel_configs[1].action must be one of replace, keep, drop, keepequal, dropequal, hashmod, labelmap, labeldrop, labelkeep, lowercase, uppercase; got "kep". Did you mean "keep"?',
    '  fix Change to "keep": 19:16-19:19 "keep"',
  ]);
});

test('a document with a YAML error is left to yaml/syntax', () => {
  const text = 'global:\n  scrape_intervl: 5s\nscrape_configs:\n  -\nremote_write: [\n';
  assert.deepEqual(checkConfig(text, { codes: ['prometheus/config', 'yaml/syntax'] }), ['5:0-5:0 error yaml/syntax Flow sequence in block collection must be sufficiently indented and end with a ]']);
});

test('a file named by the setting with no document content is not judged', () => {
  const settings: Settings = { ...DEFAULT_SETTINGS, files: { ...DEFAULT_SETTINGS.files, prometheusConfig: ['**/prom/*.yml'] } };
  assert.deepEqual(checkConfig('# nothing yet\n', { path: '/ws/prom/main.yml', settings }), []);
  assert.deepEqual(checkConfig('', { path: '/ws/prom/main.yml', settings }), []);
});
