/**
 * PromQL checks for k1s0: syntax and type errors as Prometheus 3 reports
 * them, plus notes for experimental features. Pure: no editor or LSP imports.
 */
import { checkSemantics } from './semantics';
import { checkSyntax } from './syntax';
import { parsePromql } from './parse';
import { TextMemo } from './memo';
import type { PromqlProblem } from './problem';

export type { PromqlProblem, PromqlFix, PromqlCode } from './problem';
export type { FunctionSignature, ValueType } from './functionTable';
export type { PromqlType } from './valueTypes';
export type { Tree, SyntaxNode } from './parse';
export { parsePromql } from './parse';
export { inferType } from './valueTypes';
export { promqlFunctions } from './functionTable';

/**
 * Problems by expression text: they depend on nothing else, and each rule's
 * expression is asked for twice (its own checks, the rule's catalog checks)
 * and again after every edit of its file. The arrays kept are never handed out.
 */
const checked = new TextMemo<readonly PromqlProblem[]>(4096);
const NO_PROBLEMS: readonly PromqlProblem[] = Object.freeze([]);

/** All problems in expr, sorted by position. Never throws. The array is the caller's (a fresh one each call). */
export function checkPromql(expr: string): PromqlProblem[] {
  const known = checked.get(expr);
  if (known) return known.slice();
  try {
    const tree = parsePromql(expr);
    const syntax = checkSyntax(expr, tree);
    // Like Prometheus, type-check only expressions that parsed.
    const problems = syntax ? [syntax] : checkSemantics(tree, expr);
    problems.sort((a, b) => a.from - b.from || a.to - b.to);
    // Only answers that ran to the end are kept: an internal error (a stack overflow in a busy process) may not recur.
    checked.set(expr, problems.length ? problems.slice() : NO_PROBLEMS);
    return problems;
  } catch (e) {
    // A bug in a check must not take the editor down; surface it instead.
    const message = e instanceof Error ? e.message : String(e);
    return [{ from: 0, to: expr.length, code: 'promql/syntax', severity: 'error', message: `internal error while checking PromQL: ${message}` }];
  }
}
