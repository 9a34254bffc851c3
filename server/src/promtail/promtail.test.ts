import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../base/settings';
import { diagnose, render } from '../catalog/testSupport';
import { completeShape, hoverShape } from '../features/shapeAssist';
import { LanguageService } from '../service/languageService';
import { PROMTAIL_SHAPE } from './shape';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const EXAMPLES = join(__dirname, '../../../examples');
const EXAMPLE_PATH = 'infra/docker/promtail/promtail-config.yaml';
const EXAMPLE = readFileSync(join(EXAMPLES, EXAMPLE_PATH), 'utf8');
/** The example with its one deliberate mistake put right. */
const GOOD = EXAMPLE.replace(':3100/api/prom/push', ':3100/loki/api/v1/push');
const promtail = (target: string, files: Record<string, string | undefined>, settings?: Settings) =>
  render(diagnose(target, files, settings), ['promtail/config', 'yaml/syntax']).filter((line) => !line.includes('fix Disable '));
const EOL =
  'information promtail/config Promtail reached its end of life on 2 March 2026: no more releases or security fixes. Grafana Alloy replaces it (`alloy convert --source-format=promtail` converts this file).';

test('the example, its mistake put right, is silent but for the end-of-life note; the mistake has its fix', () => {
  assert.deepEqual(promtail(EXAMPLE_PATH, { [EXAMPLE_PATH]: GOOD }), [`3:0-3:6 ${EOL}`]);
  assert.deepEqual(promtail(EXAMPLE_PATH, { [EXAMPLE_PATH]: EXAMPLE }), [
    `3:0-3:6 ${EOL}`,
    `12:9-12:71 error promtail/config clients url "http://loki.observability.svc.cluster.local:3100/api/prom/push" is not Loki's push API: Promtail posts to /loki/api/v1/push (e.g. http://loki:3100/loki/api/v1/push).`,
    '  fix Use /loki/api/v1/push: 12:57-12:71 "/loki/api/v1/push"',
  ]);
});

test('every mistake at once, each at its node, with its did-you-mean fix', () => {
  assert.deepEqual(promtail('promtail.yaml', { 'promtail.yaml': fixture('broken-promtail.yaml') }), [
    `0:0-0:6 ${EOL}`,
    '2:13-2:20 error promtail/config server.log_level must be one of debug, info, warn, error; got "verbose".',
    '4:2-4:9 error promtail/config Unknown key "filname" in positions. Did you mean "filename"? Allowed keys: filename, sync_period, ignore_invalid_yaml.',
    '  fix Rename to "filename": 4:2-4:9 "filename"',
    '5:15-5:17 error promtail/config positions.sync_period: "10" is not a duration (a number and a unit, ns us ms s m h, e.g. 5s, 1.5h or 300ms).',
    `7:9-7:39 error promtail/config clients url "http://loki:3100/api/prom/push" is not Loki's push API: Promtail posts to /loki/api/v1/push (e.g. http://loki:3100/loki/api/v1/push).`,
    '  fix Use /loki/api/v1/push: 7:25-7:39 "/loki/api/v1/push"',
    `8:9-8:18 error promtail/config clients url "loki:3100" is not Loki's push API: Promtail posts to /loki/api/v1/push (e.g. http://loki:3100/loki/api/v1/push).`,
    `9:9-9:43 error promtail/config clients url "http://loki:3100/loki/api/v1/push/" is not Loki's push API: Promtail posts to /loki/api/v1/push (e.g. http://loki:3100/loki/api/v1/push).`,
    '  fix Use /loki/api/v1/push: 9:25-9:43 "/loki/api/v1/push"',
    '11:14-11:18 warning promtail/config Job pods discovers Kubernetes targets, but no relabel rule sets __path__: Promtail tails no file. Add a rule with target_label: __path__ (e.g. source_labels [__meta_kubernetes_pod_uid, __meta_kubernetes_pod_container_name], separator /, replacement /var/log/pods/*$1/*.log).',
    "11:14-11:18 warning promtail/config Job pods gives its streams no service, tier, environment labels: the design's log labels (ログラベル設計) are service, tier, environment, level on every stream (and trace_id in the line).",
    '13:14-13:18 error promtail/config scrape_configs[0].kubernetes_sd_configs[0].role must be one of pod, node, service, endpoints, endpointslice, ingress; got "pods". Did you mean "pod"?',
    '  fix Change to "pod": 13:14-13:18 "pod"',
    '17:16-17:22 error promtail/config scrape_configs[0].relabel_configs[0].action must be one of replace, keep, drop, keepequal, dropequal, hashmod, labelmap, labeldrop, labelkeep, lowercase, uppercase; got "replce". Did you mean "replace"?',
    '  fix Change to "replace": 17:16-17:22 "replace"',
    '19:8-19:11 error promtail/config Unknown key "jsn" in scrape_configs[0].pipeline_stages[0]. Did you mean "json"? Allowed keys: docker, cri, regex, json, logfmt, template, match, timestamp, output, labels, structured_metadata, static_labels, labelallow, labeldrop, metrics, tenant, replace, drop, limit, multiline, pack, decolorize, sampling, eventlogmessage, geoip, luhn.',
    '  fix Rename to "json": 19:8-19:11 "json"',
    `24:8-24:14 error promtail/config A pipeline stage is a mapping with exactly one key, the stage's name; this one has 2. Start each stage with its own "- ".`,
    '29:14-29:22 error promtail/config Unknown key "timestmp" in scrape_configs[0].pipeline_stages[2].match.stages[0]. Did you mean "timestamp"? Allowed keys: docker, cri, regex, json, logfmt, template, match, timestamp, output, labels, structured_metadata, static_labels, labelallow, labeldrop, metrics, tenant, replace, drop, limit, multiline, pack, decolorize, sampling, eventlogmessage, geoip, luhn.',
    '  fix Rename to "timestamp": 29:14-29:22 "timestamp"',
    '32:14-32:18 error promtail/config job_name "pods" is already used by another job of this file: each job needs its own name.',
    "32:14-32:18 warning promtail/config Job pods gives its streams no tier, environment, level labels: the design's log labels (ログラベル設計) are service, tier, environment, level on every stream (and trace_id in the line).",
    '35:8-35:14 warning promtail/config This static_configs entry has no labels.__path__: Promtail tails no file for it. Add __path__ with the files to tail (e.g. /var/log/*.log).',
  ]);
});

