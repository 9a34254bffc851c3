/**
 * The type and semantic checks Prometheus runs after parsing (checkAST and
 * the grammar actions), over the lezer tree in one post-order walk: children
 * are typed before their parents, without recursion.
 */
import type { Caches } from '../base/caches';
import type { CheckContext, PromqlFix, PromqlProblem } from './problem';
import { nodeKeyFor, treeNodes, type SyntaxNode, type Tree } from './parse';
import { checkAggregation, checkBinary, checkFunctionCall, checkUnary } from './operators';
import { checkAt, checkMatrixSelector, checkOffset, checkRangeSmoothing, checkSubquery, checkVectorSelector } from './selectors';
import { TYPED_NODES, typeOfNode, type PromqlType } from './valueTypes';
import { say, type ExperimentalWhat } from './messages';

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

/**
 * The nodes the walk needs: those checked, and those with a type (every
 * other node is typed 'none'). The catalog checks' nodes are among them, so
 * they read the same walk of a tree (treeNodes).
 */
export const SEMANTIC_NODES: ReadonlySet<string> = new Set([...Object.keys(CHECKS), ...TYPED_NODES]);

export function checkSemantics(tree: Tree, expr: string, caches?: Caches): PromqlProblem[] {
  const types = new Map<number | string, PromqlType>();
  const nodeKey = nodeKeyFor(expr.length);
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
    // Stryker disable next-line ObjectLiteral: the caches only spare compiling a regex again; a check without them finds the same problems
    ...(caches ? { caches } : {}),
    // Stryker disable next-line StringLiteral: the checks ask the type of expression nodes only, and the walk types every one of them (TYPED_NODES) before its parent
    typeOf: (n) => types.get(nodeKey(n)) ?? 'none',
    error(from: number, to: number, message: string, fixes?: PromqlFix[]) {
      add({ from, to, code: 'promql/type', message, severity: 'error', ...(fixes ? { fixes } : {}) });
    },
    experimental(from: number, to: number, what: ExperimentalWhat, flag: string, name?: string) {
      add({
        from,
        to,
        code: 'promql/type',
        severity: 'information',
        // Stryker disable next-line ConditionalExpression: experimentalEn and experimentalJa (messages.ts) default a missing name, so { name: undefined } says the same
        message: say('experimental', { flag, what, ...(name !== undefined ? { name } : {}) }),
      });
    },
  };
  for (const node of treeNodes(tree, SEMANTIC_NODES)) {
    CHECKS[node.name]?.(node, ctx);
    types.set(nodeKey(node), typeOfNode(node, expr, ctx.typeOf));
  }
  return problems;
}
