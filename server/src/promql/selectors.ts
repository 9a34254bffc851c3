/**
 * Checks on selectors and their modifiers: label matchers, ranges, offset and
 * @ — the rules Prometheus applies in newLabelMatcher, the matrix_selector
 * grammar action, addOffset, setTimestamp and checkAST's VectorSelector case
 * (prometheus/promql/parser/parse.go, generated_parser.y).
 */
import type { CheckContext } from './problem';
import { childNamed, childrenNamed, childrenNamedFirst, childrenOf, matcherParts, type SyntaxNode } from './parse';
import { literalSeconds, unquote } from './literals';
import { compileMatcherRegex } from './regex';
import { exprChildren, firstExprChild, functionName, lastExprChild, MODIFIER_NODES } from './valueTypes';
import { say } from './messages';

interface Matcher {
  name: string;
  value: string;
  /** Whether the matcher matches the empty string (then it selects "everything"). */
  matchesEmpty: boolean;
}

function readMatcher(node: SyntaxNode, ctx: CheckContext): Matcher | undefined {
  const { expr } = ctx;
  const { name: nameNode, op: opNode, value: valueNode } = matcherParts(node);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: checkSemantics runs only on trees that parsed (index.ts), where a matcher has its name, operator and value
  if (!nameNode || !opNode || !valueNode) return undefined;
  const rawName = expr.slice(nameNode.from, nameNode.to);
  const name = nameNode.name === 'QuotedLabelName' ? unquote(rawName) : rawName;
  const op = expr.slice(opNode.from, opNode.to);
  const value = unquote(expr.slice(valueNode.from, valueNode.to));
  // = and != here; a regex's is worked out below.
  let matchesEmpty = op === '=' ? value === '' : value !== '';
  if (op === '=~' || op === '!~') {
    // Anchored like Prometheus 3's FastRegexMatcher: ^(?s:re)$.
    const re = compileMatcherRegex(value, ctx.caches);
    if (typeof re === 'string') {
      ctx.error(node.from, node.to, say('badRegex', { error: re }));
      return undefined;
    }
    matchesEmpty = re.matches('') === (op === '=~');
  }
  return { name, value, matchesEmpty };
}

/** Whether this selector is info()'s second argument, which may be label matchers only. */
function isInfoDataSelector(node: SyntaxNode, expr: string): boolean {
  const body = node.parent;
  // Stryker disable next-line OptionalChaining: a selector always has a parent (PromQL wraps the whole expression)
  const call = body?.parent;
  // Only a call has a function name (an aggregation's body has none).
  if (!body || !call) return false;
  return functionName(call, expr) === 'info' && exprChildren(body)[1]?.from === node.from;
}

const SELECTOR_PARTS = ['Identifier', 'LabelMatchers'];

export function checkVectorSelector(node: SyntaxNode, ctx: CheckContext): void {
  const { expr } = ctx;
  const [metric, labelMatchers] = childrenNamedFirst(node, SELECTOR_PARTS);
  const matchers: Matcher[] = [];
  for (let m = (labelMatchers ?? node).firstChild; m; m = m.nextSibling) {
    if (m.name === 'QuotedLabelName') {
      // {"metric.name"}: a metric name inside the braces (Prometheus 3).
      const value = unquote(expr.slice(m.from, m.to));
      matchers.push({ name: '__name__', value, matchesEmpty: value === '' });
      continue;
    }
    // Stryker disable next-line ConditionalExpression: readMatcher gives no matcher for the other children (braces, commas, the metric name): they have no name, operator and value
    if (m.name === 'UnquotedLabelMatcher' || m.name === 'QuotedLabelMatcher') {
      const matcher = readMatcher(m, ctx);
      if (matcher) matchers.push(matcher);
    }
  }
  if (metric) {
    const name = expr.slice(metric.from, metric.to);
    for (const m of matchers) {
      if (m.name === '__name__') ctx.error(node.from, node.to, say('metricNameTwice', { name, other: m.value }));
    }
    return;
  }
  if (isInfoDataSelector(node, expr)) return;
  if (!matchers.some((m) => !m.matchesEmpty)) {
    ctx.error(node.from, node.to, say('emptySelector'));
  }
}

