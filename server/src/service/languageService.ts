/**
 * The k1s0 language service: documents and settings in, diagnostics out.
 * It knows nothing of LSP or VS Code; the server and the CLI wire it up.
 * Files are first indexed (what they define for others), then validated.
 * What a file is and how it is checked is its kind's handler's (fileKinds.ts);
 * this facade keeps documents, suppression and the conversion to diagnostics.
 */
import { Caches } from '../base/caches';
import { isComposePath } from '../base/compose';
import { isEnvFilePath } from '../otel/dotenvHandler';
import { isYamlPath, matchesAny, uriToPath } from '../base/files';
import { LineIndex } from '../base/lineIndex';
import { namedFileGlobs, regrade, type Settings } from '../base/settings';
import type { Diagnostic, Finding, OutlineSymbol, Severity, SourceFile } from '../base/types';
import type { ParsedYaml } from '../base/yaml/parse';
import { LivePrometheus } from '../catalog/live';
import { catalogFor } from '../catalog/catalog';
import { Checks } from '../checks/runner';
import { DIAGNOSTIC_CODES, REGISTRY, type RegisteredCheck } from '../checks/registry';
import { ruleAnalysisOf } from '../rules/handler';
import type { RuleFileAnalysis } from '../rules/analyze';
import { buildSloTree, type SloTree } from '../slo/model';
import { applySuppressions, multilineScalars } from '../suppression/suppression';
import type { FileLocation, KindContext, LocatedExpression } from '../workspace/fileKind';
import { NO_FACTS, WorkspaceIndex, type FileFacts } from '../workspace/index';
import { LastDiagnostics, type Placing } from './diagnosticReuse';
import { Document } from './document';
import { FILE_KINDS, handlerOf, type FileKind } from './fileKinds';
import { t } from '../l10n';

export type { FileKind } from './fileKinds';
export type { FileLocation, LocatedExpression } from '../workspace/fileKind';

/** Where the live Prometheus's facts sit in the workspace index. */
export const LIVE_SOURCE_URI = 'k1s0-live:prometheus';

export interface ValidationRequest {
  file: SourceFile;
  settings: Settings;
  location?: FileLocation;
}

export class LanguageService {
  /** What this service remembers of texts (trees, checked expressions, regexes, globs): its own, reached through its workspace. */
  readonly caches: Caches;
  readonly workspace: WorkspaceIndex;
  private readonly documents = new Map<string, Document>();
  /** Each document's last diagnostics, handed back where an edit left them equal (diagnosticReuse.ts); only while documents change. */
  private readonly lastDiagnostics = new Map<string, LastDiagnostics>();
  /** Findings with their "Disable" line, kept with the findings they copy (see applySuppressions). */
  private readonly suppressionCopies = new WeakMap<Finding, Finding>();
  private readonly checks: Checks;
  /** Called when the workspace's facts change by themselves (a live Prometheus answered): revalidate. */
  onWorkspaceChange: (() => void) | undefined;
  /** `k1s0.prometheus.url`: fetched in the background, never waited for; its answer lands in the index. */
  readonly live = new LivePrometheus((facts) => {
    if (this.workspace.update(LIVE_SOURCE_URI, facts ? { recordingRules: [], live: facts } : NO_FACTS)) this.onWorkspaceChange?.();
  });

  /**
   * `checks`: the registry's table, or another one (a test adds a check that throws).
   * `documentsChange: false` for a service that reads each file once (the CLI): its caches need
   * not copy what they keep out of the versions of a document (Caches.keep).
   */
  constructor({ checks = REGISTRY, documentsChange = true }: { checks?: readonly RegisteredCheck[]; documentsChange?: boolean } = {}) {
    this.caches = new Caches({ documentsChange });
    this.workspace = new WorkspaceIndex({ caches: this.caches });
    this.checks = new Checks(this.workspace, checks);
  }

  /** Records what a file defines for the rest of the workspace; true when that changed. */
  index({ file, settings, location }: ValidationRequest): boolean {
    this.live.use(settings.prometheus.url);
    const where = location ?? { path: uriToPath(file.uri) };
    if (tooLarge(file, settings)) return this.workspace.remove(file.uri);
    return this.workspace.update(file.uri, this.factsOf(file, settings, where));
  }

  /** What an indexed file defines for the rest of the workspace: what another thread's service adopts (cli/parallel.ts). */
  definitions(uri: string): FileFacts {
    return this.workspace.get(uri);
  }

  /** Takes the definitions of a file indexed elsewhere, as if it had been indexed here. */
  adopt(uri: string, facts: FileFacts): void {
    this.workspace.update(uri, facts);
  }

