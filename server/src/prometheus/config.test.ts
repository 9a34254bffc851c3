import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../base/settings';
import { diagnose, DESIGN_FILES, render } from '../catalog/testSupport';
import { completeShape, hoverShape } from '../features/shapeAssist';
import { setLocale } from '../l10n';
import { LanguageService } from '../service/languageService';
import { tempDir } from '../../../test/support/tempDir';
import { PROMETHEUS_CONFIG_SHAPE } from './configShape';
import { relabelRegexError } from './relabel';
import { checkConfig } from './testSupport';

const CODES = ['prometheus/config', 'yaml/syntax', 'file/too-large', 'consistency/rule-files'];

test('every problem at once, each at its node, in Prometheus’s words', () => {
  const text = [
    'global:',
    '  scrape_interval: 10s',
    '  scrape_timeout: 20s',
    '  scrape_intervl: 5s',
    '  external_labels:',
    '    "k1s0-env": dev',
    'scrape_configs:',
    '  - job_name: auth-server-rust',
    '    scrape_timeout: 30s',
    '    scheme: htps',
    '    static_configs:',
    `      - targets: ["http://auth-rust:8080/metrics", "", 'https://kong:8443/prom', config-rust/x]`,
    '        labels:',
    '          1tier: system',
    '  - job_name: auth-server-rust',
    '  -',
    '  - job_nme: saga-server-rust',
    '    sample_limit: -1',
    '    body_size_limit: 10M',
    '',
  ].join('\n');
  assert.deepEqual(checkConfig(text, { codes: CODES }), [
    '2:18-2:21 error prometheus/config global scrape timeout greater than scrape interval: scrape_timeout 20s is longer than scrape_interval 10s',
    '3:2-3:16 error prometheus/config Unknown key "scrape_intervl" in global. Allowed keys: scrape_interval, scrape_timeout, evaluation_interval, external_labels, query_log_file.',
    '5:4-5:14 error prometheus/config "k1s0-env" is not a valid label name (letters, digits and _, not starting with a digit)',
    '8:20-8:23 error prometheus/config scrape timeout greater than scrape interval for scrape config with job name "auth-server-rust": scrape_timeout 30s is longer than scrape_interval 10s (inherited from global)',
    '9:12-9:16 warning prometheus/config scrape_configs[0].scheme must be one of http, https; got "htps". Did you mean "https"?',
    '  fix Change to "https": 9:12-9:16 "https"',
    '11:18-11:49 error prometheus/config "http://auth-rust:8080/metrics" is not a valid hostname: a target is host:port, here "auth-rust:8080"',
    '  fix Change to "auth-rust:8080": 11:18-11:49 "\\"auth-rust:8080\\""',
    '11:51-11:53 error prometheus/config no address: an empty target is scraped from nowhere (write host:port)',
    '11:55-11:79 error prometheus/config "https://kong:8443/prom" is not a valid hostname: a target is host:port, here "kong:8443"; the scheme goes in scheme: https; the path goes in metrics_path: /prom',
    `  fix Change to "kong:8443": 11:55-11:79 "'kong:8443'"`,
    '11:81-11:94 error prometheus/config "config-rust/x" is not a valid hostname: a target is host:port',
    '13:10-13:15 error prometheus/config "1tier" is not a valid label name (letters, digits and _, not starting with a digit)',
    '14:14-14:30 error prometheus/config found multiple scrape configs with job name "auth-server-rust": scrape_configs[0] has it already; job names must be unique',
    '15:2-15:3 error prometheus/config empty or null scrape config section: scrape_configs[2] has an item that is empty (null); remove the `-` or give it its settings',
    '16:4-16:11 error prometheus/config Unknown key "job_nme" in scrape_configs[3]. Did you mean "job_name"? Allowed keys: job_name, scrape_interval, scrape_timeout, metrics_path, scheme, params, honor_labels, honor_timestamps, body_size_limit, sample_limit, target_limit, label_limit, label_name_length_limit, label_value_length_limit, relabel_configs, metric_relabel_configs, static_configs, file_sd_configs, dns_sd_configs, kubernetes_sd_configs, http_sd_configs, basic_auth, authorization, oauth2, bearer_token, bearer_token_file, tls_config, proxy_url, proxy_connect_header, follow_redirects, enable_http2, …_sd_configs.',
    '  fix Rename to "job_name": 16:4-16:11 "job_name"',
    '17:18-17:20 error prometheus/config scrape_configs[3].sample_limit must be at least 0; got -1.',
    '18:21-18:24 error prometheus/config units: unknown unit in 10M (a size is a number with B, KB, MB, GB, KiB, MiB, GiB…, e.g. 10MB)',
  ]);
});