/** The offset of `char` after position `from`, skipping whitespace and comments. */
function findChar(expr: string, from: number, char: string): number {
  const at = expr.indexOf(char, from);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a range's bracket follows the expression it ranges over, so it is found, after position 0
  return at < 0 ? from : at;
}

/** The constant value in seconds of a duration expression, or undefined if it needs step()/range(). */
function durationSeconds(node: SyntaxNode, expr: string): number | undefined {
  // A duration expression's children are a literal; a duration expression (in parentheses); a sign and a duration expression;
  // two duration expressions and an operator; or a call (step()): each shape is told by its first child, so the counts and the
  // later children's names only narrow the types (the conditions below on them are marked as such).
  const kids = childrenOf(node);
  const [a, b, c] = kids;
  // Stryker disable next-line ConditionalExpression,OptionalChaining: the shape is told by the first child (above)
  if (kids.length === 1 && a?.name === 'NumberDurationLiteralInDurationContext') return literalSeconds(expr.slice(a.from, a.to));
  // Stryker disable next-line ConditionalExpression,OptionalChaining: the shape is told by the first child (above); a call's child, step, has no value
  if (kids.length === 1 && a?.name === 'DurationExpr') return durationSeconds(a, expr);
  // Stryker disable next-line ConditionalExpression,OptionalChaining,LogicalOperator: the shape is told by the first child (above)
  if (kids.length === 2 && a?.name === 'UnaryOp' && b) {
    const v = durationSeconds(b, expr);
    return v === undefined ? undefined : expr[a.from] === '-' ? -v : v;
  }
  // Stryker disable next-line ConditionalExpression,OptionalChaining,LogicalOperator: the shape is told by the first child (above); the other shapes fall through to undefined either way
  if (kids.length === 3 && a?.name === 'DurationExpr' && b && c?.name === 'DurationExpr') {
    const l = durationSeconds(a, expr);
    const r = durationSeconds(c, expr);
    if (l === undefined || r === undefined) return undefined;
    const ops: Record<string, number> = { Add: l + r, Sub: l - r, Mul: l * r, Div: l / r, Mod: l % r, Pow: l ** r };
    return ops[b.name];
  }
  return undefined;
}

/** Checks a DurationExpr used as a range or subquery step: it must be a positive duration. */
function checkPositiveDuration(node: SyntaxNode | null | undefined, ctx: CheckContext): void {
  // Stryker disable next-line ConditionalExpression: checkSemantics runs only on trees that parsed (index.ts), where a range has its duration
  if (!node) return;
  const literal = childNamed(node, 'NumberDurationLiteralInDurationContext');
  // Stryker disable next-line LogicalOperator,ConditionalExpression: in lezer-promql a duration expression with a literal child has no other (a sign or an operator wraps its operands in duration expressions)
  const simple = literal && childrenOf(node).length === 1;
  if (!simple) ctx.experimental(node.from, node.to, 'durationExpr', 'promql-duration-expr');
  const seconds = durationSeconds(node, ctx.expr);
  if (seconds !== undefined && !(seconds > 0)) ctx.error(node.from, node.to, say('durationNotPositive'));
}

/** For `a + b[5m]` (see postfixTarget): the operand the range really applies to, and the operator. */
function misassociatedOperand(inner: SyntaxNode): { operand: SyntaxNode; operator: SyntaxNode } | undefined {
  if (!OPERATORS.has(inner.name)) return undefined;
  let operator = inner;
  let operand = lastExprChild(inner);
  while (operand && OPERATORS.has(operand.name)) {
    operator = operand;
    operand = lastExprChild(operand);
  }
  return operand ? { operand, operator } : undefined;
}

/** Prometheus's error for an operator applied to a range vector, e.g. `-foo[5m]` or `a + b[5m:]`. */
function reportRangeOperand(node: SyntaxNode, operand: SyntaxNode, operator: SyntaxNode, ctx: CheckContext): void {
  if (operator.name === 'UnaryExpr') {
    ctx.error(operator.from, node.to, say('unaryType', { got: 'range vector' }));
  } else {
    ctx.error(operand.from, node.to, say('binaryTypes'));
  }
}

