import { checkPromql, parsePromql, type Tree } from '../promql';
import type { ReadStamp, WorkspaceIndex } from '../workspace/index';
import { CATALOG_CHECKS } from '../catalog/checks';
import type { Finding, Severity } from '../base/types';
import { CHECK_FAILED } from '../base/guard';
import { originOfSite } from '../rules/shift';

/** Where a PromQL expression sits in a document, and how its offsets map back. */
export interface ExpressionSite {
  /** The expression as Prometheus would read it (YAML/JSON escapes decoded). */
  value: string;
  /** Document range [start, end) of the source of `value[from..to)`. */
  toDocumentRange(from: number, to: number): [number, number];
  /**
   * Whether `value[from..to)` overlaps text that is not the user's own but a
   * stand-in (a Grafana `$variable` replaced by a representative value):
   * checks of names and values skip those parts.
   */
  isSubstituted?(from: number, to: number): boolean;
}

/** What an expression check may know beyond the text: who holds it and the workspace. */
export interface ExpressionContext {
  origin: 'rule' | 'dashboard' | 'promql';
  workspace: WorkspaceIndex;
  /** Set by checkExpression from the site: whether `value[from..to)` is a stand-in (see ExpressionSite). */
  isSubstituted?(from: number, to: number): boolean;
}

/** A finding of an expression check, in expression offsets. */
export interface ExpressionProblem {
  from: number;
  to: number;
  code: string;
  message: string;
  severity: Severity;
  fixes?: { title: string; preferred?: boolean; edits: { start: number; end: number; newText: string }[] }[];
}

/** A check over an expression that parsed and type-checked (catalog, lints). */
export type ExpressionCheck = (expr: string, tree: Tree, context: ExpressionContext) => ExpressionProblem[];

/** Checks that run after syntax and types passed; later areas (catalog, lints) add theirs here. */
export const EXPRESSION_CHECKS: ExpressionCheck[] = [...CATALOG_CHECKS];

/**
 * Every problem of one expression, moved from expression offsets to document
 * offsets. Checks beyond syntax and types only see expressions Prometheus
 * would load: on a broken one they would only echo the real mistake.
 */
export function checkExpression(site: ExpressionSite, context: ExpressionContext): Finding[] {
  const problems = problemsOf(site, context);
  // The same site with the same remembered problems: the findings made last time (rules before an edit).
  const placed = findingsOfSite.get(site);
  if (placed?.problems === problems) return placed.findings;
  const findings = problems.map((problem) => toFinding(site, problem));
  findingsOfSite.set(site, { problems, findings });
  return findings;
}

const findingsOfSite = new WeakMap<ExpressionSite, { problems: ExpressionProblem[]; findings: Finding[] }>();

/**
 * Problems of an expression, remembered by its text with what the checks read
 * of the workspace: an edit re-checks only the expressions it changed and those
 * that read a recording rule it changed. Substituted dashboard queries depend
 * on more than their text and are not kept.
 */
const remembered = new Map<string, { problems: ExpressionProblem[]; workspace: WorkspaceIndex; stamp: ReadStamp }>();
const REMEMBER_AT_MOST = 50_000;

function problemsOf(site: ExpressionSite, context: ExpressionContext): ExpressionProblem[] {
  if (site.isSubstituted || context.isSubstituted) return computeProblems(site, context);
  const key = keyOf(site, context.origin);
  const known = remembered.get(key);
  if (known && known.workspace === context.workspace && context.workspace.stillValid(known.stamp)) return known.problems;
  const { value: problems, stamp } = context.workspace.track(() => computeProblems(site, context));
  if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
  remembered.set(key, { problems, workspace: context.workspace, stamp });
  return problems;
}

/** Memo keys by the site they were made for: a rule that only moved is not keyed (hashed) again. */
const keys = new WeakMap<object, string>();

function keyOf(site: ExpressionSite, origin: ExpressionContext['origin']): string {
  const from = originOfSite(site);
  const prefix = `${origin}\u0000`;
  let key = keys.get(from);
  if (key === undefined || !key.startsWith(prefix)) {
    key = `${prefix}${site.value}`;
    keys.set(from, key);
  }
  return key;
}

function computeProblems(site: ExpressionSite, context: ExpressionContext): ExpressionProblem[] {
  const problems: ExpressionProblem[] = checkPromql(site.value);
  if (!problems.some((p) => p.severity === 'error')) {
    const tree = parsePromql(site.value);
    const withSite: ExpressionContext = site.isSubstituted ? { ...context, isSubstituted: (from, to) => site.isSubstituted?.(from, to) ?? false } : context;
    for (const check of EXPRESSION_CHECKS) problems.push(...guardedCheck(check, site.value, tree, withSite));
  }
  return problems;
}

/** An expression check that throws costs its own problems only, and says so at the expression. */
function guardedCheck(check: ExpressionCheck, expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  try {
    return check(expr, tree, context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ from: 0, to: expr.length, code: CHECK_FAILED, severity: 'warning', message: `The ${check.name || 'expression'} check failed on this expression and was skipped; the other checks ran. Internal error: ${reason}. Please report it.` }];
  }
}

/** A problem in expression offsets, moved to the document (its fixes too). */
export function toFinding(site: ExpressionSite, problem: ExpressionProblem): Finding {
  const [start, end] = site.toDocumentRange(problem.from, problem.to);
  const finding: Finding = { start, end, code: problem.code, message: problem.message, severity: problem.severity };
  if (problem.fixes?.length) {
    finding.fixes = problem.fixes.map((fix) => ({
      title: fix.title,
      ...(fix.preferred ? { preferred: true } : {}),
      edits: fix.edits.map((edit) => {
        const [editStart, editEnd] = site.toDocumentRange(edit.start, edit.end);
        return { start: editStart, end: editEnd, newText: edit.newText };
      }),
    }));
  }
  return finding;
}