  validate({ file, settings, location }: ValidationRequest): Diagnostic[] {
    this.live.use(settings.prometheus.url);
    const where = location ?? { path: uriToPath(file.uri) };
    const last = this.lastDiagnostics.get(file.uri);
    const diagnostics = toDiagnostics(file.text, this.suppressed(file, settings, where), settings, (uri) => this.textOf(uri), this.caches, last);
    if (this.caches.documentsChange) this.lastDiagnostics.set(file.uri, last ? last.next(diagnostics) : new LastDiagnostics(diagnostics));
    return diagnostics;
  }

  /** Forgets a document that is gone, and what it defined. */
  forget(uri: string): boolean {
    this.documents.delete(uri);
    this.lastDiagnostics.delete(uri);
    return this.workspace.remove(uri);
  }

  /** Which of our kinds a file is, judged by name and content; undefined for files we leave alone. */
  kindOf(file: SourceFile, settings: Settings, location: FileLocation): FileKind | undefined {
    const doc = this.document(file);
    const where = `${location.path}\u0000${location.relativePath ?? ''}\u0000${location.explicit === true}`;
    if (doc.judged?.settings === settings && doc.judged.where === where) return doc.judged.kind;
    const context = this.context(doc, settings, location);
    const handler = FILE_KINDS.find((h) => h.claims(doc, context)) ?? FILE_KINDS.find((h) => h.claimsAsFallback?.(doc, context));
    const kind = handler?.kind as FileKind | undefined;
    doc.judged = { settings, where, kind };
    return kind;
  }

  /** The PromQL expressions of a file with the document range each occupies. */
  expressionSites(file: SourceFile, settings: Settings, location: FileLocation): LocatedExpression[] {
    const kind = this.kindOf(file, settings, location);
    const handler = kind && handlerOf(kind);
    if (!handler?.expressionSites) return [];
    const doc = this.document(file);
    return handler.expressionSites(doc, this.context(doc, settings, location));
  }

  /** The rule model of a rule file (cached with its text). */
  ruleAnalysis(file: SourceFile): RuleFileAnalysis {
    return ruleAnalysisOf(this.document(file));
  }

  /** The YAML parse of a document (cached with its text). */
  yamlOf(file: SourceFile): ParsedYaml {
    return this.document(file).yaml();
  }

  /** The latest text the service has of a document. */
  textOf(uri: string): string | undefined {
    return this.documents.get(uri)?.text;
  }

  /** Every document the service has seen (indexed or validated), with its latest text. */
  *knownDocuments(): Iterable<SourceFile> {
    for (const [uri, doc] of this.documents) yield { uri, text: doc.text };
  }

  /**
   * The tier and SLO tree of what is indexed: services from scrape jobs,
   * config files and catalog extensions, with their SLO, alerts and dashboards.
   */
  sloTree(): SloTree {
    const lines = new Map<string, LineIndex | undefined>();
    return buildSloTree(this.workspace, catalogFor(this.workspace).policy, (uri, offset) => {
      if (!lines.has(uri)) {
        const text = this.textOf(uri);
        lines.set(uri, text === undefined ? undefined : new LineIndex(text));
      }
      return lines.get(uri)?.positionAt(offset) ?? { line: 0, character: 0 };
    });
  }

  /** The outline its kind's handler gives of a file (jobs, receivers, services, …); none for kinds without one. */
  outlineOf(file: SourceFile, settings: Settings, location: FileLocation): OutlineSymbol[] {
    const kind = this.kindOf(file, settings, location);
    const handler = kind && handlerOf(kind);
    if (!handler?.symbols) return [];
    const doc = this.document(file);
    return handler.symbols(doc, this.context(doc, settings, location));
  }

  private factsOf(file: SourceFile, settings: Settings, location: FileLocation): FileFacts {
    const kind = this.kindOf(file, settings, location);
    const handler = kind && handlerOf(kind);
    if (!handler) return NO_FACTS;
    const doc = this.document(file);
    return handler.facts(doc, this.context(doc, settings, location));
  }

  private findings(file: SourceFile, settings: Settings, location: FileLocation): Finding[] {
    if (tooLarge(file, settings)) {
      if (!matchesAny(namedFileGlobs(settings), location.path, location.relativePath, this.caches) && !isComposePath(location.path) && !isEnvFilePath(location.path)) return [];
      return [
        {
          start: 0,
          end: 0,
          code: 'file/too-large',
          severity: 'warning',
          message: t('file.tooBig', { kb: Math.round(file.text.length / 1024), maxKb: settings.files.maxFileSizeKB }),
        },
      ];
    }
    const kind = this.kindOf(file, settings, location);
    const handler = kind && handlerOf(kind);
    if (!handler) return [];
    const doc = this.document(file);
    return handler.findings(doc, this.context(doc, settings, location));
  }