export function checkMatrixSelector(node: SyntaxNode, ctx: CheckContext): void {
  const inner = firstExprChild(node);
  // Stryker disable next-line ConditionalExpression: checkSemantics runs only on trees that parsed (index.ts), where a range has the expression it ranges over
  if (!inner) return;
  const split = misassociatedOperand(inner);
  const operand = split?.operand ?? inner;
  const open = findChar(ctx.expr, inner.to, '[');
  const RANGE_ON_NON_SELECTOR = say('rangeOnNonSelector');
  const message =
    operand.name === 'VectorSelector' ? undefined : MODIFIERS.has(operand.name) && unwrapModifiers(operand).name === 'VectorSelector' ? modifierBeforeRange(operand, ctx.expr) : RANGE_ON_NON_SELECTOR;
  if (message) {
    const fixes =
      message === RANGE_ON_NON_SELECTOR && !split && ctx.typeOf(inner) === 'instant vector'
        ? [{ title: say('fixSubquery'), edits: [{ start: node.to - 1, end: node.to - 1, newText: ':' }] }]
        : undefined;
    ctx.error(open, node.to, message, fixes);
  } else if (split) {
    reportRangeOperand(node, split.operand, split.operator, ctx);
  }
  checkPositiveDuration(childNamed(node, 'DurationExpr'), ctx);
}

export function checkSubquery(node: SyntaxNode, ctx: CheckContext): void {
  const inner = firstExprChild(node);
  // Stryker disable next-line ConditionalExpression: checkSemantics runs only on trees that parsed (index.ts), where a subquery has its expression
  if (inner) {
    const split = misassociatedOperand(inner);
    const t = ctx.typeOf(split?.operand ?? inner);
    // Prometheus prints the Go ValueType name here, not the documented one (an instant vector, "vector", is no error).
    const goName = t === 'range vector' ? 'matrix' : t;
    if (t !== 'instant vector') ctx.error(node.from, node.to, say('subqueryType', { got: goName }));
    else if (split) reportRangeOperand(node, split.operand, split.operator, ctx);
  }
  for (const d of childrenNamed(node, 'DurationExpr')) checkPositiveDuration(d, ctx);
}

const MODIFIERS = MODIFIER_NODES;
const OPERATORS = new Set(['BinaryExpr', 'UnaryExpr']);

/**
 * lezer-promql attaches postfix modifiers (offset, @, [range], anchored) to a
 * whole unparenthesized binary or unary expression: `a / b offset 1h` parses
 * as `(a / b) offset 1h`. Prometheus binds them to the rightmost operand, so
 * we walk down to it: the selector or subquery the modifier really modifies.
 */
export function postfixTarget(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (;;) {
    const inner = OPERATORS.has(n.name) ? lastExprChild(n) : MODIFIERS.has(n.name) ? firstExprChild(n) : undefined;
    if (!inner) return n;
    n = inner;
  }
}

/** Whether a modifier of the given kind already sits between `node` and its postfix target. */
function hasModifier(node: SyntaxNode, kind: string): boolean {
  for (let n: SyntaxNode | undefined = node; n && (MODIFIERS.has(n.name) || OPERATORS.has(n.name)); n = OPERATORS.has(n.name) ? lastExprChild(n) : firstExprChild(n)) {
    if (n.name === kind) return true;
  }
  return false;
}

/**
 * What the matrix_selector action of generated_parser.y says of a selector
 * that already carries modifiers: a non-zero offset, then a numeric @
 * timestamp, are refused ("no offset/@ modifiers allowed before range");
 * `@ start()` / `@ end()` set no timestamp and a zero offset no offset, so
 * every released Prometheus accepts `x @ start()[5m]` and `x offset 0s[5m]`.
 */
function modifierBeforeRange(operand: SyntaxNode, expr: string): string | undefined {
  let offset = false;
  let at = false;
  for (let n: SyntaxNode | undefined = operand; n && MODIFIERS.has(n.name); n = firstExprChild(n)) {
    if (n.name === 'OffsetExpr') {
      const duration = childNamed(n, 'OffsetDurationExpr');
      const seconds = duration ? offsetSeconds(duration, expr) : undefined;
      if (seconds !== 0) offset = true;
    } else if (n.name === 'StepInvariantExpr' && !childNamed(n, 'AtModifierPreprocessors')) {
      at = true;
    }
  }
  return offset ? say('offsetBeforeRange') : at ? say('atBeforeRange') : undefined;
}

