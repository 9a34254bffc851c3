/**
 * The shape of catalog data: the built-in k1s0 catalog (k1s0-catalog.json,
 * from the observability design) and the workspace extensions
 * (`.k1s0/catalog.yaml`) share these schemas. Validated with zod at load.
 */
import { z } from 'zod';
import { environmentName } from '../base/settings';

export const METRIC_TYPES = ['counter', 'gauge', 'histogram', 'summary', 'info', 'stateset', 'unknown'] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

const metricName = z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, 'a metric name is [a-zA-Z_:][a-zA-Z0-9_:]*');
const labelName = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'a label name is [a-zA-Z_][a-zA-Z0-9_]*');
const durationText = z.string().regex(/^(\d+(ms|s|m|h|d|w|y))+$/, 'a duration like 15s, 5m or 1h');

export const metricSchema = z.strictObject({
  name: metricName,
  type: z.enum(METRIC_TYPES),
  /** Labels the library sets; target labels (job, service, tier, ...) come on top. Absent: unknown (open). */
  labels: z.array(labelName).optional(),
  /** Label name prefixes the metric may carry in any number (kube-state-metrics' `label_*`). */
  labelPrefixes: z.array(z.string()).optional(),
  help: z.string().optional(),
  /** Who provides it: languages of the telemetry library and which servers. */
  providers: z
    .strictObject({
      languages: z.array(z.string()).optional(),
      servers: z.union([z.literal('all'), z.literal('cache'), z.array(z.string())]).optional(),
      note: z.string().optional(),
    })
    .optional(),
  /** Histogram bucket bounds: 'default' for the design's, or the list. */
  buckets: z.union([z.literal('default'), z.array(z.number())]).optional(),
  /** The design section the entry comes from. */
  source: z.string().optional(),
});
export type MetricEntry = z.infer<typeof metricSchema>;

export const exporterSchema = z.strictObject({
  name: z.string().min(1),
  help: z.string().optional(),
  /** Metric name prefixes of the exporter's family: any name with one is known, its labels open. */
  prefixes: z.array(z.string().min(2)).default([]),
  /** Metrics known by name (with their type). */
  metrics: z.array(metricSchema.partial({ type: true })).default([]),
});
export type ExporterEntry = z.infer<typeof exporterSchema>;

export const serviceSchema = z.strictObject({
  name: z.string().min(1),
  tier: z.string().optional(),
  lang: z.string().optional(),
});

export const labelSchema = z.strictObject({
  /** The known values: equality matchers and regexes are checked against them. */
  values: z.array(z.string()).optional(),
  help: z.string().optional(),
  /** One series per value and the values unbounded (path, instance, pod, trace_id): never a `by` label of a recording rule. */
  highCardinality: z.boolean().optional(),
});

const alertPolicySchema = z.strictObject({
  name: z.string(),
  kind: z.enum(['error-rate', 'latency', 'down', 'burn-rate']),
  threshold: z.number().optional(),
  burnRate: z.number().optional(),
  windows: z.array(durationText).optional(),
  for: durationText,
  severity: z.string(),
  tiers: z.array(z.string()).optional(),
  /** The design's wording of the condition (アラートルール一覧). */
  condition: z.string(),
});
export type AlertPolicy = z.infer<typeof alertPolicySchema>;

/**
 * One row of the design's environment policy for config.yaml's observability
 * section (トレースサンプリング戦略, and the log format note): in
 * `environment`, `field` should be `expected`. `rule` names the design's
 * wording, a message (`policy.rule.<rule>`) said in the user's language.
 */
const environmentPolicySchema = z.strictObject({
  environment: environmentName,
  field: z.enum(['trace.sample_rate', 'log.format']),
  expected: z.union([z.number(), z.string()]),
  rule: z.string().regex(/^[a-zA-Z]+$/),
});
export type EnvironmentPolicy = z.infer<typeof environmentPolicySchema>;

export const policySchema = z.strictObject({
  severities: z.array(z.string()),
  requiredLabels: z.array(z.string()),
  requiredAnnotations: z.array(z.string()),
  slo: z.strictObject({ targets: z.record(z.string(), z.number().gt(0).lt(1)), source: z.string() }),
  alerts: z.array(alertPolicySchema),
  environments: z.array(environmentPolicySchema),
});
export type Policy = z.infer<typeof policySchema>;

export const builtinCatalogSchema = z.strictObject({
  $comment: z.string().optional(),
  design: z.string(),
  tiers: z.array(z.string()).min(1),
  languages: z.array(z.string()).min(1),
  services: z.array(serviceSchema),
  scrapeInterval: durationText,
  histogramBuckets: z.array(z.number()),
  targetLabels: z.array(z.strictObject({ name: labelName, help: z.string().optional() })),
  /**
   * Labels that, like the target labels, only say where a series comes from
   * (not what it measures), but that the catalog's metrics do not carry
   * (cluster: set by federation or remote write). A matcher on a target or
   * scope label selects targets; it filters nothing out of the data.
   */
  scopeLabels: z.array(z.strictObject({ name: labelName, help: z.string().optional() })),
  labels: z.record(labelName, labelSchema),
  /** ログラベル設計: the labels of k1s0's log streams (Loki), with the values the design knows (absent: any). */
  logLabels: z.array(z.strictObject({ name: labelName, help: z.string().optional(), values: z.array(z.string()).optional() })),
  metrics: z.array(metricSchema),
  exporters: z.array(exporterSchema),
  policy: policySchema,
});
export type BuiltinCatalog = z.infer<typeof builtinCatalogSchema>;

/** A workspace extension (`.k1s0/catalog.yaml`): every part optional, nothing else allowed. */
export const extensionSchema = z.strictObject({
  metrics: z.array(metricSchema).optional(),
  services: z.array(z.union([z.string().min(1), serviceSchema])).optional(),
  labels: z.record(labelName, labelSchema).optional(),
  targetLabels: z.array(labelName).optional(),
  exporters: z.array(exporterSchema).optional(),
  tiers: z.array(z.string()).optional(),
  languages: z.array(z.string()).optional(),
});
export type CatalogExtension = z.infer<typeof extensionSchema>;
