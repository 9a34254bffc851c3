/**
 * The registry's checks as the file-kind handlers run them, with what is
 * remembered between validations. One per language service: what it
 * remembers is that service's, never shared with another.
 */
import { createHash } from 'node:crypto';
import { guarded, CHECK_FAILED } from '../base/guard';
import { LineIndex } from '../base/lineIndex';
import type { Finding } from '../base/types';
import { checkPromql, parsePromql, type Tree } from '../promql';
import { toFinding, type ExpressionCheck, type ExpressionContext, type ExpressionOrigin, type ExpressionProblem, type ExpressionSite } from '../promql/site';
import type { RuleModel } from '../rules/model';
import { originOfRule, originOfSite, shiftFinding } from '../rules/shift';
import type { FileCheckContext, RuleCheck } from '../workspace/fileKind';
import type { ReadStamp, WorkspaceIndex } from '../workspace/index';
import { REGISTRY, type AnyFileCheck, type RegisteredCheck } from './registry';
import { t } from '../l10n';

/** Past these many remembered expressions (rules), the memory starts again: a bound, not a policy. */
const REMEMBER_EXPRESSIONS_AT_MOST = 50_000;
const REMEMBER_RULES_AT_MOST = 20_000;

type Remembered<T> = { value: T; workspace: WorkspaceIndex; stamp: ReadStamp };

export class Checks {
  /**
   * Problems of an expression, remembered by its text with what the checks read
   * of the workspace: an edit re-checks only the expressions it changed and those
   * that read a recording rule it changed. Substituted dashboard queries depend
   * on more than their text and are not kept.
   */
  private readonly problems = new Map<string, Remembered<ExpressionProblem[]>>();
  /** The findings last made for a site from its remembered problems (rules before an edit). */
  private readonly placedSites = new WeakMap<ExpressionSite, { problems: ExpressionProblem[]; findings: Finding[] }>();
  /** Memo keys by the site they were made for: a rule that only moved is not keyed (hashed) again. */
  private readonly siteKeys = new WeakMap<object, string>();
  /**
   * A rule's findings, remembered by a digest of the rule's source text with its column and
   * group (which the text alone does not show), relative to where the rule starts:
   * typing in one rule of a big file re-checks that rule only, and a rule that
   * merely moved is shifted, not re-checked.
   */
  private readonly rules = new Map<string, Remembered<Finding[]>>();
  private readonly placedRules = new WeakMap<RuleModel, { known: object; findings: Finding[] }>();
  private readonly ruleKeys = new WeakMap<RuleModel, string>();

  private readonly expressionChecks: readonly ExpressionCheck[];
  private readonly ruleChecks: readonly RuleCheck[];
  private readonly fileChecksByKind = new Map<string, AnyFileCheck[]>();

  /** `registry`: the registry's table, or another one (a test adds a check that throws). */
  constructor(
    private readonly workspace: WorkspaceIndex,
    registry: readonly RegisteredCheck[] = REGISTRY,
  ) {
    this.expressionChecks = registry.filter((check): check is ExpressionCheck => check.meta.on === 'expression');
    this.ruleChecks = registry.filter((check): check is RuleCheck => check.meta.on === 'rule');
    for (const check of registry) {
      if (check.meta.on !== 'file') continue;
      for (const kind of check.meta.fileKinds) this.fileChecksByKind.set(kind, [...(this.fileChecksByKind.get(kind) ?? []), check as AnyFileCheck]);
    }
  }

  readonly expression = (site: ExpressionSite, origin: ExpressionOrigin): Finding[] => {
    const problems = this.problemsOf(site, { origin, workspace: this.workspace });
    const placed = this.placedSites.get(site);
    if (placed?.problems === problems) return placed.findings;
    const findings = problems.map((problem) => toFinding(site, problem));
    this.placedSites.set(site, { problems, findings });
    return findings;
  };

