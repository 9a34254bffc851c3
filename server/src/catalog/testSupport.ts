/** Test support: a small workspace (the design's prometheus.yaml and recording rules) and one file checked in it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS, type Settings } from '../base/settings';
import type { Diagnostic } from '../base/types';

const EXAMPLES = join(__dirname, '../../../examples/infra/docker/prometheus');

/** The design's own files, as the examples hold them. */
export const DESIGN_FILES: Record<string, string> = {
  'infra/docker/prometheus/prometheus.yaml': readFileSync(join(EXAMPLES, 'prometheus.yaml'), 'utf8'),
  'infra/docker/prometheus/recording_rules.yaml': readFileSync(join(EXAMPLES, 'recording_rules.yaml'), 'utf8'),
  'infra/docker/prometheus/alerting_rules.yaml': readFileSync(join(EXAMPLES, 'alerting_rules.yaml'), 'utf8'),
};

export const ROOT = 'file:///ws/';

/** Indexes every file, then validates `target`; `files` may override or drop (undefined) design files. */
export function diagnose(target: string, files: Record<string, string | undefined>, settings: Settings = DEFAULT_SETTINGS): Diagnostic[] {
  const service = new LanguageService();
  const all = { ...DESIGN_FILES, ...files };
  const requests = Object.entries(all).flatMap(([path, text]) =>
    text === undefined ? [] : [{ file: { uri: `${ROOT}${path}`, text }, settings, location: { path: `/ws/${path}`, relativePath: path } }],
  );
  for (const request of requests) service.index(request);
  const request = requests.find((r) => r.location.relativePath === target);
  if (!request) throw new Error(`no file ${target}`);
  return service.validate(request);
}

/** Each diagnostic of `codes` as its code and the titles of its preferred fixes (the ones the editor applies by itself). */
export function preferredFixes(diagnostics: readonly Diagnostic[], codes: readonly string[]): string[] {
  return diagnostics
    .filter((d) => codes.includes(d.code))
    .map(
      (d) =>
        `${d.code}: ${(d.fixes ?? [])
          .filter((f) => f.preferred)
          .map((f) => f.title)
          .join(', ')}`,
    );
}

/** One line per diagnostic: `line:char-line:char severity code message`, then its fixes. */
export function render(diagnostics: readonly Diagnostic[], codes?: readonly string[]): string[] {
  return diagnostics
    .filter((d) => !codes || codes.some((c) => d.code === c))
    .flatMap((d) => [
      `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`,
      ...(d.fixes ?? []).map(
        (f) => `  fix ${f.title}: ${f.edits.map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character} ${JSON.stringify(e.newText)}`).join(', ')}`,
      ),
    ]);
}

/** A rule file of one recording rule whose expr (a plain scalar) starts at line 4, character 14. */
export function recordingRule(expr: string): string {
  return `groups:\n  - name: t\n    rules:\n      - record: t:test:expr\n        expr: ${expr}\n`;
}

/** The same for an alert with the design's labels and annotations. */
export function alertRule(name: string, expr: string, extra = '        for: 5m\n        labels:\n          severity: warning\n        annotations:\n          summary: s\n'): string {
  return `groups:\n  - name: t\n    rules:\n      - alert: ${name}\n        expr: ${expr}\n${extra}`;
}

/** Diagnostics of a one-rule file checked in the design workspace, rendered, for the given codes. */
export function check(text: string, codes: readonly string[], files: Record<string, string | undefined> = {}, settings?: Settings): string[] {
  return render(diagnose('t.yaml', { ...files, 't.yaml': text }, settings), codes);
}
