/**
 * The facts one file contributes to the workspace (recording rules, scrape
 * jobs, services, alerts, dashboards, compose services), as plain data.
 *
 * Apart from index.ts so that changes.ts, which compares two versions of them,
 * and index.ts, which keeps them and asks changes.ts what changed, both import
 * them without importing each other. index.ts re-exports them.
 */
import type { CatalogExtension } from '../catalog/schema';

/** A recording rule defined somewhere in the workspace. */
export interface RecordingRuleDefinition {
  name: string;
  uri: string;
  /** Document range of the `record:` value. */
  start: number;
  end: number;
  expr: string;
  /** The rule's own `labels:` (added to every output series). */
  labels?: Record<string, string>;
}

/** A scrape job of a Prometheus configuration (`scrape_configs[]`). */
export interface ScrapeJob {
  name: string;
  uri: string;
  /** Document range of the `job_name` value. */
  start: number;
  end: number;
  /** The job's scrape interval in seconds, when it sets one. */
  intervalSeconds?: number;
  /** Static labels of its `static_configs` (value lists per label: targets may differ). */
  labels: Record<string, string[]>;
  /** The `host:port` targets of its `static_configs`, in order. */
  targets?: string[];
  /** Its `metrics_path`, when it sets one (Prometheus's default is `/metrics`). */
  metricsPath?: string;
}

/** An entry of a Prometheus configuration's `rule_files` (a path or a glob, as written). */
export interface RuleFilesEntry {
  pattern: string;
  /** Document range of the entry's scalar. */
  start: number;
  end: number;
}

/** A service of a compose file and what it lets other containers reach. */
export interface ComposeService {
  name: string;
  /** Other names it answers to on the compose network (`hostname`, `container_name`, network aliases). */
  aliases: string[];
  /** Container ports it publishes (`ports`) or exposes (`expose`). */
  ports: number[];
  image?: string;
  /** The profiles that start it (none: always started). */
  profiles?: string[];
  /** Its `env_file`s, absolute, and where its config.yaml may be (set only when it has env files: otel/env reads them). */
  envFiles?: string[];
  config?: { names: string[]; paths: string[] };
}

/** What a compose file tells the workspace. */
export interface ComposeFacts {
  uri: string;
  services: ComposeService[];
}

/** What a Prometheus configuration (prometheus.yaml) tells the workspace. */
export interface ScrapeFacts {
  globalIntervalSeconds?: number;
  jobs: ScrapeJob[];
  /** `global.external_labels` names: every series may carry them. */
  externalLabels: string[];
  /** The `rule_files` entries (absent when the configuration has none). */
  ruleFiles?: RuleFilesEntry[];
}

/** A service named by a config file (`app.name`, `app.tier`). */
export interface ServiceFact {
  name: string;
  tier?: string;
  /** `app.environment`, when the file says it. */
  environment?: string;
  /** Where it is named: the config file and the document range of the `app.name` value. */
  uri?: string;
  start?: number;
  end?: number;
  /**
   * The config file does not parse: its first syntax error (document offsets). The name and tier
   * are then what the recovered tree reads, else the name is the file's folder.
   */
  configError?: { message: string; start: number; end: number };
}

/** A label matcher of a PromQL selector on one of the labels that pick services (service, tier, job). */
export interface ServiceMatcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

/** An alerting rule of a rule file, with what it selects on. */
export interface AlertRuleFact {
  name: string;
  uri: string;
  /** Document range of the `alert:` value. */
  start: number;
  end: number;
  group: string;
  expr: string;
  for?: string;
  severity?: string;
  /** Per vector selector of `expr`: its matchers on service, tier and job (empty: selects every service). */
  selectors: ServiceMatcher[][];
}

/** A Grafana dashboard and the service-picking matchers of its panels' queries. */
export interface DashboardFact {
  uri: string;
  title: string;
  /** Document range of the `title` value (the file's start when it has none). */
  start: number;
  end: number;
  panels: { title: string; start: number; end: number; selectors: ServiceMatcher[][] }[];
}

/** A Grafana datasource a provisioning file defines (what other files' ports are compared with). */
export interface DatasourceFact {
  uri: string;
  name: string;
  type: string;
  url: string;
}

/** A config file's tracing settings, which win over the OTEL_* variables of its service (otel/env). */
export interface TraceConfigFact {
  uri: string;
  /** `app.name`, when the file names it. */
  app?: string;
  /** The environment it is judged as (file name, `app.environment` or the setting). */
  environment?: string;
  /** `trace.endpoint` and `trace.sample_rate` as written, with their 1-based line. */
  endpoint?: { value: string; line: number };
  sampleRate?: { value: number; line: number };
}

/** An OTLP endpoint a workload's container is given (OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT of a Kubernetes manifest): where its traces go. */
export interface OtlpEndpointFact {
  uri: string;
  variable: string;
  value: string;
}

/** Everything one file contributes to the workspace. */
export interface FileFacts {
  recordingRules: RecordingRuleDefinition[];
  scrape?: ScrapeFacts;
  /** A workspace catalog extension (`.k1s0/catalog.yaml`), as far as it is valid. */
  catalog?: CatalogExtension;
  services?: ServiceFact[];
  /** Metrics seen by a live Prometheus (`k1s0.prometheus.url`). */
  live?: LiveFacts;
  /** Alerting rules of a rule file. */
  alerts?: AlertRuleFact[];
  /** A dashboard file's dashboard. */
  dashboard?: DashboardFact;
  /** Set for every rule file, even one that defines nothing: plain `groups:` or a Kubernetes PrometheusRule. */
  ruleFile?: 'plain' | 'PrometheusRule';
  /** A compose file's services. */
  compose?: ComposeFacts;
  /** A provisioning file's datasources that have a type and a URL. */
  datasources?: DatasourceFact[];
  /** A config file's tracing settings. */
  traceConfig?: TraceConfigFact;
  /** OTLP endpoints the workloads of a Kubernetes manifest send to. */
  otlpEndpoints?: OtlpEndpointFact[];
}

/** What a running Prometheus told us (names, types, label values). */
export interface LiveFacts {
  metrics: { name: string; type?: string; help?: string }[];
  labelValues: Record<string, string[]>;
}