test('relabel rules: RE2 regexes, each action’s required and forbidden fields; any case of an action', () => {
  const text = [
    'scrape_configs:',
    '  - job_name: a',
    '    relabel_configs:',
    '      - action: Replace',
    '      - action: hashmod',
    '        regex: "a("',
    '      - action: labeldrop',
    '        separator: ","',
    '      - action: relabel',
    '      - action: labelmap',
    '        replacement: "1x"',
    '      - action: lowercase',
    '        target_label: b',
    '        replacement: x',
    '      - action: keepequal',
    '        target_label: b',
    '        regex: x',
    '    metric_relabel_configs:',
    '      - source_labels: [a-b]',
    '        target_label: "1c"',
    '      - action: DROP',
    '        regex: "(?i)go_.*|process_.*"',
    '      - action: replace',
    '        target_label: "${1}_x"',
    '',
  ].join('\n');
  assert.deepEqual(checkConfig(text), [
    "3:16-3:23 error prometheus/config relabel configuration for replace action requires 'target_label' value",
    '4:16-4:23 error prometheus/config relabel configuration for hashmod requires non-zero modulus',
    "4:16-4:23 error prometheus/config relabel configuration for hashmod action requires 'target_label' value",
    '5:15-5:19 error prometheus/config error parsing regexp: missing closing ): `^(?:a()$` (relabel regexes are RE2, anchored at both ends)',
    "7:8-7:17 error prometheus/config labeldrop action requires only 'regex', and no other fields: remove separator",
    '8:16-8:23 error prometheus/config scrape_configs[0].relabel_configs[3].action must be one of replace, keep, drop, keepequal, dropequal, hashmod, labelmap, labeldrop, labelkeep, lowercase, uppercase; got "relabel".',
    '10:21-10:25 error prometheus/config "1x" is invalid \'replacement\' for labelmap action',
    "13:8-13:19 error prometheus/config 'replacement' can not be set for lowercase action",
    "16:8-16:13 error prometheus/config keepequal action requires only 'source_labels' and 'target_label', and no other fields: remove regex",
    '18:24-18:27 error prometheus/config "a-b" is not a valid label name',
    '19:22-19:26 error prometheus/config "1c" is invalid \'target_label\' for replace action',
  ]);
  assert.equal(relabelRegexError('(?=a)'), 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
  assert.equal(relabelRegexError('a{2,1001}'), 'error parsing regexp: invalid repeat count: `{2,1001}`');
  assert.equal(relabelRegexError('^a$|b'), undefined);
});

test('auth options, TLS, discovery, Alertmanagers and remote write', () => {
  const text = [
    'scrape_configs:',
    '  - job_name: a',
    '    basic_auth: {username: a, password: b, password_file: /p}',
    '    authorization: {type: basic, credentials: c}',
    '    bearer_token: t',
    '    bearer_token_file: /t',
    '    tls_config: {cert_file: /c.pem, min_version: TLS14}',
    '    proxy_connect_header: {X-A: [b]}',
    '    file_sd_configs:',
    '      - files: [targets.txt, "targets/*.json"]',
    '      - refresh_interval: 1m',
    '    dns_sd_configs:',
    '      - names: [auth.k1s0.svc]',
    '        type: a',
    '      - names: []',
    '    kubernetes_sd_configs:',
    '      - role: pods',
    '      - api_server: https://k8s',
    '        kubeconfig_file: /kube',
    '  - job_name: b',
    '    oauth2: {client_secret: s}',
    'alerting:',
    '  alertmanagers:',
    '    - api_version: v3',
    '      static_configs:',
    '        - targets: ["http://alertmanager:9093"]',
    'remote_write:',
    '  - name: mimir',
    '    headers: {Authorization: x, Content-Type: y}',
    '    sigv4: {region: x}',
    '    basic_auth: {username: u}',
    '  - url: http://b',
    '    name: mimir',
    '',
  ].join('\n');
  assert.deepEqual(checkConfig(text), [
    '2:43-2:56 error prometheus/config at most one of basic_auth password & password_file must be configured',
    '3:4-3:17 error prometheus/config at most one of basic_auth, oauth2 & authorization must be configured',
    '3:26-3:31 error prometheus/config authorization type cannot be set to "basic", use "basic_auth" instead',
    '4:4-4:16 error prometheus/config authorization is not compatible with bearer_token & bearer_token_file',
    '5:4-5:21 error prometheus/config at most one of bearer_token & bearer_token_file must be configured',
    '6:17-6:26 error prometheus/config client cert file "/c.pem" specified without client key file',
    '6:49-6:54 error prometheus/config scrape_configs[0].tls_config.min_version must be one of TLS10, TLS11, TLS12, TLS13; got "TLS14". Did you mean "TLS10"?',
    '  fix Change to "TLS10": 6:49-6:54 "TLS10"',
    '7:4-7:24 error prometheus/config if proxy_connect_header is configured proxy_url must also be configured',
    '9:16-9:27 error prometheus/config path name "targets.txt" is not valid for file discovery (a .json, .yml or .yaml file; * only in the last path segment)',
    '10:8-10:24 error prometheus/config file service discovery config must contain at least one path name',
    '13:8-13:12 error prometheus/config a port is required in DNS-SD configs for all record types except SRV',
    '14:8-14:13 error prometheus/config DNS-SD config must contain at least one SRV record name',
    '16:14-16:18 error prometheus/config scrape_configs[0].kubernetes_sd_configs[0].role must be one of endpoints, endpointslice, service, pod, node, ingress; got "pods". Did you mean "pod"?',
    '  fix Change to "pod": 16:14-16:18 "pod"',
    '17:8-17:18 error prometheus/config scrape_configs[0].kubernetes_sd_configs[1] is missing "role".',
    "18:8-18:23 error prometheus/config cannot use 'kubeconfig_file' and 'api_server' simultaneously",
    '20:4-20:10 error prometheus/config oauth2 client_id must be configured',
    '20:4-20:10 error prometheus/config oauth2 token_url must be configured',
    '23:19-23:21 error prometheus/config alerting.alertmanagers[0].api_version must be one of v1, v2; got "v3". Did you mean "v1"?',
    '  fix Change to "v1": 23:19-23:21 "v1"',
    '25:20-25:46 error prometheus/config "http://alertmanager:9093" is not a valid hostname: a target is host:port, here "alertmanager:9093"',
    '  fix Change to "alertmanager:9093": 25:20-25:46 "\\"alertmanager:9093\\""',
    '27:4-27:8 error prometheus/config url for remote_write is empty',
    '28:14-28:27 error prometheus/config authorization header must be changed via the basic_auth, authorization, oauth2, or sigv4 parameter',
    '28:32-28:44 error prometheus/config Content-Type is a reserved header. It must not be changed',
    '29:4-29:9 error prometheus/config at most one of basic_auth, authorization, oauth2, & sigv4 must be configured',
    '32:10-32:15 error prometheus/config found multiple remote write configs with name "mimir": names must be unique',
  ]);
});

test('rule_files: a missing file is an error, a glob matching nothing a warning, /etc/prometheus/ is the file’s directory', (t) => {
  const dir = tempDir(t, 'prometheus-rule-files');
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'recording_rules.yaml'), 'groups: []\n');
  writeFileSync(join(dir, 'rules', 'a.yaml'), 'groups: []\n');
  const path = join(dir, 'prometheus.yaml');
  const text = [
    'rule_files:',
    '  - /etc/prometheus/recording_rules.yaml',
    '  - rules/*.yaml',
    '  - rules/[ab].yaml',
    '  - missing.yaml',
    '  - /etc/prometheus/alerting_rules.yaml',
    '  - nothing/*.yaml',
    '  - rules/*/x.yaml',
    '  - unsaved.yaml',
    '',
  ].join('\n');
  writeFileSync(path, text);
  // The workspace's rule files; an editor's unsaved one counts as there. A missing file is not also consistency/rule-files' warning.
  const rules = 'groups:\n  - name: g\n    rules: []\n';
  const files = { [join(dir, 'recording_rules.yaml')]: rules, [join(dir, 'rules', 'a.yaml')]: rules, [join(dir, 'unsaved.yaml')]: rules };
  assert.deepEqual(checkConfig(text, { path, files, codes: CODES }), [
    '4:4-4:16 error prometheus/config "missing.yaml" does not point to an existing file (looked for ./missing.yaml)',
    `5:4-5:39 error prometheus/config "/etc/prometheus/alerting_rules.yaml" does not point to an existing file (looked for ./alerting_rules.yaml (/etc/prometheus/ is the directory of this prometheus.yaml in the stack's container))`,
    '6:4-6:18 warning prometheus/config "nothing/*.yaml" matches no file (looked for ./nothing/*.yaml): Prometheus loads no rules from it, silently',
    '7:4-7:18 error prometheus/config invalid rule file path "rules/*/x.yaml": * is allowed only in the last path segment',
  ]);
  // Not on disk (an untitled editor): only what the path itself says.
  assert.deepEqual(checkConfig(text, { codes: ['prometheus/config'] }), ['7:4-7:18 error prometheus/config invalid rule file path "rules/*/x.yaml": * is allowed only in the last path segment']);
});

