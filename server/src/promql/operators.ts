/**
 * Checks on calls, aggregations, unary and binary operators: checkAST's
 * Call, AggregateExpr, UnaryExpr and BinaryExpr cases plus newAggregateExpr
 * (prometheus/promql/parser/parse.go).
 */
import { argTypeAt, arityOf, operatorNodes, promqlAggregations, promqlFunctions } from './functionTable';
import type { CheckContext } from './problem';
import { childNamed, childrenNamed, childrenOf, type SyntaxNode } from './parse';
import { exprChildren, firstExprChild, functionName, type PromqlType } from './valueTypes';
import { say } from './messages';

export function checkFunctionCall(node: SyntaxNode, ctx: CheckContext): void {
  const name = functionName(node, ctx.expr);
  const fn = promqlFunctions.get(name);
  // Stryker disable next-line ConditionalExpression: checkSemantics runs only on trees that parsed (index.ts), and checkSyntax reports a call of a function the table does not have
  if (!fn) return;
  const id = childNamed(node, 'FunctionIdentifier');
  if (fn.experimental && id) ctx.experimental(id.from, id.to, 'function', fn.experimental, name);
  const args = exprChildren(childNamed(node, 'FunctionCallBody') ?? node);
  const { min, max } = arityOf(fn);
  if (min === max && args.length !== min) {
    ctx.error(node.from, node.to, say('argCount', { name, want: min, got: args.length, bound: 'exactly' }));
  } else if (args.length < min) {
    ctx.error(node.from, node.to, say('argCount', { name, want: min, got: args.length, bound: 'at least' }));
  } else if (args.length > max) {
    ctx.error(node.from, node.to, say('argCount', { name, want: max, got: args.length, bound: 'at most' }));
  }
  if (name === 'info' && args[1]) checkInfoLabelSelector(args[1], ctx);
  args.forEach((arg, i) => {
    const want = argTypeAt(fn, i);
    const got = ctx.typeOf(arg);
    if (want && got !== want) ctx.error(arg.from, arg.to, say('argType', { name, want, got }));
  });
}

/** info()'s second argument selects info metrics by labels only. */
function checkInfoLabelSelector(arg: SyntaxNode, ctx: CheckContext): void {
  if (arg.name !== 'VectorSelector') ctx.error(arg.from, arg.to, say('infoLabelsOnly'));
  else if (childNamed(arg, 'Identifier')) ctx.error(arg.from, arg.to, say('infoLabelsOnlyGotVector'));
}

export function checkAggregation(node: SyntaxNode, ctx: CheckContext): void {
  const opNode = childNamed(node, 'AggregateOp');
  // Stryker disable next-line ConditionalExpression: checkSemantics runs only on trees that parsed (index.ts), where an aggregation has its operator
  if (!opNode) return;
  const op = ctx.expr.slice(opNode.from, opNode.to).toLowerCase();
  const aggregation = promqlAggregations.get(op);
  // Stryker disable next-line OptionalChaining: lezer-promql parses an aggregation only for the operators it knows, all in the table
  if (aggregation?.experimental) ctx.experimental(opNode.from, opNode.to, 'aggregation', aggregation.experimental, op);
  const args = exprChildren(childNamed(node, 'FunctionCallBody') ?? node);
  // Stryker disable next-line OptionalChaining: lezer-promql parses an aggregation only for the operators it knows, all in the table
  const paramType: PromqlType | undefined = aggregation?.param;
  const want = paramType ? 2 : 1;
  if (args.length === 0) {
    ctx.error(node.from, node.to, say('aggrNoArgs'));
    return;
  }
  if (args.length !== want) {
    ctx.error(node.from, node.to, say('aggrArgCount', { want, got: args.length }));
    return;
  }
  const operand = args[want - 1];
  if (operand && ctx.typeOf(operand) !== 'instant vector') {
    ctx.error(operand.from, operand.to, say('aggrOperandType', { got: ctx.typeOf(operand) }));
  }
  const param = args[0];
  if (paramType && param && ctx.typeOf(param) !== paramType) {
    ctx.error(param.from, param.to, say('aggrParamType', { want: paramType, got: ctx.typeOf(param) }));
  }
}

