/**
 * The local observability stack's files exactly as the design gives them
 * (ローカル開発環境デプロイ手順, Prometheus 設定, Grafana ダッシュボード設定,
 * Loki + Promtail 設定). One source: the files at these paths under
 * examples/ (designFiles.json lists them). The bundle carries their text,
 * read by scripts/build.mjs at build time; run from source (the tests),
 * they are read from examples/. The compose profile (the design names its
 * services, ports and mounts) is written by composeObservabilityProfile in
 * stackFiles.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import paths from './designFiles.json';

/**
 * Set by scripts/build.mjs (esbuild `define`) to the files' text by path, as
 * JSON: a string is inlined where it is used, an object literal would be
 * initialized by every module of the bundle. Undefined when run from source.
 */
declare const K1S0_DESIGN_STACK_FILES: string | undefined;

/** The files' paths, relative to examples/ and to the workspace they are written to. */
export const DESIGN_STACK_PATHS: readonly string[] = paths;

/** The files' text as `examples` holds them, by path. */
export function readDesignStackFiles(examples: string): Record<string, string> {
  return Object.fromEntries(DESIGN_STACK_PATHS.map((path) => [path, readFileSync(join(examples, path), 'utf8')]));
}

export const DESIGN_STACK_FILES: Readonly<Record<string, string>> =
  typeof K1S0_DESIGN_STACK_FILES === 'string' ? (JSON.parse(K1S0_DESIGN_STACK_FILES) as Record<string, string>) : readDesignStackFiles(join(__dirname, '../../../examples'));