  /**
   * The findings of a file after its `# k1s0-disable…` comments, for every YAML
   * kind we check: suppressed ones gone and the directives' own problems added —
   * once, here, for every area.
   */
  private suppressed(file: SourceFile, settings: Settings, location: FileLocation): Finding[] {
    const findings = this.findings(file, settings, location);
    if (!isYamlPath(location.path) || tooLarge(file, settings)) return findings;
    const kind = this.kindOf(file, settings, location);
    const handler = kind && handlerOf(kind);
    const doc = this.document(file);
    if (!handler?.suppressible(doc)) return findings;
    if (findings.length === 0 && !file.text.includes('k1s0-disable')) return findings;
    doc.scalars ??= multilineScalars(file.text, doc.yaml().documents, LineIndex.of(file.text, this.caches));
    const rules = handler.suppressionScopes?.(doc) ?? [];
    return applySuppressions({
      text: file.text,
      findings,
      rules,
      scalars: doc.scalars,
      knownCodes: knownCodes(findings),
      lines: LineIndex.of(file.text, this.caches),
      copies: this.suppressionCopies,
    });
  }

  private context(doc: Document, settings: Settings, location: FileLocation): KindContext {
    const checkContext = { uri: doc.uri, text: doc.text, location, settings };
    return {
      settings,
      location,
      workspace: this.workspace,
      checks: {
        expression: this.checks.expression,
        rule: (rule) => this.checks.rule(doc.text, rule),
        file: (kind, subject) => this.checks.fileChecks(kind, subject, checkContext),
      },
    };
  }

  /** The document of a file's text: kept while the text is the same; an edit a handler can follow carries its reading over. */
  private document(file: SourceFile): Document {
    const cached = this.documents.get(file.uri);
    if (cached && cached.text === file.text) return cached;
    const fresh = new Document(file.uri, file.text, this.caches);
    const previousKind = cached?.judged?.kind;
    const handler = previousKind && handlerOf(previousKind);
    if (cached && handler?.carryOver?.(cached, fresh) && cached.judged) fresh.judged = cached.judged;
    this.documents.set(file.uri, fresh);
    return fresh;
  }
}

/** Every registered code and a file's findings' codes, read only when the file has a directive. */
function* knownCodes(findings: readonly Finding[]): Iterable<string> {
  yield* DIAGNOSTIC_CODES;
  for (const finding of findings) yield finding.code;
}

function tooLarge(file: SourceFile, settings: Settings): boolean {
  return file.text.length > settings.files.maxFileSizeKB * 1024;
}

const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 } as const;

/**
 * Re-grades findings by the user's settings, places them in the text and sorts them. Related places in
 * another document are placed in its text (`textOf`), and left out when it is not known. `last`: the
 * document's last diagnostics, one equal to what a finding makes handed back instead of a new one.
 */
export function toDiagnostics(
  text: string,
  findings: readonly Finding[],
  settings: Settings,
  textOf: (uri: string) => string | undefined = () => undefined,
  caches?: Caches,
  last?: LastDiagnostics,
): Diagnostic[] {
  const lines = LineIndex.of(text, caches);
  const linesOf = (uri: string) => {
    const other = textOf(uri);
    return other === undefined ? undefined : LineIndex.of(other, caches);
  };
  const placing = { lines, linesOf };
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const severity = regrade(finding.code, finding.severity, settings.diagnostics.severity);
    if (severity === undefined) continue;
    diagnostics.push(last?.matching(finding, severity, placing) ?? place(finding, severity, placing));
  }
  return diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code),
  );
}

/** The diagnostic of one finding. */
function place(finding: Finding, severity: Severity, { lines, linesOf }: Placing): Diagnostic {
  const diagnostic: Diagnostic = { range: lines.rangeOf(finding.start, finding.end), severity, code: finding.code, message: finding.message, source: 'k1s0' };
  if (finding.fixes?.length) {
    diagnostic.fixes = finding.fixes.map((fix) => ({
      title: fix.title,
      ...(fix.preferred ? { preferred: true } : {}),
      edits: fix.edits.map((edit) => ({ range: lines.rangeOf(edit.start, edit.end), newText: edit.newText })),
    }));
  }
  if (finding.disableAt !== undefined) diagnostic.disableLine = lines.lineAt(finding.disableAt);
  const related = finding.related?.flatMap(({ start, end, message, uri }) => {
    if (uri === undefined) return [{ range: lines.rangeOf(start, end), message }];
    const other = linesOf(uri);
    return other === undefined ? [] : [{ range: other.rangeOf(start, end), message, uri }];
  });
  if (related?.length) diagnostic.related = related;
  return diagnostic;
}
