/**
 * prometheus.yaml's structure as data (base/yaml/shape.ts), as Prometheus 2.42
 * reads it (`promtool check config`, DESIGN.md's oracle): every key of every
 * level, with its type and, where it has one, its enumerated values. What
 * needs more than one value at a time — timeouts against intervals, job names
 * against each other, auth options against each other, relabel actions
 * against their fields — is a check module of this folder.
 *
 * Service discovery: the blocks the design and common Kubernetes setups use
 * (`static_configs`, `kubernetes_sd_configs`, `file_sd_configs`,
 * `dns_sd_configs`, `http_sd_configs`) are described key by key; the other
 * mechanisms Prometheus builds in are known by name (a list of mappings) and
 * not looked into.
 */
import { bool, duration, int, listOf, str, stringMap } from '../base/yaml/fields';
import type { Field, MapShape, ScalarShape } from '../base/yaml/shape';

/** A Go `units.Base2Bytes`: a number with a unit, compound allowed (`10MB`, `1GiB`, `1GB512MB`), or `0`. */
export function bytesProblem(value: string): string | undefined {
  return value === '0' || /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[KMGTPE]i?)?B)+$/.test(value)
    ? undefined
    : `units: unknown unit in ${value} (a size is a number with B, KB, MB, GB, KiB, MiB, GiB…, e.g. 10MB)`;
}

const TLS_VERSIONS = ['TLS10', 'TLS11', 'TLS12', 'TLS13'];

export const TLS_CONFIG: MapShape = {
  type: 'map',
  doc: 'TLS settings of the connection.',
  fields: {
    ca_file: str('CA certificate to validate the server certificate with.'),
    cert_file: str('Certificate file for client certificate authentication (needs key_file).'),
    key_file: str('Key file for client certificate authentication (needs cert_file).'),
    server_name: str('ServerName extension to indicate the name of the server.'),
    insecure_skip_verify: bool('Disable validation of the server certificate.'),
    min_version: { shape: { type: 'string', enum: TLS_VERSIONS }, doc: 'Minimum acceptable TLS version.' },
    max_version: { shape: { type: 'string', enum: TLS_VERSIONS }, doc: 'Maximum acceptable TLS version.' },
  },
};

const BASIC_AUTH: MapShape = {
  type: 'map',
  doc: 'HTTP basic authentication (at most one of basic_auth, authorization, oauth2).',
  fields: { username: str('User name.'), password: str('Password (or password_file, not both).'), password_file: str('File holding the password.') },
};

const AUTHORIZATION: MapShape = {
  type: 'map',
  doc: 'The `Authorization` header (at most one of basic_auth, authorization, oauth2).',
  fields: {
    type: str('Authentication type; `Bearer` by default (`Basic` is basic_auth).'),
    credentials: str('The credentials (or credentials_file, not both).'),
    credentials_file: str('File holding the credentials.'),
  },
};

const OAUTH2: MapShape = {
  type: 'map',
  doc: 'OAuth 2.0 client credentials (at most one of basic_auth, authorization, oauth2).',
  fields: {
    client_id: str('Client id (required).'),
    client_secret: str('Client secret (or client_secret_file, not both; one of them is required).'),
    client_secret_file: str('File holding the client secret.'),
    scopes: listOf({ type: 'string' }, 'Scopes of the token request.'),
    token_url: str('URL to fetch the token from (required).'),
    endpoint_params: stringMap('Parameters appended to the token URL.'),
    tls_config: { shape: TLS_CONFIG, doc: 'TLS settings of the token request.' },
    proxy_url: str('Proxy of the token request.'),
  },
};

