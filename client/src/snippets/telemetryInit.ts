/**
 * "k1s0: Insert telemetry initialization", without the editor: which snippet
 * a file's language gets, the nearest config.yaml with an `app` section, and
 * the snippet with its service name, version, tier, environment, trace
 * endpoint, sample rate and log settings filled from that config and the
 * design's environment policy. No vscode import.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { environmentOf } from '../../../server/src/base/environment';
import { parseSnippet, printSnippet, withDefaults } from './snippetSyntax';

export type TelemetryLanguage = 'go' | 'rust' | 'typescript' | 'dart';

/** The snippet file of each language (under the extension's `snippets/`). */
export const TELEMETRY_SNIPPET_FILES: Record<TelemetryLanguage, string> = {
  go: 'telemetry-go.json',
  rust: 'telemetry-rust.json',
  typescript: 'telemetry-typescript.json',
  dart: 'telemetry-dart.json',
};

/** Tab stop numbers every telemetry snippet uses for the same field. */
export const STOPS = { serviceName: 1, version: 2, tier: 3, environment: 4, traceEndpoint: 5, sampleRate: 6, logLevel: 7, logFormat: 8 } as const;

/** The design's per-environment values (config.yaml の observability セクション, トレースサンプリング戦略). */
export const ENVIRONMENT_POLICY = {
  dev: { sampleRate: '1.0', logLevel: 'debug', logFormat: 'text' },
  staging: { sampleRate: '0.5', logLevel: 'info', logFormat: 'json' },
  prod: { sampleRate: '0.1', logLevel: 'warn', logFormat: 'json' },
} as const;

/** The telemetry language of a VS Code language id; undefined for languages the design has no library for. */
export function telemetryLanguageOf(languageId: string): TelemetryLanguage | undefined {
  switch (languageId) {
    case 'go':
    case 'rust':
    case 'dart':
      return languageId;
    case 'typescript':
    case 'typescriptreact':
    case 'javascript':
    case 'javascriptreact':
      return 'typescript';
    default:
      return undefined;
  }
}

/** What a config file's `app` and `observability.trace` say. */
export interface AppSection {
  path: string;
  name?: string;
  version?: string;
  tier?: string;
  environment?: 'dev' | 'staging' | 'prod';
  traceEndpoint?: string;
}

/** Reads `app.*` and `observability.trace.endpoint`; undefined when the file does not parse or has no `app.name`. */
export function readAppSection(path: string, text: string): AppSection | undefined {
  const document = parseDocument(text);
  if (document.errors.length) return undefined;
  const app = document.get('app', true);
  if (!isMap(app)) return undefined;
  const scalar = (node: unknown): string | undefined => (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined);
  const name = scalar(app.get('name', true));
  if (!name) return undefined;
  const section: AppSection = { path, name };
  const version = scalar(app.get('version', true));
  if (version !== undefined) section.version = version;
  const tier = scalar(app.get('tier', true));
  if (tier !== undefined) section.tier = tier;
  const environment = environmentOf(path, {}, scalar(app.get('environment', true)));
  if (environment) section.environment = environment;
  const endpoint = scalar(document.getIn(['observability', 'trace', 'endpoint'], true));
  if (endpoint !== undefined) section.traceEndpoint = endpoint;
  return section;
}

const PREFERRED = ['config.yaml', 'config.yml', 'config.dev.yaml', 'config.dev.yml', 'config.staging.yaml', 'config.staging.yml'];

/**
 * The nearest config file with an `app` section: from the file's directory up
 * to the workspace root, in each directory `config*.yaml` there or in its
 * `config/` (config.yaml first, then dev, then staging, then the others).
 */
export function findNearestConfig(file: string, root: string): AppSection | undefined {
  const top = resolve(root);
  let dir = resolve(dirname(file));
  if (relative(top, dir).startsWith('..')) dir = top;
  for (;;) {
    for (const candidate of configCandidates(dir)) {
      let text: string;
      try {
        text = readFileSync(candidate, 'utf8');
      } catch {
        continue;
      }
      const section = readAppSection(candidate, text);
      if (section) return section;
    }
    if (dir === top || dir === dirname(dir)) return undefined;
    dir = dirname(dir);
  }
}

function configCandidates(dir: string): string[] {
  const out: string[] = [];
  for (const base of [dir, join(dir, 'config')]) {
    if (!existsSync(base) || !statSync(base).isDirectory()) continue;
    let names: string[];
    try {
      names = readdirSync(base).filter((n) => /^config([.-][A-Za-z0-9_-]+)?\.ya?ml$/.test(n));
    } catch {
      continue;
    }
    names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
    out.push(...names.map((n) => `${base}${sep}${n}`));
  }
  return out;
}

function rank(name: string): number {
  const i = PREFERRED.indexOf(name);
  return i < 0 ? PREFERRED.length : i;
}

/** The snippet body of a language's telemetry snippet file (the first snippet in it). */
export function telemetrySnippetBody(snippetFileText: string): string {
  const parsed = JSON.parse(snippetFileText) as Record<string, { body: string | string[] }>;
  const first = Object.values(parsed)[0];
  if (!first) throw new Error('the snippet file has no snippet');
  return Array.isArray(first.body) ? first.body.join('\n') : first.body;
}

/**
 * The telemetry snippet with defaults from the config: service name, version,
 * tier, environment and trace endpoint as the config says, and the sample
 * rate and log settings of that environment's policy. Without a config, the
 * snippet as it is (dev defaults).
 */
export function fillTelemetrySnippet(language: TelemetryLanguage, body: string, app: AppSection | undefined): string {
  const nodes = parseSnippet(body);
  if (!app) return printSnippet(nodes);
  const values = new Map<number, string>();
  if (app.name) values.set(STOPS.serviceName, app.name);
  if (app.version) values.set(STOPS.version, app.version);
  if (app.tier) values.set(STOPS.tier, app.tier);
  if (app.environment) {
    values.set(STOPS.environment, app.environment);
    const policy = ENVIRONMENT_POLICY[app.environment];
    values.set(STOPS.sampleRate, policy.sampleRate);
    values.set(STOPS.logLevel, policy.logLevel);
    values.set(STOPS.logFormat, policy.logFormat);
  }
  if (app.traceEndpoint && language !== 'dart') values.set(STOPS.traceEndpoint, endpointFor(language, app.traceEndpoint));
  return printSnippet(withDefaults(nodes, values));
}

/** Go takes `host:port` (OTLP gRPC); Rust and TypeScript an http URL, as the design writes them. */
function endpointFor(language: TelemetryLanguage, endpoint: string): string {
  if (language === 'go') return endpoint.replace(/^https?:\/\//, '');
  return /^https?:\/\//.test(endpoint) ? endpoint : `http://${endpoint}`;
}
