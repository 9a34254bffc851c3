/** What the SLO checks say (slo/bucket-threshold, policy/slo's burn-rate pairs), in the design's words. */
import { messages } from '../l10n';

type Between = { kind: 'between'; low: number; high: number } | { kind: 'above'; bound: number } | { kind: 'below'; bound: number };
type MissingAlert = { name: string; burnRate: number | undefined; windows: readonly string[]; severity: string };

const betweenEn = (b: Between): string =>
  b.kind === 'between'
    ? `between the bounds ${b.low} and ${b.high}`
    : b.kind === 'above'
      ? `above the largest bound ${b.bound} (a quantile in the +Inf bucket is reported as ${b.bound})`
      : `below the smallest bound ${b.bound}`;
const betweenJa = (b: Between): string =>
  b.kind === 'between' ? `境界 ${b.low} と ${b.high} の間` : b.kind === 'above' ? `最大の境界 ${b.bound} より上（+Inf バケットの分位数は ${b.bound} と報告されます）` : `最小の境界 ${b.bound} より下`;

const en = {
  bucketThreshold: (p: { threshold: string; family: string; via?: string; between: Between; buckets: readonly number[] }) =>
    `the threshold ${p.threshold} is not a bucket bound of ${p.family}${p.via ? ` (read by ${p.via})` : ''}: it is ${betweenEn(p.between)}, where histogram_quantile only interpolates; compare against a bound (buckets: ${p.buckets.join(', ')})`,
  fixChange: (p: { to: string }) => `Change to ${p.to}`,
  burnRateMissing: (p: { tier: string; percent: string; missing: readonly MissingAlert[]; services: readonly string[]; source: string }) =>
    `the ${p.tier} tier (SLO ${p.percent}) has no ${p.missing.map((d) => `${d.name} (${d.burnRate}x over ${d.windows.join(' + ')}, ${d.severity})`).join(' and ')} covering ${p.services.join(', ')}: the design pages and tickets on the burn rate of every SLO (${p.source})`,
  fixAddBurnRate: (p: { names: readonly string[]; tier: string; percent: string }) => `Add ${p.names.join(' and ')} for the ${p.tier} tier (SLO ${p.percent})`,

  // the SLO tree (slo/model.ts): problems and notes the editor's tree and `k1s0-obs slo` show -------
  fromScrapeJob: (p: { job: string }) => `scrape job ${p.job}`,
  doesNotParse: (p: { file: string; error: string }) => `${p.file} does not parse: ${p.error}`,
  tierConflict: (p: { given: readonly { tier: string; from: string }[]; tier: string }) => `tier given differently: ${p.given.map((t) => `${t.tier} (${t.from})`).join(', ')}; ${p.tier} is used`,
  tierUnknown: (p: { tier: string; tiers: readonly string[] }) => `tier "${p.tier}" is not one of the design's (${p.tiers.join(', ')})`,
  noTier: () => 'no tier: give the scrape job a tier label or the config file app.tier',
  notCovering: (p: { alert: string; selects: string; service: string; tier?: string; jobs: readonly string[] }) =>
    `${p.alert} selects ${p.selects}, which leaves out ${p.service} (tier ${p.tier ?? 'unknown'}${p.jobs.length ? `, job ${p.jobs.join('|')}` : ''})`,
  noAlertingRule: (p: { alert: string }) => `no alerting rule ${p.alert} in the workspace`,

  // `k1s0-obs slo` (slo/format.ts) -----------------------------------------------------------
  textSlo: (p: { percent: string; minutes: number }) => `SLO ${p.percent}, error budget ${p.minutes} min / 30d`,
  textServices: (p: { count: number }) => `(${p.count} service${p.count === 1 ? '' : 's'})`,
  textNoTier: () => 'no tier',
  textDoesNotParse: () => '✗ does not parse',
  textSummary: (p: { services: number; missing: number; notCovering: number }) =>
    `${p.services} service${p.services === 1 ? '' : 's'}, ${p.missing} missing alert${p.missing === 1 ? '' : 's'}, ${p.notCovering} not covering`,
  textAlertKind: (p: { role: string }): string => (p.role === 'burn-rate' ? 'burn-rate alert' : p.role === 'tier' ? 'tier alert' : 'alert'),
  textMark: (p: { status: string }): string => (p.status === 'present' ? '✓' : p.status === 'missing' ? '✗ missing' : '⚠ not covering'),
  textDesign: (p: { condition: string; for: string; severity: string }) => ` (design: ${p.condition}, for ${p.for}, ${p.severity})`,
  textScrape: (p: { job: string; targets: readonly string[] }) => `scrape: job ${p.job}${p.targets.length ? ` → ${p.targets.join(', ')}` : ''}`,
  textConfig: (p: { environment?: string }) => `config${p.environment ? ` (${p.environment})` : ''}`,
  textDashboard: (p: { title: string; panels: number }) => `dashboard: ${p.title} (${p.panels} panel${p.panels === 1 ? '' : 's'})`,
};

