/**
 * What the language service says in a language, over folders each read as a workspace: every
 * diagnostic message and fix title, and which language's table said each text. Used by the
 * Japanese tests of the examples and fixtures (japanese.test.ts) and of the public corpus
 * (japanese.corpus.test.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_SETTINGS } from '../base/settings';
import type { Diagnostic } from '../base/types';
import { recordSaid, setLocale, type Locale } from '../l10n';
import { disableFix } from '../suppression/suppression';
import { LanguageService } from './languageService';

export function exists(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : /\.(ya?ml|json)$/.test(entry.name) ? [join(dir, entry.name)] : []))
    .sort();
}

export interface Said {
  file: string;
  code: string;
  text: string;
}

/** Every diagnostic message and fix title of every root, each root a workspace of its own, in `locale`; files named relative to `base`. */
export function sayAll(roots: readonly string[], base: string, locale: Locale): { said: Said[]; fromTables: Map<string, Set<Locale>> } {
  const fromTables = new Map<string, Set<Locale>>();
  const stop = recordSaid((from, text) => {
    const seen = fromTables.get(text) ?? new Set<Locale>();
    seen.add(from);
    fromTables.set(text, seen);
  });
  setLocale(locale);
  const said: Said[] = [];
  try {
    for (const root of roots) {
      const service = new LanguageService();
      const requests = filesUnder(root).map((path) => {
        const relativePath = relative(root, path);
        return { file: { uri: `file://${path}`, text: readFileSync(path, 'utf8') }, settings: DEFAULT_SETTINGS, location: { path, relativePath } };
      });
      for (const request of requests) service.index(request);
      for (const request of requests) {
        const file = relative(base, request.location.path);
        const diagnostics: Diagnostic[] = service.validate(request);
        for (const d of diagnostics) {
          said.push({ file, code: d.code, text: d.message });
          for (const fix of d.fixes ?? []) said.push({ file, code: d.code, text: fix.title });
          if (d.disableLine !== undefined) said.push({ file, code: d.code, text: disableFix(request.file.text, d.disableLine, d.code).title });
        }
      }
    }
  } finally {
    stop();
    setLocale('en');
  }
  return { said, fromTables };
}

/** What is wrong with each Japanese text: not said by a Japanese table, or the same as its English. */
export function gapsOf(english: readonly Said[], japanese: readonly Said[], fromTables: Map<string, Set<Locale>>): string[] {
  return japanese.flatMap((s, i) => {
    const problems: string[] = [];
    if (!fromTables.get(s.text)?.has('ja')) problems.push('not said by a Japanese table');
    if (s.text === english[i]?.text) problems.push('the same as in English');
    return problems.length ? [`${s.file} ${s.code}: ${problems.join(', ')}: ${s.text}`] : [];
  });
}
