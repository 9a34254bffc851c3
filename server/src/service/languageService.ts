import { mayBeDashboard } from '../dashboards/model';
import { mayBeProvisioning } from '../provisioning/detect';
import { checkConfigPolicy } from '../config/policy';
import { checkConfigSchema } from '../config/schema';
import { environmentOf } from '../config/environment';
import { findObservabilityEntry } from '../config/section';
import { isRuleDocument, type RuleFileAnalysis } from '../rules/analyze';
import { analyzeCatalogExtension, isCatalogExtensionPath } from '../catalog/extension';
import { LivePrometheus } from '../catalog/live';
import { catalogFor } from '../catalog/catalog';
import { catalogExtensionFacts, configFileFacts, isPrometheusConfig, mayBePrometheusConfig, prometheusConfigFacts } from '../catalog/files';
import { NO_FACTS, WorkspaceIndex, type FileFacts } from '../workspace/index';
import { LineIndex } from '../base/lineIndex';
import { matchesAny, uriToPath } from '../base/files';
import { promqlSitesOf } from '../dashboards/queries';
import { analyzeDashboard, checkDashboardFile, type DashboardAnalysis } from './dashboardFile';
import { checkProvisioningFile, isProvisioningFile } from './provisioningFile';
import { analyzeRules, checkRuleFile, ruleFileFacts } from './ruleFile';
import { checkExpression, type ExpressionSite } from './expression';
import { regrade, type Settings } from '../base/settings';
import { guarded } from '../base/guard';
import type { Diagnostic, Finding, SourceFile } from '../base/types';
import { parseYaml, type ParsedYaml } from '../base/yaml/parse';
import { alertFacts, dashboardFacts } from '../slo/facts';
import { isLintConfigPath, readLintConfig } from '../lint/lintConfig';
import { applySuppressions, multilineScalars, type Span } from '../suppression/suppression';
import { buildSloTree, type SloTree } from '../slo/model';
import { checkBurnRatePairs } from '../slo/burnRatePair';
import { composeFacts, isComposePath } from '../consistency/compose';
import { checkConfigAgainstStack } from '../consistency/stack';
import { checkRuleFileLoaded, checkRuleFilesEntries } from '../consistency/ruleFiles';
import { ruleFileKind } from '../rules/analyze';
import { updateRuleFile } from '../rules/incremental';
import { readRuleFileInChunks } from '../rules/chunked';

/** Rule files are found by content wherever they are: a cheap look at the text before any parse. */
const MAY_BE_RULES = /^(?:groups|spec)\s*:|^kind\s*:\s*PrometheusRule/m;

/**
 * A catalog extension is read into every check's vocabulary: one of millions of
 * entries (a generated dump) would cost seconds and hundreds of MB on every
 * keystroke in it, so past this size it is refused with one diagnostic.
 */
const CATALOG_MAX_CHARS = 8 * 1024 * 1024;

function catalogTooBig(length: number): Finding {
  const message = `Not read: this catalog extension is ${Math.round(length / 1024)} KB, over the ${CATALOG_MAX_CHARS / 1024} KB a catalog extension may have. Keep the metrics and label values your queries use (a live Prometheus, k1s0.prometheus.url, knows the rest).`;
  return { start: 0, end: 0, code: 'catalog/file', severity: 'warning', message };
}

/** Where the live Prometheus's facts sit in the workspace index. */
export const LIVE_SOURCE_URI = 'k1s0-live:prometheus';

export type FileKind = 'config' | 'rules' | 'dashboard' | 'promql' | 'catalog' | 'prometheus' | 'provisioning' | 'lint';

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
  dashboard?: DashboardAnalysis;
  /** Multi-line YAML scalars (suppression comments and "disable" fixes place around them). */
  scalars?: Span[];
  /** A big rule file's skeleton (rules cut out), when it was read rule by rule. */
  structure?: ParsedYaml;
  /** The rule analysis came from YAML without syntax errors (then an edit inside one rule may update it). */
  clean?: boolean;
  /** A rule file's shape: plain `groups:` or a Kubernetes PrometheusRule. */
  shape?: 'plain' | 'PrometheusRule';
  /** The kind last judged, with the settings and location it was judged under. */
  kind?: { settings: Settings; where: string; kind: FileKind | undefined };
}

