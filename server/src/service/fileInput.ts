/**
 * A file read from disk, as the service checks it: its bytes decoded into a
 * document, or — when they are not UTF-8 — the `file/encoding` diagnostic that
 * says it was not checked. The CLI and the server's session both read files
 * through here, so the editor shows what CI reports for the same bytes.
 */
import { decodeText, matchesAny } from '../base/files';
import { regrade, type Settings } from '../base/settings';
import type { Diagnostic } from '../base/types';
import { t } from '../l10n';
import type { FileLocation, ValidationRequest } from './languageService';

/** A document to index and validate, or the diagnostics of a file that cannot be one. */
export type FileInput = { request: ValidationRequest } | { diagnostics: Diagnostic[] };

export function fileInput(bytes: Uint8Array, uri: string, location: FileLocation, settings: Settings): FileInput {
  const decoded = decodeText(bytes);
  if ('text' in decoded) return { request: { file: { uri, text: decoded.text }, settings, location } };
  return { diagnostics: undecodedDiagnostics(decoded.error, location, settings) };
}

/**
 * Why a file was not checked, when it is one of ours: named explicitly, or
 * matching the config or rules globs (a stray binary `.json` stays silent).
 * Re-graded like every other code (`"file/encoding": "off"` silences it).
 */
export function undecodedDiagnostics(reason: string, location: FileLocation, settings: Settings): Diagnostic[] {
  if (!location.explicit && !matchesAny([...settings.files.config, ...settings.files.rules, ...settings.files.otelCollectorConfig], location.path, location.relativePath)) return [];
  const severity = regrade('file/encoding', 'error', settings.diagnostics.severity);
  if (severity === undefined) return [];
  const start = { line: 0, character: 0 };
  return [{ range: { start, end: start }, severity, code: 'file/encoding', message: t('cli.notChecked', { reason }), source: 'k1s0' }];
}
