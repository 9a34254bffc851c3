/**
 * The structure of a Loki configuration file (loki-config.yaml) as data: the
 * blocks people configure, after Loki 3's configuration reference. Loki reads
 * hundreds of keys; the blocks below list the ones people write and are
 * `open` (base/yaml/shape.ts): a key that is not listed is reported only when
 * it is a small edit away from one that is (a likely typo), so a real key this
 * table does not list stays silent. Blocks whose keys are all listed are
 * closed. Durations: Loki's limits are Prometheus durations (`7d`), its
 * components' settings Go durations (`1.5h`, no `d`).
 */
import type { Field, MapShape, ScalarShape, Shape } from '../base/yaml/shape';

const any: Shape = { type: 'any' };
const str = (doc?: string, extra: Partial<ScalarShape> = {}): Field => ({ shape: { type: 'string', ...extra }, ...(doc ? { doc } : {}) });
const bool = (doc?: string): Field => ({ shape: { type: 'bool' }, ...(doc ? { doc } : {}) });
const int = (doc?: string, min = 0): Field => ({ shape: { type: 'int', min }, ...(doc ? { doc } : {}) });
const num = (doc?: string): Field => ({ shape: { type: 'number', min: 0 }, ...(doc ? { doc } : {}) });
const size = (doc?: string): Field => ({ shape: { type: 'size' }, ...(doc ? { doc } : {}) });
/** A Go duration (`time.Duration`): no `d`, `w` or `y`. */
const goDur = (doc?: string): Field => ({ shape: { type: 'duration', durationSyntax: 'go' }, ...(doc ? { doc } : {}) });
/** A Prometheus duration (`model.Duration`, Loki's limits): `7d` and `2w` allowed. */
const promDur = (doc?: string): Field => ({ shape: { type: 'duration' }, ...(doc ? { doc } : {}) });
const block = (fields: Record<string, Field>, doc?: string, open = true): Field => ({ shape: { type: 'map', fields, ...(open ? { open } : {}) }, ...(doc ? { doc } : {}) });
const anyBlock = (doc?: string): Field => ({ shape: any, ...(doc ? { doc } : {}) });
const strings: Shape = { type: 'list', items: { type: 'string' } };
const stringMap: Shape = { type: 'map', fields: {}, values: { type: 'string' } };
const removed = (instead: string): Field => ({ shape: any, removed: instead });

const PORT = (doc: string): Field => ({ shape: { type: 'int', min: 0, max: 65535 }, doc });

const SERVER = block(
  {
    http_listen_address: str('Address the HTTP server listens on (all interfaces when empty).'),
    http_listen_port: PORT('HTTP port (default 3100): the push API, queries and `/ready`. The design serves Loki on 3100.'),
    http_listen_conn_limit: int(),
    grpc_listen_address: str(),
    grpc_listen_port: PORT('gRPC port (default 9095).'),
    grpc_listen_conn_limit: int(),
    http_tls_config: anyBlock(),
    grpc_tls_config: anyBlock(),
    register_instrumentation: bool(),
    graceful_shutdown_timeout: goDur(),
    http_server_read_timeout: goDur(),
    http_server_read_header_timeout: goDur(),
    http_server_write_timeout: goDur(),
    http_server_idle_timeout: goDur(),
    grpc_server_max_recv_msg_size: int(),
    grpc_server_max_send_msg_size: int(),
    grpc_server_max_concurrent_streams: int(),
    grpc_server_max_connection_idle: goDur(),
    grpc_server_max_connection_age: goDur(),
    grpc_server_max_connection_age_grace: goDur(),
    grpc_server_keepalive_time: goDur(),
    grpc_server_keepalive_timeout: goDur(),
    grpc_server_min_time_between_pings: goDur(),
    grpc_server_ping_without_stream_allowed: bool(),
    grpc_server_num_workers: int(),
    log_format: str("Format of Loki's own logs.", { enum: ['logfmt', 'json'] }),
    log_level: str("Level of Loki's own logs.", { enum: ['debug', 'info', 'warn', 'error'] }),
    log_source_ips_enabled: bool(),
    log_request_headers: bool(),
    log_request_at_info_level_enabled: bool(),
    http_path_prefix: str(),
  },
  'The HTTP and gRPC servers.',
);

