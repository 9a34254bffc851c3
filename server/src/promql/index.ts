/**
 * PromQL checks for k1s0: syntax and type errors as Prometheus 3 reports
 * them, plus notes for experimental features. Pure: no editor or LSP imports.
 */
import { checkSemantics } from './semantics';
import { checkSyntax } from './syntax';
import { parsePromql } from './parse';
import type { PromqlProblem } from './problem';

export type { PromqlProblem, PromqlFix, PromqlCode } from './problem';
export type { FunctionSignature, ValueType } from './functionTable';
export type { PromqlType } from './valueTypes';
export type { Tree, SyntaxNode } from './parse';
export { parsePromql } from './parse';
export { inferType } from './valueTypes';
export { promqlFunctions } from './functionTable';

/** All problems in expr, sorted by position. Never throws. */
export function checkPromql(expr: string): PromqlProblem[] {
  try {
    const tree = parsePromql(expr);
    const syntax = checkSyntax(expr, tree);
    // Like Prometheus, type-check only expressions that parsed.
    const problems = syntax ? [syntax] : checkSemantics(tree, expr);
    return problems.sort((a, b) => a.from - b.from || a.to - b.to);
  } catch (e) {
    // A bug in a check must not take the editor down; surface it instead.
    const message = e instanceof Error ? e.message : String(e);
    return [{ from: 0, to: expr.length, code: 'promql/syntax', severity: 'error', message: `internal error while checking PromQL: ${message}` }];
  }
}