test('an empty list item is shown at its dash', () => {
  const text = 'scrape_configs:\n  - job_name: a\n    static_configs:\n      -\n    relabel_configs:\n      - \nremote_write:\n  -\n';
  assert.deepEqual(checkConfig(text), [
    '3:6-3:7 error prometheus/config empty or null section in static_configs: scrape_configs[0].static_configs[0] has an item that is empty (null); remove the `-` or give it its settings',
    '5:6-5:7 error prometheus/config empty or null target relabeling rule in scrape config: scrape_configs[0].relabel_configs[0] has an item that is empty (null); remove the `-` or give it its settings',
    '7:2-7:3 error prometheus/config empty or null remote write config section: remote_write[0] has an item that is empty (null); remove the `-` or give it its settings',
  ]);
});

test("the design's prometheus.yaml and rule files are silent, and consistency still reads its jobs", () => {
  const config = 'infra/docker/prometheus/prometheus.yaml';
  assert.deepEqual(render(diagnose(config, {})), []);
  // consistency/metrics reads the jobs from the same reading: a config.yaml of a scraped service with metrics off.
  const service = 'regions/system/server/rust/auth/config/config.yaml';
  const text = 'app:\n  name: auth-server\n  tier: system\nobservability:\n  metrics:\n    enabled: false\n';
  assert.ok(render(diagnose(service, { [service]: text }), ['consistency/metrics']).some((line) => line.includes('prometheus.yaml scrapes auth-server (job auth-server-rust)')));
  assert.ok(DESIGN_FILES[config]?.includes('job_name: auth-server-rust'));
});