/** The size of an offset (OffsetDurationExpr: a literal, maybe signed; its sign does not tell whether it is zero), else undefined. */
function offsetSeconds(node: SyntaxNode, expr: string): number | undefined {
  const literal = childNamed(node, 'NumberDurationLiteralInDurationContext');
  if (literal) return literalSeconds(expr.slice(literal.from, literal.to));
  const inner = childNamed(node, 'OffsetDurationExpr');
  return inner ? offsetSeconds(inner, expr) : undefined;
}

/** The selector or subquery under a chain of offset/@/anchored/smoothed modifiers. */
function unwrapModifiers(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (MODIFIERS.has(n.name)) {
    const inner = firstExprChild(n);
    // Stryker disable next-line ConditionalExpression: checkSemantics runs only on trees that parsed (index.ts), where a modifier has the expression it modifies
    if (!inner) break;
    n = inner;
  }
  return n;
}

const SELECTABLE = new Set(['VectorSelector', 'MatrixSelector', 'SubqueryExpr']);

/** Shared rule of addOffset and getAtModifierVars: what the modifier may follow, and only once. */
function checkModifierTarget(node: SyntaxNode, ctx: CheckContext, what: 'offset' | '@', twice: string): boolean {
  const inner = firstExprChild(node);
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: checkSemantics runs only on trees that parsed (index.ts), where a modifier has the expression it modifies
  if (!inner) return false;
  const target = postfixTarget(inner);
  if (!SELECTABLE.has(target.name)) {
    ctx.error(target.from, target.to, say('modifierTarget', { what }));
    return false;
  }
  if (hasModifier(inner, node.name)) {
    ctx.error(node.from, node.to, twice);
    return false;
  }
  return true;
}

export function checkOffset(node: SyntaxNode, ctx: CheckContext): void {
  if (!checkModifierTarget(node, ctx, 'offset', say('offsetTwice'))) return;
  const duration = childNamed(node, 'OffsetDurationExpr');
  if (duration && childNamed(duration, 'DurationExpr')) {
    ctx.experimental(duration.from, duration.to, 'durationExpr', 'promql-duration-expr');
  }
}

const MAX_INT64_SECONDS = 2 ** 63 / 1000;

export function checkAt(node: SyntaxNode, ctx: CheckContext): void {
  if (!checkModifierTarget(node, ctx, '@', say('atTwice'))) return;
  const literal = childNamed(node, 'NumberDurationLiteral');
  if (!literal) return;
  const text = ctx.expr.slice(literal.from, literal.to);
  const ts = literalSeconds(text);
  if (!Number.isFinite(ts) || Math.abs(ts) >= MAX_INT64_SECONDS) {
    ctx.error(node.from, node.to, say('atOutOfBounds', { value: formatGoFloat(ts) }));
  }
}

/** Go's %f for the few values the @ bound check prints. */
function formatGoFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  // Stryker disable next-line EqualityOperator: n is an infinity here, never 0
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  return n.toFixed(6);
}

/** anchored / smoothed (Prometheus 3.7+, promql-extended-range-selectors); see setAnchored in parse.go. */
export function checkRangeSmoothing(node: SyntaxNode, ctx: CheckContext): void {
  const kind = node.name === 'AnchoredExpr' ? 'anchored' : 'smoothed';
  const inner = firstExprChild(node);
  ctx.experimental(node.from, node.to, kind, 'promql-extended-range-selectors');
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: checkSemantics runs only on trees that parsed (index.ts), where a modifier has the expression it modifies
  if (!inner) return;
  const base = postfixTarget(inner);
  if (base.name === 'SubqueryExpr') ctx.error(node.from, node.to, say('smoothingOnSubquery', { kind }));
  else if (base.name !== 'VectorSelector' && base.name !== 'MatrixSelector') ctx.error(node.from, node.to, say('smoothingNotImplemented', { kind }));
  else if (hasModifier(inner, node.name === 'AnchoredExpr' ? 'SmoothedExpr' : 'AnchoredExpr')) {
    ctx.error(node.from, node.to, say('anchoredAndSmoothed'));
  }
}