/** The HTTP client settings of common/config.HTTPClientConfig, inlined in scrape jobs, Alertmanager, remote write and read, HTTP-based discovery. */
export const HTTP_CLIENT_FIELDS: Readonly<Record<string, Field>> = {
  basic_auth: { shape: BASIC_AUTH, doc: BASIC_AUTH.doc ?? '' },
  authorization: { shape: AUTHORIZATION, doc: AUTHORIZATION.doc ?? '' },
  oauth2: { shape: OAUTH2, doc: OAUTH2.doc ?? '' },
  bearer_token: str('Bearer token (deprecated: use authorization.credentials).'),
  bearer_token_file: str('File holding the bearer token (deprecated: use authorization.credentials_file).'),
  tls_config: { shape: TLS_CONFIG, doc: 'TLS settings.' },
  proxy_url: str('Optional proxy URL.'),
  proxy_connect_header: { shape: { type: 'map', fields: {}, values: { type: 'list', items: { type: 'string' } } }, doc: 'Headers sent to the proxy on CONNECT (needs proxy_url).' },
  follow_redirects: bool('Whether to follow HTTP 3xx redirects (default true).'),
  enable_http2: bool('Whether to enable HTTP/2 (default true).'),
};

export const RELABEL_ACTIONS = ['replace', 'keep', 'drop', 'keepequal', 'dropequal', 'hashmod', 'labelmap', 'labeldrop', 'labelkeep', 'lowercase', 'uppercase'];

/** A label name as Prometheus 2.42 accepts it (`model.LabelName.IsValid`). */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const labelName: ScalarShape = { type: 'string', check: (value) => (LABEL_NAME.test(value) ? undefined : `${JSON.stringify(value)} is not a valid label name`) };

export const RELABEL_CONFIG: MapShape = {
  type: 'map',
  doc: 'One relabeling step.',
  fields: {
    source_labels: listOf(labelName, 'Labels whose values, joined by separator, the regex is matched against.'),
    separator: str('Separator placed between concatenated source label values (default `;`).'),
    target_label: str('Label to which the resulting value is written (replace, hashmod, lowercase, uppercase; keepequal, dropequal compare with it).'),
    regex: str('RE2 regular expression matched against the whole joined value, anchored at both ends (default `(.*)`).'),
    modulus: int('Modulus to take of the hash of the source label values (hashmod).'),
    replacement: str('Replacement value, with `$1`-style references to the regex groups (default `$1`).'),
    action: {
      // Prometheus lower-cases the action (`Replace` works): structure.ts lets any case of these pass.
      shape: { type: 'string', enum: RELABEL_ACTIONS },
      doc: 'Action to perform based on the regex match (default `replace`).',
    },
  },
};

const relabelList = (doc: string): Field => listOf(RELABEL_CONFIG, doc);

const STATIC_CONFIG: MapShape = {
  type: 'map',
  doc: 'A list of targets and the labels they all get.',
  fields: {
    targets: listOf({ type: 'string' }, 'The targets, as `host:port` (no scheme, no path).'),
    labels: { shape: { type: 'map', fields: {}, values: { type: 'string' } }, doc: 'Labels given to every target of the group.' },
  },
};

const KUBERNETES_ROLES = ['endpoints', 'endpointslice', 'service', 'pod', 'node', 'ingress'];

const KUBERNETES_SD: MapShape = {
  type: 'map',
  doc: 'Discovers scrape targets from the Kubernetes REST API.',
  fields: {
    role: { shape: { type: 'string', enum: KUBERNETES_ROLES }, required: true, doc: 'The Kubernetes objects to discover as targets.' },
    api_server: str('The API server address; in-cluster configuration when absent.'),
    kubeconfig_file: str('A kubeconfig file (not together with api_server).'),
    namespaces: {
      shape: { type: 'map', fields: { own_namespace: bool('Include the namespace Prometheus runs in.'), names: listOf({ type: 'string' }, 'Namespaces to discover in.') } },
      doc: 'Namespaces to discover in; all namespaces when absent.',
    },
    selectors: listOf(
      {
        type: 'map',
        fields: {
          role: { shape: { type: 'string', enum: KUBERNETES_ROLES }, doc: 'The role the selector applies to.' },
          label: str('A label selector (`app=api`).'),
          field: str('A field selector.'),
        },
      },
      'Label and field selectors that limit the discovery.',
    ),
    attach_metadata: {
      shape: { type: 'map', fields: { node: bool('Attach node metadata to discovered targets (pod, endpoints, endpointslice roles).') } },
      doc: 'Metadata attached to discovered targets.',
    },
    ...HTTP_CLIENT_FIELDS,
  },
};

