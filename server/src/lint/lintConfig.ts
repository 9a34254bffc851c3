/**
 * `.k1s0/lint.yaml`: the workspace's own copy of the severity and file
 * settings the editor reads from `k1s0.*`, so CI (the CLI) checks with the
 * same settings the team sees in VS Code. The keys are the settings' keys
 * without the `k1s0.` prefix:
 *
 * ```yaml
 * diagnostics:
 *   severity: { config/policy: "off", yaml: warning }
 * files:
 *   config: ["**\/config*.yaml"]
 *   rules: ["deploy/**\/*.rules.yaml"]
 *   dashboards: ["grafana/**\/*.json"]
 *   maxFileSizeKB: 4096
 * config:
 *   environments: { "deploy/dev/**": dev }
 * catalog:
 *   files: ["observability/catalog/*.yaml"]
 * ```
 *
 * The file is strict: an unknown key or a wrong value is reported (the CLI
 * exits 2), because a typo in CI config should not silently change results.
 * Plain Node (no LSP, no vscode): the CLI and the server's session lay it
 * over their settings with the same function (mergeLintConfig).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Node } from 'yaml';
import { DEFAULT_SETTINGS, removePath, settingsSchema, type Settings } from '../base/settings';
import { closestMatch } from '../base/suggest';
import type { Finding } from '../base/types';
import { isMap, nodeSpan, pairOf, type ParsedYaml } from '../base/yaml/parse';
import { say } from './messages';

export const LINT_CONFIG_FILE = join('.k1s0', 'lint.yaml');

type Undefaulted<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
type LintSection<Shape extends z.ZodRawShape> = z.ZodObject<{ [K in keyof Shape]: z.ZodOptional<Undefaulted<Shape[K]>> }, z.core.$strict>;

/**
 * A section of the settings schema as the lint file takes it: the same keys
 * and value schemas, each optional and without its default (a key the file
 * leaves out must not override the editor's), and no other key.
 */
function lintSection<Shape extends z.ZodRawShape>(section: z.ZodDefault<z.ZodObject<Shape>> | z.ZodPrefault<z.ZodObject<Shape>>): LintSection<Shape> {
  const fields = Object.entries(section.unwrap().shape).map(([key, field]) => [key, z.optional(field instanceof z.ZodDefault ? field.unwrap() : field)]);
  return z.strictObject(Object.fromEntries(fields)) as unknown as LintSection<Shape>;
}

/** The settings sections a lint file may set (trace and prometheus are the editor's own), derived from the settings schema. */
const settings = settingsSchema.shape;
export const lintConfigSchema = z.strictObject({
  diagnostics: lintSection(settings.diagnostics).optional(),
  files: lintSection(settings.files).optional(),
  config: lintSection(settings.config).optional(),
  catalog: lintSection(settings.catalog).optional(),
});

export type LintConfig = z.infer<typeof lintConfigSchema>;

export type LintConfigResult = { ok: true; config: LintConfig } | { ok: false; problems: string[] };

/** The nearest `.k1s0/lint.yaml` in `start` or a parent directory, if any. */
export function findLintConfig(start: string): string | undefined {
  let dir = resolve(start);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    const candidate = join(dir, LINT_CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Parses and validates the text of a lint configuration; each problem names its key. */
export function parseLintConfig(text: string): LintConfigResult {
  let raw: unknown;
  try {
    raw = parse(text, { prettyErrors: false });
  } catch (error) {
    return { ok: false, problems: [say('notYaml', { error: (error instanceof Error ? error.message.split('\n')[0] : String(error)) ?? '' })] };
  }
  // An empty file is an empty configuration.
  const parsed = lintConfigSchema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const where = issue.path.map(String).join('.');
      return say('invalid', { where: where || say('topLevel'), problem: issue.message });
    }),
  };
}

export function loadLintConfig(path: string): LintConfigResult {
  return parseLintConfig(readFileSync(path, 'utf8'));
}

/**
 * The one merge of `.k1s0/lint.yaml` into settings, for the editor and the CLI
 * alike: per-code severities and environments are merged key by key (a key the
 * settings carry wins); a list or number the settings leave at its default
 * comes from the file, one set in the editor wins. The CLI lays the file over
 * the defaults (`mergeLintConfig(DEFAULT_SETTINGS, config)`), so with default
 * editor settings the editor checks with exactly what CI checks with.
 */