/**
 * The k1s0 language service: documents and settings in, diagnostics out.
 * It knows nothing of LSP or VS Code; the server and the CLI wire it up.
 * Files are first indexed (what they define for others), then validated.
 */
export class LanguageService {
  readonly workspace = new WorkspaceIndex();
  private readonly analyses = new Map<string, Analysis>();
  /** Called when the workspace's facts change by themselves (a live Prometheus answered): revalidate. */
  onWorkspaceChange: (() => void) | undefined;
  /** `k1s0.prometheus.url`: fetched in the background, never waited for; its answer lands in the index. */
  readonly live = new LivePrometheus((facts) => {
    if (this.workspace.update(LIVE_SOURCE_URI, facts ? { recordingRules: [], live: facts } : NO_FACTS)) this.onWorkspaceChange?.();
  });

  /** Records what a file defines for the rest of the workspace; true when that changed. */
  index({ file, settings, location }: ValidationRequest): boolean {
    this.live.use(settings.prometheus.url);
    const where = location ?? { path: uriToPath(file.uri) };
    if (file.text.length > settings.files.maxFileSizeKB * 1024) return this.workspace.remove(file.uri);
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
    return toDiagnostics(file.text, this.suppressed(file, settings, where), settings);
  }

  /**
   * The findings of a file after its `# k1s0-disable…` comments, for every YAML
   * kind we check: suppressed ones gone, the directives' own problems added, and
   * "Disable <code> for this line" on each of the rest — once, here, for every area.
   */
  private suppressed(file: SourceFile, settings: Settings, location: FileLocation): Finding[] {
    const findings = this.findings(file, settings, location);
    if (!isYamlPath(location.path) || file.text.length > settings.files.maxFileSizeKB * 1024) return findings;
    const kind = this.kindOf(file, settings, location);
    // Not parsed at all (a refused catalog): nothing to place directives around.
    if (kind === undefined || isRefusedCatalog(kind, file.text)) return findings;
    if (findings.length === 0 && !file.text.includes('k1s0-disable')) return findings;
    const analysis = this.analysis(file);
    analysis.scalars ??= multilineScalars(file.text, this.yaml(file).documents);
    const rules = kind === 'rules' ? this.rules(file).rules.map((rule) => ({ start: rule.start, end: rule.end })) : [];
    return applySuppressions({ text: file.text, findings, rules, scalars: analysis.scalars, knownCodes: findings.map((f) => f.code) });
  }

  /** Forgets a document that is gone, and what it defined. */
  forget(uri: string): boolean {
    this.analyses.delete(uri);
    return this.workspace.remove(uri);
  }

  /** Which of our kinds a file is, judged by name and content; undefined for files we leave alone. */
  kindOf(file: SourceFile, settings: Settings, location: FileLocation): FileKind | undefined {
    const analysis = this.analysis(file);
    const where = `${location.path}\u0000${location.relativePath ?? ''}\u0000${location.explicit === true}`;
    if (analysis.kind?.settings === settings && analysis.kind.where === where) return analysis.kind.kind;
    const kind = this.judgeKind(file, settings, location);
    analysis.kind = { settings, where, kind };
    return kind;
  }