const FILE_SD: MapShape = {
  type: 'map',
  doc: 'Reads targets from JSON or YAML files.',
  fields: {
    files: listOf({ type: 'string' }, 'Files to read target groups from: `.json`, `.yml` or `.yaml`, with `*` allowed in the last path segment.'),
    refresh_interval: duration('How often the files are read again (default 5m).'),
  },
};

const DNS_SD: MapShape = {
  type: 'map',
  doc: 'Discovers targets from DNS records.',
  fields: {
    names: listOf({ type: 'string' }, 'DNS names to query.'),
    type: { shape: { type: 'string', enum: ['SRV', 'A', 'AAAA', 'MX'] }, doc: 'The record type (default SRV).' },
    port: int('The port of every target (required for A, AAAA and MX).'),
    refresh_interval: duration('How often names are resolved again (default 30s).'),
  },
};

const HTTP_SD: MapShape = {
  type: 'map',
  doc: 'Fetches target groups from an HTTP endpoint.',
  fields: {
    url: { shape: { type: 'string' }, required: true, doc: 'The URL to fetch targets from.' },
    refresh_interval: duration('How often the URL is fetched (default 60s).'),
    ...HTTP_CLIENT_FIELDS,
  },
};

/** Discovery mechanisms built into Prometheus 2.42 and not described key by key here. */
export const OTHER_SD = [
  'azure',
  'consul',
  'digitalocean',
  'docker',
  'dockerswarm',
  'ec2',
  'eureka',
  'gce',
  'hetzner',
  'ionos',
  'kuma',
  'lightsail',
  'linode',
  'marathon',
  'nerve',
  'nomad',
  'openstack',
  'ovhcloud',
  'puppetdb',
  'scaleway',
  'serverset',
  'triton',
  'uyuni',
  'vultr',
];

/** The service discovery blocks of a scrape job or an Alertmanager entry. */
const SD_FIELDS: Readonly<Record<string, Field>> = {
  static_configs: listOf(STATIC_CONFIG, 'Targets listed in the configuration.'),
  file_sd_configs: listOf(FILE_SD, 'File-based service discovery.'),
  dns_sd_configs: listOf(DNS_SD, 'DNS-based service discovery.'),
  kubernetes_sd_configs: listOf(KUBERNETES_SD, 'Kubernetes service discovery.'),
  http_sd_configs: listOf(HTTP_SD, 'HTTP-based service discovery.'),
  ...Object.fromEntries(
    OTHER_SD.map((name) => [`${name}_sd_configs`, listOf({ type: 'map', fields: {}, values: { type: 'any' } }, { en: `${name} service discovery.`, ja: `${name} のサービスディスカバリー。` })]),
  ),
};

/** A per-scrape limit's documentation: what it counts, in both languages. */
const limit = (en: string, ja: string): Field => int({ en: `${en} Per-scrape limit; 0 means no limit.`, ja: `${ja}スクレイプごとの上限で、0 は無制限です。` });

