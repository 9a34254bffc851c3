import { checkConfigPolicy } from '../config/policy';
import { checkConfigSchema } from '../config/schema';
import { environmentOf } from '../config/environment';
import { findObservabilityEntry } from '../config/section';
import { LineIndex } from './lineIndex';
import { regrade, type Settings } from './settings';
import { matchesAny, uriToPath } from './files';
import type { Diagnostic, Finding, SourceFile } from './types';
import { parseYaml, type ParsedYaml } from './yaml/parse';
import { checkRuleFile } from './ruleFile';
import { isRuleDocument } from '../rules/analyze';

export type FileKind = 'config' | 'rules';

/** Where a file sits: its path on disk and, when known, relative to its workspace folder. */
export interface FileLocation {
  path: string;
  relativePath?: string;
  /** Named on the command line: checked by content even when no glob matches. */
  explicit?: boolean;
}

export interface ValidationRequest {
  file: SourceFile;
  settings: Settings;
  location?: FileLocation;
}

/**
 * The k1s0 language service: documents and settings in, diagnostics out.
 * It knows nothing of LSP or VS Code; the server and the CLI wire it up.
 */
export class LanguageService {
  /** Parses keyed by URI and reused while the text is the same. */
  private readonly yamlCache = new Map<string, { text: string; parsed: ParsedYaml }>();

  validate({ file, settings, location }: ValidationRequest): Diagnostic[] {
    const where = location ?? { path: uriToPath(file.uri) };
    const findings = this.findings(file, settings, where);
    return toDiagnostics(file.text, findings, settings);
  }

  /** Forgets what was cached for a document that is gone. */
  forget(uri: string): void {
    this.yamlCache.delete(uri);
  }

  /** Which of our kinds a file is, judged by name and content; undefined for files we leave alone. */
  kindOf(file: SourceFile, settings: Settings, location: FileLocation): FileKind | undefined {
    if (!isYamlPath(location.path)) return undefined;
    const namedConfig = matchesAny(settings.files.config, location.path, location.relativePath);
    const namedRules = matchesAny(settings.files.rules, location.path, location.relativePath);
    // Rule files are found by content wherever they are; a cheap look at the text first
    // spares parsing every docker-compose and Helm file of the workspace.
    const mayBeRules = namedRules || /^(?:groups|spec)\s*:|^kind\s*:\s*PrometheusRule/m.test(file.text);
    if (!namedConfig && !mayBeRules && !location.explicit) return undefined;
    const parsed = this.parse(file);
    if ((namedConfig || location.explicit) && findObservabilityEntry(parsed.documents)) return 'config';
    if (parsed.documents.some(isRuleDocument)) return 'rules';
    // A file named as ours that does not parse is still ours: its syntax errors are worth showing.
    if (parsed.syntax.length > 0 && (namedConfig || namedRules)) return namedRules ? 'rules' : 'config';
    return namedRules ? 'rules' : undefined;
  }

  private findings(file: SourceFile, settings: Settings, location: FileLocation): Finding[] {
    if (file.text.length > settings.files.maxFileSizeKB * 1024) {
      if (!matchesAny([...settings.files.config, ...settings.files.rules], location.path, location.relativePath)) return [];
      return [{ start: 0, end: 0, code: 'file/too-large', severity: 'warning', message: `Not checked: the file is ${Math.round(file.text.length / 1024)} KB, over k1s0.files.maxFileSizeKB (${settings.files.maxFileSizeKB} KB).` }];
    }
    const kind = this.kindOf(file, settings, location);
    if (kind === undefined) return [];
    const parsed = this.parse(file);
    const findings = [...parsed.syntax];
    if (kind === 'rules') return [...findings, ...checkRuleFile(file.text, parsed)];
    const entry = findObservabilityEntry(parsed.documents);
    // On a document that does not parse, the recovered tree is a guess: checking it would
    // bury the one real mistake under consequences of it.
    if (entry && parsed.syntax.length === 0) {
      const declared = entry.document.getIn(['app', 'environment']);
      findings.push(...checkConfigSchema(entry));
      findings.push(...checkConfigPolicy(entry, environmentOf(location.path, settings.config.environments, declared), file.text));
    }
    return findings;
  }

  private parse(file: SourceFile): ParsedYaml {
    const cached = this.yamlCache.get(file.uri);
    if (cached && cached.text === file.text) return cached.parsed;
    const parsed = parseYaml(file.text);
    this.yamlCache.set(file.uri, { text: file.text, parsed });
    return parsed;
  }
}

function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 } as const;

/** Re-grades findings by the user's settings, places them in the text and sorts them. */
export function toDiagnostics(text: string, findings: readonly Finding[], settings: Settings): Diagnostic[] {
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const severity = regrade(finding.code, finding.severity, settings.diagnostics.severity);
    if (severity === undefined) continue;
    const diagnostic: Diagnostic = { range: lines.rangeOf(finding.start, finding.end), severity, code: finding.code, message: finding.message, source: 'k1s0' };
    if (finding.fixes?.length) {
      diagnostic.fixes = finding.fixes.map((fix) => ({
        title: fix.title,
        ...(fix.preferred ? { preferred: true } : {}),
        edits: fix.edits.map((edit) => ({ range: lines.rangeOf(edit.start, edit.end), newText: edit.newText })),
      }));
    }
    diagnostics.push(diagnostic);
  }
  return diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code),
  );
}
