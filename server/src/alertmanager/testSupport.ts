import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../base/settings';
import { LanguageService } from '../service/languageService';

export const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** Diagnostics of a file as the editor gets them: [code, severity, line, from, to, message]; `others` are indexed first (rule files). */
export function diagnose(path: string, text: string, others: { path: string; text: string }[] = [], settings: Settings = DEFAULT_SETTINGS): [string, string, number, number, number, string][] {
  const service = new LanguageService();
  for (const other of others) service.index({ file: { uri: `file://${other.path}`, text: other.text }, settings, location: { path: other.path } });
  return service
    .validate({ file: { uri: `file://${path}`, text }, settings, location: { path } })
    .map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]);
}

/** Where the tests put an alertmanager.yml: named as one, in a folder that names no environment. */
export const PATH = '/w/infra/observability/alertmanager/alertmanager.yml';

/** Only the diagnostics of one code. */
export function diagnoseCode(code: string, text: string, path = PATH): [string, string, number, number, number, string][] {
  return diagnose(path, text).filter((d) => d[0] === code);
}

/** The quick fixes of a file's diagnostics: [message start line:character, title, edits as line:from-to → text]. */
export function fixesOf(text: string, path = PATH): [string, string, string[]][] {
  return new LanguageService()
    .validate({ file: { uri: `file://${path}`, text }, settings: DEFAULT_SETTINGS, location: { path } })
    .flatMap((d) =>
      (d.fixes ?? []).map((fix): [string, string, string[]] => [
        `${d.range.start.line}:${d.range.start.character}`,
        fix.title,
        fix.edits.map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.character} → ${e.newText}`),
      ]),
    );
}
