import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { cacheSlot, type Caches } from './caches';
import type { ReaderCodes } from './check';
import { t } from '../l10n';

/** Decodes file bytes the way the editor would show them, or says why it cannot. */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: t('file.notUtf8') };
  }
  // The editor drops a byte-order mark; positions must match what it shows.
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

export function uriToPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/** The path of any URI (its scheme and authority cut off), percent-decoded when that is valid: how rule_files entries meet documents. */
export function decodePath(uri: string): string {
  const path = uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** A service's compiled globs (those of its settings), by glob. */
const MATCHERS = cacheSlot('files/globs', () => new Map<string, (path: string) => boolean>());
/** Past these many globs (settings changed that often), the compiled ones start again: a bound, not a policy. */
const MATCHERS_KEPT = 1024;

/**
 * Whether a path matches any of the globs. Globs are tried against the path
 * relative to its workspace folder when known, and against the absolute path,
 * so both `infra/**\/*.yaml` and `**\/config*.yaml` work. With `caches`, each glob is compiled once.
 */
export function matchesAny(globs: readonly string[], absolutePath: string, relativePath?: string, caches?: Caches): boolean {
  const absolute = absolutePath.replace(/\\/g, '/').replace(/^\//, '');
  const relative = relativePath?.replace(/\\/g, '/');
  const matchers = caches?.get(MATCHERS);
  return globs.some((glob) => {
    let matcher = matchers?.get(glob);
    if (!matcher) {
      matcher = picomatch(glob, { dot: true });
      if (matchers) {
        if (matchers.size >= MATCHERS_KEPT) matchers.clear();
        matchers.set(glob, matcher);
      }
    }
    return matcher(absolute) || (relative !== undefined && matcher(relative));
  });
}

export const fileCodes: ReaderCodes = {
  meta: {
    name: 'base/files',
    on: 'reader',
    fileKinds: ['*'],
    description: 'a file of ours that is not UTF-8 or is over the size limit: one clear diagnostic instead of a check',
    codes: [
      {
        code: 'file/encoding',
        severity: 'error',
        short: 'file is not UTF-8',
        help: 'The file could not be decoded as UTF-8 and was not checked. Save it as UTF-8.',
        ja: { short: 'ファイルが UTF-8 ではない', help: 'ファイルを UTF-8 として読めないため検査していません。UTF-8 で保存してください。' },
      },
      {
        code: 'file/too-large',
        severity: 'warning',
        short: 'file is over the size limit',
        help: 'The file is larger than k1s0.files.maxFileSizeKB and was not checked. Raise the limit in the settings or .k1s0/lint.yaml if it should be.',
        ja: {
          short: 'ファイルがサイズ上限を超えている',
          help: 'ファイルが k1s0.files.maxFileSizeKB より大きいため検査していません。検査が必要なら設定または .k1s0/lint.yaml で上限を上げてください。',
        },
      },
    ],
  },
};
