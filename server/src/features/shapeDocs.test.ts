/**
 * Every key and value a shape documents has its Japanese, and hover and
 * completion say it under Japanese: one key of each kind of file, and the
 * documentation made by code (collector components, OTEL_* variables,
 * matchers, service discovery).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc, Shape } from '../base/yaml/shape';
import { setLocale } from '../l10n';
import { FILE_KINDS } from '../service/fileKinds';
import { ALERTMANAGER_SHAPE } from '../alertmanager/shape';
import { COMPOSE_SHAPE } from '../compose/shape';
import { LOKI_SHAPE } from '../loki/shape';
import { COLLECTOR_SHAPE } from '../otelcol/shapes';
import { PROMETHEUS_CONFIG_SHAPE } from '../prometheus/configShape';
import { PROMTAIL_SHAPE } from '../promtail/shape';
import { completeShape, hoverShape } from './shapeAssist';
import { completeOtelEnv, hoverOtelEnv } from './otelEnvAssist';
import { SHAPE_DOCS_JA, japaneseOf } from './shapeDocs';

/** Every documentation of every file kind's shape, keys chosen by name (a collector's `otlp/in`) included. */
function allDocs(): { kind: string; doc: Doc }[] {
  const found: { kind: string; doc: Doc }[] = [];
  const seen = new Set<Shape>();
  const walk = (kind: string, shape: Shape | undefined): void => {
    if (!shape || seen.has(shape)) return;
    seen.add(shape);
    if (shape.doc !== undefined) found.push({ kind, doc: shape.doc });
    if (shape.type === 'map') {
      for (const [key, field] of Object.entries(shape.fields)) {
        if (field.doc !== undefined) found.push({ kind, doc: field.doc });
        walk(kind, field.shape);
        walk(kind, shape.valuesOf?.(`${key}/named`));
      }
      walk(kind, shape.values);
    }
    if (shape.type === 'list') walk(kind, shape.items);
    if (shape.type === 'oneOf') for (const option of shape.options) walk(kind, option);
  };
  for (const handler of FILE_KINDS) walk(handler.kind, handler.shape);
  return found;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

test("every shape's documentation has Japanese, every Japanese table entry documents something, and the tables agree", () => {
  const docs = allDocs();
  assert.ok(docs.length > 700, String(docs.length));
  const missing = new Set<string>();
  const used = new Set<string>();
  for (const { kind, doc } of docs) {
    if (typeof doc === 'string') {
      used.add(doc);
      if (japaneseOf(doc) === undefined) missing.add(`${kind}: ${doc}`);
    } else if (!JAPANESE.test(doc.ja) || doc.ja === doc.en) missing.add(`${kind}: ${doc.en} → ${doc.ja}`);
  }
  assert.deepEqual([...missing], []);
  const problems: string[] = [];
  const first = new Map<string, string>();
  for (const { area, table } of SHAPE_DOCS_JA) {
    for (const [english, japanese] of Object.entries(table)) {
      if (!used.has(english)) problems.push(`${area}: documents nothing: ${english}`);
      if (!JAPANESE.test(japanese) || japanese === english) problems.push(`${area}: not Japanese: ${english} → ${japanese}`);
      const earlier = first.get(english);
      if (earlier !== undefined && earlier !== japanese) problems.push(`${area}: another Japanese than before: ${english} → ${japanese} / ${earlier}`);
      first.set(english, japanese);
    }
  }
  assert.deepEqual(problems, []);
});

/** Hover at the `nth` character of `needle` in `text`, and completion at `|`. */
function hover(text: string, needle: string, shape: Shape, nth = 1): string | undefined {
  return hoverShape(text, text.indexOf(needle) + nth, shape)?.contents;
}
function complete(marked: string, shape: Shape, label: string): { detail?: string; documentation?: string } | undefined {
  const item = completeShape(marked.replace('|', ''), marked.indexOf('|'), shape).find((i) => i.label === label);
  return item && { ...(item.detail !== undefined ? { detail: item.detail } : {}), ...(item.documentation !== undefined ? { documentation: item.documentation } : {}) };
}

test('under Japanese, hover and completion of a key of each kind of file say its Japanese', () => {
  setLocale('ja');
  try {
    assert.equal(hover('global:\n  scrape_interval: 15s\n', 'scrape_interval', PROMETHEUS_CONFIG_SHAPE), '**scrape_interval** — 期間\n\nターゲットをスクレイプするデフォルトの間隔（デフォルト 1m）。');
    assert.deepEqual(complete('scrape_configs:\n  - job_name: api\n    sample_l|\n', PROMETHEUS_CONFIG_SHAPE, 'sample_limit'), {
      detail: '整数',
      documentation: 'メトリクスのリラベル後に 1 回のスクレイプで受け入れるサンプル数。スクレイプごとの上限で、0 は無制限です。',
    });
    assert.equal(
      hover('scrape_configs:\n  - job_name: api\n    consul_sd_configs: []\n', 'consul_sd', PROMETHEUS_CONFIG_SHAPE),
      '**consul_sd_configs** — マッピングのリスト\n\nconsul のサービスディスカバリー。',
    );
    assert.deepEqual(complete('route:\n  receiver: teams\n  group_w|\n', ALERTMANAGER_SHAPE, 'group_wait'), {
      detail: '期間',
      documentation: '新しいグループの最初の通知までの待ち時間（デフォルト 30s）。',
    });
    assert.equal(
      hover('inhibit_rules:\n  - source_matchers: [severity="critical"]\n', 'source_matchers', ALERTMANAGER_SHAPE),
      '**source_matchers** — 文字列のリスト\n\nミュートする側のアラートの条件。各項目は `name=value`、`name!=value`、`name=~regex` または `name!~regex` です（値は引用符で囲めます。カンマ区切りで複数書けます）。',
    );
    assert.equal(
      hover('services:\n  api:\n    profiles: [observability]\n', 'profiles', COMPOSE_SHAPE),
      '**profiles** — 文字列のリスト\n\nこのサービスを起動するプロファイル（`docker compose --profile observability up -d`）。',
    );
    assert.equal(
      hover('services:\n  api:\n    environment:\n      OTEL_EXPORTER_OTLP_PROTOCOL: grpc\n', 'OTEL_EXPORTER', COMPOSE_SHAPE),
      '**OTEL_EXPORTER_OTLP_PROTOCOL** — 文字列\n\nOTLP のトランスポート。grpc（ポート 4317）、または http/protobuf、http/json（ポート 4318）。デフォルト: `http/protobuf`。\n\n値: `grpc`, `http/protobuf`, `http/json`',
    );
    assert.equal(
      hover('positions:\n  filename: /run/promtail/positions.yaml\n', 'filename', PROMTAIL_SHAPE),
      '**filename** — 文字列\n\n読み取り位置を保存する場所（`/run/promtail/positions.yaml`。Kubernetes ではボリューム）。',
    );
    assert.equal(
      hover('auth_enabled: false\n', 'auth_enabled', LOKI_SHAPE),
      '**auth_enabled** — 真偽値\n\nマルチテナンシー。true ではすべてのリクエストに `X-Scope-OrgID` が必要です。テナントが 1 つなら `false`（テナント `fake`）。',
    );
    assert.equal(hover('processors:\n  batch:\n    timeout: 1s\n', 'timeout', COLLECTOR_SHAPE), '**timeout** — 期間\n\nバッチを送るまでの最長の待ち時間（デフォルト 200ms）。');
    assert.equal(
      hover('receivers:\n  otlp/in:\n    protocols: {}\n', 'otlp/in', COLLECTOR_SHAPE),
      '**otlp/in** — マッピング\n\n`otlp` レシーバー（traces、metrics、logs）。ディストリビューション: otelcol (core)、otelcol-contrib、otelcol-k8s。',
    );
  } finally {
    setLocale('en');
  }
});

test('under Japanese, an OTEL_* variable of a .env file or a container env is described in Japanese', () => {
  setLocale('ja');
  try {
    const text = 'env:\n  - name: OTEL_TRACES_SAMPLER_ARG\n';
    assert.equal(hoverOtelEnv(text, text.indexOf('OTEL_') + 3)?.contents, '**OTEL_TRACES_SAMPLER_ARG** — 比率\n\nサンプラーの引数。traceidratio と parentbased_traceidratio では [0, 1] の比率です。');
    const protocol = 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL';
    assert.equal(
      hoverOtelEnv(`${protocol}=grpc`, 3)?.contents,
      `**${protocol}** — 列挙値\n\nOTLP トレースのトランスポート。grpc（ポート 4317）、または http/protobuf、http/json（ポート 4318）。\n\n既定: \`http/protobuf\`\n\n値: \`grpc\`, \`http/protobuf\`, \`http/json\``,
    );
    const item = completeOtelEnv('OTEL_BSP_SCHEDULE_DEL', 'OTEL_BSP_SCHEDULE_DEL'.length)[0];
    assert.deepEqual([item?.label, item?.detail, item?.documentation], ['OTEL_BSP_SCHEDULE_DELAY', '整数（既定 5000）', 'バッチスパンプロセッサーのエクスポートの間隔（ミリ秒）。']);
  } finally {
    setLocale('en');
  }
});
