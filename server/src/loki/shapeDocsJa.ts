/**
 * The Japanese of the documentation of the keys of Loki configurations (shape.ts), by its English:
 * hover and completion say it under Japanese (features/shapeDocs.ts), and
 * shapeDocs.test.ts fails on a documented key without its Japanese here.
 */
import type { ShapeDocsJa } from '../base/yaml/shape';

export const LOKI_SHAPE_JA: ShapeDocsJa = {
  'Components to run: `all` (single binary), `read`, `write`, `backend`, or a list.': '実行するコンポーネント。`all`（シングルバイナリ）、`read`、`write`、`backend`、またはそのリスト。',
  'Multi-tenancy: when true every request needs `X-Scope-OrgID`. `false` for a single tenant (`fake`).':
    'マルチテナンシー。true ではすべてのリクエストに `X-Scope-OrgID` が必要です。テナントが 1 つなら `false`（テナント `fake`）。',
  'The HTTP and gRPC servers.': 'HTTP と gRPC のサーバー。',
  'Address the HTTP server listens on (all interfaces when empty).': 'HTTP サーバーが待ち受けるアドレス（空ならすべてのインターフェース）。',
  'HTTP port (default 3100): the push API, queries and `/ready`. The design serves Loki on 3100.':
    'HTTP ポート（デフォルト 3100）。プッシュ API、クエリ、`/ready` に使います。設計では Loki を 3100 で公開します。',
  'gRPC port (default 9095).': 'gRPC ポート（デフォルト 9095）。',
  "Format of Loki's own logs.": 'Loki 自身のログの形式。',
  "Level of Loki's own logs.": 'Loki 自身のログのレベル。',
  'Settings shared by every component (paths, storage, ring).': 'すべてのコンポーネントに共通の設定（パス、ストレージ、リング）。',
  "Directory every component's local paths default under (`/loki`).": '各コンポーネントのローカルパスのデフォルトの親ディレクトリ（`/loki`）。',
  'Chunks and rules on the local disk (single binary only).': 'ローカルディスク上のチャンクとルール（シングルバイナリのみ）。',
  'Copies of each stream (1 for a single binary).': '各ストリームのレプリカ数（シングルバイナリでは 1）。',
  'Where the ring is kept: `inmemory` for a single binary, `memberlist` for a cluster.': 'リングを保持する場所。シングルバイナリでは `inmemory`、クラスターでは `memberlist`。',
  'Schema periods: which index and chunk format is used from which date.': 'スキーマの期間。どの日付からどのインデックスとチャンクの形式を使うか。',
  'The schema periods, oldest first: at least one.': 'スキーマの期間（古い順）。少なくとも 1 つ必要です。',
  'One schema period: the index and chunk formats used from its `from` date on.': '1 つのスキーマの期間。`from` の日付から使うインデックスとチャンクの形式です。',
  'First day of the period, `YYYY-MM-DD`. Periods must be in ascending order.': '期間の初日（`YYYY-MM-DD`）。期間は昇順に並べます。',
  'Index type: `tsdb` (recommended since Loki 2.8; needs a 24h index period).': 'インデックスの種類。`tsdb`（Loki 2.8 以降の推奨。インデックスの期間は 24h が必要）。',
  'Where chunks go: `filesystem`, `s3`, `gcs`, `azure`, `swift`, … or a `storage_config.named_stores` name.':
    'チャンクの保存先。`filesystem`、`s3`、`gcs`、`azure`、`swift` など、または `storage_config.named_stores` の名前。',
  'Schema version: `v13` is needed for structured metadata (Loki 3 stores it by default).': 'スキーマのバージョン。構造化メタデータには `v13` が必要です（Loki 3 はデフォルトで保存します）。',
  'How the index is stored: its table prefix and period.': 'インデックスの保存方法。テーブルの接頭辞と期間。',
  'Table prefix (`index_`).': 'テーブルの接頭辞（`index_`）。',
  'Table period: `24h` for tsdb and boltdb-shipper.': 'テーブルの期間。tsdb と boltdb-shipper では `24h`。',
  'How chunk tables are named (legacy stores only).': 'チャンクのテーブルの命名（旧式のストアのみ）。',
  'Where the index and chunks are stored.': 'インデックスとチャンクの保存先。',
  'Chunks on the local disk (`object_store: filesystem`).': 'ローカルディスク上のチャンク（`object_store: filesystem`）。',
  'Directory of the chunks.': 'チャンクのディレクトリ。',
  "The tsdb index's local directories and cache.": 'tsdb インデックスのローカルディレクトリとキャッシュ。',
  "The boltdb-shipper index's local directories and cache.": 'boltdb-shipper インデックスのローカルディレクトリとキャッシュ。',
  'Per-tenant limits, retention included.': 'テナントごとの制限（保持期間を含む）。',
  'How long logs are kept (0: forever). Applied only by a compactor with `retention_enabled: true`. The design: dev 168h, staging 720h, prod 2160h.':
    'ログの保持期間（0: 無期限）。`retention_enabled: true` のコンパクターだけが適用します。設計では dev 168h、staging 720h、prod 2160h です。',
  'Retention per stream selector.': 'ストリームセレクターごとの保持期間。',
  'Per-tenant ingestion rate, MB/s.': 'テナントごとの取り込みレート（MB/s）。',
  'Log deletion API: `filter-and-delete` needs a compactor with a `delete_request_store`.': 'ログ削除 API。`filter-and-delete` には `delete_request_store` を持つコンパクターが必要です。',
  'Accept structured metadata (default true in Loki 3): needs schema v13 and the tsdb index in the newest period.':
    '構造化メタデータを受け付けます（Loki 3 ではデフォルト true）。最新の期間にスキーマ v13 と tsdb インデックスが必要です。',
  'The compactor: index compaction and retention.': 'コンパクター。インデックスのコンパクションと保持期間の適用を行います。',
  "Local directory of the compactor's work (`/loki/compactor`).": 'コンパクターの作業用のローカルディレクトリ（`/loki/compactor`）。',
  'Apply `limits_config.retention_period`: without it no log is ever deleted. Needs `delete_request_store` since Loki 3.':
    '`limits_config.retention_period` を適用します。これがないとログは削除されません。Loki 3 以降は `delete_request_store` が必要です。',
  'Object store that keeps delete requests (`filesystem`, `s3`, …): required with retention since Loki 3.':
    '削除要求を保存するオブジェクトストア（`filesystem`、`s3` など）。Loki 3 以降、保持期間を使うときは必須です。',
  'The ingester: in-memory chunks, flushing, WAL.': 'インジェスター。メモリ上のチャンク、フラッシュ、WAL。',
  'Write-ahead log of received logs.': '受信したログの先行書き込みログ（WAL）。',
  'The querier.': 'クエリアー。',
  'Query splitting and results caching of the query-frontend.': 'クエリフロントエンドのクエリ分割と結果のキャッシュ。',
  'The query-frontend.': 'クエリフロントエンド。',
  'The ruler: LogQL alerting and recording rules.': 'ルーラー。LogQL のアラートルールとレコーディングルール。',
  'Gossip ring of a cluster (`common.ring.kvstore.store: memberlist`).': 'クラスターのゴシップリング（`common.ring.kvstore.store: memberlist`）。',
  'Usage reporting to Grafana Labs (`reporting_enabled: false` to turn it off).': 'Grafana Labs への利用状況の報告（無効にするには `reporting_enabled: false`）。',
};
