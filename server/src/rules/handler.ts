/**
 * Prometheus rule files: plain `groups:` files and Kubernetes PrometheusRule
 * resources, found by content wherever they are and by `k1s0.files.rules`.
 * They are read one rule at a time (most rules skip the YAML parser:
 * plainRule.ts) and no whole tree is kept (a 5 MB file's is hundreds of MB);
 * an edit inside one rule reads and checks that rule again (incremental.ts).
 */
import { isYamlPath, matchesAny } from '../base/files';
import type { Caches } from '../base/caches';
import { LineIndex } from '../base/lineIndex';
import type { Finding } from '../base/types';
import type { ParsedYaml } from '../base/yaml/parse';
import { multilineScalars } from '../suppression/suppression';
import { mayBePrometheusConfig } from '../prometheus/model';
import { mayBeProvisioning } from '../provisioning/detect';
import { alertFacts } from '../slo/facts';
import type { FileFacts } from '../workspace/index';
import type { DocumentView, FileKindHandler, KindContext } from '../workspace/fileKind';
import { analyzeRuleFile, isRuleDocument, ruleFileKind, type RuleFileAnalysis } from './analyze';
import { readRuleFileInChunks } from './chunked';
import { updateRuleFile } from './incremental';

/**
 * A cheap look at the text before any parse: spares parsing every docker-compose and Helm file of the workspace.
 * Keys may be quoted (`"groups":`, `"kind": "PrometheusRule"`, as jsonnet writes them), and a JSON rule
 * file opens with `{` before its first key.
 */
