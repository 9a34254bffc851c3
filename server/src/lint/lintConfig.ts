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
 * ```
 *
 * The file is strict: an unknown key or a wrong value is reported (the CLI
 * exits 2), because a typo in CI config should not silently change results.
 * Plain Node (no LSP, no vscode): the CLI reads it today, and the server can
 * apply it under the user's settings with the same two functions.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { environmentName, severityOverride, type Settings } from '../service/settings';

export const LINT_CONFIG_FILE = join('.k1s0', 'lint.yaml');

export const lintConfigSchema = z.strictObject({
  diagnostics: z.strictObject({ severity: z.record(z.string(), severityOverride).optional() }).optional(),
  files: z
    .strictObject({
      config: z.array(z.string()).optional(),
      rules: z.array(z.string()).optional(),
      dashboards: z.array(z.string()).optional(),
      maxFileSizeKB: z.number().int().positive().optional(),
    })
    .optional(),
  config: z.strictObject({ environments: z.record(z.string(), environmentName).optional() }).optional(),
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
    return { ok: false, problems: [`not YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`] };
  }
  // An empty file is an empty configuration.
  const parsed = lintConfigSchema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const where = issue.path.map(String).join('.');
      return `${where || '(top level)'}: ${issue.message}`;
    }),
  };
}

export function loadLintConfig(path: string): LintConfigResult {
  return parseLintConfig(readFileSync(path, 'utf8'));
}

/**
 * Settings with a lint configuration laid over them: severities are merged
 * key by key (the file wins), the other values replace the base's.
 */
export function applyLintConfig(base: Settings, config: LintConfig): Settings {
  return {
    ...base,
    diagnostics: { severity: { ...base.diagnostics.severity, ...config.diagnostics?.severity } },
    files: { ...base.files, ...definedOnly(config.files ?? {}) },
    config: { environments: { ...base.config.environments, ...config.config?.environments } },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