const KVSTORE = block(
  {
    store: str('Where the ring is kept: `inmemory` for a single binary, `memberlist` for a cluster.', { enum: ['consul', 'etcd', 'inmemory', 'memberlist', 'multi'] }),
    prefix: str(),
    consul: anyBlock(),
    etcd: anyBlock(),
    multi: anyBlock(),
  },
  undefined,
  false,
);

const RING = block({
  kvstore: KVSTORE,
  heartbeat_period: goDur(),
  heartbeat_timeout: goDur(),
  tokens_file_path: str(),
  zone_awareness_enabled: bool(),
  num_tokens: int(),
  replication_factor: int(undefined, 1),
  instance_id: str(),
  instance_interface_names: { shape: strings },
  instance_port: int(),
  instance_addr: str(),
  instance_availability_zone: str(),
  instance_enable_ipv6: bool(),
});

const COMMON = block(
  {
    path_prefix: str("Directory every component's local paths default under (`/loki`)."),
    storage: block({
      filesystem: block({ chunks_directory: str(), rules_directory: str() }, 'Chunks and rules on the local disk (single binary only).', false),
      s3: anyBlock(),
      gcs: anyBlock(),
      azure: anyBlock(),
      swift: anyBlock(),
      bos: anyBlock(),
      cos: anyBlock(),
      alibabacloud: anyBlock(),
      hedging: anyBlock(),
      congestion_control: anyBlock(),
      object_store: anyBlock(),
    }),
    persist_tokens: bool(),
    replication_factor: int('Copies of each stream (1 for a single binary).', 1),
    ring: RING,
    instance_interface_names: { shape: strings },
    instance_enable_ipv6: bool(),
    instance_addr: str(),
    compactor_address: str(),
    compactor_grpc_address: str(),
  },
  'Settings shared by every component (paths, storage, ring).',
);

/** `YYYY-MM-DD`, a real date. */
export function isScheduleDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

export const INDEX_STORES = ['tsdb', 'boltdb-shipper', 'boltdb', 'aws', 'aws-dynamo', 'gcp', 'gcp-columnkey', 'bigtable', 'bigtable-hashed', 'cassandra', 'grpc-store', 'inmemory'];
export const SCHEMAS = ['v9', 'v10', 'v11', 'v12', 'v13'];

const TABLE = (doc: string): Field =>
  block({ prefix: str('Table prefix (`index_`).'), period: promDur('Table period: `24h` for tsdb and boltdb-shipper.'), path_prefix: str(), tags: { shape: stringMap } }, doc, false);

export const PERIOD: MapShape = {
  type: 'map',
  doc: 'One schema period: the index and chunk formats used from its `from` date on.',
  fields: {
    from: { shape: { type: 'string' }, required: true, doc: 'First day of the period, `YYYY-MM-DD`. Periods must be in ascending order.' },
    store: { shape: { type: 'string', enum: INDEX_STORES }, doc: 'Index type: `tsdb` (recommended since Loki 2.8; needs a 24h index period).' },
    object_store: str('Where chunks go: `filesystem`, `s3`, `gcs`, `azure`, `swift`, … or a `storage_config.named_stores` name.'),
    schema: { shape: { type: 'string', enum: SCHEMAS }, doc: 'Schema version: `v13` is needed for structured metadata (Loki 3 stores it by default).' },
    index: TABLE('How the index is stored: its table prefix and period.'),
    chunks: TABLE('How chunk tables are named (legacy stores only).'),
    row_shards: int(),
  },
};

const SCHEMA_CONFIG = block(
  { configs: { shape: { type: 'list', items: PERIOD }, doc: 'The schema periods, oldest first: at least one.' } },
  'Schema periods: which index and chunk format is used from which date.',
  false,
);

const SHIPPER = (doc: string): Field =>
  block(
    {
      active_index_directory: str(),
      cache_location: str(),
      cache_ttl: goDur(),
      resync_interval: goDur(),
      query_ready_num_days: int(),
      index_gateway_client: anyBlock(),
      ingestername: str(),
      mode: str(),
      ingesterdbretainperiod: goDur(),
      build_per_tenant_index: bool(),
      shared_store: removed("removed in Loki 3; each schema_config period's object_store is used."),
      shared_store_key_prefix: removed("removed in Loki 3; use schema_config period's index.path_prefix."),
    },
    doc,
  );

