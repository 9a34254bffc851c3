/**
 * The Japanese of the documentation of the keys of compose files (shape.ts), by its English:
 * hover and completion say it under Japanese (features/shapeDocs.ts), and
 * shapeDocs.test.ts fails on a documented key without its Japanese here.
 */
import type { ShapeDocsJa } from '../base/yaml/shape';

export const COMPOSE_SHAPE_JA: ShapeDocsJa = {
  'A compose file (the Compose Specification).': 'compose ファイル（Compose Specification）。',
  'Obsolete: Compose ignores it (the Compose Specification has no version).': '廃止: Compose はこのキーを無視します（Compose Specification にはバージョンがありません）。',
  'The project name.': 'プロジェクト名。',
  'Other compose files included in this one.': 'このファイルに取り込む他の compose ファイル。',
  'The containers of the application, by name (the name is their host name on the compose network).': 'アプリケーションのコンテナー（名前ごと。名前は compose ネットワーク上のホスト名になります）。',
  'A service of the compose file.': 'compose ファイルのサービス。',
  'The image to run (`prom/prometheus:v2.53.0`).': '実行するイメージ（`prom/prometheus:v2.53.0`）。',
  'How to build the image (a folder, or this mapping).': 'イメージのビルド方法（フォルダー、またはこのマッピング）。',
  'The folder sent to the builder (relative to the compose file).': 'ビルダーに送るフォルダー（compose ファイルからの相対パス）。',
  "Overrides the image's command: a string or a list of arguments.": 'イメージのコマンドを上書きします。文字列または引数のリストです。',
  "Variables of the container: `NAME: value` or `- NAME=value`. OTEL_* variables are a fallback: config.yaml's `observability` section wins.":
    'コンテナーの環境変数。`NAME: value` または `- NAME=value`。OTEL_* 変数は代替で、config.yaml の `observability` セクションが優先されます。',
  'Files of `NAME=value` lines added to `environment`.': '`environment` に加える `NAME=value` の行のファイル。',
  'Ports published on the host: `"HOST:CONTAINER"` or the long form.': 'ホストに公開するポート。`"HOST:CONTAINER"` または長い形式。',
  '`HOST:CONTAINER` (`"3200:3000"`), `IP:HOST:CONTAINER`, `CONTAINER`, ranges and `/udp`.': '`HOST:CONTAINER`（`"3200:3000"`）、`IP:HOST:CONTAINER`、`CONTAINER`、範囲、`/udp`。',
  'A published port (long form).': '公開するポート（長い形式）。',
  'The container port.': 'コンテナーのポート。',
  'The host port or range (`3200`, `8000-8010`).': 'ホストのポートまたはその範囲（`3200`、`8000-8010`）。',
  'The host address to bind (`127.0.0.1`); all addresses when absent.': 'バインドするホストのアドレス（`127.0.0.1`）。省略するとすべてのアドレスです。',
  'Container ports other services may reach (not published on the host).': '他のサービスから接続できるコンテナーのポート（ホストには公開しません）。',
  'Mounts: `SOURCE:TARGET[:MODE]` or the long form.': 'マウント。`SOURCE:TARGET[:MODE]` または長い形式。',
  '`SOURCE:TARGET[:MODE]` (`./prometheus.yaml:/etc/prometheus/prometheus.yaml:ro`).': '`SOURCE:TARGET[:MODE]` の形式（`./prometheus.yaml:/etc/prometheus/prometheus.yaml:ro`）。',
  'A mount (long form).': 'マウント（長い形式）。',
  'The host path (bind) or the volume name.': 'ホストのパス（bind）またはボリューム名。',
  'The path in the container.': 'コンテナー内のパス。',
  'The profiles that start the service (`docker compose --profile observability up -d`).': 'このサービスを起動するプロファイル（`docker compose --profile observability up -d`）。',
  'Services started first: a list, or a mapping with a `condition` each.': '先に起動するサービス。リスト、またはそれぞれに `condition` を持つマッピング。',
  "`service_healthy` waits for the dependency's healthcheck.": '`service_healthy` は依存先のヘルスチェックが通るまで待ちます。',
  'How Docker tells that the container is healthy (`depends_on` … `condition: service_healthy`).': 'Docker がコンテナーの正常を判断する方法（`depends_on` … `condition: service_healthy`）。',
  '`["CMD", "wget", "-qO-", "http://localhost:9090/-/ready"]`, `["CMD-SHELL", "…"]` or `["NONE"]`.':
    '`["CMD", "wget", "-qO-", "http://localhost:9090/-/ready"]`、`["CMD-SHELL", "…"]` または `["NONE"]`。',
  '`no`, `always`, `on-failure[:N]` or `unless-stopped`.': '`no`、`always`、`on-failure[:N]` または `unless-stopped`。',
  'Deployment and resources (`resources.limits.memory`, `replicas`).': 'デプロイとリソース（`resources.limits.memory`、`replicas`）。',
  'The networks the service joins: a list, or a mapping with aliases.': 'サービスが参加するネットワーク。リスト、またはエイリアスを持つマッピング。',
  'Other names the service answers to on this network.': 'このネットワーク上でサービスが応答する別名。',
  'Named volumes (`prometheus-data:`).': '名前付きボリューム（`prometheus-data:`）。',
};
