/**
 * The Japanese of the built-in catalog's English help (k1s0-catalog.json: exporters, their metrics,
 * target and scope labels), by its English: hover, completion and the high-cardinality diagnostic say
 * it under Japanese (helpText). The design's own metrics and labels are written in Japanese already.
 */
import { getLocale } from '../l10n';

const HELP_JA: Readonly<Record<string, string>> = {
  'scrape job (prometheus.yaml job_name)': 'スクレイプジョブ（prometheus.yaml の job_name）',
  'scrape target host:port': 'スクレイプ対象の host:port',
  'k1s0 service (static label in prometheus.yaml, Service in Kubernetes)': 'k1s0 のサービス（prometheus.yaml の静的ラベル、Kubernetes では Service）',
  'k1s0 tier: system, business, service': 'k1s0 の Tier: system、business、service',
  'implementation language of the service': 'サービスの実装言語',
  'Kubernetes namespace (k1s0-system, k1s0-business, k1s0-service, observability)': 'Kubernetes の名前空間（k1s0-system、k1s0-business、k1s0-service、observability）',
  'Kubernetes pod': 'Kubernetes の Pod',
  'Kubernetes container': 'Kubernetes のコンテナー',
  'Kubernetes node': 'Kubernetes のノード',
  'ServiceMonitor endpoint port': 'ServiceMonitor のエンドポイントのポート',
  'the Prometheus or Kubernetes cluster a series comes from (external label, federation, remote write)':
    '系列の出どころの Prometheus または Kubernetes のクラスター（外部ラベル、フェデレーション、リモートライト）',
  'HTTP status code': 'HTTP ステータスコード',
  'gRPC status code name': 'gRPC ステータスコードの名前',
  'HTTP method': 'HTTP メソッド',
  'HTTP request path (one series per route; raw paths are unbounded)': 'HTTP リクエストのパス（ルートごとに 1 系列。生のパスは際限なく増えます）',
  'scrape target host:port (one series per target)': 'スクレイプ対象の host:port（ターゲットごとに 1 系列）',
  'Kubernetes pod (changes on every rollout)': 'Kubernetes の Pod（ロールアウトのたびに変わります）',
  'OpenTelemetry trace id (unique per request)': 'OpenTelemetry のトレース ID（リクエストごとに一意）',
  'OpenTelemetry span id (unique per operation)': 'OpenTelemetry のスパン ID（処理ごとに一意）',
  'end user id (unbounded)': 'エンドユーザーの ID（際限なく増えます）',
  'request id (unique per request)': 'リクエスト ID（リクエストごとに一意）',
  'series Prometheus adds to every scrape, and its own metrics': 'Prometheus がスクレイプごとに加える系列と、Prometheus 自身のメトリクス',
  '1 if the target was scraped, 0 if not': 'ターゲットをスクレイプできれば 1、できなければ 0',
  'active alerts': '発火中のアラート',
  'alert activation time': 'アラートが有効になった時刻',
  'Kubernetes object state': 'Kubernetes のオブジェクトの状態',
  'Kubernetes labels converted to Prometheus labels': 'Prometheus のラベルに変換した Kubernetes のラベル',
  'container metrics from the kubelet': 'kubelet が提供するコンテナーのメトリクス',
  'process metrics of client_golang, the Rust prometheus crate and prom-client': 'client_golang、Rust の prometheus クレート、prom-client のプロセスメトリクス',
  'Go runtime metrics of client_golang': 'client_golang の Go ランタイムメトリクス',
  'Node.js runtime metrics of prom-client (TypeScript servers)': 'prom-client の Node.js ランタイムメトリクス（TypeScript のサーバー）',
  'the other series of the gRPC server/client interceptors': 'gRPC のサーバー・クライアントのインターセプターのその他の系列',
  "the collector's own telemetry, and what its prometheus exporter (namespace otel) exposes": 'Collector 自身のテレメトリと、その prometheus エクスポーター（名前空間 otel）が公開するもの',
  'node metrics': 'ノードのメトリクス',
  'kubelet metrics': 'kubelet のメトリクス',
  'Kubernetes control plane metrics': 'Kubernetes のコントロールプレーンのメトリクス',
  Alertmanager: 'Alertmanager のメトリクス',
  Grafana: 'Grafana のメトリクス',
  'Loki and Promtail (the log stack of the design)': 'Loki と Promtail（設計のログ基盤）のメトリクス',
  'Jaeger (the trace backend of the design)': 'Jaeger（設計のトレースのバックエンド）のメトリクス',
  'Kong API gateway (scraped as job kong)': 'Kong API ゲートウェイ（ジョブ kong としてスクレイプ）のメトリクス',
  "Kafka brokers and consumer groups (the design's messaging)": 'Kafka のブローカーとコンシューマーグループ（設計のメッセージング）のメトリクス',
  "PostgreSQL (the design's database)": 'PostgreSQL（設計のデータベース）のメトリクス',
  'Redis (cache servers)': 'Redis（キャッシュサーバー）のメトリクス',
  "Keycloak (auth-server's identity provider)": 'Keycloak（auth-server の ID プロバイダー）のメトリクス',
  'the service mesh of the design': '設計のサービスメッシュのメトリクス',
  probes: 'プローブのメトリクス',
  certificates: '証明書のメトリクス',
};

/** The Japanese of a built-in help, if written (catalog.test.ts: every English help of the catalog has one). */
export function helpJa(help: string): string | undefined {
  return HELP_JA[help];
}

/** A catalog help in the current language: a workspace catalog's own words stay as written. */
export function helpText(help: string): string {
  return getLocale() === 'ja' ? (HELP_JA[help] ?? help) : help;
}
