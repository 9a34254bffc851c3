/**
 * What the catalog, label, alert and policy checks say (catalog/*, promql/counter,
 * promql/rate-window, promql/regex, promql/vector-matching, alerts/*, policy/*).
 * Japanese uses the design's words (Tier, SLO, バーンレート, アラート) and names its
 * sections as written.
 */
import { messages } from '../l10n';

const listEn = (items: readonly string[]): string => items.join(', ');
const listJa = (items: readonly string[]): string => items.join('、');
const labelsEn = (labels: readonly string[]): string => (labels.length ? listEn(labels) : 'no labels');
const labelsJa = (labels: readonly string[]): string => (labels.length ? listJa(labels) : 'ラベルなし');

/** Where a metric, rule or value comes from, as messages name it. */
export type Origin =
  | { kind: 'catalog'; design?: string }
  | { kind: 'workspaceCatalog'; file: string }
  | { kind: 'tiers' }
  | { kind: 'languages' }
  | { kind: 'services' }
  | { kind: 'scrapeJobs' }
  | { kind: 'configFiles' }
  | { kind: 'live' }
  | { kind: 'exporter'; name: string }
  | { kind: 'workspaceRule' }
  | { kind: 'unknown' };

const en = {
  origin: (p: { origin: Origin }): string => {
    const o = p.origin;
    switch (o.kind) {
      case 'catalog':
        return o.design ? `the k1s0 catalog (${o.design}: カスタムメトリクス一覧)` : 'the k1s0 catalog';
      case 'workspaceCatalog':
        return `the workspace catalog ${o.file}`;
      case 'tiers':
        return 'the design tiers';
      case 'languages':
        return 'the telemetry libraries';
      case 'services':
        return 'the design services';
      case 'scrapeJobs':
        return 'the scrape jobs of prometheus.yaml';
      case 'configFiles':
        return 'the config files (app.name)';
      case 'live':
        return 'the live Prometheus';
      case 'exporter':
        return `the ${o.name} exporter`;
      case 'workspaceRule':
        return 'a recording rule of the workspace';
      case 'unknown':
        return 'an unknown source';
    }
  },
  fixChange: (p: { to: string }) => `Change to ${p.to}`,
  fixChangeQuoted: (p: { to: string }) => `Change to "${p.to}"`,
  moreValues: (p: { shown: string; count: number }) => `${p.shown}, … (${p.count} in all)`,
  sources: (p: { sources: readonly string[] }) => p.sources.join(', '),
  noLabels: () => 'no labels',

  // alerts/labels, alerts/condition (alertRules.ts) -----------------------------------
  alertNoLabel: (p: { alert: string; label: string; values: readonly string[] }) =>
    `alert ${p.alert} has no ${p.label} label: the design's alerts carry ${p.label}${p.values.length ? `: ${p.values.join(' | ')}` : ''}`,
  badSeverity: (p: { value: string; severities: readonly string[]; suggestion?: string }) =>
    `severity "${p.value}" is not one of the design's severities (${listEn(p.severities)})${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,
  alertNoAnnotation: (p: { alert: string; annotation: string }) => `alert ${p.alert} has no ${p.annotation} annotation: the design's alerts say what fires in ${p.annotation}`,
  labelAlwaysEmpty: (p: { label: string; labels: string; suggestion?: string }) =>
    `$labels.${p.label} is always empty: the alert's expression keeps only ${p.labels}${p.suggestion ? `; did you mean $labels.${p.suggestion}?` : ''}`,
  alwaysFires: (p: { alert: string; expr: string }) =>
    `alert ${p.alert} has no comparison or filter: it fires for every series "${p.expr}" returns, all the time; compare it with a threshold (e.g. > 0)`,

  // promql/counter --------------------------------------------------------------------
  rawCounter: (p: { metric: string; window: string }) =>
    `${p.metric} is a counter used raw: it only grows and restarts from zero, so compare or graph rate(${p.metric}[${p.window}]) or increase(...) instead`,
  fixUseRate: (p: { text: string; window: string }) => `Use rate(${p.text}[${p.window}])`,

  // catalog/file (extension.ts, handler.ts) -------------------------------------------
  extensionUnreadable: (p: { error: string }) => `the catalog extension cannot be read: ${p.error}`,
  extensionNotMapping: () => 'a catalog extension is a mapping of metrics, services, labels, targetLabels, exporters, tiers, languages',
  theFile: () => 'the file',
  extensionUnknownKey: (p: { key: string; where: string; suggestion?: string; allowed: readonly string[] }) =>
    `unknown key "${p.key}" in ${p.where}${p.suggestion ? `; did you mean "${p.suggestion}"?` : p.allowed.length ? ` (expected ${listEn(p.allowed)})` : ''}`,
  extensionMissing: (p: { where: string; key: string }) => `${p.where}: missing "${p.key}"`,
  extensionNotInEnum: (p: { where: string; values: readonly string[]; got: string; suggestion?: string }) =>
    `${p.where} must be one of ${listEn(p.values)}; got "${p.got}"${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,
  extensionInvalid: (p: { where: string; problem: string }) => `${p.where}: ${p.problem}`,
  extensionTooBig: (p: { kb: number; maxKb: number }) =>
    `Not read: this catalog extension is ${p.kb} KB, over the ${p.maxKb} KB a catalog extension may have. Keep the metrics and label values your queries use (a live Prometheus, k1s0.prometheus.url, knows the rest).`,

  // catalog/high-cardinality ----------------------------------------------------------
  highCardinality: (p: { rule: string; label: string; help?: string }) =>
    `recording rule ${p.rule} keeps ${p.label} in by (…): ${p.label} is a high-cardinality label in the k1s0 catalog${p.help ? ` (${p.help})` : ''}, so the rule records one series per value; aggregate it away`,

  // catalog/label-value ---------------------------------------------------------------
  unknownValue: (p: { name: string; op: string; value: string; source: string; values: string; suggestion?: string }) =>
    `${p.name}${p.op}"${p.value}" ${p.op === '=' ? 'selects nothing' : 'excludes nothing'}: "${p.value}" is not a known ${p.name} (${p.source}: ${p.values})${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,
  regexMatchesNone: (p: { name: string; op: string; value: string; source: string; values: string }) =>
    `${p.name}${p.op}"${p.value}" ${p.op === '=~' ? 'selects nothing' : 'excludes nothing'}: the regex matches none of the known ${p.name} values (${p.source}: ${p.values})`,

  // catalog/metric-type ---------------------------------------------------------------
  histogramNoSeries: (p: { name: string; origin: string }) =>
    `${p.name} is a histogram (from ${p.origin}) with no series of its own: select ${p.name}_bucket (with le), ${p.name}_sum or ${p.name}_count`,
  seriesRule: (p: { metric: string; file: string }) => `recording rule ${p.metric} (${p.file})`,
  seriesFrom: (p: { metric: string; origin: string }) => `${p.metric} (from ${p.origin})`,
  rateOfGauge: (p: { fn: string; series: string }) => `${p.fn}() is for counters, but ${p.series} is a gauge: use deriv() or delta() for a gauge's change, avg_over_time() for its level`,
  gaugeFnOfCounter: (p: { fn: string; series: string }) => `${p.fn}() of a counter is meaningless (${p.series} only grows and resets on restart): take rate() or increase() of it`,
  quantileNotBucket: (p: { series: string; type: string; part?: string }) =>
    `histogram_quantile() needs the _bucket series of a histogram, but ${p.series} is a ${p.type}${p.part ? ` ${p.part} series` : ''}`,
  quantileDropsLe: (p: { modifier?: string; labels: readonly string[] }) =>
    `histogram_quantile() needs the le label, but its input drops it${p.modifier ? ` (${p.modifier} (${listEn(p.labels)}))` : ''}: keep le in the aggregation`,
  fixKeepLe: () => 'Keep le in by (...)',

  // policy/alert, policy/slo ----------------------------------------------------------
  designSays: (p: { table: string; name: string; condition: string; for: string; severity: string }) => `(${p.table}: ${p.name} — ${p.condition}, for ${p.for}, ${p.severity})`,
  policyNoFor: (p: { rule: string; for: string; design: string }) => `${p.rule} has no for:, the design says for ${p.for} ${p.design}`,
  policyFor: (p: { rule: string; value: string; for: string; design: string }) => `${p.rule}: for is ${p.value}, the design says ${p.for} ${p.design}`,
  policySeverity: (p: { rule: string; value: string; severity: string; design: string }) => `${p.rule}: severity is ${p.value}, the design says ${p.severity} ${p.design}`,
  policyThreshold: (p: { rule: string; value: string; threshold: number; design: string }) => `${p.rule}: the threshold is ${p.value}, the design says ${p.threshold} ${p.design}`,
  policyBurnRate: (p: { rule: string; value?: string; burnRate: number; design: string }) => `${p.rule}: the burn-rate factor is ${p.value ?? 'missing'}, the design says ${p.burnRate}x ${p.design}`,
  policyWindows: (p: { rule: string; windows: readonly string[]; missing: readonly string[]; design: string }) =>
    `${p.rule}: the design's multi-window alert looks at ${p.windows.join(' + ')}, but no ${p.missing.join(' or ')} window is in the expression ${p.design}`,
  sloTarget: (p: { rule: string; value: string; targets: readonly { tier: string; percent: string }[]; source: string }) =>
    `${p.rule}: SLO target ${p.value} is not one of the design's (${p.targets.map((t) => `${t.tier} ${t.percent}%`).join(', ')}; ${p.source})`,

  // promql/rate-window ----------------------------------------------------------------
  rateWindow: (p: { fn: string; window: string; job?: string; interval: string; better: string }) =>
    `${p.fn}() over [${p.window}] is shorter than two scrape intervals (${p.job !== undefined ? `job ${p.job}` : 'the scrape interval'}: ${p.interval}): it sees fewer than two samples and returns nothing; use [${p.better}]`,
  fixUseWindow: (p: { better: string }) => `Use [${p.better}]`,

  // promql/regex ----------------------------------------------------------------------
  regexAnchor: (p: { anchors: readonly string[]; name: string; op: string; value: string }) =>
    `${p.anchors.join(' and ')} in ${p.name}${p.op}"${p.value}" changes nothing: Prometheus anchors label regexes at both ends`,
  fixRemove: (p: { what: readonly string[] }) => `Remove ${p.what.join(' and ')}`,
  plainRegex: (p: { name: string; op: string; value: string; better: string }) =>
    `${p.name}${p.op}"${p.value}" has no regex metacharacters (regexes are anchored, so it matches only "${p.value}"): use ${p.name}${p.better}"${p.value}"`,
  fixUseOp: (p: { op: string }) => `Use ${p.op}`,

  // catalog/undefined-rule ------------------------------------------------------------
  undefinedRule: (p: { name: string; suggestion?: string; file?: string; noRules: boolean }) =>
    `no rule file in the workspace records "${p.name}"${p.suggestion ? `; did you mean "${p.suggestion}" (recorded in ${p.file ?? ''})?` : p.noRules ? ' (the workspace defines no recording rules)' : ''}`,

  // catalog/unknown-label -------------------------------------------------------------
  seriesRuleKeeps: (p: { metric: string; file: string; labels: string }) => `the recording rule ${p.metric} (${p.file}) keeps only ${p.labels}`,
  seriesCarries: (p: { metric: string; origin?: string; labels: string }) => `${p.metric}, from ${p.origin ?? 'the catalog'}, carries ${p.labels}`,
  aggregationInput: (p: { op: string; modifier: string; labels: string }) => `the input of ${p.op} ${p.modifier} (...) carries ${p.labels}`,
  unknownLabel: (p: { label: string; context: string; suggestion?: string }) => `label "${p.label}" cannot be on these series: ${p.context}${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,

  // catalog/unknown-metric ------------------------------------------------------------
  unknownMetric: (p: { name: string; suggestion?: string; origin?: string; family?: string }) =>
    `unknown metric "${p.name}": not in the k1s0 catalog, a known exporter, or a recording rule of the workspace${
      p.suggestion ? `; did you mean "${p.suggestion}" from ${p.origin ?? ''}?` : '; add it to .k1s0/catalog.yaml if a service of yours exports it'
    }${p.family && p.suggestion ? ` (a ${p.family} name would not be this close to a k1s0 one)` : ''}`,

  // promql/vector-matching ------------------------------------------------------------
  onNeither: (p: { label: string; left: readonly string[]; right: readonly string[] }) =>
    `on (${p.label}): neither side can carry "${p.label}" (left: ${labelsEn(p.left)}; right: ${labelsEn(p.right)}), so it is empty on every series and matches everything`,
  ignoringNeither: (p: { label: string; left: readonly string[]; right: readonly string[] }) =>
    `ignoring (${p.label}) changes nothing: neither side can carry "${p.label}" (left: ${labelsEn(p.left)}; right: ${labelsEn(p.right)})`,
  groupNothingCopied: (p: { group: 'group_left' | 'group_right'; label: string; oneSide: readonly string[] }) =>
    `${p.group} (${p.label}): the "one" side (${p.group === 'group_left' ? 'right' : 'left'}: ${labelsEn(p.oneSide)}) cannot carry "${p.label}", so nothing is copied`,
  neverMatch: (p: { op: string; how: 'on' | 'ignoring' | 'all'; names: readonly string[]; left: readonly string[]; right: readonly string[]; differ: readonly string[] }) =>
    `the sides of "${p.op}" can never match ${p.how === 'all' ? 'on all their labels' : `with ${p.how} (${listEn(p.names)})`}: the left carries ${labelsEn(p.left)}, the right ${labelsEn(p.right)}; ` +
    `every series differs on ${listEn(p.differ)}, so the result is always empty`,
  fixMatch: (p: { clause: string }) => `Match ${p.clause}`,
};

function originJa(o: Origin): string {
  switch (o.kind) {
    case 'catalog':
      return o.design ? `k1s0 カタログ（${o.design}: カスタムメトリクス一覧）` : 'k1s0 カタログ';
    case 'workspaceCatalog':
      return `ワークスペースのカタログ ${o.file}`;
    case 'tiers':
      return '設計の Tier';
    case 'languages':
      return 'テレメトリライブラリ';
    case 'services':
      return '設計のサービス';
    case 'scrapeJobs':
      return 'prometheus.yaml のスクレイプジョブ';
    case 'configFiles':
      return '設定ファイル（app.name）';
    case 'live':
      return '稼働中の Prometheus';
    case 'exporter':
      return `${o.name} エクスポーター`;
    case 'workspaceRule':
      return 'ワークスペースのレコーディングルール';
    case 'unknown':
      return '不明な出所';
  }
}

const TYPE_JA: Record<string, string> = { counter: 'カウンター', gauge: 'ゲージ', histogram: 'ヒストグラム', summary: 'サマリー' };

export const say = messages('catalog', {
  en,
  ja: {
    origin: (p) => originJa(p.origin),
    fixChange: (p) => `${p.to} に変更`,
    fixChangeQuoted: (p) => `"${p.to}" に変更`,
    moreValues: (p) => `${p.shown}、…（全 ${p.count} 件）`,
    sources: (p) => p.sources.join('、'),
    noLabels: () => 'ラベルなし',

    alertNoLabel: (p) => `アラート ${p.alert} に ${p.label} ラベルがありません。設計のアラートは ${p.label}${p.values.length ? `: ${p.values.join(' | ')}` : ''} を持ちます`,
    badSeverity: (p) => `severity "${p.value}" は設計の severity（${listJa(p.severities)}）のいずれでもありません${p.suggestion ? `。"${p.suggestion}" の誤りではありませんか？` : ''}`,
    alertNoAnnotation: (p) => `アラート ${p.alert} に ${p.annotation} アノテーションがありません。設計のアラートは何が発火したかを ${p.annotation} に書きます`,
    labelAlwaysEmpty: (p) => `$labels.${p.label} は常に空です。アラートの式が残すラベルは ${p.labels} だけです${p.suggestion ? `。$labels.${p.suggestion} の誤りではありませんか？` : ''}`,
    alwaysFires: (p) => `アラート ${p.alert} に比較もフィルタもありません。"${p.expr}" が返すすべての系列について常に発火します。しきい値と比較してください（例: > 0）`,

    rawCounter: (p) => `${p.metric} はカウンターをそのまま使っています。カウンターは増え続け、再起動で 0 に戻るため、rate(${p.metric}[${p.window}]) や increase(...) を比較・グラフ化してください`,
    fixUseRate: (p) => `rate(${p.text}[${p.window}]) を使う`,

    extensionUnreadable: (p) => `カタログ拡張を読めません: ${p.error}`,
    extensionNotMapping: () => 'カタログ拡張は metrics、services、labels、targetLabels、exporters、tiers、languages のマッピングです',
    theFile: () => 'ファイル',
    extensionUnknownKey: (p) =>
      `${p.where} に未知のキー "${p.key}" があります${p.suggestion ? `。"${p.suggestion}" の誤りではありませんか？` : p.allowed.length ? `（使用できるキー: ${listJa(p.allowed)}）` : ''}`,
    extensionMissing: (p) => `${p.where} に "${p.key}" がありません`,
    extensionNotInEnum: (p) => `${p.where} は ${listJa(p.values)} のいずれかである必要がありますが、"${p.got}" です${p.suggestion ? `。"${p.suggestion}" の誤りではありませんか？` : ''}`,
    extensionInvalid: (p) => `${p.where} の値が正しくありません（${p.problem}）`,
    extensionTooBig: (p) =>
      `読み込みませんでした: このカタログ拡張は ${p.kb} KB で、カタログ拡張の上限 ${p.maxKb} KB を超えています。クエリが使うメトリクスとラベル値だけを残してください（残りは稼働中の Prometheus、k1s0.prometheus.url が知っています）。`,

    highCardinality: (p) =>
      `レコーディングルール ${p.rule} は by (…) に ${p.label} を残しています。${p.label} は k1s0 カタログで高カーディナリティのラベルです${p.help ? `（${p.help}）` : ''}。値ごとに 1 系列が記録されるため、集約で落としてください`,

    unknownValue: (p) =>
      `${p.name}${p.op}"${p.value}" は${p.op === '=' ? '何も選択しません' : '何も除外しません'}。"${p.value}" は既知の ${p.name} ではありません（${p.source}: ${p.values}）${p.suggestion ? `。"${p.suggestion}" の誤りではありませんか？` : ''}`,
    regexMatchesNone: (p) =>
      `${p.name}${p.op}"${p.value}" は${p.op === '=~' ? '何も選択しません' : '何も除外しません'}。正規表現が既知の ${p.name} の値のどれにもマッチしません（${p.source}: ${p.values}）`,

    histogramNoSeries: (p) => `${p.name} はヒストグラム（出所: ${p.origin}）で、それ自体の系列はありません。${p.name}_bucket（le 付き）、${p.name}_sum または ${p.name}_count を選択してください`,
    seriesRule: (p) => `レコーディングルール ${p.metric}（${p.file}）`,
    seriesFrom: (p) => `${p.metric}（出所: ${p.origin}）`,
    rateOfGauge: (p) => `${p.fn}() はカウンター用ですが、${p.series} はゲージです。ゲージの変化には deriv() か delta()、水準には avg_over_time() を使ってください`,
    gaugeFnOfCounter: (p) => `カウンターの ${p.fn}() には意味がありません（${p.series} は増え続け、再起動でリセットされます）。rate() か increase() を取ってください`,
    quantileNotBucket: (p) => `histogram_quantile() にはヒストグラムの _bucket 系列が必要ですが、${p.series} は${TYPE_JA[p.type] ?? p.type}${p.part ? `の ${p.part} 系列` : ''}です`,
    quantileDropsLe: (p) => `histogram_quantile() には le ラベルが必要ですが、入力で落とされています${p.modifier ? `（${p.modifier} (${listEn(p.labels)})）` : ''}。集約で le を残してください`,
    fixKeepLe: () => 'by (...) に le を残す',

    designSays: (p) => `（${p.table}: ${p.name} — ${p.condition}、for ${p.for}、${p.severity}）`,
    policyNoFor: (p) => `${p.rule} に for: がありません。設計では for ${p.for} です${p.design}`,
    policyFor: (p) => `${p.rule}: for が ${p.value} ですが、設計では ${p.for} です${p.design}`,
    policySeverity: (p) => `${p.rule}: severity が ${p.value} ですが、設計では ${p.severity} です${p.design}`,
    policyThreshold: (p) => `${p.rule}: しきい値が ${p.value} ですが、設計では ${p.threshold} です${p.design}`,
    policyBurnRate: (p) => `${p.rule}: バーンレートの係数が${p.value !== undefined ? ` ${p.value} です` : 'ありません'}が、設計では ${p.burnRate}x です${p.design}`,
    policyWindows: (p) => `${p.rule}: 設計のマルチウィンドウアラートは ${p.windows.join(' + ')} の窓を見ますが、式に ${p.missing.join(' / ')} の窓がありません${p.design}`,
    sloTarget: (p) => `${p.rule}: SLO 目標 ${p.value} は設計の値（${p.targets.map((t) => `${t.tier} ${t.percent}%`).join('、')}。${p.source}）のいずれでもありません`,

    rateWindow: (p) =>
      `${p.fn}() の範囲 [${p.window}] がスクレイプ間隔の 2 倍より短くなっています（${p.job !== undefined ? `ジョブ ${p.job}` : 'スクレイプ間隔'}: ${p.interval}）。サンプルが 2 つ未満になり何も返しません。[${p.better}] を使ってください`,
    fixUseWindow: (p) => `[${p.better}] を使う`,

    regexAnchor: (p) => `${p.name}${p.op}"${p.value}" の ${p.anchors.join(' と ')} は何も変えません。Prometheus はラベルの正規表現を両端で固定します`,
    fixRemove: (p) => `${p.what.join(' と ')} を削除`,
    plainRegex: (p) =>
      `${p.name}${p.op}"${p.value}" には正規表現のメタ文字がありません（正規表現は両端で固定されるため "${p.value}" にだけマッチします）。${p.name}${p.better}"${p.value}" を使ってください`,
    fixUseOp: (p) => `${p.op} を使う`,

    undefinedRule: (p) =>
      `ワークスペースのどのルールファイルも "${p.name}" を記録していません${p.suggestion ? `。"${p.suggestion}"（${p.file ?? ''} で記録）の誤りではありませんか？` : p.noRules ? '（ワークスペースにレコーディングルールがありません）' : ''}`,

    seriesRuleKeeps: (p) => `レコーディングルール ${p.metric}（${p.file}）が残すラベルは ${p.labels} だけです`,
    seriesCarries: (p) => `${p.metric}（出所: ${p.origin ?? 'カタログ'}）が持つラベルは ${p.labels} です`,
    aggregationInput: (p) => `${p.op} ${p.modifier} (...) の入力が持つラベルは ${p.labels} です`,
    unknownLabel: (p) => `ラベル "${p.label}" はこれらの系列にはありません。${p.context}${p.suggestion ? `。"${p.suggestion}" の誤りではありませんか？` : ''}`,

    unknownMetric: (p) =>
      `未知のメトリクス "${p.name}" です。k1s0 カタログ、既知のエクスポーター、ワークスペースのレコーディングルールのどれにもありません${
        p.suggestion ? `。${p.origin ?? ''} の "${p.suggestion}" の誤りではありませんか？` : '。自分のサービスが出力するメトリクスなら .k1s0/catalog.yaml に追加してください'
      }${p.family && p.suggestion ? `（${p.family} の名前なら k1s0 の名前にここまで似ないはずです）` : ''}`,

    onNeither: (p) => `on (${p.label}): どちらの辺も "${p.label}" を持てないため（左: ${labelsJa(p.left)}、右: ${labelsJa(p.right)}）、すべての系列で空になり何にでもマッチします`,
    ignoringNeither: (p) => `ignoring (${p.label}) は何も変えません。どちらの辺も "${p.label}" を持てません（左: ${labelsJa(p.left)}、右: ${labelsJa(p.right)}）`,
    groupNothingCopied: (p) => `${p.group} (${p.label}): "one" 側（${p.group === 'group_left' ? '右' : '左'}: ${labelsJa(p.oneSide)}）が "${p.label}" を持てないため、何もコピーされません`,
    neverMatch: (p) =>
      `"${p.op}" の両辺は${p.how === 'all' ? 'すべてのラベル' : ` ${p.how} (${listEn(p.names)}) `}で決してマッチしません。左が持つラベルは ${labelsJa(p.left)}、右は ${labelsJa(p.right)} で、` +
      `すべての系列が ${listJa(p.differ)} で異なるため、結果は常に空です`,
    fixMatch: (p) => `${p.clause} でマッチさせる`,
  },
});
