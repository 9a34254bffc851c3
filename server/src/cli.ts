/**
 * `k1s0-obs check`: the language service wired to files, for CI pipelines.
 * It prints exactly what the editor shows (same codes, ranges, messages).
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { version } from '../../package.json';
import { formatRules } from './cli/rules';
import { isSelected, localeArg, parseArgs, rulesUsage, sloUsage, usage, type CheckOptions, type SloOptions } from './cli/args';
import { formatSloText } from './slo/format';
import { serveShareIfWorker, threadsFor } from './cli/parallel';
import { UsageError, checkPaths, filesUnder, lintSettings, loadFile } from './cli/check';
import { countSeverities, formatGithub, formatJson, formatSarif, formatText, type FileDiagnostics } from './cli/format';
import { getLocale, setLocale, t } from './l10n';
import { findLintConfig } from './lint/lintConfig';
import { uriToPath } from './base/files';
import { LanguageService } from './service/languageService';
import type { Settings } from './base/settings';

async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  // The language comes first so that every message, usage errors included, is in it.
  setLocale(localeArg(argv) || env.LC_ALL || env.LC_MESSAGES || env.LANG);
  const parsed = parseArgs(argv);
  switch (parsed.command) {
    case 'help':
      process.stdout.write(`${usage()}\n\n${sloUsage().split('\n')[0]}\n${rulesUsage().split('\n')[0]}\n`);
      return 0;
    case 'rules-help':
      process.stdout.write(`${rulesUsage()}\n`);
      return 0;
    case 'rules':
      process.stdout.write(formatRules(parsed.options.format, getLocale()));
      return 0;
    case 'slo-help':
      process.stdout.write(`${sloUsage()}\n`);
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
  return lintSettings(options.config ?? findLintConfig(process.cwd()), displayPath);
}

async function check(options: CheckOptions, settings: Settings): Promise<number> {
  const checked = await checkPaths(options.paths, settings, {
    threads: (requests) => threadsFor(requests, options.jobs),
    // The bundle's loader (dist/cli.js), so that workers start from its code cache too.
    workerScript: join(__dirname, 'cli.js'),
    onThreadsFailed: (threads, reason) => process.stderr.write(`k1s0: ${t('cli.threadsFailed', { threads, reason })}\n`),
  });
  const results: FileDiagnostics[] = [];
  for (const file of checked) {
    const diagnostics = file.diagnostics.filter((d) => isSelected(d.code, options.select, options.ignore));
    if (diagnostics.length) results.push({ file: displayPath(file.found.path), diagnostics });
  }
  const output =
    options.format === 'json'
      ? formatJson(results)
      : options.format === 'sarif'
        ? formatSarif(results, version, getLocale())
        : options.format === 'github'
          ? formatGithub(results)
          : formatText(results, checked.length);
  process.stdout.write(output);
  const counts = countSeverities(results);
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    process.stderr.write(`k1s0: ${t('cli.tooManyWarnings', { count: counts.warning, max: options.maxWarnings })}\n`);
    return 1;
  }
  return 0;
}

/** `slo`: every file indexed as the editor would, then the tree of what they define. */
function slo(options: SloOptions): number {
  const settings = settingsFor({ paths: options.paths, format: 'text', select: [], ignore: [] });
  const files = filesUnder(options.paths);
  const service = new LanguageService({ documentsChange: false });
  for (const found of files) {
    const file = loadFile(found, settings);
    if ('request' in file) service.index(file.request);
  }
  const tree = service.sloTree();
  const display = (uri: string): string => displayPath(uriToPath(uri));
  if (options.format === 'json') {
    // Paths as the text format shows them, next to the URIs the editor uses.
    const withPaths = JSON.parse(JSON.stringify(tree), (key: string, value: unknown): unknown => {
      const location = value as { uri?: unknown } | null;
      return key === 'location' && location && typeof location.uri === 'string' ? { file: display(location.uri), ...location } : value;
    }) as unknown;
    process.stdout.write(`${JSON.stringify(withPaths, null, 2)}\n`);
  } else {
    process.stdout.write(formatSloText(tree, display));
  }
  return 0;
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(path);
}

if (!serveShareIfWorker()) {
  void main(process.argv.slice(2), process.env).then((code) => {
    process.exitCode = code;
  });
}