const STORAGE_CONFIG = block(
  {
    filesystem: block({ directory: str('Directory of the chunks.') }, 'Chunks on the local disk (`object_store: filesystem`).', false),
    tsdb_shipper: SHIPPER("The tsdb index's local directories and cache."),
    boltdb_shipper: SHIPPER("The boltdb-shipper index's local directories and cache."),
    aws: anyBlock(),
    gcs: anyBlock(),
    azure: anyBlock(),
    swift: anyBlock(),
    bos: anyBlock(),
    cos: anyBlock(),
    alibabacloud: anyBlock(),
    bigtable: anyBlock(),
    cassandra: anyBlock(),
    boltdb: anyBlock(),
    grpc_store: anyBlock(),
    named_stores: anyBlock(),
    object_store: anyBlock(),
    use_thanos_objstore: bool(),
    object_prefix: str(),
    hedging: anyBlock(),
    congestion_control: anyBlock(),
    index_queries_cache_config: anyBlock(),
    disable_broad_index_queries: bool(),
    max_parallel_get_chunk: int(),
    max_chunk_batch_size: int(),
    index_cache_validity: goDur(),
  },
  'Where the index and chunks are stored.',
);

const LIMITS_CONFIG = block(
  {
    retention_period: promDur('How long logs are kept (0: forever). Applied only by a compactor with `retention_enabled: true`. The design: dev 168h, staging 720h, prod 2160h.'),
    retention_stream: {
      shape: { type: 'list', items: { type: 'map', fields: { selector: { shape: { type: 'string' }, required: true }, priority: int(), period: { ...promDur(), required: true } } } },
      doc: 'Retention per stream selector.',
    },
    ingestion_rate_strategy: str(undefined, { enum: ['global', 'local'] }),
    ingestion_rate_mb: num('Per-tenant ingestion rate, MB/s.'),
    ingestion_burst_size_mb: num(),
    max_label_name_length: int(),
    max_label_value_length: int(),
    max_label_names_per_series: int(),
    reject_old_samples: bool(),
    reject_old_samples_max_age: promDur(),
    creation_grace_period: promDur(),
    max_line_size: size(),
    max_line_size_truncate: bool(),
    increment_duplicate_timestamp: bool(),
    discover_service_name: { shape: strings },
    discover_log_levels: bool(),
    log_level_fields: { shape: strings },
    use_owned_stream_count: bool(),
    max_streams_per_user: int(),
    max_global_streams_per_user: int(),
    unordered_writes: bool(),
    per_stream_rate_limit: size(),
    per_stream_rate_limit_burst: size(),
    max_chunks_per_query: int(),
    max_query_series: int(),
    max_query_lookback: promDur(),
    max_query_length: promDur(),
    max_query_range: promDur(),
    max_query_parallelism: int(),
    tsdb_max_query_parallelism: int(),
    tsdb_max_bytes_per_shard: size(),
    tsdb_sharding_strategy: str(),
    tsdb_precompute_chunks: bool(),
    cardinality_limit: int(),
    max_streams_matchers_per_query: int(),
    max_concurrent_tail_requests: int(),
    max_entries_limit_per_query: int(),
    max_cache_freshness_per_query: promDur(),
    max_metadata_cache_freshness: promDur(),
    max_stats_cache_freshness: promDur(),
    max_queriers_per_tenant: int(),
    max_query_capacity: num(),
    query_ready_index_num_days: int(),
    query_timeout: promDur(),
    split_queries_by_interval: promDur(),
    split_metadata_queries_by_interval: promDur(),
    split_recent_metadata_queries_by_interval: promDur(),
    recent_metadata_query_window: promDur(),
    split_instant_metric_queries_by_interval: promDur(),
    split_ingester_queries_by_interval: promDur(),
    min_sharding_lookback: promDur(),
    max_query_bytes_read: size(),
    max_querier_bytes_read: size(),
    volume_enabled: bool(),
    volume_max_series: int(),
    deletion_mode: str('Log deletion API: `filter-and-delete` needs a compactor with a `delete_request_store`.', { enum: ['disabled', 'filter-only', 'filter-and-delete'] }),
    per_tenant_override_config: str(),
    per_tenant_override_period: goDur(),
    shard_streams: anyBlock(),
    blocked_queries: anyBlock(),
    required_labels: { shape: strings },
    required_number_labels: int(),
    index_gateway_shard_size: int(),
    allow_structured_metadata: bool('Accept structured metadata (default true in Loki 3): needs schema v13 and the tsdb index in the newest period.'),
    max_structured_metadata_size: size(),
    max_structured_metadata_entries_count: int(),
    otlp_config: anyBlock(),
    ruler_max_rules_per_rule_group: int(),
    ruler_max_rule_groups_per_tenant: int(),
    ruler_remote_write_disabled: bool(),
    ruler_alertmanager_config: anyBlock(),
    query_sharding: anyBlock(),
    bloom_gateway_enable_filtering: bool(),
    pattern_persistence_enabled: bool(),
    metric_aggregation_enabled: bool(),
    enforce_metric_name: removed('removed in Loki 3.'),
  },
  'Per-tenant limits, retention included.',
);

