/**
 * A PromQL expression where it sits in a document, and the contract of the
 * checks that run on one (the registry's `expression` checks).
 */
import type { CheckMeta } from '../base/check';
import type { Finding, Severity } from '../base/types';
import type { WorkspaceIndex } from '../workspace/index';
import type { Tree } from './parse';

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

/** Who holds an expression: a rule file's `expr`, a dashboard target, a `.promql` file. */
export type ExpressionOrigin = 'rule' | 'dashboard' | 'promql';

/** What an expression check may know beyond the text: who holds it and the workspace. */
export interface ExpressionContext {
  origin: ExpressionOrigin;
  workspace: WorkspaceIndex;
  /** Set from the site: whether `value[from..to)` is a stand-in (see ExpressionSite). */
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
  /** Other places in the expression that explain the problem. */
  related?: { from: number; to: number; message: string }[];
}

/** A check over an expression that parsed and type-checked (catalog, lints): one module, one registry line. */
export interface ExpressionCheck {
  meta: CheckMeta & { on: 'expression' };
  run(expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[];
}

/** Checks every PromQL expression of a site: syntax, types and the registry's expression checks. */
export type CheckExpression = (site: ExpressionSite, origin: ExpressionOrigin) => Finding[];

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
  if (problem.related?.length) {
    finding.related = problem.related.map((related) => {
      const [relatedStart, relatedEnd] = site.toDocumentRange(related.from, related.to);
      return { start: relatedStart, end: relatedEnd, message: related.message };
    });
  }
  return finding;
}
