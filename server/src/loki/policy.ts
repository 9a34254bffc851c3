/**
 * loki/policy: a Loki configuration against the design.
 *
 * - ログ保持期間ポリシー: `limits_config.retention_period` per environment —
 *   dev 168h (7 days), staging 720h (30 days), prod 2160h (90 days). The
 *   environment is found as for `config*.yaml` (loki/environment.ts: the
 *   setting, the file's name or folder; the local stack's `infra/docker/`
 *   files are dev); a file of no known environment is not judged.
 * - コンポーネントとポート一覧: Loki serves on 3100. An explicit
 *   `server.http_listen_port` other than 3100, and (for the local stack: dev
 *   or unknown environment) one the workspace's compose `loki` service does
 *   not expose or its Grafana Loki datasource does not reach.
 */
import { parseEndpoint } from '../base/endpoint';
import type { EnvironmentName } from '../base/settings';
import type { Finding } from '../base/types';
import { durationMs } from '../base/yaml/shape';
import { messages } from '../l10n';
import type { FileCheck } from '../workspace/fileKind';
import type { WorkspaceIndex } from '../workspace/index';
import { firstKeySpan, pairIn, scalarText, span, valueAt, type LokiFile } from './read';

export const LOKI_POLICY = 'loki/policy';

/** ログ保持期間ポリシー. */
export const DESIGN_RETENTION: Record<EnvironmentName, string> = { dev: '168h', staging: '720h', prod: '2160h' };
const DAYS: Record<EnvironmentName, number> = { dev: 7, staging: 30, prod: 90 };
/** コンポーネントとポート一覧: Loki 3100. */
export const DESIGN_LOKI_PORT = 3100;

// Stryker disable next-line StringLiteral: the area's name only labels the l10n test's assertion that both languages have every message
const say = messages('loki/policy', {
  en: {
    retention: (p: { got: string; environment: string; reason: string; want: string; days: number }) =>
      `limits_config.retention_period is ${p.got}, but the design keeps ${p.environment} logs ${p.want} (${p.days} days; ログ保持期間ポリシー: dev 168h, staging 720h, prod 2160h). Environment from ${p.reason}.`,
    noRetention: (p: { environment: string; reason: string; want: string; days: number }) =>
      `No limits_config.retention_period: Loki keeps logs forever, but the design keeps ${p.environment} logs ${p.want} (${p.days} days; ログ保持期間ポリシー). Environment from ${p.reason}.`,
    port: (p: { port: string }) =>
      `server.http_listen_port is ${p.port}, but the design serves Loki on ${DESIGN_LOKI_PORT} (コンポーネントとポート一覧; Grafana's Loki datasource is http://loki:${DESIGN_LOKI_PORT}).`,
    compose: (p: { port: string; service: string; file: string; ports: string }) =>
      `server.http_listen_port is ${p.port}, but the compose service ${p.service} (${p.file}) exposes ${p.ports}: nothing reaches Loki.`,
    datasource: (p: { port: string; name: string; file: string; url: string }) =>
      `server.http_listen_port is ${p.port}, but Grafana's datasource "${p.name}" (${p.file}) reaches Loki at ${p.url}: its queries fail.`,
    changeTo: (p: { value: string }) => `Change to ${p.value}`,
  },
  ja: {
    retention: (p: { got: string; environment: string; reason: string; want: string; days: number }) =>
      `limits_config.retention_period は ${p.got} ですが、設計では ${p.environment} のログを ${p.want}（${p.days} 日）保持します（ログ保持期間ポリシー: dev 168h、staging 720h、prod 2160h）。環境は ${p.reason} から判断しました。`,
    noRetention: (p: { environment: string; reason: string; want: string; days: number }) =>
      `limits_config.retention_period がないため Loki はログを永久に保持しますが、設計では ${p.environment} のログを ${p.want}（${p.days} 日）保持します（ログ保持期間ポリシー）。環境は ${p.reason} から判断しました。`,
    port: (p: { port: string }) =>
      `server.http_listen_port は ${p.port} ですが、設計では Loki はポート ${DESIGN_LOKI_PORT} で提供されます（コンポーネントとポート一覧。Grafana の Loki データソースは http://loki:${DESIGN_LOKI_PORT}）。`,
    compose: (p: { port: string; service: string; file: string; ports: string }) =>
      `server.http_listen_port は ${p.port} ですが、compose のサービス ${p.service}（${p.file}）が公開するのは ${p.ports} です。Loki に到達できません。`,
    datasource: (p: { port: string; name: string; file: string; url: string }) =>
      `server.http_listen_port は ${p.port} ですが、Grafana のデータソース "${p.name}"（${p.file}）は ${p.url} で Loki に接続します。クエリが失敗します。`,
    changeTo: (p: { value: string }) => `${p.value} に変更`,
  },
});