  private judgeKind(file: SourceFile, settings: Settings, location: FileLocation): FileKind | undefined {
    if (isJsonPath(location.path)) return this.isDashboard(file, settings, location) ? 'dashboard' : undefined;
    if (/\.promql$/i.test(location.path)) return 'promql';
    if (!isYamlPath(location.path)) return undefined;
    if (isLintConfigPath(location.path)) return 'lint';
    if (isCatalogExtensionPath(location.path) || matchesAny(settings.catalog.files, location.path, location.relativePath)) return 'catalog';
    const namedConfig = matchesAny(settings.files.config, location.path, location.relativePath);
    const namedRules = matchesAny(settings.files.rules, location.path, location.relativePath);
    // Rule files are found by content wherever they are; a cheap look at the text first
    // spares parsing every docker-compose and Helm file of the workspace.
    const mayBeRules = namedRules || MAY_BE_RULES.test(file.text);
    const mayBePrometheus = mayBePrometheusConfig(file.text);
    const mayBeGrafana = mayBeProvisioning(file.text);
    if (!namedConfig && !mayBeRules && !mayBePrometheus && !mayBeGrafana && !location.explicit) return undefined;
    const parsed = mayBeRules ? this.structure(file) : this.yaml(file);
    if (mayBePrometheus && isPrometheusConfig(parsed)) return 'prometheus';
    if ((namedConfig || location.explicit) && findObservabilityEntry(parsed.documents)) return 'config';
    if (parsed.documents.some(isRuleDocument)) return 'rules';
    if (mayBeGrafana && isProvisioningFile(parsed, location.path)) return 'provisioning';
    // A file named as ours that does not parse is still ours: its syntax errors are worth showing.
    if (parsed.syntax.length > 0 && namedConfig) return 'config';
    return namedRules ? 'rules' : undefined;
  }

  private factsOf(file: SourceFile, settings: Settings, location: FileLocation): FileFacts {
    // A compose file is no kind of ours (nothing to check in it), but its services are the stack.
    if (isComposePath(location.path) && /^services\s*:/m.test(file.text)) {
      const compose = composeFacts(file.uri, this.yaml(file).documents);
      return compose ? { recordingRules: [], compose } : NO_FACTS;
    }
    const kind = this.kindOf(file, settings, location);
    if (kind === 'rules') {
      const rules = this.rules(file);
      const alerts = alertFacts(file.uri, rules.rules);
      return { ...ruleFileFacts(file.uri, rules), ...(alerts.length ? { alerts } : {}), ruleFile: this.analysis(file).shape ?? 'plain' };
    }
    if (kind === 'dashboard') {
      const { model, json } = this.dashboard(file);
      return model && json.syntax.length === 0 ? { recordingRules: [], dashboard: dashboardFacts(file.uri, model) } : NO_FACTS;
    }
    if (kind === 'catalog') return isRefusedCatalog(kind, file.text) ? NO_FACTS : catalogExtensionFacts(this.yaml(file));
    if (kind === 'prometheus') return prometheusConfigFacts(file.uri, this.yaml(file));
    if (kind === 'config' && this.yaml(file).syntax.length === 0) return configFileFacts(findObservabilityEntry(this.yaml(file).documents)?.document, file.uri);
    return NO_FACTS;
  }

