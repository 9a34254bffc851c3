/**
 * The one way tests make temporary folders: under os.tmpdir(), named `k1s0-<name>-XXXXXX`,
 * and removed by the test (or file, or suite) that made them when it is over, whether it
 * passed or not. scripts/run-tests.mjs gives every run a private os.tmpdir() and fails the
 * run when anything is left in it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What every temporary folder of the tests is called: `k1s0-<name>-XXXXXX`. */
export const TEMP_PREFIX = 'k1s0-';

/**
 * Who removes the folder: a test's context (`t`, removed when that test ends), or
 * `{ after }` of node:test called at the top of a file or in a `describe` (removed when
 * the file or suite ends).
 */
export interface Owner {
  after(fn: () => void): unknown;
}

/** A new empty folder, removed when `owner` is over. */
export function tempDir(owner: Owner, name: string): string {
  const dir = newTempDir(name);
  owner.after(() => removeDir(dir));
  return dir;
}

/** A new empty folder for the length of `use` (for helpers that run outside any test's hooks). */
export function withTempDir<T>(name: string, use: (dir: string) => T): T {
  const dir = newTempDir(name);
  try {
    return use(dir);
  } finally {
    removeDir(dir);
  }
}

/**
 * A new empty folder that the caller removes: only for helpers that remove it themselves
 * when what uses it stops (test/support/prometheus.ts); tests use tempDir.
 */
export function newTempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `${TEMP_PREFIX}${name}-`));
}

/** Removes a folder and what is in it; a folder already gone is fine. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}
