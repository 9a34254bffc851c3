/**
 * What the editor features say: hover, completion details and documentation,
 * signature help, rename refusals and the outline's details. PromQL's own
 * notation (`rate(range vector) → instant vector`), code and metric names stay
 * as they are in every language.
 */
import { messages } from '../l10n';

const TYPE_JA: Record<string, string> = { counter: 'カウンター', gauge: 'ゲージ', histogram: 'ヒストグラム', summary: 'サマリー', unknown: '種類不明' };
const codes = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(', ');

const KEYWORDS_EN: Record<string, string> = {
  by: 'Keep only these labels in the aggregation result.',
  without: 'Drop these labels in the aggregation result.',
  on: 'Match series of both sides on these labels only.',
  ignoring: 'Match series of both sides ignoring these labels.',
  group_left: 'Many-to-one matching: the left side may have several series per match.',
  group_right: 'One-to-many matching: the right side may have several series per match.',
  bool: 'Comparison returns 0 or 1 instead of filtering.',
  offset: 'Shift the evaluation time back by a duration.',
  and: 'Set intersection.',
  or: 'Set union.',
  unless: 'Set complement.',
};
const KEYWORDS_JA: Record<string, string> = {
  by: '集約の結果にこれらのラベルだけを残す。',
  without: '集約の結果からこれらのラベルを落とす。',
  on: '両辺の系列をこれらのラベルだけでマッチさせる。',
  ignoring: '両辺の系列をこれらのラベルを無視してマッチさせる。',
  group_left: '多対一のマッチング: 左辺は 1 つのマッチに複数の系列を持てる。',
  group_right: '一対多のマッチング: 右辺は 1 つのマッチに複数の系列を持てる。',
  bool: '比較でフィルタせず 0 か 1 を返す。',
  offset: '評価時刻を期間だけ過去にずらす。',
  and: '集合の積（共通部分）。',
  or: '集合の和。',
  unless: '集合の差。',
};

const GRAFANA_EN: Record<string, string> = {
  $__rate_interval: 'Grafana: at least four scrape intervals',
  $__interval: 'Grafana: the step of the panel',
  $__range: 'Grafana: the range of the dashboard',
};
const GRAFANA_JA: Record<string, string> = {
  $__rate_interval: 'Grafana: スクレイプ間隔の 4 倍以上',
  $__interval: 'Grafana: パネルのステップ',
  $__range: 'Grafana: ダッシュボードの範囲',
};

const en = {
  keywordDoc: (p: { keyword: string }) => KEYWORDS_EN[p.keyword] ?? '',
  grafanaDuration: (p: { name: string }) => GRAFANA_EN[p.name] ?? '',
  duration: () => 'duration',
  labelValue: (p: { label: string }) => `${p.label} value`,
  recordingRule: () => 'recording rule',
  alert: () => 'alert',
  metricDetail: (p: { type: string; origin?: string }) => `${p.type} · ${p.origin ?? 'k1s0 catalog'}`,
  labelDetail: (p: { metric?: string; high: boolean }) => `${p.metric ? `label of ${p.metric}` : 'label'}${p.high ? ' · high cardinality' : ''}`,
  knownValues: (p: { values: readonly string[] }) => `Known values: ${codes(p.values)}`,
  highCardinality: (p: { help: string }) => `High cardinality${p.help ? `: ${p.help}` : ''}. Aggregate it away in recording rules and dashboards.`,
  experimental: (p: { flag: string }) => `Experimental: needs \`--enable-feature=${p.flag}\`.`,
  exporterMetric: (p: { family: string }) => `A metric of the ${p.family} exporter family.`,
  unknownMetric: () => 'Not in the k1s0 catalog, the known exporters or the recording rules of this workspace.',
  labelHover: (p: { label: string; values: readonly string[] }) => `**${p.label}** — label${p.values.length ? `\n\nKnown values: ${codes(p.values)}` : ''}`,
  seconds: (p: { text: string; seconds: number }) => `\`${p.text}\` = ${p.seconds.toLocaleString('en-US')} seconds`,
  metricTitle: (p: { name: string; type: string; series?: string; family: string }) => `**${p.name}** — ${p.type}${p.series ? ` (${p.series} series of ${p.family})` : ''}`,
  labels: (p: { labels: readonly string[] }) => `Labels: ${codes(p.labels)}`,
  from: (p: { origin: string }) => `From ${p.origin}.`,
  ruleTitle: (p: { name: string }) => `**${p.name}** — recording rule`,
  definedIn: (p: { path: string }) => `Defined in \`${p.path}\`.`,
  rules: (p: { count: number }) => `${p.count} rule${p.count === 1 ? '' : 's'}`,
  renameOnlyRules: () => 'Only recording-rule names can be renamed.',
  renameNotARule: (p: { name: string }) => `"${p.name}" is not a recording rule of this workspace; only those can be renamed.`,
  renameInvalid: (p: { name: string }) => `"${p.name}" is not a valid metric name: use letters, digits, "_" and ":", not starting with a digit (e.g. level:metric:operations).`,
  renameSame: () => 'The new name is the same as the old one.',
  renameTaken: (p: { name: string }) => `A recording rule named "${p.name}" already exists in the workspace.`,
  environmentPolicy: (p: { environment: string }) => `${p.environment} policy`,
  telemetrySettings: () => 'k1s0 telemetry settings',
  policyTable: () => '| environment | design value | rule |',
  everyCode: (p: { area: string }) => `every ${p.area}/* code`,
  codeDetail: (p: { short: string; severity: string }) => `${p.short} (default: ${p.severity})`,
  shapeKind: (p: { type: string; items?: string; required: boolean }) =>
    `${p.type === 'list' ? `list of ${p.items === 'map' ? 'mappings' : (p.items ?? '')}` : p.type === 'map' ? 'mapping' : p.type}${p.required ? ', required' : ''}`,
  shapeValues: (p: { values: readonly string[] }) => `Values: ${codes(p.values)}`,
  otelKind: (p: { kind: string }) => p.kind,
  otelDetail: (p: { kind: string; default?: string }) => `${p.kind}${p.default !== undefined ? ` (default ${p.default})` : ''}`,
  otelDefault: (p: { value: string }) => `Default: \`${p.value}\``,
};