export const SCRAPE_CONFIG: MapShape = {
  type: 'map',
  doc: 'One scrape job.',
  fields: {
    job_name: { shape: { type: 'string' }, doc: 'The job name, the `job` label of every series scraped; unique across scrape_configs.' },
    scrape_interval: duration('How often targets of this job are scraped (default: global.scrape_interval).'),
    scrape_timeout: duration('When a scrape times out; at most scrape_interval (default: global.scrape_timeout).'),
    metrics_path: str('The HTTP path metrics are fetched from (default `/metrics`).'),
    scheme: { shape: { type: 'string', enum: ['http', 'https'] }, doc: 'The protocol scheme of requests (default http).' },
    params: { shape: { type: 'map', fields: {}, values: { type: 'list', items: { type: 'string' } } }, doc: 'URL parameters of requests.' },
    honor_labels: bool('Whether labels of the scraped data win over the labels Prometheus attaches (default false).'),
    honor_timestamps: bool('Whether timestamps of the scraped data are kept (default true).'),
    body_size_limit: { shape: { type: 'string', check: bytesProblem }, doc: 'An uncompressed response body larger than this fails the scrape (`10MB`; 0 means no limit).' },
    sample_limit: limit('Samples a scrape may accept after metric relabeling.', 'メトリクスのリラベル後に 1 回のスクレイプで受け入れるサンプル数。'),
    target_limit: limit('Targets the job may have after relabeling.', 'リラベル後にジョブが持てるターゲット数。'),
    label_limit: limit('Labels a sample may have.', 'サンプルが持てるラベル数。'),
    label_name_length_limit: limit('Length of a label name.', 'ラベル名の長さ。'),
    label_value_length_limit: limit('Length of a label value.', 'ラベル値の長さ。'),
    relabel_configs: relabelList('Relabeling of targets before scraping.'),
    metric_relabel_configs: relabelList('Relabeling of samples before ingestion.'),
    ...SD_FIELDS,
    ...HTTP_CLIENT_FIELDS,
  },
};

const ALERTMANAGER_CONFIG: MapShape = {
  type: 'map',
  doc: 'Alertmanagers Prometheus sends alerts to.',
  fields: {
    api_version: { shape: { type: 'string', enum: ['v1', 'v2'] }, doc: 'The Alertmanager API version (default v2).' },
    path_prefix: str('Prefix of the HTTP path alerts are pushed to.'),
    scheme: { shape: { type: 'string', enum: ['http', 'https'] }, doc: 'The protocol scheme (default http).' },
    timeout: duration('Per-target timeout when pushing alerts (default 10s).'),
    relabel_configs: relabelList('Relabeling of Alertmanager targets.'),
    ...SD_FIELDS,
    ...HTTP_CLIENT_FIELDS,
  },
};

const QUEUE_CONFIG: MapShape = {
  type: 'map',
  doc: 'Tuning of the remote write queue.',
  fields: {
    capacity: { shape: { type: 'int' }, doc: 'Samples buffered per shard.' },
    max_shards: { shape: { type: 'int' }, doc: 'Maximum number of shards.' },
    min_shards: { shape: { type: 'int' }, doc: 'Minimum number of shards.' },
    max_samples_per_send: { shape: { type: 'int' }, doc: 'Maximum samples per send.' },
    batch_send_deadline: duration('Maximum time a sample waits in a buffer.'),
    min_backoff: duration('Initial retry delay.'),
    max_backoff: duration('Maximum retry delay.'),
    retry_on_http_429: bool('Retry on 429 Too Many Requests.'),
  },
};

const REMOTE_WRITE: MapShape = {
  type: 'map',
  doc: 'One remote write endpoint.',
  fields: {
    url: { shape: { type: 'string' }, doc: 'The URL of the endpoint (required).' },
    name: str('A name unique among remote_write entries (metrics and logs).'),
    remote_timeout: duration('Timeout of requests to the endpoint (default 30s).'),
    headers: stringMap('Custom HTTP headers of every request (not Authorization: use the auth options).'),
    write_relabel_configs: relabelList('Relabeling of samples before they are sent.'),
    send_exemplars: bool('Whether exemplars are sent.'),
    send_native_histograms: bool('Whether native histograms are sent.'),
    queue_config: { shape: QUEUE_CONFIG, doc: QUEUE_CONFIG.doc ?? '' },
    metadata_config: {
      shape: {
        type: 'map',
        fields: {
          send: bool('Whether metric metadata is sent.'),
          send_interval: duration('How often metadata is sent.'),
          max_samples_per_send: { shape: { type: 'int' }, doc: 'Maximum metadata per send.' },
        },
      },
      doc: 'Sending of metric metadata.',
    },
    sigv4: { shape: { type: 'map', fields: {}, values: { type: 'any' } }, doc: 'AWS Signature Version 4 signing (not together with the other auth options).' },
    ...HTTP_CLIENT_FIELDS,
  },
};

