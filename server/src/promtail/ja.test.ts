import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose, render } from '../catalog/testSupport';
import { setLocale } from '../l10n';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
/** Rendered promtail/config diagnostics, without the "Disable … for this line" fixes. */
const promtail = (text: string) => render(diagnose('promtail.yaml', { 'promtail.yaml': text }), ['promtail/config']).filter((line) => !line.includes('fix Disable ') && !line.includes('無効'));
const EXTRA =
  'clients:\n  - url: "not a url"\n  - url: http://loki:3100/x\nscrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: [x]\n        labels: {__path__: /x, service: s, tier: t, environment: e}\n  - job_name: a\n    kubernetes_sd_configs: [{role: pod}]\n    pipeline_stages:\n      - {labels: {level: x}, json: {}}\n';

test('a client URL that is none, a duplicate job, a Kubernetes job with no __path__, one label or several missing, a stage of two keys', () => {
  assert.deepEqual(promtail(EXTRA), [
    '0:0-0:7 information promtail/config Promtail reached its end of life on 2 March 2026: no more releases or security fixes. Grafana Alloy replaces it (`alloy convert --source-format=promtail` converts this file).',
    '1:9-1:20 error promtail/config clients url "not a url" is not a URL: Promtail needs Loki\'s push API, e.g. http://loki:3100/loki/api/v1/push.',
    '2:9-2:27 error promtail/config clients url "http://loki:3100/x" is not Loki\'s push API: Promtail posts to /loki/api/v1/push (e.g. http://loki:3100/loki/api/v1/push).',
    '  fix Use /loki/api/v1/push: 2:25-2:27 "/loki/api/v1/push"',
    "4:14-4:15 warning promtail/config Job a gives its streams no level label: the design's log labels (ログラベル設計) are service, tier, environment, level on every stream (and trace_id in the line).",
    '8:14-8:15 error promtail/config job_name "a" is already used by another job of this file: each job needs its own name.',
    '8:14-8:15 warning promtail/config Job a discovers Kubernetes targets, but no relabel rule sets __path__: Promtail tails no file. Add a rule with target_label: __path__ (e.g. source_labels [__meta_kubernetes_pod_uid, __meta_kubernetes_pod_container_name], separator /, replacement /var/log/pods/*$1/*.log).',
    "8:14-8:15 warning promtail/config Job a gives its streams no service, tier, environment labels: the design's log labels (ログラベル設計) are service, tier, environment, level on every stream (and trace_id in the line).",
    '11:29-11:33 error promtail/config A pipeline stage is a mapping with exactly one key, the stage\'s name; this one has 2. Start each stage with its own "- ".',
  ]);
});

