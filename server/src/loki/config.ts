/**
 * loki/config: a Loki configuration as Loki reads it — its structure
 * (loki/shape.ts) and the rules Loki enforces when it starts, which
 * `loki -verify-config` would tell only with the binary at hand:
 *
 * - at least one `schema_config.configs` period; each `from` a `YYYY-MM-DD`
 *   date, the periods in ascending order;
 * - a `tsdb` or `boltdb-shipper` period indexes with a 24h `index.period`;
 * - structured metadata (accepted by default since Loki 3) needs the newest
 *   period on schema `v13` and the `tsdb` index, unless
 *   `limits_config.allow_structured_metadata: false`;
 * - retention: `compactor.retention_enabled: true` needs a
 *   `delete_request_store` (Loki 3 refuses to start without one), and a
 *   `retention_period` without `retention_enabled` deletes nothing (a
 *   warning: Loki starts and keeps every log forever — the design's own local
 *   loki-config.yaml has this gap).
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { checkShape, durationMs, shapeFindings } from '../base/yaml/shape';
import type { Finding } from '../base/types';
import { messages } from '../l10n';
import type { FileCheck } from '../workspace/fileKind';
import { firstKeySpan, pairIn, scalarText, span, valueAt, type LokiFile } from './read';
import { isScheduleDate, LOKI_SHAPE } from './shape';

export const LOKI_CONFIG = 'loki/config';

// Stryker disable next-line StringLiteral: the area's name only labels the l10n test's assertion that both languages have every message
const say = messages('loki/config', {
  en: {
    noPeriod: () =>
      'Loki needs at least one schema_config.configs period: it refuses to start without one (e.g. from: 2024-01-01, store: tsdb, object_store: filesystem, schema: v13, index: {prefix: index_, period: 24h}).',
    badDate: (p: { value: string }) => `schema_config period "from" must be a date as YYYY-MM-DD; got "${p.value}".`,
    notAscending: (p: { value: string; previous: string }) => `schema_config periods must be in ascending order of "from": ${p.value} is not after the previous period's ${p.previous}.`,
    period24h: (p: { store: string; period: string }) => `The ${p.store} index needs index.period: 24h; got ${p.period}. Loki refuses to start.`,
    periodMissing: (p: { store: string }) => `The ${p.store} index needs index.period: 24h; this period sets none. Loki refuses to start.`,
    needsV13: (p: { schema: string }) =>
      `Structured metadata (accepted by default since Loki 3) needs schema v13 in the newest period; got ${p.schema}. Loki 3 refuses to start: add a v13 period from a future date, or set limits_config.allow_structured_metadata: false.`,
    needsTsdb: (p: { store: string }) =>
      `Structured metadata (accepted by default since Loki 3) needs the tsdb index in the newest period; got ${p.store}. Loki 3 refuses to start: add a tsdb period, or set limits_config.allow_structured_metadata: false.`,
    noDeleteStore: () =>
      'compactor.retention_enabled is true but compactor.delete_request_store is not set: Loki 3 refuses to start. Set it to the object store of the schema period (e.g. filesystem).',
    retentionUnapplied: (p: { period: string; missing: string }) =>
      `limits_config.retention_period is ${p.period}, but nothing applies it: ${p.missing}. Without them Loki deletes nothing and keeps every log forever.`,
    streamsUnapplied: (p: { missing: string }) =>
      `limits_config.retention_stream sets retention per stream, but nothing applies it: ${p.missing}. Without them Loki deletes nothing and keeps every log forever.`,
    missingCompactor: () => 'there is no compactor block (compactor.retention_enabled: true and compactor.delete_request_store are needed)',
    missingEnabled: () => 'compactor.retention_enabled is not true',
    fixCompactor: () => 'Add a compactor that applies retention',
  },
  ja: {
    noPeriod: () =>
      'Loki には schema_config.configs の期間が 1 つ以上必要です。ないと起動しません（例: from: 2024-01-01, store: tsdb, object_store: filesystem, schema: v13, index: {prefix: index_, period: 24h}）。',
    badDate: (p: { value: string }) => `schema_config の期間の "from" は YYYY-MM-DD 形式の日付でなければなりません。"${p.value}" が指定されています。`,
    notAscending: (p: { value: string; previous: string }) => `schema_config の期間は "from" の昇順でなければなりません。${p.value} が直前の期間の ${p.previous} より後ではありません。`,
    period24h: (p: { store: string; period: string }) => `${p.store} インデックスには index.period: 24h が必要です。${p.period} が指定されています。Loki は起動しません。`,
    periodMissing: (p: { store: string }) => `${p.store} インデックスには index.period: 24h が必要ですが、この期間には指定がありません。Loki は起動しません。`,
    needsV13: (p: { schema: string }) =>
      `構造化メタデータ（Loki 3 から既定で受け付ける）には最新の期間がスキーマ v13 である必要があります。${p.schema} が指定されています。Loki 3 は起動しません。将来の日付から v13 の期間を追加するか、limits_config.allow_structured_metadata: false を設定してください。`,
    needsTsdb: (p: { store: string }) =>
      `構造化メタデータ（Loki 3 から既定で受け付ける）には最新の期間が tsdb インデックスである必要があります。${p.store} が指定されています。Loki 3 は起動しません。tsdb の期間を追加するか、limits_config.allow_structured_metadata: false を設定してください。`,
    noDeleteStore: () =>
      'compactor.retention_enabled が true ですが compactor.delete_request_store がありません。Loki 3 は起動しません。スキーマ期間のオブジェクトストア（例: filesystem）を指定してください。',
    retentionUnapplied: (p: { period: string; missing: string }) =>
      `limits_config.retention_period は ${p.period} ですが、適用するものがありません: ${p.missing}。このままでは Loki はログを削除せず、永久に保持します。`,
    streamsUnapplied: (p: { missing: string }) =>
      `limits_config.retention_stream でストリームごとの保持期間を設定していますが、適用するものがありません: ${p.missing}。このままでは Loki はログを削除せず、永久に保持します。`,
    missingCompactor: () => 'compactor ブロックがありません（compactor.retention_enabled: true と compactor.delete_request_store が必要）',
    missingEnabled: () => 'compactor.retention_enabled が true ではありません',
    fixCompactor: () => '保持期間を適用する compactor を追加',
  },
});

export function checkLokiConfig(file: LokiFile, text: string): Finding[] {
  const root = file.document.contents;
  // With -config.expand-env, `${VAR}` is replaced before Loki reads the file: such a value is not judged.
  const findings = shapeFindings(
    checkShape(root, LOKI_SHAPE).filter((issue) => !text.slice(issue.start, issue.end).includes('${')),
    LOKI_CONFIG,
  );
  const error = (node: Node | null | undefined, message: string): Finding => {
    const [start, end] = span(node);
    return { start, end, code: LOKI_CONFIG, severity: 'error', message };
  };
  findings.push(...checkPeriods(file, error));
  findings.push(...checkRetention(file, text, error));
  return findings;
}

function checkPeriods(file: LokiFile, error: (node: Node | null | undefined, message: string) => Finding): Finding[] {
  const root = file.document.contents;
  const findings: Finding[] = [];
  const schemaPair = pairIn(root, 'schema_config');
  const configsPair = pairIn(schemaPair?.value, 'configs');
  const configs = configsPair?.value;
  // A schema_config that is not a mapping is the shape's to report.
  if (schemaPair && !isMap(schemaPair.value) && !(isScalar(schemaPair.value) && schemaPair.value.value === null)) return [];
  if (!isSeq(configs) || configs.items.length === 0) {
    // A configs that is not a list is the shape's to report.
    if (configs && !isSeq(configs) && !(isScalar(configs) && configs.value === null)) return [];
    const at = configsPair?.key ?? schemaPair?.key;
    if (at) findings.push(error(at, say('noPeriod')));
    else {
      const [start, end] = firstKeySpan(file.document);
      findings.push({ start, end, code: LOKI_CONFIG, severity: 'error', message: say('noPeriod') });
    }
    return findings;
  }
  let previous: string | undefined;
  // An item that is not a mapping (the shape's to report) has no pairs: pairIn finds nothing in it.
  for (const period of configs.items) {
    const from = pairIn(period, 'from')?.value;
    const value = scalarText(from);
    if (value !== undefined) {
      if (!isScheduleDate(value)) findings.push(error(from, say('badDate', { value })));
      else {
        if (previous !== undefined && value <= previous) findings.push(error(from, say('notAscending', { value, previous })));
        previous = value;
      }
    }
    const store = scalarText(pairIn(period, 'store')?.value);
    // tsdb and boltdb-shipper write one index table a day.
    if (store === 'tsdb' || store === 'boltdb-shipper') {
      const periodNode = valueAt(period, ['index', 'period']);
      const text = scalarText(periodNode);
      const indexKey = pairIn(period, 'index')?.key;
      // Stryker disable next-line OptionalChaining: the store was read from its pair, so the pair is there
      const storeKey = pairIn(period, 'store')?.key;
      if (text === undefined) findings.push(error(indexKey ?? storeKey, say('periodMissing', { store })));
      else if (durationMs(text) !== undefined && durationMs(text) !== 86_400_000) findings.push(error(periodNode, say('period24h', { store, period: text })));
    }
  }
  // Structured metadata is judged on the newest period, the one Loki writes with.
  const allow = scalarText(valueAt(root, ['limits_config', 'allow_structured_metadata']));
  const newest = configs.items[configs.items.length - 1];
  if (allow !== 'false' && isMap(newest)) {
    const schemaNode = pairIn(newest, 'schema')?.value;
    const schema = scalarText(schemaNode);
    const version = schema?.match(/^v(\d+)$/);
    if (version && Number(version[1]) < 13) findings.push(error(schemaNode, say('needsV13', { schema: version[0] })));
    const storeNode = pairIn(newest, 'store')?.value;
    const store = scalarText(storeNode);
    if (store !== undefined && store !== 'tsdb' && (!version || Number(version[1]) >= 13)) findings.push(error(storeNode, say('needsTsdb', { store })));
  }
  return findings;
}

function checkRetention(file: LokiFile, text: string, error: (node: Node | null | undefined, message: string) => Finding): Finding[] {
  const root = file.document.contents;
  const compactorPair = pairIn(root, 'compactor');
  const compactor = compactorPair?.value;
  const enabledNode = pairIn(compactor, 'retention_enabled');
  const enabled = enabledNode !== undefined && scalarText(enabledNode.value) === 'true';
  if (enabled && scalarText(pairIn(compactor, 'delete_request_store')?.value) === undefined) return [error(enabledNode.key, say('noDeleteStore'))];
  if (enabled) return [];
  const retention = valueAt(root, ['limits_config', 'retention_period']);
  const period = scalarText(retention);
  const streams = pairIn(valueAt(root, ['limits_config']), 'retention_stream');
  const missing = compactorPair ? say('missingEnabled') : say('missingCompactor');
  let finding: Finding;
  if (period !== undefined && durationMs(period)) {
    const [start, end] = span(retention);
    finding = { start, end, code: LOKI_CONFIG, severity: 'warning', message: say('retentionUnapplied', { period, missing }) };
  } else if (isSeq(streams?.value) && streams.value.items.length > 0) {
    const [start, end] = span(streams.key);
    finding = { start, end, code: LOKI_CONFIG, severity: 'warning', message: say('streamsUnapplied', { missing }) };
  } else return [];
  if (!compactorPair) {
    const store = scalarText(valueAt(lastPeriod(root), ['object_store'])) ?? 'filesystem';
    const hasPrefix = scalarText(valueAt(root, ['common', 'path_prefix'])) !== undefined;
    const lines = ['compactor:', ...(hasPrefix ? [] : ['  working_directory: /loki/compactor']), '  retention_enabled: true', `  delete_request_store: ${store}`];
    const at = text.length;
    const before = text.endsWith('\n') ? '\n' : '\n\n';
    finding.fixes = [{ title: say('fixCompactor'), edits: [{ start: at, end: at, newText: `${before}${lines.join('\n')}\n` }] }];
  }
  return [finding];
}

function lastPeriod(root: unknown): unknown {
  const configs = valueAt(root, ['schema_config', 'configs']);
  return isSeq(configs) ? configs.items[configs.items.length - 1] : undefined;
}

export const lokiConfigCheck: FileCheck<LokiFile> = {
  meta: {
    name: 'loki/config',
    on: 'file',
    fileKinds: ['loki'],
    description:
      'Loki configuration: unknown keys (did-you-mean fix), types, enums, durations and sizes of the blocks people configure; at least one `schema_config` period, `from` dates as `YYYY-MM-DD` in ascending order, a 24h index period for `tsdb`, schema `v13` and `tsdb` for structured metadata, `delete_request_store` with retention; a `retention_period` no compactor applies (warning, fix adds one)',
    codes: [
      {
        code: LOKI_CONFIG,
        severity: 'error',
        short: 'Loki configuration Loki rejects',
        help: 'A key, type or value Loki does not read, or a rule Loki enforces at start (schema periods, 24h tsdb index, schema v13 for structured metadata, delete_request_store with retention). A retention_period without compactor.retention_enabled is a warning: Loki starts but deletes nothing.',
        ja: {
          short: 'Loki が受け付けない設定',
          help: 'Loki が読まないキー・型・値、または起動時に Loki が課す規則（スキーマ期間、tsdb の 24h インデックス、構造化メタデータのためのスキーマ v13、保持期間と delete_request_store）。compactor.retention_enabled のない retention_period は警告: Loki は起動するがログを削除しない。',
        },
      },
    ],
  },
  run: (file, { text }) => checkLokiConfig(file, text),
};