  rule(text: string, rule: RuleModel): Finding[] {
    const { workspace } = this;
    const key = this.ruleKey(text, rule);
    const known = this.rules.get(key);
    if (known && known.workspace === workspace && workspace.stillValid(known.stamp)) {
      const placed = this.placedRules.get(rule);
      if (placed?.known === known) return placed.findings;
      const findings = known.value.map((f) => shiftFinding(f, rule.start));
      this.placedRules.set(rule, { known, findings });
      return findings;
    }
    const { value: findings, stamp } = workspace.track(() => guarded(`rule checks of ${rule.name}`, () => this.runRuleChecks(rule)));
    if (this.rules.size >= REMEMBER_RULES_AT_MOST) this.rules.clear();
    this.rules.set(key, { value: findings.map((f) => shiftFinding(f, -rule.start)), workspace, stamp });
    return findings;
  }

  /** Every file check registered for `kind`, each guarded: one that throws costs its own findings only. */
  fileChecks(kind: string, subject: unknown, context: Omit<FileCheckContext, 'workspace'>): Finding[] {
    const full: FileCheckContext = { ...context, workspace: this.workspace };
    return (this.fileChecksByKind.get(kind) ?? []).flatMap((check) => guarded(check.meta.name, () => check.run(subject, full)));
  }

  private problemsOf(site: ExpressionSite, context: ExpressionContext): ExpressionProblem[] {
    if (site.isSubstituted) return this.computeProblems(site, context);
    const key = this.siteKey(site, context.origin);
    const known = this.problems.get(key);
    if (known && known.workspace === context.workspace && context.workspace.stillValid(known.stamp)) return known.value;
    const { value, stamp } = context.workspace.track(() => this.computeProblems(site, context));
    if (this.problems.size >= REMEMBER_EXPRESSIONS_AT_MOST) this.problems.clear();
    this.problems.set(key, { value, workspace: context.workspace, stamp });
    return value;
  }

  private siteKey(site: ExpressionSite, origin: ExpressionOrigin): string {
    const from = originOfSite(site);
    const prefix = `${origin}\u0000`;
    let key = this.siteKeys.get(from);
    if (key === undefined || !key.startsWith(prefix)) {
      key = this.workspace.caches.keep(`${prefix}${site.value}`);
      this.siteKeys.set(from, key);
    }
    return key;
  }

  private ruleKey(text: string, rule: RuleModel): string {
    const origin = originOfRule(rule);
    let key = this.ruleKeys.get(origin);
    if (key === undefined) {
      const column = LineIndex.of(text, this.workspace.caches).positionAt(rule.start).character;
      // When documents change, the rule's text by its digest: a key holding a slice of this version's
      // text would keep the whole version alive, and a copy of every rule would double a big file.
      const source = text.slice(rule.start, rule.end);
      const { caches } = this.workspace;
      key = caches.keep(`${column}\u0000${rule.group}\u0000${caches.documentsChange ? createHash('sha256').update(source).digest('base64') : source}`);
      this.ruleKeys.set(origin, key);
    }
    return key;
  }

  /**
   * Every problem of one expression. Checks beyond syntax and types only see
   * expressions Prometheus would load: on a broken one they would only echo the
   * real mistake.
   */
  private computeProblems(site: ExpressionSite, context: ExpressionContext): ExpressionProblem[] {
    const problems: ExpressionProblem[] = checkPromql(site.value, this.workspace.caches);
    if (!problems.some((p) => p.severity === 'error')) {
      const tree = parsePromql(site.value, this.workspace.caches);
      const withSite: ExpressionContext = site.isSubstituted ? { ...context, isSubstituted: (from, to) => site.isSubstituted?.(from, to) ?? false } : context;
      for (const check of this.expressionChecks) problems.push(...guardedExpressionCheck(check, site.value, tree, withSite));
    }
    return problems;
  }

  /** The rule checks see the expression's tree only when Prometheus would load the expression. */
  private runRuleChecks(rule: RuleModel): Finding[] {
    const valid = rule.expr && !checkPromql(rule.expr.value, this.workspace.caches).some((p) => p.severity === 'error');
    const tree = valid && rule.expr ? parsePromql(rule.expr.value, this.workspace.caches) : undefined;
    return this.ruleChecks.flatMap((check) => check.run(rule, tree, this.workspace));
  }
}

/** An expression check that throws costs its own problems only, and says so at the expression. */
function guardedExpressionCheck(check: ExpressionCheck, expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  try {
    return check.run(expr, tree, context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        from: 0,
        to: expr.length,
        code: CHECK_FAILED,
        severity: 'warning',
        message: t('check.failedOnExpression', { check: check.meta.name, reason }),
      },
    ];
  }
}