export function checkUnary(node: SyntaxNode, ctx: CheckContext): void {
  const operand = firstExprChild(node);
  // Stryker disable next-line ConditionalExpression: checkSemantics runs only on trees that parsed (index.ts), where a sign has its operand
  if (!operand) return;
  const t = ctx.typeOf(operand);
  if (t !== 'scalar' && t !== 'instant vector') {
    ctx.error(node.from, node.to, say('unaryType', { got: t }));
  }
}

const COMPARISONS = operatorNodes('comparison');
const SET_OPERATORS = operatorNodes('set');
const OPERATOR_NODES = operatorNodes();

function groupingLabels(node: SyntaxNode | null, expr: string): string[] {
  if (!node) return [];
  return childrenOf(node).map((l) => {
    const text = expr.slice(l.from, l.to);
    return l.name === 'QuotedLabelName' ? text.slice(1, -1) : text;
  });
}

export function checkBinary(node: SyntaxNode, ctx: CheckContext): void {
  const { expr } = ctx;
  const [lhs, rhs] = exprChildren(node);
  const children = childrenOf(node);
  const opNode = children.find((c) => OPERATOR_NODES.has(c.name));
  // Stryker disable next-line ConditionalExpression,LogicalOperator: checkSemantics runs only on trees that parsed (index.ts), where a binary expression has both operands and its operator
  if (!lhs || !rhs || !opNode) return;
  const op = opNode.name;
  const opText = expr.slice(opNode.from, opNode.to).toLowerCase();
  const boolNode = childNamed(node, 'BoolModifier');
  const matching = childNamed(node, 'MatchingModifierClause');
  const fill = childNamed(node, 'FillModifier');
  // Prometheus points at the operator and its modifiers ("opRange").
  const opTo = Math.max(opNode.to, boolNode?.to ?? 0, matching?.to ?? 0, fill?.to ?? 0);
  const lt = ctx.typeOf(lhs);
  const rt = ctx.typeOf(rhs);
  const isComparison = COMPARISONS.has(op);
  const isSet = SET_OPERATORS.has(op);

  if (fill) ctx.experimental(fill.from, fill.to, 'fill', 'promql-binop-fill-modifiers');
  if (boolNode && !isComparison) ctx.error(opNode.from, opTo, say('boolNotComparison'));
  if (isComparison && !boolNode && lt === 'scalar' && rt === 'scalar') {
    ctx.error(opNode.from, opTo, say('scalarComparisonNeedsBool'), [{ title: say('fixUseBool', { op: opText }), edits: [{ start: opNode.to, end: opNode.to, newText: ' bool' }] }]);
  }
  // Stryker disable next-line ArrayDeclaration: without a matching clause no label list is read as one: groupingLabels finds no children in any item of the list
  const labelLists = matching ? childrenNamed(matching, 'GroupingLabels') : [];
  const matchingLabels = groupingLabels(labelLists[0] ?? null, expr);
  const includeLabels = groupingLabels(labelLists[1] ?? null, expr);
  const grouped = !!matching && !!(childNamed(matching, 'GroupLeft') ?? childNamed(matching, 'GroupRight'));
  if (matching && childNamed(matching, 'On')) {
    for (const label of matchingLabels.filter((l) => includeLabels.includes(l))) {
      ctx.error(opNode.from, opTo, say('labelInOnAndGroup', { label }));
    }
  }
  if (lt !== 'scalar' && lt !== 'instant vector') ctx.error(lhs.from, lhs.to, say('binaryTypes'));
  if (rt !== 'scalar' && rt !== 'instant vector') ctx.error(rhs.from, rhs.to, say('binaryTypes'));
  if (lt !== 'instant vector' || rt !== 'instant vector') {
    if (matchingLabels.length > 0) ctx.error(node.from, node.to, say('matchingNeedsVectors'));
    if (fill) ctx.error(node.from, node.to, say('fillNeedsVectors'));
  } else if (isSet) {
    if (grouped) ctx.error(node.from, node.to, say('setGrouping', { op: opText }));
    if (fill) ctx.error(node.from, node.to, say('setFill'));
  }
  if ((lt === 'scalar' || rt === 'scalar') && isSet) {
    ctx.error(node.from, node.to, say('setScalar', { op: opText }));
  }
}