export const MAY_BE_RULES = /^(?:\{\s*)?(?:(["']?)(?:groups|spec)\1\s*:|(["']?)kind\2\s*:\s*(["']?)PrometheusRule\3)/m;

const isJsonPath = (path: string): boolean => /\.json$/i.test(path);

/** What is kept of a rule file's text. */
interface RuleReading {
  analysis: RuleFileAnalysis;
  /** Read from YAML without syntax errors: an edit inside one rule may then update it in place. */
  clean: boolean;
  /** Plain `groups:` or a Kubernetes PrometheusRule. */
  shape: 'plain' | 'PrometheusRule';
}

const RULES = 'rules';

/**
 * The YAML tree that tells a file's kind, for a text that may be a rule file:
 * its skeleton read rule by rule, the rule reading made on the way.
 * Undefined when the text is no candidate (the whole parse tells then).
 */
export function ruleFileOutline(doc: DocumentView): ParsedYaml | undefined {
  if (!MAY_BE_RULES.test(doc.text)) return undefined;
  const read = readRuleFileInChunks(doc.text, doc.caches);
  if (!read) return undefined;
  doc.memo<RuleReading>(RULES, () => ({ analysis: read.analysis, clean: true, shape: shapeOf(read.structure) }));
  doc.scalars = read.scalars;
  return read.structure;
}

/** The rule reading of a rule file (made with its text). */
export function ruleAnalysisOf(doc: DocumentView): RuleFileAnalysis {
  return reading(doc).analysis;
}

function reading(doc: DocumentView): RuleReading {
  const kept = doc.peek<RuleReading>(RULES);
  if (kept) return kept;
  // Reading the outline of a possible rule file makes the rule reading on the way.
  doc.outline();
  return doc.memo<RuleReading>(RULES, () => {
    const parsed = doc.yaml();
    const clean = parsed.syntax.length === 0;
    doc.scalars ??= multilineScalars(doc.text, parsed.documents, LineIndex.of(doc.text, doc.caches));
    const analysis = analyzeRules(doc.text, parsed, doc.caches);
    // The YAML tree is most of a big rule file's memory, and the rule model holds what checks and
    // features read: let it go (whoever needs it after all parses the text again).
    if (clean && analysis.groups.length > 0) doc.releaseYaml();
    return { analysis, clean, shape: shapeOf(parsed) };
  });
}

/**
 * The rule model of a parsed file. Documents of the stream that do not parse
 * are left to yaml/syntax: the parser's recovered tree would only produce
 * echoes of the real mistake. A duplicate key is no such mistake: the tree is
 * whole, and Go's decoder reports it among the unmarshal errors, after the
 * fields it does not know (`field concurrency not found in type
 * rulefmt.RuleGroup`), so the structure is read as promtool reads it.
 */
export function analyzeRules(text: string, parsed: ParsedYaml, caches?: Caches): RuleFileAnalysis {
  return analyzeRuleFile(
    text,
    parsed.documents.filter((document) => document.errors.every((error) => error.code === 'DUPLICATE_KEY')),
    undefined,
    caches,
  );
}

export const ruleFileHandler: FileKindHandler = {
  kind: 'rules',
  // A `*.json` whose top level is `groups` is a rule file too (YAML reads JSON): promtool checks them.
  claims: (doc, context) => (isYamlPath(context.location.path) || isJsonPath(context.location.path)) && mayBeOurs(doc, context) && doc.outline().documents.some(isRuleDocument),
  claimsAsFallback: (_doc, { settings, location, workspace }) => isYamlPath(location.path) && matchesAny(settings.files.rules, location.path, location.relativePath, workspace.caches),
  facts(doc, context) {
    const { analysis, shape } = reading(doc);
    const alerts = alertFacts(doc.uri, analysis.rules, context.workspace.caches);
    return { ...ruleFileFacts(doc.uri, analysis), ...(alerts.length ? { alerts } : {}), ruleFile: shape };
  },
  findings(doc, { checks }) {
    const { analysis, clean } = reading(doc);
    // A rule reading updated in place came from YAML without errors; no need to parse it all again.
    const findings: Finding[] = clean ? [] : [...doc.yaml().syntax];
    findings.push(...analysis.findings);
    // Findings come sorted by start; so do rules: one pass finds the rules with shape errors.
    // A duplicate key (yaml/syntax) inside a rule makes it broken as much as a shape error does.
    const errors = clean ? analysis.findings.filter((f) => f.severity === 'error') : findings.filter((f) => f.severity === 'error').sort((a, b) => a.start - b.start);
    let nextError = 0;
    for (const rule of analysis.rules) {
      if (rule.expr) findings.push(...checks.expression(rule.expr, 'rule'));
      while (nextError < errors.length && (errors[nextError]?.start ?? Infinity) < rule.start) nextError++;
      let broken = false;
      for (let i = nextError; i < errors.length && (errors[i]?.start ?? Infinity) < rule.end; i++) if ((errors[i]?.end ?? Infinity) <= rule.end) broken = true;
      // A rule with shape errors (a `for` that is no duration, ...) is not held to the policy: it would only echo them.
      if (!broken) findings.push(...checks.rule(rule));
    }
    findings.push(...checks.file('rules', analysis));
    return findings;
  },
  expressionSites: (doc) => reading(doc).analysis.rules.flatMap((rule) => (rule.expr ? [{ site: rule.expr, start: rule.expr.start, end: rule.expr.end }] : [])),
  suppressionScopes: (doc) => reading(doc).analysis.rules.map((rule) => ({ start: rule.start, end: rule.end })),
  suppressible: () => true,
  carryOver(previous, next) {
    const before = previous.peek<RuleReading>(RULES);
    if (!before?.clean) return false;
    const updated = updateRuleFile({ text: previous.text, rules: before.analysis, ...(previous.scalars ? { scalars: previous.scalars } : {}) }, next.text, next.caches);
    if (!updated) return false;
    // What makes a file a rule file, and which shape, lies outside any rule.
    next.memo<RuleReading>(RULES, () => ({ analysis: updated.rules, clean: true, shape: before.shape }));
    if (updated.scalars) next.scalars = updated.scalars;
    return true;
  },
};

/** Rule files are found by content; the cheap signs of any of our YAML kinds come first. */
function mayBeOurs(doc: DocumentView, { settings, location, workspace }: KindContext): boolean {
  if (location.explicit || MAY_BE_RULES.test(doc.text) || mayBePrometheusConfig(doc.text) || mayBeProvisioning(doc.text)) return true;
  return matchesAny(settings.files.rules, location.path, location.relativePath, workspace.caches) || matchesAny(settings.files.config, location.path, location.relativePath, workspace.caches);
}

/** A rule file's shape: a Kubernetes PrometheusRule, or a plain `groups:` file. */
function shapeOf(parsed: ParsedYaml): 'plain' | 'PrometheusRule' {
  return parsed.documents.some((d) => ruleFileKind(d) === 'PrometheusRule') ? 'PrometheusRule' : 'plain';
}

/** What a rule file tells the rest of the workspace. */
export function ruleFileFacts(uri: string, analysis: RuleFileAnalysis): FileFacts {
  return {
    recordingRules: analysis.rules
      .filter((rule) => rule.kind === 'record')
      .map((rule) => ({
        name: rule.name,
        uri,
        start: rule.nameEntry.value.start,
        end: rule.nameEntry.value.end,
        expr: rule.expr?.value ?? '',
        labels: Object.fromEntries(rule.labels.map((label) => [label.key, label.value.value])),
      })),
  };
}
