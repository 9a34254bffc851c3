import type { Document, Node } from 'yaml';
import type { Caches } from '../base/caches';
import type { Finding } from '../base/types';
import { findRuleGroups } from './detect';
import { checkDuplicates } from './duplicate';
import type { GroupModel, RuleModel } from './model';
import { checkStructure } from './structure';
import { checkTemplates } from './template';

export interface RuleFileAnalysis {
  /** rules/structure, rules/duplicate and rules/template findings, in document order. */
  findings: Finding[];
  rules: RuleModel[];
  groups: GroupModel[];
}

/**
 * Reads the rule groups of a parsed YAML stream (plain rule files and
 * PrometheusRule resources), checks them and returns the located model.
 * Documents that are not rule files contribute nothing.
 */
export function analyzeRuleFile(text: string, docs: readonly Document.Parsed[], resolveRule?: (item: Node | null) => Node | null, caches?: Caches): RuleFileAnalysis {
  const { findings: structure, groups } = checkStructure(text, findRuleGroups(docs), resolveRule);
  const rules = groups.flatMap((group) => group.rules);
  const findings = [...structure, ...checkDuplicates(text, rules, caches), ...checkTemplates(rules, caches)];
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  return { findings, rules, groups };
}

export { findRuleGroups, isRuleDocument, ruleFileKind } from './detect';
export type { ExprSite, EntrySite, GroupModel, RuleKind, RuleModel, ScalarSite } from './model';