const COMPACTOR = block(
  {
    working_directory: str("Local directory of the compactor's work (`/loki/compactor`)."),
    compaction_interval: goDur(),
    apply_retention_interval: goDur(),
    retention_enabled: bool('Apply `limits_config.retention_period`: without it no log is ever deleted. Needs `delete_request_store` since Loki 3.'),
    retention_delete_delay: goDur(),
    retention_delete_worker_count: int(),
    retention_table_timeout: goDur(),
    delete_request_store: str('Object store that keeps delete requests (`filesystem`, `s3`, …): required with retention since Loki 3.'),
    delete_request_store_key_prefix: str(),
    delete_request_store_db_type: str(undefined, { enum: ['boltdb', 'sqlite'] }),
    delete_batch_size: int(),
    delete_request_cancel_period: goDur(),
    delete_max_interval: goDur(),
    max_compaction_parallelism: int(),
    upload_parallelism: int(),
    compactor_ring: anyBlock(),
    tables_to_compact: int(),
    skip_latest_n_tables: int(),
    retention_backoff_config: anyBlock(),
    horizontal_scaling_mode: str(),
    worker_config: anyBlock(),
    jobs_config: anyBlock(),
    shared_store: removed('removed in Loki 3; set delete_request_store to the object store that keeps delete requests.'),
    shared_store_key_prefix: removed('removed in Loki 3; use delete_request_store_key_prefix.'),
    deletion_mode: removed('moved to limits_config.deletion_mode in Loki 3.'),
  },
  'The compactor: index compaction and retention.',
);

const INGESTER = block(
  {
    lifecycler: anyBlock(),
    concurrent_flushes: int(),
    flush_check_period: goDur(),
    flush_op_backoff: anyBlock(),
    flush_op_timeout: goDur(),
    chunk_retain_period: goDur(),
    chunk_idle_period: goDur(),
    chunk_block_size: int(),
    chunk_target_size: int(),
    chunk_encoding: str(undefined, { enum: ['none', 'gzip', 'lz4-64k', 'snappy', 'lz4-256k', 'lz4-1M', 'lz4', 'flate', 'zstd'] }),
    max_chunk_age: goDur(),
    autoforget_unhealthy: bool(),
    sync_period: goDur(),
    sync_min_utilization: num(),
    max_returned_stream_errors: int(),
    query_store_max_look_back_period: goDur(),
    wal: block(
      { enabled: bool(), dir: str(), checkpoint_duration: goDur(), flush_on_shutdown: bool(), replay_memory_ceiling: size(), disk_full_threshold: num() },
      'Write-ahead log of received logs.',
      false,
    ),
    index_shards: int(),
    max_dropped_streams: int(),
    shutdown_marker_path: str(),
    owned_streams_check_interval: goDur(),
    kafka_ingestion: anyBlock(),
    max_transfer_retries: removed('removed in Loki 3; use the WAL and a shutdown flush.'),
  },
  'The ingester: in-memory chunks, flushing, WAL.',
);

const QUERIER = block(
  {
    tail_max_duration: goDur(),
    extra_query_delay: goDur(),
    query_ingesters_within: goDur(),
    engine: anyBlock(),
    max_concurrent: int(),
    query_store_only: bool(),
    query_ingester_only: bool(),
    multi_tenant_queries_enabled: bool(),
    per_request_limits_enabled: bool(),
    query_partition_ingesters: bool(),
  },
  'The querier.',
);

const QUERY_RANGE = block(
  {
    align_queries_with_step: bool(),
    results_cache: anyBlock(),
    cache_results: bool(),
    max_retries: int(),
    parallelise_shardable_queries: bool(),
    shard_aggregations: { shape: strings },
    cache_index_stats_results: bool(),
    index_stats_results_cache: anyBlock(),
    cache_volume_results: bool(),
    volume_results_cache: anyBlock(),
    cache_instant_metric_results: bool(),
    instant_metric_results_cache: anyBlock(),
    instant_metric_query_split_align: bool(),
    cache_series_results: bool(),
    series_results_cache: anyBlock(),
    cache_label_results: bool(),
    label_results_cache: anyBlock(),
  },
  'Query splitting and results caching of the query-frontend.',
);

