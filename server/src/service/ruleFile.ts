import { analyzeRuleFile, type RuleFileAnalysis } from '../rules/analyze';
import type { FileFacts, ReadStamp, WorkspaceIndex } from '../workspace/index';
import type { RuleModel } from '../rules/model';
import { originOfRule, shiftFinding } from '../rules/shift';
import { LineIndex } from '../base/lineIndex';
import { guarded } from '../base/guard';
import { checkRuleWithCatalog } from '../catalog/ruleChecks';
import { checkExpression } from './expression';
import type { Finding } from '../base/types';
import type { ParsedYaml } from '../base/yaml/parse';

/**
 * The rule model of a parsed file. Documents of the stream that do not parse
 * are left to yaml/syntax: the parser's recovered tree would only produce
 * echoes of the real mistake.
 */
export function analyzeRules(text: string, parsed: ParsedYaml): RuleFileAnalysis {
  return analyzeRuleFile(text, parsed.documents.filter((document) => document.errors.length === 0));
}

/** A rule file's findings: its shape (rules/*) and every `expr` through the expression checks. */
export function checkRuleFile(text: string, analysis: RuleFileAnalysis, workspace: WorkspaceIndex): Finding[] {
  const findings = [...analysis.findings];
  // Findings come sorted by start; so do rules: one pass finds the rules with shape errors.
  const errors = analysis.findings.filter((f) => f.severity === 'error');
  let nextError = 0;
  for (const rule of analysis.rules) {
    if (rule.expr) findings.push(...checkExpression(rule.expr, { origin: 'rule', workspace }));
    while (nextError < errors.length && (errors[nextError]?.start ?? Infinity) < rule.start) nextError++;
    let broken = false;
    for (let i = nextError; i < errors.length && (errors[i]?.start ?? Infinity) < rule.end; i++) if ((errors[i]?.end ?? Infinity) <= rule.end) broken = true;
    // A rule with shape errors (a `for` that is no duration, ...) is not held to the policy: it would only echo them.
    if (!broken) findings.push(...catalogFindings(text, rule, workspace));
  }
  return findings;
}

/**
 * A rule's catalog findings, remembered by the rule's source text (and its
 * column and group, which the text alone does not show) relative to where the
 * rule starts: typing in one rule of a big file re-checks that rule only, and
 * a rule that merely moved is shifted, not re-checked.
 */
const rememberedRules = new Map<string, { findings: Finding[]; workspace: WorkspaceIndex; stamp: ReadStamp }>();
const REMEMBER_RULES_AT_MOST = 20_000;

function catalogFindings(text: string, rule: RuleModel, workspace: WorkspaceIndex): Finding[] {
  const key = ruleKey(text, rule);
  const known = rememberedRules.get(key);
  if (known && known.workspace === workspace && workspace.stillValid(known.stamp)) {
    // The same rule object with the same remembered findings: placed as last time (rules before an edit).
    const placed = placedFindings.get(rule);
    if (placed?.known === known) return placed.findings;
    const findings = known.findings.map((f) => shiftFinding(f, rule.start));
    placedFindings.set(rule, { known, findings });
    return findings;
  }
  const { value: findings, stamp } = workspace.track(() => guarded(`catalog checks of rule ${rule.name}`, () => checkRuleWithCatalog(rule, workspace)));
  if (rememberedRules.size >= REMEMBER_RULES_AT_MOST) rememberedRules.clear();
  rememberedRules.set(key, { findings: findings.map((f) => shiftFinding(f, -rule.start)), workspace, stamp });
  return findings;
}

const placedFindings = new WeakMap<RuleModel, { known: object; findings: Finding[] }>();

/** Memo keys by the rule they were made for: a rule that only moved keeps its key. */
const ruleKeys = new WeakMap<RuleModel, string>();

function ruleKey(text: string, rule: RuleModel): string {
  const origin = originOfRule(rule);
  let key = ruleKeys.get(origin);
  if (key === undefined) {
    const column = LineIndex.of(text).positionAt(rule.start).character;
    key = `${column}\u0000${rule.group}\u0000${text.slice(rule.start, rule.end)}`;
    ruleKeys.set(origin, key);
  }
  return key;
}

/** What a rule file tells the rest of the workspace. */
export function ruleFileFacts(uri: string, analysis: RuleFileAnalysis): FileFacts {
  return {
    recordingRules: analysis.rules
      .filter((rule) => rule.kind === 'record')
      .map((rule) => ({
        name: rule.name, uri, start: rule.nameEntry.value.start, end: rule.nameEntry.value.end, expr: rule.expr?.value ?? '',
        labels: Object.fromEntries(rule.labels.map((label) => [label.key, label.value.value])),
      })),
  };
}
