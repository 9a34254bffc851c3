/** What the consistency checks say: config files, dashboards and rule files against the stack the workspace describes. */
import { messages } from '../l10n';

const quoted = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

const en = {
  dashboardService: (p: { missing: readonly string[]; scraped: readonly string[] }) =>
    `no scrape job of the workspace produces service ${quoted(p.missing)}: the query finds no series (scraped services: ${p.scraped.join(', ')})`,
  ruleFilesNoMatch: (p: { pattern: string; path: string; containerDir?: string }) =>
    `rule_files: "${p.pattern}" matches no rule file of the workspace: nothing at ${p.path}${p.containerDir ? ` (${p.containerDir} is the directory of this prometheus.yaml in the stack's container)` : ''}`,
  ruleFileNotLoaded: (p: { configs: readonly string[] }) => `no prometheus.yaml of the workspace loads this rule file: it is in none of the rule_files of ${p.configs.join(', ')}`,
  scrapedBy: (p: { file: string; service: string; job: string }) => `${p.file} scrapes ${p.service} (job ${p.job})`,
  metricsDisabled: (p: { where: string }) => `metrics.enabled is false, but ${p.where}: the target would be down and ServiceDown would fire`,
  fixChange: (p: { to: string }) => `Change to ${p.to}`,
  metricsPath: (p: { actual: string; where: string; expected: string; defaulted: boolean }) =>
    `metrics.path is "${p.actual}", but ${p.where} at ${p.expected}${p.defaulted ? ' (no metrics_path: the default)' : ''}`,
  fixPort: (p: { port: number }) => `Change the port to ${p.port}`,
  designOtlp: (p: { port: number }) => `the design's stack receives OTLP gRPC at jaeger:${p.port} (compose) or jaeger.observability.svc.cluster.local:${p.port} (Kubernetes)`,
  noSuchHost: (p: { endpoint: string; design: string }) => `trace.endpoint "${p.endpoint}": no such host in the stack; ${p.design}`,
  notOtlpPort: (p: { endpoint: string; port: number; design: string }) => `trace.endpoint "${p.endpoint}": port ${p.port} is not the OTLP gRPC port; ${p.design}`,
  composeNoPort: (p: { endpoint: string; files: readonly string[]; port: number }) =>
    `trace.endpoint "${p.endpoint}": no service of the compose stack (${p.files.join(', ')}) publishes port ${p.port}`,
  composeNoService: (p: { endpoint: string; files: readonly string[]; host: string; services: readonly string[] }) =>
    `trace.endpoint "${p.endpoint}": the compose stack (${p.files.join(', ')}) has no service ${p.host}${p.services.length ? `; its services: ${p.services.join(', ')}` : ''}`,
  composeOtherPorts: (p: { endpoint: string; service: string; files: readonly string[]; ports: readonly number[]; port: number }) =>
    `trace.endpoint "${p.endpoint}": ${p.service} of the compose stack (${p.files.join(', ')}) exposes ${p.ports.join(', ')}, not ${p.port}`,
};

export const say = messages('consistency', {
  en,
  ja: {
    dashboardService: (p) =>
      `ワークスペースのどのスクレイプジョブもサービス ${quoted(p.missing)} を出力しません。このクエリは系列を見つけられません（スクレイプされているサービス: ${p.scraped.join(', ')}）`,
    ruleFilesNoMatch: (p) =>
      `rule_files: "${p.pattern}" にマッチするルールファイルがワークスペースにありません。${p.path} には何もありません${p.containerDir ? `（${p.containerDir} はスタックのコンテナ内でのこの prometheus.yaml のディレクトリです）` : ''}`,
    ruleFileNotLoaded: (p) => `ワークスペースのどの prometheus.yaml もこのルールファイルを読み込みません。${p.configs.join('、')} のどの rule_files にも含まれていません`,
    scrapedBy: (p) => `${p.file} が ${p.service} をスクレイプしています（ジョブ ${p.job}）`,
    metricsDisabled: (p) => `metrics.enabled が false ですが、${p.where}。ターゲットが DOWN になり ServiceDown アラートが発火します`,
    fixChange: (p) => `${p.to} に変更`,
    metricsPath: (p) => `metrics.path は "${p.actual}" ですが、${p.where}。パスは ${p.expected} です${p.defaulted ? '（metrics_path の指定なし: デフォルト）' : ''}`,
    fixPort: (p) => `ポートを ${p.port} に変更`,
    designOtlp: (p) => `設計のスタックは OTLP gRPC を jaeger:${p.port}（compose）または jaeger.observability.svc.cluster.local:${p.port}（Kubernetes）で受信します`,
    noSuchHost: (p) => `trace.endpoint "${p.endpoint}": そのホストはスタックにありません。${p.design}`,
    notOtlpPort: (p) => `trace.endpoint "${p.endpoint}": ポート ${p.port} は OTLP gRPC のポートではありません。${p.design}`,
    composeNoPort: (p) => `trace.endpoint "${p.endpoint}": compose スタック（${p.files.join('、')}）のどのサービスもポート ${p.port} を公開していません`,
    composeNoService: (p) =>
      `trace.endpoint "${p.endpoint}": compose スタック（${p.files.join('、')}）にサービス ${p.host} がありません${p.services.length ? `。サービス: ${p.services.join('、')}` : ''}`,
    composeOtherPorts: (p) => `trace.endpoint "${p.endpoint}": compose スタック（${p.files.join('、')}）の ${p.service} が公開するのは ${p.ports.join(', ')} で、${p.port} ではありません`,
  },
});