test("the design's log labels: from targets, relabelling, stages and external labels; a labelmap job is not judged", () => {
  const job = (body: string) => `clients:\n  - url: http://loki:3100/loki/api/v1/push\n    external_labels:\n      environment: dev\nscrape_configs:\n  - job_name: app\n${body}`;
  const labels = (body: string) => promtail('promtail.yaml', { 'promtail.yaml': job(body) }).filter((line) => line.includes('gives its streams'));
  const path = '    static_configs:\n      - targets: [localhost]\n        labels:\n          __path__: /var/log/app/*.log\n          service: auth-server\n';
  assert.deepEqual(labels(path), [
    "5:14-5:17 warning promtail/config Job app gives its streams no tier, level labels: the design's log labels (ログラベル設計) are service, tier, environment, level on every stream (and trace_id in the line).",
  ]);
  // static_labels, a labels stage inside a match, a relabelled tier: every label there.
  const stages =
    '    relabel_configs:\n      - replacement: system\n        target_label: tier\n    pipeline_stages:\n      - static_labels:\n          team: sre\n      - match:\n          selector: \'{service="auth-server"}\'\n          stages:\n            - json: {expressions: {level: ""}}\n            - labels: {level: ""}\n';
  assert.deepEqual(labels(path + stages), []);
  // Dropped again: labeldrop stage, labeldrop relabelling.
  assert.deepEqual(labels(`${path + stages}      - labeldrop: [level]\n`).length, 1);
  const dropped = '5:14-5:17 warning promtail/config Job app gives its streams no service, tier, level labels';
  assert.deepEqual(
    labels(`${path}    relabel_configs:\n      - action: labeldrop\n        regex: serv.*\n`).map((line) => line.slice(0, dropped.length)),
    [dropped],
  );
  // labelmap copies the pods' own labels: which ones cannot be known.
  assert.deepEqual(labels(`${path}    relabel_configs:\n      - action: labelmap\n        regex: __meta_kubernetes_pod_label_(.+)\n`), []);
});

test('found by clients with positions or scrape_configs, by name or setting; prometheus.yaml stays prometheus', () => {
  const service = new LanguageService();
  const kind = (path: string, text: string, settings = DEFAULT_SETTINGS) => service.kindOf({ uri: `file:///ws/${path}`, text }, settings, { path: `/ws/${path}`, relativePath: path });
  assert.equal(kind(EXAMPLE_PATH, EXAMPLE), 'promtail');
  assert.equal(kind('agent.yaml', 'client:\n  url: http://loki:3100/loki/api/v1/push\nscrape_configs: []\n'), 'promtail');
  assert.equal(kind('infra/docker/prometheus/prometheus.yaml', readFileSync(join(EXAMPLES, 'infra/docker/prometheus/prometheus.yaml'), 'utf8')), 'prometheus');
  assert.equal(kind('prometheus.yaml', 'scrape_configs:\n  - job_name: a\n    static_configs: [{targets: ["a:1"]}]\n'), 'prometheus');
  assert.equal(kind('promtail.yaml', 'server:\n  http_listen_port: 9080\n'), 'promtail');
  assert.equal(kind('agent.yaml', 'server:\n  http_listen_port: 9080\n'), undefined);
  const settings: Settings = { ...DEFAULT_SETTINGS, files: { ...DEFAULT_SETTINGS.files, promtailConfig: ['agent.yaml'] } };
  assert.equal(kind('agent.yaml', 'server:\n  http_listen_port: 9080\n', settings), 'promtail');
});

