import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';

/** Decodes file bytes the way the editor would show them, or says why it cannot. */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { error: 'the file is not valid UTF-8; k1s0 checks only UTF-8 YAML and JSON' };
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

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

const matcherCache = new Map<string, (path: string) => boolean>();

/**
 * Whether a path matches any of the globs. Globs are tried against the path
 * relative to its workspace folder when known, and against the absolute path,
 * so both `infra/**\/*.yaml` and `**\/config*.yaml` work.
 */
export function matchesAny(globs: readonly string[], absolutePath: string, relativePath?: string): boolean {
  const absolute = absolutePath.replace(/\\/g, '/').replace(/^\//, '');
  const relative = relativePath?.replace(/\\/g, '/');
  return globs.some((glob) => {
    let matcher = matcherCache.get(glob);
    if (!matcher) {
      matcher = picomatch(glob, { dot: true });
      matcherCache.set(glob, matcher);
    }
    return matcher(absolute) || (relative !== undefined && matcher(relative));
  });
}
