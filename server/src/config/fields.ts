import { z } from 'zod';

/**
 * The `observability:` section of a k1s0 config.yaml, as the design's
 * "config.yaml の observability セクション" defines it. The zod schema decides;
 * the field table words the messages (and later hovers and completions).
 */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export const LOG_FORMATS = ['text', 'json'] as const;

export interface FieldInfo {
  /** What a valid value is, in words, for messages. */
  expects: string;
  /** A value that would be right, shown in messages ('' for mappings). */
  example: string;
  doc: string;
}

export const OBSERVABILITY_FIELDS: Record<string, FieldInfo> = {
  '': {
    expects: 'a mapping with log, trace and metrics',
    example: '',
    doc: 'Telemetry settings read by the k1s0 telemetry library at start-up; they take precedence over OTEL_* environment variables.',
  },
  log: { expects: 'a mapping with level and format', example: '', doc: 'Structured logging.' },
  'log.level': { expects: 'one of debug, info, warn, error', example: 'info', doc: 'Lowest level written. The design uses debug in dev, info in staging, warn in prod.' },
  'log.format': { expects: 'one of text, json', example: 'json', doc: 'json is the standard (Loki); text is allowed in dev only, for readability.' },
  trace: { expects: 'a mapping with enabled, endpoint and sample_rate', example: '', doc: 'OpenTelemetry tracing to Jaeger over OTLP gRPC.' },
  'trace.enabled': { expects: 'a boolean (true or false)', example: 'true', doc: 'Whether spans are exported.' },
  'trace.endpoint': {
    expects: 'host:port or an http(s) URL with a port',
    example: 'jaeger:4317',
    doc: 'OTLP gRPC endpoint: jaeger:4317 locally, jaeger.observability.svc.cluster.local:4317 in Kubernetes.',
  },
  'trace.sample_rate': {
    expects: 'a number between 0 and 1',
    example: '0.1',
    doc: 'Fraction of traces kept: dev 1.0 (AlwaysOn), staging 0.5 (TraceIDRatioBased), prod 0.1 (tail-based in the OTel Collector).',
  },
  metrics: { expects: 'a mapping with enabled and path', example: '', doc: 'Prometheus metrics endpoint.' },
  'metrics.enabled': { expects: 'a boolean (true or false)', example: 'true', doc: 'Whether /metrics is served.' },
  'metrics.path': { expects: 'a path starting with "/"', example: '/metrics', doc: 'HTTP path Prometheus scrapes; the design scrapes /metrics.' },
};

const PORT = /^(?:[1-9]\d{0,3}|[1-5]\d{4}|6[0-4]\d{3}|65[0-4]\d{2}|655[0-2]\d|6553[0-5])$/;
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)$/;

/** `host:port`, or an http(s) URL that names its port (OTLP has no default one). */
export function isValidEndpoint(value: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    const explicitPort = /^[a-z]+:\/\/(?:[^/@]*@)?(?:\[[^\]]*\]|[^/:]*):(\d+)(?:[/?#]|$)/i.exec(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && explicitPort !== null && PORT.test(explicitPort[1] ?? '');
  }
  const colon = value.lastIndexOf(':');
  if (colon <= 0) return false;
  return HOST.test(value.slice(0, colon)) && PORT.test(value.slice(colon + 1));
}

const log = z.strictObject({
  level: z.enum(LOG_LEVELS),
  format: z.enum(LOG_FORMATS),
});

const trace = z
  .strictObject({
    enabled: z.boolean(),
    endpoint: z
      .string()
      .refine(isValidEndpoint, { params: { field: 'endpoint' } })
      .optional(),
    sample_rate: z.number().min(0).max(1).optional(),
  })
  .superRefine((value, ctx) => {
    // Tracing that is on needs somewhere to send spans and a rate to sample at.
    if (value.enabled !== true) return;
    for (const key of ['endpoint', 'sample_rate'] as const) {
      if (value[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], params: { missing: true } });
    }
  });

const metrics = z
  .strictObject({
    enabled: z.boolean(),
    path: z.string().startsWith('/').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.enabled === true && value.path === undefined) ctx.addIssue({ code: 'custom', path: ['path'], params: { missing: true } });
  });

export const observabilitySchema = z.strictObject({ log, trace, metrics });
export type ObservabilitySection = z.infer<typeof observabilitySchema>;
