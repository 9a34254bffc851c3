/**
 * What `k1s0-obs check` finds in files, apart from how it prints it: the files
 * under the paths named, each read through the service (service/fileInput.ts),
 * every one indexed before any is validated. In process and plain Node, so a
 * test can hold it against the server's session file by file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { t } from '../l10n';
import { pathToUri } from '../base/files';
import { DEFAULT_SETTINGS, type Settings } from '../base/settings';
import { loadLintConfig, mergeLintConfig } from '../lint/lintConfig';
import type { Diagnostic } from '../base/types';
import { LanguageService, type ValidationRequest } from '../service/languageService';
import { fileInput } from '../service/fileInput';
import { collectFiles, type FoundFile } from '../workspace/walk';
import { checkInParallel } from './parallel';

/** A problem with what the user asked for (exit 2). */
export class UsageError extends Error {}

export type LoadedFile = { found: FoundFile; request: ValidationRequest } | { found: FoundFile; diagnostics: Diagnostic[] };

/** The files under the paths the user named; a path that cannot be read is a usage problem. */
export function filesUnder(paths: readonly string[]): FoundFile[] {
  return paths.flatMap((path) => {
    try {
      return collectFiles(path);
    } catch (error) {
      throw new UsageError(t('cli.cannotRead', { path, reason: describeFsError(error) }));
    }
  });
}

/**
 * The settings CI checks with: the editor's defaults under a `.k1s0/lint.yaml`, laid
 * by the merge the editor uses. Strict, unlike the editor: a file with any problem is
 * a usage problem (exit 2), since a typo in CI config should not silently change results.
 */
export function lintSettings(path: string | undefined, display: (path: string) => string = (p) => p): Settings {
  if (path === undefined) return DEFAULT_SETTINGS;
  let result;
  try {
    result = loadLintConfig(path);
  } catch (error) {
    throw new UsageError(t('cli.cannotRead', { path, reason: describeFsError(error) }));
  }
  if (!result.ok) throw new UsageError(t('cli.lintConfigInvalid', { path: display(path), problems: result.problems }));
  return mergeLintConfig(DEFAULT_SETTINGS, result.config);
}

/** One found file, read and decoded as the service reads files. */
export function loadFile(found: FoundFile, settings: Settings): LoadedFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(found.path);
  } catch (error) {
    throw new UsageError(t('cli.cannotRead', { path: found.path, reason: describeFsError(error) }));
  }
  const location = { path: resolve(found.path), relativePath: found.relativePath, explicit: found.explicit };
  return { found, ...fileInput(bytes, pathToUri(location.path), location, settings) };
}

export interface CheckOptionsIn {
  /** How many threads check these requests (cli/parallel.ts threadsFor). */
  threads: (requests: readonly ValidationRequest[]) => number;
  /** The script worker threads run (the bundle's loader). */
  workerScript: string;
  /** Told when threads failed and the check went on serially. */
  onThreadsFailed?: (threads: number, reason: string) => void;
}

/** Every file under `paths` with its diagnostics (possibly none), in the order found. */
export async function checkPaths(paths: readonly string[], settings: Settings, options: CheckOptionsIn): Promise<{ found: FoundFile; diagnostics: Diagnostic[] }[]> {
  const loaded = filesUnder(paths).map((found) => loadFile(found, settings));
  const requests = loaded.flatMap((file) => ('request' in file ? [file.request] : []));
  const checked = await diagnosticsOf(requests, options);
  return loaded.map((file) => ({ found: file.found, diagnostics: 'request' in file ? (checked.get(file.request) ?? []) : file.diagnostics }));
}

/** Each request's diagnostics, checked on this thread or spread over threads (cli/parallel.ts). */
async function diagnosticsOf(requests: readonly ValidationRequest[], options: CheckOptionsIn): Promise<Map<ValidationRequest, Diagnostic[]>> {
  const threads = options.threads(requests);
  if (threads > 1) {
    try {
      const diagnostics = await checkInParallel(requests, threads, options.workerScript);
      return new Map(requests.map((request, index) => [request, diagnostics[index] ?? []]));
    } catch (error) {
      // A thread that could not start or died (memory, a crash) costs time, not the results.
      options.onThreadsFailed?.(threads, error instanceof Error ? error.message : String(error));
    }
  }
  const service = new LanguageService({ documentsChange: false });
  // Every file is indexed before any is checked: a rule in one file may be used in another.
  for (const request of requests) service.index(request);
  return new Map(requests.map((request) => [request, service.validate(request)]));
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return t('cli.noSuchFile');
  if (code === 'EACCES') return t('cli.permissionDenied');
  return error instanceof Error ? error.message : String(error);
}
