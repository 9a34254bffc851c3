/** promtail/config: clients' URLs and their fix, jobs' names, files to tail and labels, stages — each finding whole, on inputs the example does not have. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, render } from '../catalog/testSupport';

/** promtail/config diagnostics of promtail.yaml but the end-of-life note, rendered, with whether each fix is the preferred one. */
const promtail = (text: string) =>
  diagnose('promtail.yaml', { 'promtail.yaml': text })
    .filter((d) => d.code === 'promtail/config' && d.severity !== 'information')
    .flatMap((d) => [
      ...render([d]).filter((line) => !line.includes('fix Disable ')),
      ...(d.fixes ?? []).filter((f) => !f.title.startsWith('Disable ')).map((f) => `  preferred: ${String(f.preferred)}`),
    ]);
const PUSH = 'clients:\n  - url: http://loki:3100/loki/api/v1/push\n    external_labels: {service: s, tier: t, environment: e, level: l}\n';
const pushPath = (url: string) => `error promtail/config clients url "${url}" is not Loki's push API: Promtail posts to /loki/api/v1/push (e.g. http://loki:3100/loki/api/v1/push).`;

test('client URLs: the older single client, a quoted URL, a host that is part of the scheme; the fix is preferred', () => {
  assert.deepEqual(promtail('client:\n  url: http://loki:3100/api/prom/push\n'), [
    `1:7-1:37 ${pushPath('http://loki:3100/api/prom/push')}`,
    '  fix Use /loki/api/v1/push: 1:23-1:37 "/loki/api/v1/push"',
    '  preferred: true',
  ]);
  assert.deepEqual(promtail('clients:\n  - url: "http://loki:3100/api/prom/push?x=1"\n'), [
    `1:9-1:45 ${pushPath('http://loki:3100/api/prom/push?x=1')}`,
    '  fix Use /loki/api/v1/push: 1:26-1:40 "/loki/api/v1/push"',
    '  preferred: true',
  ]);
  assert.deepEqual(promtail('clients:\n  - url: https://ps/push\n'), [`1:9-1:24 ${pushPath('https://ps/push')}`, '  fix Use /loki/api/v1/push: 1:19-1:24 "/loki/api/v1/push"', '  preferred: true']);
  // A host written otherwise than the URL reads it: no place for the fix.
  assert.deepEqual(promtail('clients:\n  - url: http://LOKI:3100/push\n'), [`1:9-1:30 ${pushPath('http://LOKI:3100/push')}`]);
});

test('client URLs from the environment, or none, are not judged; a ${VAR} value is not judged, the rest of the file is', () => {
  assert.deepEqual(promtail('clients:\n  - url: ${LOKI_URL}\n  - external_labels: {a: b}\n'), ['2:4-2:19 error promtail/config clients[1] is missing "url".']);
  assert.deepEqual(promtail('server:\n  http_listen_port: ${PORT}\n  log_level: verbose\n'), [
    '2:13-2:20 error promtail/config server.log_level must be one of debug, info, warn, error; got "verbose".',
  ]);
});

test('jobs: names unique, a job without a name is not compared nor judged on labels; targets that are not mappings are the shape’s', () => {
  const job = (body: string) => `${PUSH}scrape_configs:\n${body}`;
  assert.deepEqual(promtail(job('  - static_configs: [{targets: [localhost], labels: {__path__: /a}}]\n  - static_configs: [{targets: [localhost], labels: {__path__: /b}}]\n')), [
    '4:4-4:18 error promtail/config scrape_configs[0] is missing "job_name".',
    '5:4-5:18 error promtail/config scrape_configs[1] is missing "job_name".',
  ]);
  assert.deepEqual(promtail(job('  - job_name: a\n    static_configs:\n      - targets: [localhost]\n      - 5\n')), [
    '6:8-6:15 warning promtail/config This static_configs entry has no labels.__path__: Promtail tails no file for it. Add __path__ with the files to tail (e.g. /var/log/*.log).',
    '7:8-7:9 error promtail/config scrape_configs[0].static_configs[1] must be a mapping; got number 5.',
  ]);
});

test('a Kubernetes job needs a replace rule that sets __path__: another target, another action do not; said at the job’s name, else at its discovery', () => {
  const k8s = (rules: string, name = '  - job_name: pods\n') => `${PUSH}scrape_configs:\n${name}    kubernetes_sd_configs: [{role: pod}]\n    relabel_configs:\n${rules}`;
  const noPath = (at: string, name: string) =>
    `${at} warning promtail/config Job ${name} discovers Kubernetes targets, but no relabel rule sets __path__: Promtail tails no file. Add a rule with target_label: __path__ (e.g. source_labels [__meta_kubernetes_pod_uid, __meta_kubernetes_pod_container_name], separator /, replacement /var/log/pods/*$1/*.log).`;
  assert.deepEqual(promtail(k8s('      - {source_labels: [a], target_label: __path__}\n')), []);
  assert.deepEqual(promtail(k8s('      - {source_labels: [a], action: replace, target_label: __path__}\n')), []);
  assert.deepEqual(promtail(k8s('      - {source_labels: [a], action: keep, target_label: __path__}\n      - {source_labels: [a], target_label: path}\n      - {action: labelkeep, regex: ".*"}\n')), [
    noPath('4:14-4:18', 'pods'),
  ]);
  assert.deepEqual(promtail(k8s('      - {source_labels: [a], target_label: path}\n', '  - pipeline_stages: []\n')), [
    '4:4-4:19 error promtail/config scrape_configs[0] is missing "job_name".',
    noPath('5:4-5:25', ''),
  ]);
});

test('the design’s labels: said of a named job whose labels are known, in full; a labelmap job or one without a name is not judged', () => {
  const job = (body: string) => `clients:\n  - url: http://loki:3100/loki/api/v1/push\nscrape_configs:\n${body}`;
  const warning = (missing: string) =>
    `3:14-3:15 warning promtail/config Job a gives its streams no ${missing} labels: the design's log labels (ログラベル設計) are service, tier, environment, level on every stream (and trace_id in the line).`;
  const path = '    static_configs: [{targets: [localhost], labels: {__path__: /a, service: s}}]\n';
  assert.deepEqual(promtail(job(`  - job_name: a\n${path}`)), [warning('tier, environment, level')]);
  assert.deepEqual(promtail(job(`  - job_name: a\n${path}    relabel_configs: [{action: labelmap, regex: __meta_(.+)}]\n`)), []);
  assert.deepEqual(promtail(job(`  - static_configs: [{targets: [localhost], labels: {__path__: /a}}]\n`)), ['3:4-3:18 error promtail/config scrape_configs[0] is missing "job_name".']);
});

test('a stage inside a match stage is a mapping with one key too', () => {
  const text = `${PUSH}scrape_configs:\n  - job_name: a\n    static_configs: [{targets: [localhost], labels: {__path__: /a}}]\n    pipeline_stages:\n      - match:\n          selector: '{a="b"}'\n          stages:\n            - json: {expressions: {x: ""}}\n              labels: {x: ""}\n`;
  assert.deepEqual(promtail(text), [`11:14-11:20 error promtail/config A pipeline stage is a mapping with exactly one key, the stage's name; this one has 2. Start each stage with its own "- ".`]);
});
