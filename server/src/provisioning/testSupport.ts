import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';

export const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** Diagnostics of a file as the editor gets them: [code, severity, line, from, to, message]. */
export function diagnose(path: string, text: string): [string, string, number, number, number, string][] {
  const service = new LanguageService();
  return service
    .validate({ file: { uri: `file://${path}`, text }, settings: DEFAULT_SETTINGS, location: { path } })
    .map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]);
}
