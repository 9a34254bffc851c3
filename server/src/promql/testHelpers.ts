/** Shared helpers for the promql unit tests. */
import assert from 'node:assert/strict';
import { checkPromql, type PromqlProblem } from './index';

type Expected = Pick<PromqlProblem, 'from' | 'to' | 'message'> & Partial<Pick<PromqlProblem, 'code' | 'severity'>>;

/** Asserts expr yields exactly one problem with this range and message (code defaults to promql/type, severity to error). */
export function assertOnly(expr: string, expected: Expected): PromqlProblem {
  const problems = checkPromql(expr);
  assert.equal(problems.length, 1, `${expr}: ${JSON.stringify(problems)}`);
  const [p] = problems as [PromqlProblem];
  assert.deepEqual(
    { from: p.from, to: p.to, message: p.message, code: p.code, severity: p.severity },
    { from: expected.from, to: expected.to, message: expected.message, code: expected.code ?? 'promql/type', severity: expected.severity ?? 'error' },
    expr,
  );
  return p;
}

export function assertClean(expr: string): void {
  assert.deepEqual(checkPromql(expr), [], expr);
}
