/**
 * The type and semantic checks Prometheus runs after parsing (checkAST and
 * the grammar actions), over the lezer tree in one post-order walk: children
 * are typed before their parents, without recursion.
 */
import type { CheckContext, PromqlFix, PromqlProblem } from './problem';
import { nodeKey, visitPostOrder, type SyntaxNode, type Tree } from './parse';
import { checkAggregation, checkBinary, checkFunctionCall, checkUnary } from './operators';
import { checkAt, checkMatrixSelector, checkOffset, checkRangeSmoothing, checkSubquery, checkVectorSelector } from './selectors';
import { typeOfNode, type PromqlType } from './valueTypes';

const CHECKS: Record<string, (node: SyntaxNode, ctx: CheckContext) => void> = {
  VectorSelector: checkVectorSelector,
  MatrixSelector: checkMatrixSelector,
  SubqueryExpr: checkSubquery,
  OffsetExpr: checkOffset,
  StepInvariantExpr: checkAt,
  AnchoredExpr: checkRangeSmoothing,
  SmoothedExpr: checkRangeSmoothing,
  FunctionCall: checkFunctionCall,
  AggregateExpr: checkAggregation,
  UnaryExpr: checkUnary,
  BinaryExpr: checkBinary,
};

export function checkSemantics(tree: Tree, expr: string): PromqlProblem[] {
  const types = new Map<string, PromqlType>();
  const problems: PromqlProblem[] = [];
  const seen = new Set<string>();
  const add = (p: PromqlProblem): void => {
    const key = `${p.from}:${p.to}:${p.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(p);
  };
  const ctx: CheckContext = {
    expr,
    typeOf: (n) => types.get(nodeKey(n)) ?? 'none',
    error(from: number, to: number, message: string, fixes?: PromqlFix[]) {
      add({ from, to, code: 'promql/type', message, severity: 'error', ...(fixes ? { fixes } : {}) });
    },
    experimental(from: number, to: number, what: string, flag: string) {
      add({
        from, to, code: 'promql/type', severity: 'information',
        message: `experimental in Prometheus 3, needs --enable-feature=${flag}: ${what}`,
      });
    },
  };
  visitPostOrder(tree.topNode, (node) => {
    CHECKS[node.name]?.(node, ctx);
    const t = typeOfNode(node, expr, ctx.typeOf);
    if (t !== 'none') types.set(nodeKey(node), t);
  });
  return problems;
}
