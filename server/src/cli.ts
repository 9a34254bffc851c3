/**
 * `k1s0-obs check`: the language service wired to files, for CI pipelines.
 * It prints exactly what the editor shows (same codes, ranges, messages).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { version } from '../../package.json';
import { SLO_USAGE, isSelected, localeArg, parseArgs, usage, type CheckOptions, type SloOptions } from './cli/args';
import { formatSloText } from './slo/format';
import { checkInParallel, serveShareIfWorker, threadsFor } from './cli/parallel';
import { countSeverities, formatGithub, formatJson, formatSarif, formatText, type FileDiagnostics } from './cli/format';
import { getLocale, setLocale, t } from './l10n';
import { findLintConfig, loadLintConfig, mergeLintConfig } from './lint/lintConfig';
import { collectFiles, type FoundFile } from './workspace/walk';
import { decodeText, matchesAny, pathToUri, uriToPath } from './base/files';
import { LanguageService, type ValidationRequest } from './service/languageService';
import { DEFAULT_SETTINGS, type Settings } from './base/settings';
import type { Diagnostic } from './base/types';

class UsageError extends Error {}

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  // The language comes first so that every message, usage errors included, is in it.
  setLocale(localeArg(argv) || env.LC_ALL || env.LC_MESSAGES || env.LANG);
  const parsed = parseArgs(argv);
  switch (parsed.command) {
    case 'help':
      process.stdout.write(`${usage()}\n\n${SLO_USAGE.split('\n')[0]}\n`);
      return 0;
    case 'slo-help':
      process.stdout.write(`${SLO_USAGE}\n`);
      return 0;
    case 'slo':
      try {
        return slo(parsed.options);
      } catch (error) {
        if (error instanceof UsageError) {
          process.stderr.write(`k1s0: ${error.message}\n`);
          return 2;
        }
        throw error;
      }
    case 'version':
      process.stdout.write(`${version}\n`);
      return 0;
    case 'error':
      process.stderr.write(`k1s0: ${parsed.reason}\n${usage().split('\n')[0]}\n`);
      return 2;
    case 'check':
      try {
        return await check(parsed.options, settingsFor(parsed.options));
      } catch (error) {
        if (error instanceof UsageError) {
          process.stderr.write(`k1s0: ${error.message}\n`);
          return 2;
        }
        throw error;
      }
  }
}

/** The editor's defaults under the workspace's `.k1s0/lint.yaml` (or --config). */
function settingsFor(options: CheckOptions): Settings {
  const path = options.config ?? findLintConfig(process.cwd());
  if (path === undefined) return DEFAULT_SETTINGS;
  let result;
  try {
    result = loadLintConfig(path);
  } catch (error) {
    throw new UsageError(t('cli.cannotRead', { path, reason: describeFsError(error) }));
  }
  if (!result.ok) throw new UsageError(t('cli.lintConfigInvalid', { path: displayPath(path), problems: result.problems }));
  return mergeLintConfig(DEFAULT_SETTINGS, result.config);
}

/** The files under the paths the user named; a path that cannot be read is a usage problem. */
function filesUnder(paths: readonly string[]): FoundFile[] {
  return paths.flatMap((path) => {
    try {
      return collectFiles(path);
    } catch (error) {
      throw new UsageError(t('cli.cannotRead', { path, reason: describeFsError(error) }));
    }
  });
}