  private findings(file: SourceFile, settings: Settings, location: FileLocation): Finding[] {
    if (file.text.length > settings.files.maxFileSizeKB * 1024) {
      if (!matchesAny([...settings.files.config, ...settings.files.rules, ...settings.files.dashboards], location.path, location.relativePath)) return [];
      return [{ start: 0, end: 0, code: 'file/too-large', severity: 'warning', message: `Not checked: the file is ${Math.round(file.text.length / 1024)} KB, over k1s0.files.maxFileSizeKB (${settings.files.maxFileSizeKB} KB).` }];
    }
    const kind = this.kindOf(file, settings, location);
    if (kind === undefined) return [];
    if (kind === 'dashboard') return guarded('dashboard', () => checkDashboardFile(file.text, this.dashboard(file), this.workspace));
    if (kind === 'promql') return checkExpression(wholeTextSite(file.text), { origin: 'promql', workspace: this.workspace });
    if (kind === 'rules') {
      const rules = this.rules(file);
      // A rule analysis updated in place came from YAML without errors; no need to parse it all again.
      const findings = this.analysis(file).clean ? [] : [...this.yaml(file).syntax];
      findings.push(...checkRuleFile(file.text, rules, this.workspace));
      findings.push(...guarded('consistency/rule-files', () => checkRuleFileLoaded(file.uri, this.workspace)));
      findings.push(...guarded('policy/slo', () => checkBurnRatePairs(file.uri, file.text, rules, this.workspace, catalogFor(this.workspace).policy)));
      return findings;
    }
    if (isRefusedCatalog(kind, file.text)) return [catalogTooBig(file.text.length)];
    const parsed = this.yaml(file);
    const findings = [...parsed.syntax];
    if (kind === 'catalog') return [...findings, ...guarded('catalog/file', () => analyzeCatalogExtension(parsed).findings)];
    if (kind === 'prometheus') return [...findings, ...guarded('consistency/rule-files', () => checkRuleFilesEntries(file.uri, this.workspace))];
    if (kind === 'lint') return [...findings, ...guarded('lint/config', () => readLintConfig(parsed).findings)];
    if (kind === 'provisioning') return [...findings, ...guarded('provisioning', () => checkProvisioningFile(file.text, parsed, location.path))];
    const entry = findObservabilityEntry(parsed.documents);
    // On a document that does not parse, the recovered tree is a guess: checking it would
    // bury the one real mistake under consequences of it.
    if (entry && parsed.syntax.length === 0) {
      const declared = entry.document.getIn(['app', 'environment']);
      findings.push(...guarded('config/schema', () => checkConfigSchema(entry)));
      findings.push(...guarded('config/policy', () => checkConfigPolicy(entry, environmentOf(location.path, settings.config.environments, declared), file.text)));
      findings.push(...guarded('consistency', () => checkConfigAgainstStack(entry, file.text, this.workspace)));
    }
    return findings;
  }

  private analysis(file: SourceFile): Analysis {
    const cached = this.analyses.get(file.uri);
    if (cached && cached.text === file.text) return cached;
    const fresh: Analysis = { text: file.text };
    // An edit inside one rule of a rule file: only that rule is parsed and checked again.
    if (cached?.rules && cached.clean) {
      const updated = updateRuleFile({ text: cached.text, rules: cached.rules, ...(cached.scalars ? { scalars: cached.scalars } : {}) }, file.text);
      if (updated) {
        fresh.rules = updated.rules;
        fresh.clean = true;
        if (updated.scalars) fresh.scalars = updated.scalars;
        // What makes a file a rule file, and which shape, lies outside any rule.
        if (cached.kind) fresh.kind = cached.kind;
        if (cached.shape) fresh.shape = cached.shape;
      }
    }
    this.analyses.set(file.uri, fresh);
    return fresh;
  }

  /**
   * What tells a file's kind: the whole YAML tree, or for a rule file its
   * skeleton, read rule by rule (the rule analysis is made on the way).
   */
  private structure(file: SourceFile): ParsedYaml {
    const analysis = this.analysis(file);
    if (analysis.structure) return analysis.structure;
    // Rule files are read one rule at a time: most rules skip the YAML parser (rules/plainRule.ts),
    // and no whole tree is held (a 5 MB file's is hundreds of MB).
    if (analysis.yaml || !MAY_BE_RULES.test(file.text)) return this.yaml(file);
    const read = readRuleFileInChunks(file.text);
    if (!read) return this.yaml(file);
    analysis.structure = read.structure;
    analysis.rules = read.analysis;
    analysis.clean = true;
    analysis.scalars = read.scalars;
    analysis.shape = shapeOf(read.structure);
    return read.structure;
  }

  private yaml(file: SourceFile): ParsedYaml {
    const analysis = this.analysis(file);
    analysis.yaml ??= parseYaml(file.text);
    return analysis.yaml;
  }

  /** A JSON file is a dashboard by content, or by k1s0.files.dashboards (then even when it does not parse). */
  private isDashboard(file: SourceFile, settings: Settings, location: FileLocation): boolean {
    const named = matchesAny(settings.files.dashboards, location.path, location.relativePath);
    if (!named && !mayBeDashboard(file.text)) return false;
    const analysis = this.dashboard(file);
    if (analysis.model) return true;
    return analysis.json.syntax.length > 0 && (named || analysis.looksLikeDashboard);
  }

