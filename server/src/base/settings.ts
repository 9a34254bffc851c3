import { z } from 'zod';
import type { Severity } from './types';

/**
 * The `k1s0.*` settings, one type for the client, the server and the CLI.
 * The manifest's `contributes.configuration` must carry the same defaults;
 * settings.test.ts holds the two together.
 */

export const SETTINGS_SECTION = 'k1s0';

export const severityOverride = z.enum(['error', 'warning', 'information', 'hint', 'off']);
export type SeverityOverride = z.infer<typeof severityOverride>;

export const environmentName = z.enum(['dev', 'staging', 'prod']);
export type EnvironmentName = z.infer<typeof environmentName>;

export const DEFAULT_CONFIG_GLOBS = ['**/config*.yaml', '**/config*.yml'];
export const DEFAULT_MAX_FILE_SIZE_KB = 20480;
/** alertmanager.yml by name; any YAML file with top-level `route` and `receivers` is found by content as well. */
export const DEFAULT_ALERTMANAGER_GLOBS = ['**/alertmanager*.yml', '**/alertmanager*.yaml'];

export const settingsSchema = z.object({
  diagnostics: z
    .object({
      /** Code (`config/policy`) or area (`config`) → new severity or `off`. */
      severity: z.record(z.string(), severityOverride).default({}),
    })
    .default({ severity: {} }),
  files: z
    .object({
      config: z.array(z.string()).default(DEFAULT_CONFIG_GLOBS),
      rules: z.array(z.string()).default([]),
      dashboards: z.array(z.string()).default([]),
      /** Loki configurations whose content does not tell (found by content and `loki*` names otherwise). */
      lokiConfig: z.array(z.string()).default([]),
      /** Promtail configurations whose content does not tell. */
      promtailConfig: z.array(z.string()).default([]),
      /** Globs of Prometheus configurations, besides those found by content. */
      prometheusConfig: z.array(z.string()).default([]),
      alertmanagerConfig: z.array(z.string()).default(DEFAULT_ALERTMANAGER_GLOBS),
      /** Globs of OpenTelemetry Collector configurations, besides those found by their content. */
      otelCollectorConfig: z.array(z.string()).default([]),
      maxFileSizeKB: z.number().int().positive().default(DEFAULT_MAX_FILE_SIZE_KB),
    })
    // Absent, the block is parsed from {}: each glob list takes its own default above (one place per kind).
    .prefault({}),
  config: z
    .object({
      /** Glob → environment, for config files whose name does not say it. */
      environments: z.record(z.string(), environmentName).default({}),
    })
    .default({ environments: {} }),
  trace: z.object({ server: z.enum(['off', 'messages', 'verbose']).default('off') }).default({ server: 'off' }),
  catalog: z
    .object({
      /** Globs of catalog extension files, besides `.k1s0/catalog.yaml`. */
      files: z.array(z.string()).default([]),
    })
    .default({ files: [] }),
  prometheus: z
    .object({
      /** A running Prometheus whose metric names and label values extend the catalog ('' for none). */
      url: z.union([z.literal(''), z.string().url()]).default(''),
    })
    .default({ url: '' }),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/**
 * Reads settings as the editor or a file sends them. Fields that do not fit
 * fall back to their defaults one by one, and each is named in `problems`
 * so the server can log it: a typo in one setting never disables the rest.
 */
export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const parsed = settingsSchema.safeParse(raw ?? {});
  if (parsed.success) return { settings: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => `k1s0.${issue.path.join('.')}: ${issue.message}`);
  const cleaned = structuredClone((raw ?? {}) as Record<string, unknown>);
  for (const issue of parsed.error.issues) removePath(cleaned, issue.path);
  const retry = settingsSchema.safeParse(cleaned);
  return { settings: retry.success ? retry.data : DEFAULT_SETTINGS, problems };
}

/** Deletes the value at `path` of a plain object tree, if it is there. */
export function removePath(target: Record<string, unknown>, path: readonly PropertyKey[]): void {
  let node: unknown = target;
  for (let i = 0; i < path.length - 1; i++) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<PropertyKey, unknown>)[path[i] as PropertyKey];
  }
  const last = path[path.length - 1];
  if (typeof node === 'object' && node !== null && last !== undefined) delete (node as Record<PropertyKey, unknown>)[last];
}

/**
 * The severity a finding gets under the user's overrides: an exact code wins
 * over its area (`config/schema` over `config`); `undefined` means turned off.
 */
export function regrade(code: string, severity: Severity, overrides: Settings['diagnostics']['severity']): Severity | undefined {
  const slash = code.indexOf('/');
  const override = overrides[code] ?? overrides[slash < 0 ? code : code.slice(0, slash)];
  if (override === undefined) return severity;
  return override === 'off' ? undefined : override;
}

/** Every `k1s0.files.*` glob list: files the user named as ours, told why when they cannot be checked (too large, not UTF-8). */
export function namedFileGlobs(settings: Settings): string[] {
  return Object.values(settings.files).flatMap((globs) => (Array.isArray(globs) ? globs : []));
}
