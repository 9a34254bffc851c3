/**
 * Syntax errors, one per expression: the first of (a) a lexical error found
 * the way Prometheus's lexer finds it, (b) a call to an unknown function, and
 * (c) the first error node lezer-promql's recovery produced. Reporting only
 * the first keeps one mistake from cascading into many diagnostics.
 */
import { closestMatches } from '../base/suggest';
import { promqlFunctions, removedFunctions } from './functionTable';
import { lex, type LexError, type Token } from './lexer';
import type { PromqlProblem } from './problem';
import { collectPostOrder, tooDeepForParser, type SyntaxNode, type Tree } from './parse';
import { parseDurationMs, unquote } from './literals';
import { say } from './messages';

function syntaxError(from: number, to: number, message: string): PromqlProblem {
  return { from, to, code: 'promql/syntax', message, severity: 'error' };
}

/** How Prometheus's Item.desc() names a token in "unexpected ..." messages (lex.go). */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'end of input';
    case 'identifier':
      return `identifier "${t.text}"`;
    case 'number':
      return `number "${t.text}"`;
    case 'duration':
      return `duration "${t.text}"`;
    case 'string':
      return `string ${JSON.stringify(t.text.length > 10 ? `${t.text.slice(0, 10)}...` : t.text)}`;
    case 'keyword':
      return `<${t.text.toLowerCase()}>`;
    case 'aggregator':
      return `<aggr:${t.text.toLowerCase()}>`;
    case 'operator':
      return `<op:${t.text.toLowerCase()}>`;
    default:
      return `"${t.text}"`;
  }
}

/** Calls to functions Prometheus 3 does not know, with did-you-mean fixes. */
function unknownFunction(tokens: Token[]): PromqlProblem | undefined {
  let bracketDepth = 0;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === '[') bracketDepth++;
    if (t.kind === ']') bracketDepth--;
    // Inside [...] and after offset, names like step() / min_of() are duration functions.
    const prev = tokens[i - 1];
    if (t.kind !== 'identifier' || tokens[i + 1]?.kind !== '(' || bracketDepth > 0 || prev?.text.toLowerCase() === 'offset') continue;
    if (promqlFunctions.has(t.text)) continue;
    const removed = removedFunctions.get(t.text);
    if (removed) {
      return {
        ...syntaxError(t.from, t.to, say('removedFunction', { name: t.text, replacement: removed.replacement, removedIn: removed.removedIn, message: removed.message })),
        code: 'promql/type',
        fixes: [{ title: say('fixRename', { name: removed.replacement }), edits: [{ start: t.from, end: t.to, newText: removed.replacement }] }],
      };
    }
    const suggestions = closestMatches(t.text, promqlFunctions.keys());
    return {
      ...syntaxError(t.from, t.to, say('unknownFunction', { name: t.text, suggestions })),
      code: 'promql/type',
      ...(suggestions.length > 0 ? { fixes: suggestions.map((s) => ({ title: say('fixChange', { name: s }), edits: [{ start: t.from, end: t.to, newText: s }] })) } : {}),
    };
  }
  return undefined;
}

