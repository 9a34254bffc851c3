/**
 * "k1s0: Insert telemetry initialization", without the editor: which snippet
 * a file's language gets, the nearest config.yaml with an `app` section, and
 * the snippet with its service name, version, tier, environment, trace
 * endpoint, sample rate and log settings filled from that config and the
 * design's environment policy. No vscode import.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { environmentOf } from '../../../server/src/base/environment';
import { parseEndpoint } from '../../../server/src/base/endpoint';
import { parseSnippet, printSnippet, withDefaults } from './snippetSyntax';
import { l10n } from '../l10n';

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
  const read = readConfig(path, text);
  return 'app' in read ? read.app : undefined;
}

/** What a config file gives: its app section, or why it gives none (it does not parse, or has no `app.name`). */
export function readConfig(path: string, text: string): { app: AppSection } | { problem: string; parses: boolean } {
  const document = parseDocument(text);
  const error = document.errors[0];
  if (error) return { problem: l10n('does not parse (line {0}: {1})', (error.linePos?.[0].line ?? 0) || '?', error.message.split('\n')[0] ?? ''), parses: false };
  const app = readApp(path, document);
  return app ? { app } : { problem: l10n('has no app.name'), parses: true };
}

function readApp(path: string, document: ReturnType<typeof parseDocument>): AppSection | undefined {
  const app: unknown = document.get('app', true);
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
  return lookupConfig(file, root).app;
}

/** The config of the file's service, or the config files that are there but give no app section, and why. */
export interface ConfigLookup {
  app?: AppSection;
  /** Config files of the nearest directory that has any, when none of them gives an app section. */
  unusable?: { path: string; problem: string; parses: boolean }[];
}

/**
 * As findNearestConfig, but the search stops at the first directory that has
 * config files: they are the file's service's, and when none of them can be
 * read (a config.yaml that does not parse), another service's config further
 * up is not the one to fill in — the lookup says which files failed and why.
 */
export function lookupConfig(file: string, root: string): ConfigLookup {
  const top = resolve(root);
  let dir = resolve(dirname(file));
  if (relative(top, dir).startsWith('..')) dir = top;
  for (;;) {
    const unusable: { path: string; problem: string; parses: boolean }[] = [];
    for (const candidate of configCandidates(dir)) {
      let text: string;
      try {
        text = readFileSync(candidate, 'utf8');
      } catch {
        continue;
      }
      const read = readConfig(candidate, text);
      if ('app' in read) return { app: read.app };
      unusable.push({ path: candidate, problem: read.problem, parses: read.parses });
    }
    // A directory with config files, one of which does not parse: the service's own config is broken.
    if (unusable.some((u) => !u.parses)) return { unusable };
    if (dir === top || dir === dirname(dir)) return unusable.length ? { unusable } : {};
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
  return telemetrySnippet(snippetFileText).body;
}

/** A telemetry snippet: the statements to insert at the cursor and what they need imported (each an import line, or a Go import spec). */
export interface TelemetrySnippet {
  body: string;
  imports: string[];
}

export function telemetrySnippet(snippetFileText: string): TelemetrySnippet {
  const parsed = JSON.parse(snippetFileText) as Record<string, { body: string | string[]; imports?: string[] }>;
  const first = Object.values(parsed)[0];
  if (!first) throw new Error('the snippet file has no snippet');
  return { body: Array.isArray(first.body) ? first.body.join('\n') : first.body, imports: first.imports ?? [] };
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
  let text = printSnippet(withDefaults(nodes, telemetryValues(language, app)));
  const environment = app.environment;
  if (environment && ENVIRONMENT_POLICY[environment].logFormat !== 'text') {
    // The design's comment says why dev logs text: not what a json environment does.
    text = onLineOf(text, STOPS.logFormat, (line) => `${withoutComment(line)}// ${environment}: json（ログ設計.md 参照）`);
  }
  const endpoint = endpointProblem(app);
  if (endpoint && language !== 'dart') text = onLineOf(text, STOPS.traceEndpoint, (line) => `${withoutComment(line)}// ${endpoint}`);
  return text;
}

/** The values a config gives the snippet's tab stops. */
function telemetryValues(language: TelemetryLanguage, app: AppSection): Map<number, string> {
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
  if (language !== 'dart') {
    const endpoint = app.traceEndpoint !== undefined && !endpointProblem(app) ? app.traceEndpoint : app.environment ? DESIGN_TRACE_ENDPOINT[app.environment] : undefined;
    if (endpoint !== undefined) values.set(STOPS.traceEndpoint, endpointFor(language, endpoint));
  }
  return values;
}

/** The design's trace endpoint per environment (config.yaml の observability セクション). */
export const DESIGN_TRACE_ENDPOINT = {
  dev: 'jaeger:4317',
  staging: 'jaeger.observability.svc.cluster.local:4317',
  prod: 'jaeger.observability.svc.cluster.local:4317',
} as const;

/**
 * Why the config's trace endpoint is not copied (the design's default for the
 * environment is, and a comment says so): it has no port, or is no endpoint
 * at all — what the extension itself flags in the config.
 */
function endpointProblem(app: AppSection): string | undefined {
  const endpoint = app.traceEndpoint;
  if (endpoint === undefined) return undefined;
  const file = basename(app.path);
  const fallback = app.environment ? l10n("the design's {0} default", app.environment) : l10n('the default');
  if (/^[^:/\s]+$/.test(endpoint.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, ''))) return l10n('{0}: {1} has trace.endpoint "{2}" without its port', fallback, file, endpoint);
  if (!parseEndpoint(endpoint)) return l10n('{0}: {1} has trace.endpoint "{2}", which is not host:port', fallback, file, endpoint);
  return undefined;
}

/** Rewrites the line of the snippet that holds tab stop `stop`. */
function onLineOf(text: string, stop: number, rewrite: (line: string) => string): string {
  const marker = new RegExp(`\\$\\{${stop}[:|]`);
  return text
    .split('\n')
    .map((line) => (marker.test(line) ? rewrite(line) : line))
    .join('\n');
}

/** The line without its trailing comment, and the blanks before a new one. */
function withoutComment(line: string): string {
  const at = line.search(/\s*\/\/[^"']*$/);
  return `${at >= 0 ? line.slice(0, at) : line}    `;
}

/** Go takes `host:port` (OTLP gRPC); Rust and TypeScript an http URL, as the design writes them. */
function endpointFor(language: TelemetryLanguage, endpoint: string): string {
  if (language === 'go') return endpoint.replace(/^https?:\/\//, '');
  return /^https?:\/\//.test(endpoint) ? endpoint : `http://${endpoint}`;
}