const REMOTE_READ: MapShape = {
  type: 'map',
  doc: 'One remote read endpoint.',
  fields: {
    url: { shape: { type: 'string' }, doc: 'The URL of the endpoint (required).' },
    name: str('A name unique among remote_read entries.'),
    remote_timeout: duration('Timeout of requests to the endpoint (default 1m).'),
    headers: stringMap('Custom HTTP headers of every request.'),
    read_recent: bool('Whether reads go to the endpoint for times local storage has complete data for.'),
    required_matchers: stringMap('Equality matchers a query must have to be sent to the endpoint.'),
    filter_external_labels: bool('Whether external labels are used as selectors (default true).'),
    ...HTTP_CLIENT_FIELDS,
  },
};

export const GLOBAL_CONFIG: MapShape = {
  type: 'map',
  doc: 'Defaults of every scrape job and settings of the whole server.',
  fields: {
    scrape_interval: duration('How often targets are scraped by default (default 1m).'),
    scrape_timeout: duration('When a scrape times out by default (default 10s); at most scrape_interval.'),
    evaluation_interval: duration('How often rules are evaluated (default 1m).'),
    external_labels: { shape: { type: 'map', fields: {}, values: { type: 'string' } }, doc: 'Labels added to series and alerts sent to external systems (federation, remote storage, Alertmanager).' },
    query_log_file: str('File PromQL queries are logged to.'),
  },
};

export const PROMETHEUS_CONFIG_SHAPE: MapShape = {
  type: 'map',
  doc: 'A Prometheus configuration file (prometheus.yaml).',
  fields: {
    global: { shape: GLOBAL_CONFIG, doc: GLOBAL_CONFIG.doc ?? '' },
    rule_files: listOf({ type: 'string' }, 'Rule files to load: paths relative to this file, `*` allowed in the last path segment.'),
    scrape_configs: listOf(SCRAPE_CONFIG, 'The scrape jobs.'),
    alerting: {
      shape: {
        type: 'map',
        fields: { alert_relabel_configs: relabelList('Relabeling of alerts before they are sent.'), alertmanagers: listOf(ALERTMANAGER_CONFIG, 'The Alertmanagers alerts are sent to.') },
      },
      doc: 'Where alerts go.',
    },
    remote_write: listOf(REMOTE_WRITE, 'Endpoints samples are written to.'),
    remote_read: listOf(REMOTE_READ, 'Endpoints samples are read from.'),
    storage: {
      shape: {
        type: 'map',
        fields: {
          tsdb: { shape: { type: 'map', fields: { out_of_order_time_window: duration('How old an out-of-order sample may be and still be ingested.') } }, doc: 'Local storage settings.' },
          exemplars: { shape: { type: 'map', fields: { max_exemplars: { shape: { type: 'int' }, doc: 'Size of the exemplar store.' } } }, doc: 'Exemplar storage.' },
        },
      },
      doc: 'Storage settings that can change at runtime.',
    },
    tracing: {
      shape: {
        type: 'map',
        fields: {
          endpoint: str('The OTLP endpoint (`host:port`).'),
          client_type: { shape: { type: 'string', enum: ['http', 'grpc'] }, doc: 'The OTLP protocol (default grpc).' },
          sampling_fraction: { shape: { type: 'number', min: 0, max: 1 }, doc: 'Fraction of traces sampled.' },
          insecure: bool('Whether TLS is off.'),
          headers: stringMap('Headers of every export.'),
          compression: { shape: { type: 'string', enum: ['gzip'] }, doc: 'Compression of exports.' },
          timeout: duration('Export timeout.'),
          tls_config: { shape: TLS_CONFIG, doc: 'TLS settings.' },
        },
      },
      doc: "Tracing of Prometheus's own operations.",
    },
  },
};

/** Top-level keys of a Prometheus configuration, what tells a prometheus.yaml by its content. */
export const TOP_LEVEL_KEYS: readonly string[] = Object.keys(PROMETHEUS_CONFIG_SHAPE.fields);