test('found by content, not in Alertmanager or Promtail files; by k1s0.files.prometheusConfig whatever its content', () => {
  const alertmanager = 'global:\n  resolve_timeout: 5m\nroute:\n  receiver: a\nreceivers:\n  - name: a\n';
  const promtail = 'server:\n  http_listen_port: 9080\npositions:\n  filename: /tmp/p\nclients:\n  - url: http://loki\nscrape_configs:\n  - job_name: x\n    pipeline_stages: []\n';
  assert.deepEqual(checkConfig(alertmanager), []);
  assert.deepEqual(checkConfig(promtail), []);
  // A misspelt key of a prometheus.yaml still finds it.
  assert.deepEqual(checkConfig('global:\n  scrape_interval: 15s\nrule_file: [a.yaml]\nscrape_configs: []\n'), [
    '2:0-2:9 error prometheus/config Unknown key "rule_file" in (top level). Did you mean "rule_files"? Allowed keys: global, rule_files, scrape_configs, alerting, remote_write, remote_read, storage, tracing.',
    '  fix Rename to "rule_files": 2:0-2:9 "rule_files"',
  ]);
  const settings: Settings = { ...DEFAULT_SETTINGS, files: { ...DEFAULT_SETTINGS.files, prometheusConfig: ['**/prom/*.yml'] } };
  const text = 'tracing:\n  client_type: tcp\n';
  assert.deepEqual(checkConfig(text), []);
  assert.deepEqual(checkConfig(text, { path: '/ws/prom/main.yml', settings }), ['1:15-1:18 error prometheus/config tracing.client_type must be one of http, grpc; got "tcp".']);
  assert.deepEqual(checkConfig('- job_name: a\n', { path: '/ws/prom/main.yml', settings }), ['0:0-1:0 error prometheus/config (top level) must be a mapping; got a list.']);
});