test('promtail/config in Japanese: every message and fix title', () => {
  setLocale('ja');
  try {
    assert.deepEqual(promtail(fixture('broken-promtail.yaml')), [
      '0:0-0:6 information promtail/config Promtail は 2026 年 3 月 2 日にサポート終了（EOL）となり、リリースもセキュリティ修正もありません。後継は Grafana Alloy です（`alloy convert --source-format=promtail` でこのファイルを変換できます）。',
      '2:13-2:20 error promtail/config server.log_level は debug、info、warn、error のいずれかでなければなりません。実際は "verbose" です。',
      '4:2-4:9 error promtail/config positions に未知のキー "filname" があります。"filename" の誤りではありませんか？使用できるキー: filename、sync_period、ignore_invalid_yaml。',
      '  fix "filename" に名前を変更: 4:2-4:9 "filename"',
      '5:15-5:17 error promtail/config positions.sync_period: "10" は期間ではありません（数値と単位 ns us ms s m h。例: 5s、1.5h、300ms）。',
      '7:9-7:39 error promtail/config clients の url "http://loki:3100/api/prom/push" は Loki のプッシュ API ではありません。Promtail は /loki/api/v1/push に送信します（例: http://loki:3100/loki/api/v1/push）。',
      '  fix /loki/api/v1/push を使う: 7:25-7:39 "/loki/api/v1/push"',
      '8:9-8:18 error promtail/config clients の url "loki:3100" は Loki のプッシュ API ではありません。Promtail は /loki/api/v1/push に送信します（例: http://loki:3100/loki/api/v1/push）。',
      '9:9-9:43 error promtail/config clients の url "http://loki:3100/loki/api/v1/push/" は Loki のプッシュ API ではありません。Promtail は /loki/api/v1/push に送信します（例: http://loki:3100/loki/api/v1/push）。',
      '  fix /loki/api/v1/push を使う: 9:25-9:43 "/loki/api/v1/push"',
      '11:14-11:18 warning promtail/config ジョブ pods は Kubernetes のターゲットを検出しますが、__path__ を設定する relabel ルールがないため、Promtail はファイルを読みません。target_label: __path__ のルールを追加してください（例: source_labels [__meta_kubernetes_pod_uid, __meta_kubernetes_pod_container_name]、separator /、replacement /var/log/pods/*$1/*.log）。',
      '11:14-11:18 warning promtail/config ジョブ pods のストリームには service, tier, environment ラベルがありません。設計のログラベル（ログラベル設計）では、すべてのストリームに service, tier, environment, level を付けます（trace_id はログ行に含めます）。',
      '13:14-13:18 error promtail/config scrape_configs[0].kubernetes_sd_configs[0].role は pod、node、service、endpoints、endpointslice、ingress のいずれかでなければなりません。実際は "pods" です。"pod" の誤りではありませんか？',
      '  fix "pod" に変更: 13:14-13:18 "pod"',
      '17:16-17:22 error promtail/config scrape_configs[0].relabel_configs[0].action は replace、keep、drop、keepequal、dropequal、hashmod、labelmap、labeldrop、labelkeep、lowercase、uppercase のいずれかでなければなりません。実際は "replce" です。"replace" の誤りではありませんか？',
      '  fix "replace" に変更: 17:16-17:22 "replace"',
      '19:8-19:11 error promtail/config scrape_configs[0].pipeline_stages[0] に未知のキー "jsn" があります。"json" の誤りではありませんか？使用できるキー: docker、cri、regex、json、logfmt、template、match、timestamp、output、labels、structured_metadata、static_labels、labelallow、labeldrop、metrics、tenant、replace、drop、limit、multiline、pack、decolorize、sampling、eventlogmessage、geoip、luhn。',
      '  fix "json" に名前を変更: 19:8-19:11 "json"',
      '24:8-24:14 error promtail/config パイプラインのステージはキーが 1 つ（ステージ名）だけのマッピングですが、このステージには 2 個あります。ステージごとに "- " で始めてください。',
      '29:14-29:22 error promtail/config scrape_configs[0].pipeline_stages[2].match.stages[0] に未知のキー "timestmp" があります。"timestamp" の誤りではありませんか？使用できるキー: docker、cri、regex、json、logfmt、template、match、timestamp、output、labels、structured_metadata、static_labels、labelallow、labeldrop、metrics、tenant、replace、drop、limit、multiline、pack、decolorize、sampling、eventlogmessage、geoip、luhn。',
      '  fix "timestamp" に名前を変更: 29:14-29:22 "timestamp"',
      '32:14-32:18 error promtail/config job_name "pods" はこのファイルの別のジョブで使われています。ジョブごとに異なる名前が必要です。',
      '32:14-32:18 warning promtail/config ジョブ pods のストリームには tier, environment, level ラベルがありません。設計のログラベル（ログラベル設計）では、すべてのストリームに service, tier, environment, level を付けます（trace_id はログ行に含めます）。',
      '35:8-35:14 warning promtail/config この static_configs には labels.__path__ がないため、Promtail はファイルを読みません。読むファイルを __path__ に指定してください（例: /var/log/*.log）。',
    ]);
    assert.deepEqual(promtail(EXTRA), [
      '0:0-0:7 information promtail/config Promtail は 2026 年 3 月 2 日にサポート終了（EOL）となり、リリースもセキュリティ修正もありません。後継は Grafana Alloy です（`alloy convert --source-format=promtail` でこのファイルを変換できます）。',
      '1:9-1:20 error promtail/config clients の url "not a url" は URL ではありません。Loki のプッシュ API を指定してください（例: http://loki:3100/loki/api/v1/push）。',
      '2:9-2:27 error promtail/config clients の url "http://loki:3100/x" は Loki のプッシュ API ではありません。Promtail は /loki/api/v1/push に送信します（例: http://loki:3100/loki/api/v1/push）。',
      '  fix /loki/api/v1/push を使う: 2:25-2:27 "/loki/api/v1/push"',
      '4:14-4:15 warning promtail/config ジョブ a のストリームには level ラベルがありません。設計のログラベル（ログラベル設計）では、すべてのストリームに service, tier, environment, level を付けます（trace_id はログ行に含めます）。',
      '8:14-8:15 error promtail/config job_name "a" はこのファイルの別のジョブで使われています。ジョブごとに異なる名前が必要です。',
      '8:14-8:15 warning promtail/config ジョブ a は Kubernetes のターゲットを検出しますが、__path__ を設定する relabel ルールがないため、Promtail はファイルを読みません。target_label: __path__ のルールを追加してください（例: source_labels [__meta_kubernetes_pod_uid, __meta_kubernetes_pod_container_name]、separator /、replacement /var/log/pods/*$1/*.log）。',
      '8:14-8:15 warning promtail/config ジョブ a のストリームには service, tier, environment ラベルがありません。設計のログラベル（ログラベル設計）では、すべてのストリームに service, tier, environment, level を付けます（trace_id はログ行に含めます）。',
      '11:29-11:33 error promtail/config パイプラインのステージはキーが 1 つ（ステージ名）だけのマッピングですが、このステージには 2 個あります。ステージごとに "- " で始めてください。',
    ]);
  } finally {
    setLocale('en');
  }
});