const FRONTEND = block(
  {
    max_outstanding_per_tenant: int(),
    querier_forget_delay: goDur(),
    log_queries_longer_than: goDur(),
    log_query_request_headers: str(),
    max_body_size: int(),
    query_stats_enabled: bool(),
    scheduler_address: str(),
    scheduler_dns_lookup_period: goDur(),
    scheduler_worker_concurrency: int(),
    grpc_client_config: anyBlock(),
    graceful_shutdown_timeout: goDur(),
    instance_interface_names: { shape: strings },
    instance_enable_ipv6: bool(),
    instance_addr: str(),
    instance_port: int(),
    compress_responses: bool(),
    downstream_url: str(),
    tail_proxy_url: str(),
    tail_tls_config: anyBlock(),
    encoding: str(undefined, { enum: ['json', 'protobuf'] }),
  },
  'The query-frontend.',
);

const RULER = block(
  {
    external_url: str(),
    datasource_uid: str(),
    external_labels: { shape: stringMap },
    ruler_client: anyBlock(),
    evaluation_interval: goDur(),
    poll_interval: goDur(),
    storage: anyBlock(),
    rule_path: str(),
    alertmanager_url: str(),
    enable_alertmanager_discovery: bool(),
    alertmanager_refresh_interval: goDur(),
    enable_alertmanager_v2: bool(),
    alert_relabel_configs: anyBlock(),
    notification_queue_capacity: int(),
    notification_timeout: goDur(),
    alertmanager_client: anyBlock(),
    for_outage_tolerance: goDur(),
    for_grace_period: goDur(),
    resend_delay: goDur(),
    enable_sharding: bool(),
    sharding_strategy: str(),
    sharding_algo: str(),
    search_pending_for: goDur(),
    ring: anyBlock(),
    flush_period: goDur(),
    enable_api: bool(),
    enabled_tenants: str(),
    disabled_tenants: str(),
    query_stats_enabled: bool(),
    disable_rule_group_label: bool(),
    wal: anyBlock(),
    wal_cleaner: anyBlock(),
    remote_write: anyBlock(),
    evaluation: anyBlock(),
  },
  'The ruler: LogQL alerting and recording rules.',
);

/** A Loki configuration file. */
export const LOKI_SHAPE: MapShape = {
  type: 'map',
  open: true,
  fields: {
    target: str('Components to run: `all` (single binary), `read`, `write`, `backend`, or a list.'),
    auth_enabled: bool('Multi-tenancy: when true every request needs `X-Scope-OrgID`. `false` for a single tenant (`fake`).'),
    ballast_bytes: int(),
    server: SERVER,
    common: COMMON,
    schema_config: SCHEMA_CONFIG,
    storage_config: STORAGE_CONFIG,
    limits_config: LIMITS_CONFIG,
    compactor: COMPACTOR,
    ingester: INGESTER,
    querier: QUERIER,
    query_range: QUERY_RANGE,
    frontend: FRONTEND,
    ruler: RULER,
    ui: anyBlock(),
    distributor: anyBlock(),
    query_engine: anyBlock(),
    query_scheduler: anyBlock(),
    ruler_storage: anyBlock(),
    ingester_client: anyBlock(),
    pattern_ingester: anyBlock(),
    index_gateway: anyBlock(),
    bloom_build: anyBlock(),
    bloom_gateway: anyBlock(),
    chunk_store_config: anyBlock(),
    compactor_grpc_client: anyBlock(),
    frontend_worker: anyBlock(),
    table_manager: anyBlock(),
    memberlist: anyBlock('Gossip ring of a cluster (`common.ring.kvstore.store: memberlist`).'),
    runtime_config: anyBlock(),
    operational_config: anyBlock(),
    tracing: anyBlock(),
    analytics: anyBlock('Usage reporting to Grafana Labs (`reporting_enabled: false` to turn it off).'),
    profiling: anyBlock(),
    kafka_config: anyBlock(),
    dataobj: anyBlock(),
    block_builder: anyBlock(),
    block_scheduler: anyBlock(),
    ingest_limits: anyBlock(),
    ingest_limits_frontend: anyBlock(),
    ingest_limits_frontend_client: anyBlock(),
    shutdown_delay: goDur(),
    metrics_namespace: str(),
  },
};