test('bad input gets one clear diagnostic: not YAML, nested too deep, too large', () => {
  assert.deepEqual(checkConfig('scrape_configs:\n  - job_name: "a\n  - [\n', { codes: CODES }), ['3:0-3:0 error yaml/syntax Missing closing "quote']);
  const deep = 'scrape_configs:\n  - job_name: a\n' + Array.from({ length: 300 }, (_, i) => `${' '.repeat(4 + 2 * i)}x:\n`).join('');
  assert.deepEqual(checkConfig(deep, { codes: CODES }), ['255:510-255:511 error yaml/syntax Not checked: the document nests deeper than 256 levels']);
  // Named by the setting: a file found only by content is not read at all when too large.
  const settings: Settings = { ...DEFAULT_SETTINGS, files: { ...DEFAULT_SETTINGS.files, prometheusConfig: ['**/prometheus.yaml'], maxFileSizeKB: 1 } };
  const big = 'scrape_configs:\n' + Array.from({ length: 40 }, (_, i) => `  - job_name: j${i}\n    static_configs:\n      - targets: ["http://h${i}:80"]\n`).join('');
  assert.deepEqual(checkConfig(big, { codes: CODES, settings }), ['0:0-0:0 warning file/too-large Not checked: the file is 3 KB, over k1s0.files.maxFileSizeKB (1 KB).']);
  assert.deepEqual(checkConfig('scrape_configs:\n  - job_name: a\n\u0000\u0001\ufffd\n', { codes: CODES }).length <= 1, true);
});

test('outline: a section per top-level key, the jobs under scrape_configs', () => {
  const text =
    'global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: prometheus\n    static_configs:\n      - targets: ["localhost:9090"]\n  - job_name: kong\n    scrape_interval: 30s\n    metrics_path: /metrics\n';
  const service = new LanguageService();
  const location = { path: '/ws/prometheus.yaml', relativePath: 'prometheus.yaml' };
  const outline = service.outlineOf({ uri: 'file:///ws/prometheus.yaml', text }, DEFAULT_SETTINGS, location);
  const brief = (symbols: typeof outline): unknown[] => symbols.map((s) => [s.name, s.kind, s.detail ?? '', text.slice(s.selectionStart, s.selectionEnd), brief(s.children)]);
  assert.deepEqual(brief(outline), [
    ['global', 'section', '', 'global', []],
    [
      'scrape_configs',
      'section',
      '',
      'scrape_configs',
      [
        ['prometheus', 'job', '', 'prometheus', []],
        ['kong', 'job', '30s /metrics', 'kong', []],
      ],
    ],
  ]);
});