function firstErrorNode(tree: Tree): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  tree.iterate({
    enter(n) {
      if (found) return false;
      if (n.type.isError) {
        found = n.node;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

/** The grammar context Prometheus names after "unexpected X in ...". */
function contextOf(node: SyntaxNode): string {
  for (let n: SyntaxNode | null = node.parent; n; n = n.parent) {
    switch (n.name) {
      case 'GroupingLabels':
        return n.parent?.name === 'AggregateModifier' ? ' in aggregation' : ' in grouping opts';
      case 'AggregateModifier':
      case 'AggregateExpr':
        return ' in aggregation';
      case 'LabelMatchers':
      case 'UnquotedLabelMatcher':
      case 'QuotedLabelMatcher':
        return ' in label matching';
      case 'MatrixSelector':
      case 'SubqueryExpr':
        return ' in subquery or range';
      case 'OffsetExpr':
        return ' in offset';
      case 'StepInvariantExpr':
        return ' in @';
      case 'FunctionCallBody':
        return n.parent?.name === 'AggregateExpr' ? ' in aggregation' : '';
      case 'ParenExpr':
      case 'BinaryExpr':
        return '';
    }
  }
  return '';
}

/**
 * The `(`, `[` or `{` that is never closed and was opened last before `at`: what
 * a parse error there usually comes from (`sum(rate(x[5m]) by (job)`). Only
 * when the lexer read the whole expression (no error, or an unclosed bracket at
 * its end); matched the way the lexer counts, each kind on its own.
 */
function unclosedBefore(tokens: readonly Token[], lexError: LexError | undefined, at: number): Token | undefined {
  if (lexError && lexError.detectedAt === undefined) return undefined;
  const open: Token[] = [];
  for (const t of tokens) {
    if (t.kind === '(' || t.kind === '[' || t.kind === '{') open.push(t);
    else if (t.kind === ')' || t.kind === ']' || t.kind === '}') {
      const opener = CLOSES[t.kind];
      for (let i = open.length - 1; i >= 0; i--) {
        if (open[i]?.kind !== opener) continue;
        open.splice(i, 1);
        break;
      }
    }
  }
  let last: Token | undefined;
  for (const o of open) if (o.from < at) last = o;
  return last;
}

const CLOSES = { ')': '(', ']': '[', '}': '{' } as const;

/** The hint naming an unclosed bracket, as the message's tail and as related information. */
function withUnclosed(problem: PromqlProblem, opener: Token, expr: string): PromqlProblem {
  const before = expr.slice(0, opener.from);
  const line = before.split('\n').length;
  const column = opener.from - (before.lastIndexOf('\n') + 1) + 1;
  const bracket = opener.text;
  const hint = expr.includes('\n') ? say('unclosedAtLine', { bracket, line, column }) : say('unclosedAtColumn', { bracket, column });
  return { ...problem, message: say('withHint', { message: problem.message, hint }), related: [{ from: opener.from, to: opener.to, message: say('unclosedHere', { bracket }) }] };
}

function parseError(tree: Tree, tokens: Token[], expr: string, lexError: LexError | undefined): PromqlProblem | undefined {
  const error = firstErrorNode(tree);
  if (!error) return undefined;
  const index = tokens.findIndex((t) => t.to > error.from || t.kind === 'eof');
  const token = tokens[index] ?? { kind: 'eof', from: expr.length, to: expr.length, text: '' };
  const prev = tokens[index - 1];
  if (token.kind === ')' && prev?.kind === ',') {
    return syntaxError(prev.from, prev.to, say('trailingComma'));
  }
  const problem = syntaxError(token.from, token.to, say('unexpected', { desc: describeToken(token), kind: token.kind, text: token.text, context: contextOf(error) }));
  const opener = unclosedBefore(tokens, lexError, token.from);
  return opener ? withUnclosed(problem, opener, expr) : problem;
}

const ACTION_NODES: ReadonlySet<string> = new Set(['NumberDurationLiteral', 'NumberDurationLiteralInDurationContext', 'LabelName', 'QuotedLabelName', 'Identifier']);

/** 2^63 nanoseconds in seconds: generated_parser.y's `1<<63/1e9`, the bound of a duration given as a number. */
const MAX_DURATION_SECONDS = 2 ** 63 / 1e9;
const MAX_DURATION_MS = 2 ** 63 / 1e6;

/**
 * The errors the grammar actions of generated_parser.y (Prometheus 3) add
 * while parsing, which lezer-promql's grammar does not know:
 * - `number()`: strconv.ParseInt, then ParseFloat, of a number literal — a
 *   decimal beyond ±1.8e308 is out of range; a hex literal beyond int64 is
 *   not a Go float at all (no `p` exponent);
 * - `model.ParseDuration`: a duration with units beyond 2^63 ns;
 * - `duration_expr` / `offset_duration_expr`: a number used as a range,
 *   step or offset beyond 2^63 ns ("duration out of range");
 * - `grouping_label`: `without` is no label (maybe_label lacks WITHOUT),
 *   `Inf` / `NaN` are numbers, and `""` is no valid label name;
 * - `metric_identifier` lacks ATAN2: `atan2` is an operator, never a metric.
 */
function grammarActionError(tree: Tree, expr: string): PromqlProblem | undefined {
  for (const node of collectPostOrder(tree.topNode, ACTION_NODES)) {
    const text = expr.slice(node.from, node.to);
    switch (node.name) {
      case 'NumberDurationLiteral':
      case 'NumberDurationLiteralInDurationContext': {
        // lezer may fold a sign into the literal ("-Inf", "- 1"); Prometheus's NUMBER has none.
        const sign = /^[-+\s]*/.exec(text)?.[0].length ?? 0;
        const problem = literalError(text.slice(sign), node.name === 'NumberDurationLiteralInDurationContext');
        if (problem) return syntaxError(node.from + sign, node.to, problem);
        break;
      }
      case 'LabelName': {
        if (node.parent?.name !== 'GroupingLabels') break;
        const lower = text.toLowerCase();
        if (lower === 'without') return syntaxError(node.from, node.to, say('withoutAsLabel'));
        if (lower === 'inf' || lower === 'nan') return syntaxError(node.from, node.to, say('numberAsLabel', { text }));
        break;
      }
      case 'QuotedLabelName':
        if (node.parent?.name === 'GroupingLabels' && unquote(text) === '') return syntaxError(node.from, node.to, say('emptyGroupingLabel'));
        break;
      case 'Identifier':
        if (node.parent?.name === 'VectorSelector' && text.toLowerCase() === 'atan2') {
          return syntaxError(node.from, node.to, say('unexpected', { desc: '<op:atan2>', kind: 'operator', text: 'atan2', context: contextOf(node) }));
        }
        break;
    }
  }
  return undefined;
}

/** What Prometheus 3 says of one number or duration literal, if it refuses it. */
function literalError(text: string, durationContext: boolean): string | undefined {
  if (/^\d[\d_]*(?:ms|[smhdwy])/.test(text) && !/^0x/i.test(text)) {
    const ms = parseDurationMs(text);
    return ms !== undefined && ms >= MAX_DURATION_MS ? say('durationOutOfRange') : undefined;
  }
  if (/^0x/i.test(text)) {
    const digits = text.slice(2).replace(/_/g, '');
    if (/^[0-9a-f]+$/i.test(digits) && BigInt(`0x${digits}`) >= 2n ** 63n) return say('hexNotAFloat', { text });
    return undefined;
  }
  const lower = text.toLowerCase();
  if (lower === 'inf' || lower === 'nan') return durationContext && lower === 'inf' ? say('durationOutOfRange') : undefined;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isFinite(value)) return say('numberOutOfRange', { text });
  if (durationContext && value > MAX_DURATION_SECONDS) return say('durationOutOfRange');
  return undefined;
}

const tooBig = (): string => say('tooBig');

/**
 * lezer's LR parser gives up on very deep or very long left-associative
 * trees (see Recover.MinBigReduction in @lezer/lr) and reports an error there,
 * although the text is fine. Such errors far into huge inputs are not trusted.
 */
function isLezerLimit(problem: PromqlProblem, tokens: Token[]): boolean {
  if (problem.from < 2000) return false;
  let depth = 0;
  let maxDepth = 0;
  for (const t of tokens) {
    if (t.kind === '(') maxDepth = Math.max(maxDepth, ++depth);
    else if (t.kind === ')') depth--;
  }
  return tokens.length >= 1000 || maxDepth >= 1000;
}

/** The first syntax error of expr, if any. */
export function checkSyntax(expr: string, tree: Tree): PromqlProblem | undefined {
  const { tokens, error } = lex(expr);
  // Not parsed (see tooDeepForParser): the lexer's verdict is all there is.
  if (tooDeepForParser(tokens)) return error ? syntaxError(error.from, error.to, error.message) : { from: 0, to: expr.length, code: 'promql/syntax', severity: 'information', message: tooBig() };
  if (!error && tokens.every((t) => t.kind === 'eof')) {
    return syntaxError(0, expr.length, say('noExpression'));
  }
  // Each candidate with the offset at which Prometheus would notice it.
  const candidates: { at: number; problem: PromqlProblem }[] = [];
  if (error) candidates.push({ at: error.detectedAt ?? error.from, problem: syntaxError(error.from, error.to, error.message) });
  const unknown = unknownFunction(tokens);
  if (unknown) candidates.push({ at: unknown.from, problem: unknown });
  const parse = parseError(tree, tokens, expr, error);
  const action = parse ? undefined : grammarActionError(tree, expr);
  if (action) candidates.push({ at: action.from, problem: action });
  if (parse && isLezerLimit(parse, tokens)) {
    if (candidates.length === 0) return { from: 0, to: expr.length, code: 'promql/syntax', severity: 'information', message: tooBig() };
  } else if (parse) {
    candidates.push({ at: parse.from, problem: parse });
  }
  // The earliest wins; on a tie the order above (lexer first) decides.
  let best = candidates[0];
  for (const c of candidates) if (best && c.at < best.at) best = c;
  return best?.problem;
}