  private dashboard(file: SourceFile): DashboardAnalysis {
    const analysis = this.analysis(file);
    analysis.dashboard ??= analyzeDashboard(file.text);
    return analysis.dashboard;
  }

  /** The PromQL expressions of a file with the document range each occupies. */
  expressionSites(file: SourceFile, settings: Settings, location: FileLocation): LocatedExpression[] {
    switch (this.kindOf(file, settings, location)) {
      case 'rules':
        return this.rules(file).rules.flatMap((rule) => (rule.expr ? [{ site: rule.expr, start: rule.expr.start, end: rule.expr.end }] : []));
      case 'promql':
        return [{ site: wholeTextSite(file.text), start: 0, end: file.text.length }];
      case 'dashboard': {
        const { model } = this.dashboard(file);
        return model ? promqlSitesOf(file.text, model) : [];
      }
      default:
        return [];
    }
  }

  /** The rule model of a rule file (cached with its text). */
  ruleAnalysis(file: SourceFile): RuleFileAnalysis {
    return this.rules(file);
  }

  /** The YAML parse of a document (cached with its text). */
  yamlOf(file: SourceFile): ParsedYaml {
    return this.yaml(file);
  }

  /** The latest text the service has of a document. */
  textOf(uri: string): string | undefined {
    return this.analyses.get(uri)?.text;
  }

  /** Every document the service has seen (indexed or validated), with its latest text. */
  *knownDocuments(): Iterable<SourceFile> {
    for (const [uri, analysis] of this.analyses) yield { uri, text: analysis.text };
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

  private rules(file: SourceFile): RuleFileAnalysis {
    const analysis = this.analysis(file);
    if (!analysis.rules) this.structure(file);
    if (!analysis.rules) {
      const parsed = this.yaml(file);
      analysis.rules = analyzeRules(file.text, parsed);
      analysis.clean = parsed.syntax.length === 0;
      analysis.shape ??= shapeOf(parsed);
      analysis.scalars ??= multilineScalars(file.text, parsed.documents);
      // The YAML tree is most of a big rule file's memory, and the rule model holds what checks and
      // features read: let it go (whoever needs it after all parses the text again).
      if (analysis.clean && analysis.rules.groups.length > 0) analysis.yaml = undefined;
    }
    return analysis.rules;
  }
}

/** A PromQL expression located in a document. */
export interface LocatedExpression {
  site: ExpressionSite;
  start: number;
  end: number;
}

/** A `.promql` file: the whole text is the expression. */
function wholeTextSite(text: string): ExpressionSite {
  return { value: text, toDocumentRange: (from, to) => [from, to] };
}

/** A rule file's shape: a Kubernetes PrometheusRule, or a plain `groups:` file. */
function shapeOf(parsed: ParsedYaml): 'plain' | 'PrometheusRule' {
  return parsed.documents.some((d) => ruleFileKind(d) === 'PrometheusRule') ? 'PrometheusRule' : 'plain';
}

/** A catalog extension too big to read (see CATALOG_MAX_CHARS). */
function isRefusedCatalog(kind: FileKind | undefined, text: string): boolean {
  return kind === 'catalog' && text.length > CATALOG_MAX_CHARS;
}

function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

function isJsonPath(path: string): boolean {
  return /\.json$/i.test(path);
}

const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 } as const;

/** Re-grades findings by the user's settings, places them in the text and sorts them. */
export function toDiagnostics(text: string, findings: readonly Finding[], settings: Settings): Diagnostic[] {
  const lines = LineIndex.of(text);
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
    if (finding.disableAt !== undefined) diagnostic.disableLine = lines.positionAt(finding.disableAt).line;
    diagnostics.push(diagnostic);
  }
  return diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code),
  );
}