test('completion and hover: keys of each level, enumerated values, their documentation', () => {
  const text = 'scrape_configs:\n  - job_name: a\n    sch\n';
  const keys = completeShape(text, text.indexOf('sch') + 3, PROMETHEUS_CONFIG_SHAPE).map((item) => item.label);
  assert.ok(keys.includes('scheme') && keys.includes('relabel_configs') && keys.includes('kubernetes_sd_configs') && !keys.includes('job_name'), keys.join(','));
  const values = 'scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - action: \n';
  assert.deepEqual(
    completeShape(values, values.indexOf('action: ') + 8, PROMETHEUS_CONFIG_SHAPE).map((item) => item.label),
    ['replace', 'keep', 'drop', 'keepequal', 'dropequal', 'hashmod', 'labelmap', 'labeldrop', 'labelkeep', 'lowercase', 'uppercase'],
  );
  const hover = 'global:\n  scrape_timeout: 10s\n';
  assert.equal(
    hoverShape(hover, hover.indexOf('scrape_timeout') + 2, PROMETHEUS_CONFIG_SHAPE)?.contents,
    '**scrape_timeout** — duration\n\nWhen a scrape times out by default (default 10s); at most scrape_interval.',
  );
});

test('durations in Prometheus’s words, fixed to the same length as Prometheus writes it', () => {
  const text = 'global:\n  scrape_interval: 1.5m\n  scrape_timeout: 30s1m\n  evaluation_interval: 30\nalerting:\n  alertmanagers:\n    - scheme: ftp\n      timeout: 500ms\n';
  assert.deepEqual(checkConfig(text), [
    '1:19-1:23 error prometheus/config global.scrape_interval: not a valid duration string: "1.5m" (units y w d h m s ms, each once, in that order: 30s, 1m30s, 2h)',
    '  fix Change to "1m30s": 1:19-1:23 "1m30s"',
    '2:18-2:23 error prometheus/config global.scrape_timeout: not a valid duration string: "30s1m" (units y w d h m s ms, each once, in that order: 30s, 1m30s, 2h)',
    '  fix Change to "1m30s": 2:18-2:23 "1m30s"',
    '3:23-3:25 error prometheus/config global.evaluation_interval: not a valid duration string: "30" (units y w d h m s ms, each once, in that order: 30s, 1m30s, 2h)',
    '6:14-6:17 warning prometheus/config alerting.alertmanagers[0].scheme must be one of http, https; got "ftp".',
  ]);
});

test('in Japanese: the same findings, in the design’s words', (t) => {
  setLocale('ja');
  t.after(() => setLocale('en'));
  const text =
    'global:\n  scrape_interval: 1.5m\nscrape_configs:\n  - job_name: kong\n    static_configs:\n      - targets: ["http://kong:8001/metrics"]\n    relabel_configs:\n      - action: Keep\n        source_labels: [a]\n';
  assert.deepEqual(checkConfig(text), [
    '1:19-1:23 error prometheus/config global.scrape_interval: "1.5m" は期間として正しくありません。30s、1m30s、2h のように、単位 y w d h m s ms をこの順に、それぞれ 1 回まで使います（Prometheus: not a valid duration string: "1.5m"）',
    '  fix "1m30s" に変更: 1:19-1:23 "1m30s"',
    '5:18-5:44 error prometheus/config "http://kong:8001/metrics" はホスト名として正しくありません。ターゲットは host:port の形で、ここでは "kong:8001" と書きます（Prometheus: "http://kong:8001/metrics" is not a valid hostname）',
    '  fix "kong:8001" に変更: 5:18-5:44 "\\"kong:8001\\""',
  ]);
});
