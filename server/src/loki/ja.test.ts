import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose, render } from '../catalog/testSupport';
import { setLocale } from '../l10n';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const EXAMPLES = join(__dirname, '../../../examples');
const DESIGN = readFileSync(join(EXAMPLES, 'infra/docker/loki/loki-config.yaml'), 'utf8');
const DATASOURCES = readFileSync(join(EXAMPLES, 'infra/docker/grafana/provisioning/datasources/datasources.yaml'), 'utf8');
const COMPOSE = 'services:\n  loki:\n    image: grafana/loki:3.4.2\n    ports:\n      - "3100:3100"\n';
const PERIOD = '{from: 2024-01-01, store: tsdb, object_store: s3, schema: v13, index: {period: 24h}}';
/** Rendered diagnostics of the Loki codes, without the "Disable … for this line" fixes. */
const loki = (target: string, files: Record<string, string>) =>
  render(diagnose(target, files), ['loki/config', 'loki/policy']).filter((line) => !line.includes('fix Disable ') && !line.includes('無効'));

test('loki/config and loki/policy in Japanese: every message and fix title', () => {
  setLocale('ja');
  try {
    assert.deepEqual(loki('loki.yaml', { 'loki.yaml': fixture('broken-loki.yaml') }), [
      '0:14-0:19 error loki/config auth_enabled は真偽値（true または false）でなければなりません。実際は 文字列 "flase" です。',
      '3:13-3:20 error loki/config server.log_level は debug、info、warn、error のいずれかでなければなりません。実際は "verbose" です。',
      '13:12-13:22 error loki/config schema_config の期間は "from" の昇順でなければなりません。2023-06-01 が直前の期間の 2024-01-01 より後ではありません。',
      '14:13-14:17 error loki/config schema_config.configs[1].store は tsdb、boltdb-shipper、boltdb、aws、aws-dynamo、gcp、gcp-columnkey、bigtable、bigtable-hashed、cassandra、grpc-store、inmemory のいずれかでなければなりません。実際は "tsbd" です。"tsdb" の誤りではありませんか？',
      '  fix "tsdb" に変更: 14:13-14:17 "tsdb"',
      '17:12-17:22 error loki/config schema_config の期間の "from" は YYYY-MM-DD 形式の日付でなければなりません。"2024/07/01" が指定されています。',
      '20:14-20:17 error loki/config 構造化メタデータ（Loki 3 から既定で受け付ける）には最新の期間がスキーマ v13 である必要があります。v12 が指定されています。Loki 3 は起動しません。将来の日付から v13 の期間を追加するか、limits_config.allow_structured_metadata: false を設定してください。',
      '22:16-22:18 error loki/config boltdb-shipper インデックスには index.period: 24h が必要です。7d が指定されています。Loki は起動しません。',
      '25:2-25:14 error loki/config compactor の "shared_store" はもう読まれません: Loki 3 で削除されました。削除リクエストを保存するオブジェクトストアを delete_request_store に指定してください。',
      '26:2-26:19 error loki/config compactor.retention_enabled が true ですが compactor.delete_request_store がありません。Loki 3 は起動しません。スキーマ期間のオブジェクトストア（例: filesystem）を指定してください。',
      '28:2-28:17 error loki/config limits_config に未知のキー "retention_perod" があります。"retention_period" の誤りではありませんか？',
      '  fix "retention_period" に名前を変更: 28:2-28:17 "retention_period"',
      '29:17-29:21 error loki/config limits_config.max_line_size: "lots" はサイズではありません（数値と省略可能な単位。例: 512MiB、1GB、1048576）。',
      '31:21-31:23 error loki/config ingester.chunk_idle_period: "1d" は期間ではありません（数値と単位 ns us ms s m h。例: 5s、1.5h、300ms）。',
    ]);
    assert.deepEqual(loki('loki.yaml', { 'loki.yaml': 'auth_enabled: false\nschema_config:\n  configs: []\n' }), [
      '2:2-2:9 error loki/config Loki には schema_config.configs の期間が 1 つ以上必要です。ないと起動しません（例: from: 2024-01-01, store: tsdb, object_store: filesystem, schema: v13, index: {prefix: index_, period: 24h}）。',
    ]);
    const period = 'schema_config:\n  configs:\n    - from: 2024-01-01\n      store: boltdb-shipper\n      object_store: filesystem\n      schema: v13\n';
    assert.deepEqual(loki('loki.yaml', { 'loki.yaml': period }), [
      '3:6-3:11 error loki/config boltdb-shipper インデックスには index.period: 24h が必要ですが、この期間には指定がありません。Loki は起動しません。',
      '3:13-3:27 error loki/config 構造化メタデータ（Loki 3 から既定で受け付ける）には最新の期間が tsdb インデックスである必要があります。boltdb-shipper が指定されています。Loki 3 は起動しません。tsdb の期間を追加するか、limits_config.allow_structured_metadata: false を設定してください。',
    ]);
    const local = 'infra/docker/loki/loki-config.yaml';
    const files = {
      [local]: DESIGN.replace('http_listen_port: 3100', 'http_listen_port: 3101'),
      'docker-compose.yaml': COMPOSE,
      'infra/docker/grafana/provisioning/datasources/datasources.yaml': DATASOURCES,
    };
    assert.deepEqual(loki(local, files), [
      '4:20-4:24 warning loki/policy server.http_listen_port は 3101 ですが、設計では Loki はポート 3100 で提供されます（コンポーネントとポート一覧。Grafana の Loki データソースは http://loki:3100）。',
      '  fix 3100 に変更: 4:20-4:24 "3100"',
      '4:20-4:24 warning loki/policy server.http_listen_port は 3101 ですが、compose のサービス loki（docker-compose.yaml）が公開するのは 3100 です。Loki に到達できません。',
      '4:20-4:24 warning loki/policy server.http_listen_port は 3101 ですが、Grafana のデータソース "Loki"（datasources.yaml）は http://loki:3100 で Loki に接続します。クエリが失敗します。',
      '29:20-29:24 warning loki/config limits_config.retention_period は 168h ですが、適用するものがありません: compactor ブロックがありません（compactor.retention_enabled: true と compactor.delete_request_store が必要）。このままでは Loki はログを削除せず、永久に保持します。',
      '  fix 保持期間を適用する compactor を追加: 35:0-35:0 "\\ncompactor:\\n  retention_enabled: true\\n  delete_request_store: filesystem\\n"',
    ]);
    const prod = 'deploy/prod/loki.yaml';
    assert.deepEqual(loki(prod, { [prod]: `${DESIGN}compactor:\n  retention_enabled: false\n`.replace(/limits_config:\n.*\n.*\n/, '') }), [
      '1:0-1:12 warning loki/policy limits_config.retention_period がないため Loki はログを永久に保持しますが、設計では prod のログを 2160h（90 日）保持します（ログ保持期間ポリシー）。環境は folder prod/ から判断しました。',
    ]);
    const staging = 'deploy/loki.staging.yaml';
    const retention = `schema_config:\n  configs:\n    - ${PERIOD}\nlimits_config:\n  retention_period: 1h\ncompactor:\n  working_directory: /x\n`;
    assert.deepEqual(loki(staging, { [staging]: retention }), [
      '4:20-4:22 warning loki/config limits_config.retention_period は 1h ですが、適用するものがありません: compactor.retention_enabled が true ではありません。このままでは Loki はログを削除せず、永久に保持します。',
      '4:20-4:22 warning loki/policy limits_config.retention_period は 1h ですが、設計では staging のログを 720h（30 日）保持します（ログ保持期間ポリシー: dev 168h、staging 720h、prod 2160h）。環境は file name loki.staging から判断しました。',
      '  fix 720h に変更: 4:20-4:22 "720h"',
    ]);
    const streams = `schema_config:\n  configs:\n    - ${PERIOD}\nlimits_config:\n  retention_stream:\n    - selector: '{a="b"}'\n      period: 24h\n`;
    assert.deepEqual(loki('loki.yaml', { 'loki.yaml': streams }), [
      '4:2-4:18 warning loki/config limits_config.retention_stream でストリームごとの保持期間を設定していますが、適用するものがありません: compactor ブロックがありません（compactor.retention_enabled: true と compactor.delete_request_store が必要）。このままでは Loki はログを削除せず、永久に保持します。',
      '  fix 保持期間を適用する compactor を追加: 7:0-7:0 "\\ncompactor:\\n  working_directory: /loki/compactor\\n  retention_enabled: true\\n  delete_request_store: s3\\n"',
    ]);
  } finally {
    setLocale('en');
  }
});