/** The kinds of value of an OTEL_* variable (otel/variables.ts). */
const OTEL_KIND_JA: Record<string, string> = {
  string: '文字列',
  bool: '真偽値',
  int: '整数',
  number: '数値',
  url: 'URL',
  enum: '列挙値',
  list: 'カンマ区切りのリスト',
  pairs: 'key=value の組',
  ratio: '比率',
};

/** `文字列のリスト`; an item type without Japanese stays as written, a space before の. */
const listOfJa = (items: string): string => (SHAPE_JA[items] !== undefined ? `${SHAPE_JA[items]}のリスト` : `${items} のリスト`);

const SHAPE_JA: Record<string, string> = {
  map: 'マッピング',
  list: 'リスト',
  string: '文字列',
  int: '整数',
  number: '数値',
  bool: '真偽値',
  duration: '期間',
  size: 'サイズ',
  enum: '列挙値',
  oneOf: 'いずれかの形',
};

export const say = messages('features', {
  en,
  ja: {
    keywordDoc: (p) => KEYWORDS_JA[p.keyword] ?? '',
    grafanaDuration: (p) => GRAFANA_JA[p.name] ?? '',
    duration: () => '期間',
    labelValue: (p) => `${p.label} の値`,
    recordingRule: () => 'レコーディングルール',
    alert: () => 'アラート',
    metricDetail: (p) => `${TYPE_JA[p.type] ?? p.type} · ${p.origin ?? 'k1s0 カタログ'}`,
    labelDetail: (p) => `${p.metric ? `${p.metric} のラベル` : 'ラベル'}${p.high ? ' · 高カーディナリティ' : ''}`,
    knownValues: (p) => `既知の値: ${codes(p.values)}`,
    highCardinality: (p) => `高カーディナリティ${p.help ? `: ${p.help}` : ''}。レコーディングルールとダッシュボードでは集約で落としてください。`,
    experimental: (p) => `実験的機能: \`--enable-feature=${p.flag}\` が必要です。`,
    exporterMetric: (p) => `${p.family} エクスポーター系のメトリクス。`,
    unknownMetric: () => 'k1s0 カタログ、既知のエクスポーター、このワークスペースのレコーディングルールのどれにもありません。',
    labelHover: (p) => `**${p.label}** — ラベル${p.values.length ? `\n\n既知の値: ${codes(p.values)}` : ''}`,
    seconds: (p) => `\`${p.text}\` = ${p.seconds.toLocaleString('ja-JP')} 秒`,
    metricTitle: (p) => `**${p.name}** — ${TYPE_JA[p.type] ?? p.type}${p.series ? `（${p.family} の ${p.series} 系列）` : ''}`,
    labels: (p) => `ラベル: ${codes(p.labels)}`,
    from: (p) => `出所: ${p.origin}。`,
    ruleTitle: (p) => `**${p.name}** — レコーディングルール`,
    definedIn: (p) => `定義: \`${p.path}\``,
    rules: (p) => `${p.count} ルール`,
    renameOnlyRules: () => '名前を変更できるのはレコーディングルールの名前だけです。',
    renameNotARule: (p) => `"${p.name}" はこのワークスペースのレコーディングルールではありません。名前を変更できるのはレコーディングルールだけです。`,
    renameInvalid: (p) => `"${p.name}" はメトリクス名として正しくありません。英字、数字、"_"、":" を使い、数字で始めないでください（例: level:metric:operations）。`,
    renameSame: () => '新しい名前が元の名前と同じです。',
    renameTaken: (p) => `"${p.name}" という名前のレコーディングルールがワークスペースに既にあります。`,
    environmentPolicy: (p) => `${p.environment} のポリシー`,
    telemetrySettings: () => 'k1s0 テレメトリ設定',
    policyTable: () => '| 環境 | 設計値 | ルール |',
    everyCode: (p) => `${p.area}/* のすべてのコード`,
    codeDetail: (p) => `${p.short}（既定: ${p.severity}）`,
    shapeKind: (p) => `${p.type === 'list' ? listOfJa(p.items ?? '') : (SHAPE_JA[p.type] ?? p.type)}${p.required ? '、必須' : ''}`,
    shapeValues: (p) => `値: ${codes(p.values)}`,
    otelKind: (p) => OTEL_KIND_JA[p.kind] ?? p.kind,
    otelDetail: (p) => `${OTEL_KIND_JA[p.kind] ?? p.kind}${p.default !== undefined ? `（既定 ${p.default}）` : ''}`,
    otelDefault: (p) => `既定: \`${p.value}\``,
  },
});

/** The words completion offers after an expression (by, on, bool, …). */
export const KEYWORDS = Object.keys(KEYWORDS_EN);
/** Grafana's interval variables (dashboards only). */
export const GRAFANA_DURATIONS = Object.keys(GRAFANA_EN);