test('bad input gets one clear diagnostic, never a crash', () => {
  const only = (text: string) => promtail('promtail.yaml', { 'promtail.yaml': text }).filter((line) => !line.includes('end of life') && !line.includes('gives its streams'));
  assert.deepEqual(only('clients: 5\npositions: {}\n'), ['0:9-0:10 error promtail/config clients must be a list; got number 5.']);
  assert.deepEqual(only('clients:\n  - url: http://loki:3100/loki/api/v1/push\nscrape_configs:\n  - job_name: a\n    pipeline_stages:\n      - {}\n      - 5\n      - docker:\n'), [
    `5:8-5:10 error promtail/config A pipeline stage is a mapping with exactly one key, the stage's name; this one has 0. Start each stage with its own "- ".`,
    '6:8-6:9 error promtail/config scrape_configs[0].pipeline_stages[1] must be a mapping; got number 5.',
  ]);
  assert.deepEqual(
    only('clients:\n  - url: [\n').map((line) => line.split(' ').slice(0, 3).join(' ')),
    ['2:0-2:0 error yaml/syntax'],
  );
  for (const text of ['', '- a\n']) assert.deepEqual(promtail('promtail.yaml', { 'promtail.yaml': text }), [], JSON.stringify(text));
});

test('outline of jobs and clients; completion of stage names and values; hover', () => {
  const service = new LanguageService();
  const outline = service.outlineOf({ uri: `file:///ws/${EXAMPLE_PATH}`, text: EXAMPLE }, DEFAULT_SETTINGS, { path: `/ws/${EXAMPLE_PATH}`, relativePath: EXAMPLE_PATH });
  assert.deepEqual(
    outline.map((s) => [s.name, s.children.map((c) => `${c.kind} ${c.name}`)]),
    [
      ['server', []],
      ['positions', []],
      ['clients', ['key http://loki.observability.svc.cluster.local:3100/api/prom/push']],
      ['scrape_configs', ['job kubernetes-pods']],
    ],
  );
  const text = 'scrape_configs:\n  - job_name: a\n    pipeline_stages:\n      - js';
  const stages = completeShape(text, text.length, PROMTAIL_SHAPE).map((item) => item.label);
  assert.ok(stages.includes('json') && stages.includes('cri') && stages.includes('structured_metadata'), stages.join());
  const role = 'scrape_configs:\n  - job_name: a\n    kubernetes_sd_configs:\n      - role: ';
  assert.deepEqual(
    completeShape(role, role.length, PROMTAIL_SHAPE).map((item) => item.label),
    ['pod', 'node', 'service', 'endpoints', 'endpointslice', 'ingress'],
  );
  const hover = hoverShape(EXAMPLE, EXAMPLE.indexOf('url:') + 1, PROMTAIL_SHAPE);
  assert.equal(hover?.contents, "**url** — string, required\n\nLoki's push API: `http://loki:3100/loki/api/v1/push`.");
});

test("a Helm chart's default Promtail file: nothing but the labels the design asks for and the end-of-life note", () => {
  const text = [
    'server:',
    '  log_level: info',
    '  log_format: logfmt',
    '  http_listen_port: 3101',
    'clients:',
    '  - url: http://loki-gateway/loki/api/v1/push',
    '    follow_redirects: true',
    'positions:',
    '  filename: /run/promtail/positions.yaml',
    'scrape_configs:',
    '  - job_name: kubernetes-pods',
    '    pipeline_stages:',
    '      - cri: {}',
    '    kubernetes_sd_configs:',
    '      - role: pod',
    '    relabel_configs:',
    '      - source_labels: [__meta_kubernetes_pod_controller_name]',
    '        regex: ([0-9a-z-.]+?)(-[0-9a-f]{8,10})?',
    '        action: replace',
    '        target_label: __tmp_controller_name',
    '      - action: replace',
    '        source_labels: [__meta_kubernetes_pod_node_name]',
    '        target_label: node_name',
    '      - action: replace',
    '        replacement: /var/log/pods/*$1/*.log',
    '        separator: /',
    '        source_labels: [__meta_kubernetes_pod_uid, __meta_kubernetes_pod_container_name]',
    '        target_label: __path__',
    'limits_config:',
    'tracing:',
    '  enabled: false',
    '',
  ].join('\n');
  assert.deepEqual(
    promtail('promtail.yaml', { 'promtail.yaml': text }).map((line) => line.slice(0, 60)),
    ['0:0-0:6 information promtail/config Promtail reached its end', '10:14-10:29 warning promtail/config Job kubernetes-pods give'],
  );
});
