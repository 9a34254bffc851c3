import { checkConfigPolicy } from '../config/policy';
import { checkConfigSchema } from '../config/schema';
import { environmentOf } from '../config/environment';
import { findObservabilityEntry } from '../config/section';
import { isRuleDocument, type RuleFileAnalysis } from '../rules/analyze';
import { NO_FACTS, WorkspaceIndex, type FileFacts } from '../workspace/index';
import { LineIndex } from './lineIndex';
import { matchesAny, uriToPath } from './files';
import { analyzeRules, checkRuleFile, ruleFileFacts } from './ruleFile';
import { regrade, type Settings } from './settings';
import type { Diagnostic, Finding, SourceFile } from './types';
import { parseYaml, type ParsedYaml } from './yaml/parse';

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

/** What is known of one document's text; rebuilt only when the text changes. */
interface Analysis {
  text: string;
  yaml?: ParsedYaml;
  rules?: RuleFileAnalysis;
}

/**
 * The k1s0 language service: documents and settings in, diagnostics out.
 * It knows nothing of LSP or VS Code; the server and the CLI wire it up.
 * Files are first indexed (what they define for others), then validated.
 */
export class LanguageService {
  readonly workspace = new WorkspaceIndex();
  private readonly analyses = new Map<string, Analysis>();

  /** Records what a file defines for the rest of the workspace; true when that changed. */
  index({ file, settings, location }: ValidationRequest): boolean {
    const where = location ?? { path: uriToPath(file.uri) };
    if (file.text.length > settings.files.maxFileSizeKB * 1024) return this.workspace.remove(file.uri);
    return this.workspace.update(file.uri, this.factsOf(file, settings, where));
  }

  validate({ file, settings, location }: ValidationRequest): Diagnostic[] {
    const where = location ?? { path: uriToPath(file.uri) };
    return toDiagnostics(file.text, this.findings(file, settings, where), settings);
  }

  /** Forgets a document that is gone, and what it defined. */
  forget(uri: string): boolean {
    this.analyses.delete(uri);
    return this.workspace.remove(uri);
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
    const parsed = this.yaml(file);
    if ((namedConfig || location.explicit) && findObservabilityEntry(parsed.documents)) return 'config';
    if (parsed.documents.some(isRuleDocument)) return 'rules';
    // A file named as ours that does not parse is still ours: its syntax errors are worth showing.
    if (parsed.syntax.length > 0 && namedConfig) return 'config';
    return namedRules ? 'rules' : undefined;
  }

  private factsOf(file: SourceFile, settings: Settings, location: FileLocation): FileFacts {
    if (this.kindOf(file, settings, location) !== 'rules') return NO_FACTS;
    return ruleFileFacts(file.uri, this.rules(file));
  }

  private findings(file: SourceFile, settings: Settings, location: FileLocation): Finding[] {
    if (file.text.length > settings.files.maxFileSizeKB * 1024) {
      if (!matchesAny([...settings.files.config, ...settings.files.rules], location.path, location.relativePath)) return [];
      return [{ start: 0, end: 0, code: 'file/too-large', severity: 'warning', message: `Not checked: the file is ${Math.round(file.text.length / 1024)} KB, over k1s0.files.maxFileSizeKB (${settings.files.maxFileSizeKB} KB).` }];
    }
    const kind = this.kindOf(file, settings, location);
    if (kind === undefined) return [];
    const parsed = this.yaml(file);
    const findings = [...parsed.syntax];
    if (kind === 'rules') return [...findings, ...checkRuleFile(this.rules(file), this.workspace)];
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

  private analysis(file: SourceFile): Analysis {
    const cached = this.analyses.get(file.uri);
    if (cached && cached.text === file.text) return cached;
    const fresh: Analysis = { text: file.text };
    this.analyses.set(file.uri, fresh);
    return fresh;
  }

  private yaml(file: SourceFile): ParsedYaml {
    const analysis = this.analysis(file);
    analysis.yaml ??= parseYaml(file.text);
    return analysis.yaml;
  }

  private rules(file: SourceFile): RuleFileAnalysis {
    const analysis = this.analysis(file);
    analysis.rules ??= analyzeRules(file.text, this.yaml(file));
    return analysis.rules;
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