export const say = messages('slo', {
  en,
  ja: {
    bucketThreshold: (p) =>
      `しきい値 ${p.threshold} は ${p.family}${p.via ? `（${p.via} 経由）` : ''} のバケット境界ではありません。${betweenJa(p.between)}にあり、histogram_quantile はそこを補間するだけです。境界の値と比較してください（バケット: ${p.buckets.join(', ')}）`,
    fixChange: (p) => `${p.to} に変更`,
    burnRateMissing: (p) =>
      `${p.tier} Tier（SLO ${p.percent}）に ${p.services.join('、')} を対象とする ${p.missing.map((d) => `${d.name}（${d.burnRate}x、${d.windows.join(' + ')} の窓、${d.severity}）`).join('と')}がありません。設計ではすべての SLO のバーンレートでアラートを出します（${p.source}）`,
    fixAddBurnRate: (p) => `${p.tier} Tier（SLO ${p.percent}）に ${p.names.join(' と ')} を追加`,

    fromScrapeJob: (p) => `スクレイプジョブ ${p.job}`,
    doesNotParse: (p) => `${p.file} を解析できません: ${p.error}`,
    tierConflict: (p) => `Tier の指定が食い違っています: ${p.given.map((t) => `${t.tier}（${t.from}）`).join('、')}。${p.tier} を使います`,
    tierUnknown: (p) => `Tier "${p.tier}" は設計の Tier（${p.tiers.join('、')}）のいずれでもありません`,
    noTier: () => 'Tier がありません: スクレイプジョブに tier ラベルを付けるか、設定ファイルに app.tier を書いてください',
    notCovering: (p) => `${p.alert} は ${p.selects} を選択するため、${p.service}（Tier ${p.tier ?? '不明'}${p.jobs.length ? `、ジョブ ${p.jobs.join('|')}` : ''}）が対象から外れています`,
    noAlertingRule: (p) => `ワークスペースにアラートルール ${p.alert} がありません`,

    textSlo: (p) => `SLO ${p.percent}、エラーバジェット 30 日あたり ${p.minutes} 分`,
    textServices: (p) => `（${p.count} サービス）`,
    textNoTier: () => 'Tier なし',
    textDoesNotParse: () => '✗ 解析できません',
    textSummary: (p) => `${p.services} サービス、不足しているアラート ${p.missing} 件、対象外 ${p.notCovering} 件`,
    textAlertKind: (p) => (p.role === 'burn-rate' ? 'バーンレートアラート' : p.role === 'tier' ? 'Tier のアラート' : 'アラート'),
    textMark: (p) => (p.status === 'present' ? '✓' : p.status === 'missing' ? '✗ 不足' : '⚠ 対象外'),
    textDesign: (p) => `（設計: ${p.condition}、for ${p.for}、${p.severity}）`,
    textScrape: (p) => `スクレイプ: ジョブ ${p.job}${p.targets.length ? ` → ${p.targets.join('、')}` : ''}`,
    textConfig: (p) => `config.yaml${p.environment ? `（${p.environment}）` : ''}`,
    textDashboard: (p) => `ダッシュボード: ${p.title}（${p.panels} パネル）`,
  },
});