export function mergeLintConfig(settings: Settings, config: LintConfig): Settings {
  const files = config.files ?? {};
  const pick = <T>(editorValue: T, defaultValue: T, fileValue: T | undefined): T => (fileValue !== undefined && JSON.stringify(editorValue) === JSON.stringify(defaultValue) ? fileValue : editorValue);
  return {
    ...settings,
    diagnostics: { severity: { ...config.diagnostics?.severity, ...settings.diagnostics.severity } },
    files: {
      config: pick(settings.files.config, DEFAULT_SETTINGS.files.config, files.config),
      rules: pick(settings.files.rules, DEFAULT_SETTINGS.files.rules, files.rules),
      dashboards: pick(settings.files.dashboards, DEFAULT_SETTINGS.files.dashboards, files.dashboards),
      lokiConfig: pick(settings.files.lokiConfig, DEFAULT_SETTINGS.files.lokiConfig, files.lokiConfig),
      promtailConfig: pick(settings.files.promtailConfig, DEFAULT_SETTINGS.files.promtailConfig, files.promtailConfig),
      alertmanagerConfig: pick(settings.files.alertmanagerConfig, DEFAULT_SETTINGS.files.alertmanagerConfig, files.alertmanagerConfig),
      prometheusConfig: pick(settings.files.prometheusConfig, DEFAULT_SETTINGS.files.prometheusConfig, files.prometheusConfig),
      otelCollectorConfig: pick(settings.files.otelCollectorConfig, DEFAULT_SETTINGS.files.otelCollectorConfig, files.otelCollectorConfig),
      maxFileSizeKB: pick(settings.files.maxFileSizeKB, DEFAULT_SETTINGS.files.maxFileSizeKB, files.maxFileSizeKB),
    },
    config: { environments: { ...config.config?.environments, ...settings.config.environments } },
    catalog: { files: pick(settings.catalog.files, DEFAULT_SETTINGS.catalog.files, config.catalog?.files) },
  };
}

/** Whether a path is a workspace's `.k1s0/lint.yaml`. */
export function isLintConfigPath(path: string): boolean {
  return /(?:^|[\\/])\.k1s0[\\/]lint\.yaml$/.test(path);
}

/** Keys each level of the file allows, for did-you-mean on a misspelt one. */
const ALLOWED_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(lintConfigSchema.shape),
  ...Object.fromEntries(Object.entries(lintConfigSchema.shape).map(([section, schema]) => [section, Object.keys(schema.unwrap().shape)])),
};

/**
 * The lint configuration of a parsed `.k1s0/lint.yaml` as the editor reads
 * it: every problem a `lint/config` finding on the exact key or value, and
 * the configuration without the parts in error (the rest still applies).
 * A file with YAML syntax errors yields no configuration (its `yaml/syntax`
 * findings say why).
 */
export function readLintConfig(parsed: ParsedYaml): { config: LintConfig; findings: Finding[] } {
  if (parsed.syntax.length > 0) return { config: {}, findings: [] };
  const document = parsed.documents[0];
  if (!document) return { config: {}, findings: [] };
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // Alias bombs and the like: say so on the whole document rather than throw.
    return { config: {}, findings: [lintFinding(nodeSpan(document.contents) ?? [0, 0], say('invalid', { where: say('topLevel'), problem: error instanceof Error ? error.message : String(error) }))] };
  }
  const result = lintConfigSchema.safeParse(raw);
  if (result.success) return { config: result.data, findings: [] };
  const findings: Finding[] = [];
  const cleaned = structuredClone(raw) as Record<string, unknown>;
  for (const issue of result.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const where = path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const parent = path.length ? document.getIn(path, true) : document.contents;
      for (const key of issue.keys) {
        const pair = isMap(parent) ? pairOf(parent, key) : undefined;
        const span = nodeSpan(pair?.key) ?? nodeSpan(parent as Node | undefined) ?? [0, 0];
        const suggestion = closestMatch(key, ALLOWED_KEYS[where] ?? []);
        findings.push(lintFinding(span, say('unknownKey', { where: where || say('topLevel'), key, allowed: ALLOWED_KEYS[where] ?? [], ...(suggestion ? { suggestion } : {}) }), suggestion));
        removePath(cleaned, [...path, key]);
      }
      continue;
    }
    // The deepest node the path reaches: a missing one is reported on its parent.
    let span: [number, number] | undefined;
    for (let depth = path.length; depth >= 0 && !span; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      span = nodeSpan(node as Node | undefined);
    }
    findings.push(lintFinding(span ?? [0, 0], say('invalid', { where: where || say('topLevel'), problem: issue.message })));
    if (path.length === 0) return { config: {}, findings };
    // A bad item drops its whole list: half a list of globs is not what anyone meant.
    const firstIndex = path.findIndex((p) => typeof p === 'number');
    removePath(cleaned, firstIndex < 0 ? path : path.slice(0, firstIndex));
  }
  const retry = lintConfigSchema.safeParse(cleaned);
  return { config: retry.success ? retry.data : {}, findings };
}

function lintFinding([start, end]: [number, number], message: string, replacement?: string): Finding {
  return {
    start,
    end,
    code: 'lint/config',
    severity: 'error',
    message,
    ...(replacement ? { fixes: [{ title: say('fixChangeQuoted', { to: replacement }), preferred: true, edits: [{ start, end, newText: replacement }] }] } : {}),
  };
}
