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
};

export const say = messages('slo', {
  en,
  ja: {
    bucketThreshold: (p) =>
      `しきい値 ${p.threshold} は ${p.family}${p.via ? `（${p.via} 経由）` : ''} のバケット境界ではありません。${betweenJa(p.between)}にあり、histogram_quantile はそこを補間するだけです。境界の値と比較してください（バケット: ${p.buckets.join(', ')}）`,
    fixChange: (p) => `${p.to} に変更`,
    burnRateMissing: (p) =>
      `${p.tier} Tier（SLO ${p.percent}）に ${p.services.join('、')} を対象とする ${p.missing.map((d) => `${d.name}（${d.burnRate}x、${d.windows.join(' + ')} の窓、${d.severity}）`).join(' と ')} がありません。設計ではすべての SLO のバーンレートでアラートを出します（${p.source}）`,
    fixAddBurnRate: (p) => `${p.tier} Tier（SLO ${p.percent}）に ${p.names.join(' と ')} を追加`,
  },
});
