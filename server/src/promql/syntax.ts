/**
 * Syntax errors, one per expression: the first of (a) a lexical error found
 * the way Prometheus's lexer finds it, (b) a call to an unknown function, and
 * (c) the first error node lezer-promql's recovery produced. Reporting only
 * the first keeps one mistake from cascading into many diagnostics.
 */
import { closestMatches } from '../base/suggest';
import { promqlFunctions, removedFunctions } from './functionTable';
import { lex, type Token } from './lexer';
import type { PromqlProblem } from './problem';
import { tooDeepForParser, type SyntaxNode, type Tree } from './parse';

function syntaxError(from: number, to: number, message: string): PromqlProblem {
  return { from, to, code: 'promql/syntax', message, severity: 'error' };
}

/** How Prometheus's Item.desc() names a token in "unexpected ..." messages (lex.go). */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'eof': return 'end of input';
    case 'identifier': return `identifier "${t.text}"`;
    case 'number': return `number "${t.text}"`;
    case 'duration': return `duration "${t.text}"`;
    case 'string': return `string ${JSON.stringify(t.text.length > 10 ? `${t.text.slice(0, 10)}...` : t.text)}`;
    case 'keyword': return `<${t.text.toLowerCase()}>`;
    case 'aggregator': return `<aggr:${t.text.toLowerCase()}>`;
    case 'operator': return `<op:${t.text.toLowerCase()}>`;
    default: return `"${t.text}"`;
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
        ...syntaxError(t.from, t.to, `unknown function with name "${t.text}": ${removed.message}`),
        code: 'promql/type',
        fixes: [{ title: `Rename to ${removed.replacement}`, edits: [{ start: t.from, end: t.to, newText: removed.replacement }] }],
      };
    }
    const suggestions = closestMatches(t.text, promqlFunctions.keys());
    const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?)` : '';
    return {
      ...syntaxError(t.from, t.to, `unknown function with name "${t.text}"${hint}`),
      code: 'promql/type',
      ...(suggestions.length > 0
        ? { fixes: suggestions.map((s) => ({ title: `Change to ${s}`, edits: [{ start: t.from, end: t.to, newText: s }] })) }
        : {}),
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
      case 'GroupingLabels': return n.parent?.name === 'AggregateModifier' ? ' in aggregation' : ' in grouping opts';
      case 'AggregateModifier':
      case 'AggregateExpr': return ' in aggregation';
      case 'LabelMatchers':
      case 'UnquotedLabelMatcher':
      case 'QuotedLabelMatcher': return ' in label matching';
      case 'MatrixSelector':
      case 'SubqueryExpr': return ' in subquery or range';
      case 'OffsetExpr': return ' in offset';
      case 'StepInvariantExpr': return ' in @';
      case 'FunctionCallBody':
        return n.parent?.name === 'AggregateExpr' ? ' in aggregation' : '';
      case 'ParenExpr':
      case 'BinaryExpr':
        return '';
    }
  }
  return '';
}

function parseError(tree: Tree, tokens: Token[], expr: string): PromqlProblem | undefined {
  const error = firstErrorNode(tree);
  if (!error) return undefined;
  const index = tokens.findIndex((t) => t.to > error.from || t.kind === 'eof');
  const token = tokens[index] ?? { kind: 'eof', from: expr.length, to: expr.length, text: '' };
  const prev = tokens[index - 1];
  if (token.kind === ')' && prev?.kind === ',') {
    return syntaxError(prev.from, prev.to, 'trailing commas not allowed in function call args');
  }
  return syntaxError(token.from, token.to, `unexpected ${describeToken(token)}${contextOf(error)}`);
}

const TOO_BIG = 'expression too large or too deeply nested to check fully: only lexical errors were checked';

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
  if (tooDeepForParser(tokens)) return error ? syntaxError(error.from, error.to, error.message) : { from: 0, to: expr.length, code: 'promql/syntax', severity: 'information', message: TOO_BIG };
  if (!error && tokens.every((t) => t.kind === 'eof')) {
    return syntaxError(0, expr.length, 'no expression found in input');
  }
  // Each candidate with the offset at which Prometheus would notice it.
  const candidates: { at: number; problem: PromqlProblem }[] = [];
  if (error) candidates.push({ at: error.detectedAt ?? error.from, problem: syntaxError(error.from, error.to, error.message) });
  const unknown = unknownFunction(tokens);
  if (unknown) candidates.push({ at: unknown.from, problem: unknown });
  const parse = parseError(tree, tokens, expr);
  if (parse && isLezerLimit(parse, tokens)) {
    if (candidates.length === 0) return { from: 0, to: expr.length, code: 'promql/syntax', severity: 'information', message: TOO_BIG };
  } else if (parse) {
    candidates.push({ at: parse.from, problem: parse });
  }
  // The earliest wins; on a tie the order above (lexer first) decides.
  let best = candidates[0];
  for (const c of candidates) if (best && c.at < best.at) best = c;
  return best?.problem;
}