export function checkLokiPolicy(file: LokiFile, workspace: WorkspaceIndex): Finding[] {
  return [...checkRetention(file), ...checkPort(file, workspace)];
}

function checkRetention(file: LokiFile): Finding[] {
  const env = file.environment;
  if (!env) return [];
  const want = DESIGN_RETENTION[env.environment];
  const params = { environment: env.environment, reason: env.reason, want, days: DAYS[env.environment] };
  const node = valueAt(file.document.contents, ['limits_config', 'retention_period']);
  const got = scalarText(node);
  if (got === undefined) {
    const key = pairIn(file.document.contents, 'limits_config')?.key;
    const [start, end] = key ? span(key) : firstKeySpan(file.document);
    return [{ start, end, code: LOKI_POLICY, severity: 'warning', message: say('noRetention', params) }];
  }
  const ms = durationMs(got);
  if (ms === undefined || ms === durationMs(want)) return [];
  const [start, end] = span(node);
  return [
    {
      start,
      end,
      code: LOKI_POLICY,
      severity: 'warning',
      message: say('retention', { ...params, got }),
      fixes: [{ title: say('changeTo', { value: want }), preferred: true, edits: [{ start, end, newText: want }] }],
    },
  ];
}

function checkPort(file: LokiFile, workspace: WorkspaceIndex): Finding[] {
  const node = valueAt(file.document.contents, ['server', 'http_listen_port']);
  const port = scalarText(node)?.match(/^\d+$/)?.[0];
  if (port === undefined) return [];
  const [start, end] = span(node);
  const finding = (message: string): Finding => ({ start, end, code: LOKI_POLICY, severity: 'warning', message });
  const findings: Finding[] = [];
  // The fix to 3100 goes with the design's port. The findings below have none: with the port at 3100, what they compare with is off, not the port.
  if (Number(port) !== DESIGN_LOKI_PORT) {
    const fix = { title: say('changeTo', { value: String(DESIGN_LOKI_PORT) }), preferred: true, edits: [{ start, end, newText: String(DESIGN_LOKI_PORT) }] };
    findings.push({ ...finding(say('port', { port })), fixes: [fix] });
  }
  const environment = file.environment?.environment;
  if (environment !== undefined && environment !== 'dev') return findings;
  for (const compose of workspace.composeFiles()) {
    const service = compose.services.find((s) => s.name.toLowerCase() === 'loki' || s.aliases.some((a) => a.toLowerCase() === 'loki'));
    if (!service || service.ports.length === 0 || service.ports.includes(Number(port))) continue;
    findings.push(finding(say('compose', { port, service: service.name, file: fileName(compose.uri), ports: service.ports.join(', ') })));
  }
  for (const datasource of workspace.datasources()) {
    if (datasource.type !== 'loki') continue;
    const endpoint = parseEndpoint(datasource.url);
    if (!endpoint || endpoint.port === Number(port)) continue;
    findings.push(finding(say('datasource', { port, name: datasource.name, file: fileName(datasource.uri), url: datasource.url })));
  }
  return findings;
}

function fileName(uri: string): string {
  return uri.split('/').pop() ?? uri;
}

export const lokiPolicyCheck: FileCheck<LokiFile> = {
  meta: {
    name: 'loki/policy',
    on: 'file',
    fileKinds: ['loki'],
    description:
      "Loki configuration vs the design: `retention_period` per environment (dev 168h, staging 720h, prod 2160h; `infra/docker/` files are dev); `server.http_listen_port` other than 3100, or one the compose `loki` service or Grafana's Loki datasource does not use",
    codes: [
      {
        code: LOKI_POLICY,
        severity: 'warning',
        short: "Loki configuration off the design's policy",
        help: "retention_period other than the design's for the file's environment (dev 168h, staging 720h, prod 2160h), or an HTTP port other than 3100 or than the compose file's and the Grafana Loki datasource's.",
        ja: {
          short: '設計のポリシーから外れた Loki 設定',
          help: 'ファイルの環境に対する設計の retention_period（dev 168h、staging 720h、prod 2160h）と異なる、または HTTP ポートが 3100 や compose ファイル・Grafana の Loki データソースと異なる。',
        },
      },
    ],
  },
  run: (file, { workspace }) => checkLokiPolicy(file, workspace),
};
