import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
/** YAML, JSON, `.promql` and `.env` files (`.env`, `.env.local`, `app.env`). */
const CHECKED_EXTENSIONS = /\.(ya?ml|json|promql)$|^\.env(?:\.[^/\\]+)?$|\.env$/i;

/** A file found under a path the user named, with the root it was found under. */
export interface FoundFile {
  path: string;
  /** Path relative to the root directory walked (undefined for a file named directly). */
  relativePath?: string;
  explicit: boolean;
}

/**
 * Lists the YAML and JSON files under `root`, sorted, skipping node_modules and .git.
 * Throws the fs error when `root` itself cannot be read (the CLI turns it into exit 2).
 */
export function collectFiles(root: string): FoundFile[] {
  if (!statSync(root).isDirectory()) return [{ path: root, explicit: true }];
  const found: FoundFile[] = [];
  const visit = (directory: string, relative: string): void => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return; // An unreadable subdirectory is skipped, like `find` would report and go on.
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) visit(path, rel);
      } else if (entry.isFile() && CHECKED_EXTENSIONS.test(entry.name)) {
        found.push({ path, relativePath: rel, explicit: false });
      }
    }
  };
  visit(root, '');
  return found;
}