async function check(options: CheckOptions, settings: Settings): Promise<number> {
  const files = filesUnder(options.paths);
  const loaded = files.map((found) => loadFile(found, settings));
  const requests = loaded.flatMap((file) => ('request' in file ? [file.request] : []));
  const checked = await diagnosticsOf(requests, threadsFor(requests, options.jobs));
  const results: FileDiagnostics[] = [];
  for (const file of loaded) {
    const diagnostics = ('request' in file ? (checked.get(file.request) ?? []) : file.diagnostics).filter((d) => isSelected(d.code, options.select, options.ignore));
    if (diagnostics.length) results.push({ file: displayPath(file.found.path), diagnostics });
  }
  const output =
    options.format === 'json'
      ? formatJson(results)
      : options.format === 'sarif'
        ? formatSarif(results, version, getLocale())
        : options.format === 'github'
          ? formatGithub(results)
          : formatText(results, files.length);
  process.stdout.write(output);
  const counts = countSeverities(results);
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    process.stderr.write(`k1s0: ${t('cli.tooManyWarnings', { count: counts.warning, max: options.maxWarnings })}\n`);
    return 1;
  }
  return 0;
}

/** Each request's diagnostics, checked on this thread or spread over `threads` (cli/parallel.ts). */
async function diagnosticsOf(requests: readonly ValidationRequest[], threads: number): Promise<Map<ValidationRequest, Diagnostic[]>> {
  if (threads > 1) {
    try {
      // The bundle's loader (dist/cli.js), so that workers start from its code cache too.
      const diagnostics = await checkInParallel(requests, threads, join(__dirname, 'cli.js'));
      return new Map(requests.map((request, index) => [request, diagnostics[index] ?? []]));
    } catch (error) {
      // A thread that could not start or died (memory, a crash) costs time, not the results.
      process.stderr.write(`k1s0: ${t('cli.threadsFailed', { threads, reason: error instanceof Error ? error.message : String(error) })}\n`);
    }
  }
  const service = new LanguageService();
  // Every file is indexed before any is checked: a rule in one file may be used in another.
  for (const request of requests) service.index(request);
  return new Map(requests.map((request) => [request, service.validate(request)]));
}

/** `slo`: every file indexed as the editor would, then the tree of what they define. */
function slo(options: SloOptions): number {
  const settings = settingsFor({ paths: options.paths, format: 'text', select: [], ignore: [] });
  const files = filesUnder(options.paths);
  const service = new LanguageService();
  for (const found of files) {
    const file = loadFile(found, settings);
    if ('request' in file) service.index(file.request);
  }
  const tree = service.sloTree();
  const display = (uri: string): string => displayPath(uriToPath(uri));
  if (options.format === 'json') {
    // Paths as the text format shows them, next to the URIs the editor uses.
    const withPaths = JSON.parse(JSON.stringify(tree), (key, value) => (key === 'location' && value && typeof value.uri === 'string' ? { file: display(value.uri), ...value } : value));
    process.stdout.write(`${JSON.stringify(withPaths, null, 2)}\n`);
  } else {
    process.stdout.write(formatSloText(tree, display));
  }
  return 0;
}

type LoadedFile = { found: FoundFile; request: ValidationRequest } | { found: FoundFile; diagnostics: Diagnostic[] };

function loadFile(found: FoundFile, settings: Settings): LoadedFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(found.path);
  } catch (error) {
    throw new UsageError(t('cli.cannotRead', { path: found.path, reason: describeFsError(error) }));
  }
  const decoded = decodeText(bytes);
  const location = { path: resolve(found.path), relativePath: found.relativePath, explicit: found.explicit };
  if ('error' in decoded) {
    if (!found.explicit && !matchesAny([...settings.files.config, ...settings.files.rules], location.path, location.relativePath)) return { found, diagnostics: [] };
    const start = { line: 0, character: 0 };
    return { found, diagnostics: [{ range: { start, end: start }, severity: 'error', code: 'file/encoding', message: t('cli.notChecked', { reason: decoded.error }), source: 'k1s0' }] };
  }
  return { found, request: { file: { uri: pathToUri(location.path), text: decoded.text }, settings, location } };
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(path);
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return t('cli.noSuchFile');
  if (code === 'EACCES') return t('cli.permissionDenied');
  return error instanceof Error ? error.message : String(error);
}

if (!serveShareIfWorker()) {
  void main(process.argv.slice(2), process.env).then((code) => {
    process.exitCode = code;
  });
}
