/**
 * A small PromQL tokenizer that mirrors the lexer of Prometheus
 * (prometheus/promql/parser/lex.go). lezer-promql recovers from lexical
 * mistakes silently or in odd places, so we lex first to report them the way
 * Prometheus does ("unterminated quoted string", "unclosed left parenthesis",
 * "bad number or duration syntax", ...), and keep the tokens to describe the
 * token a parse error stopped at.
 */
import { promqlAggregations } from './functionTable';
import { say } from './messages';

export type TokenKind = 'identifier' | 'keyword' | 'aggregator' | 'operator' | 'number' | 'duration' | 'string' | '(' | ')' | '{' | '}' | '[' | ']' | ',' | ':' | '@' | 'eof';

export interface Token {
  kind: TokenKind;
  from: number;
  to: number;
  text: string;
}

export interface LexError {
  from: number;
  to: number;
  message: string;
  /** Where Prometheus's lexer notices the error: end of input for unclosed brackets. */
  detectedAt?: number;
}

export interface LexResult {
  tokens: Token[];
  error?: LexError;
}

const KEYWORDS = new Set(['bool', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'start', 'end', 'smoothed', 'anchored', 'fill', 'fill_left', 'fill_right']);
const AGGREGATORS: ReadonlySet<string> = new Set(promqlAggregations.keys());
const WORD_OPERATORS = new Set(['and', 'or', 'unless', 'atan2']);
// Longest first, so "==" wins over "=".
const SYMBOL_OPERATORS = ['==', '!=', '<=', '>=', '</', '>/', '=~', '!~', '+', '-', '*', '/', '%', '^', '<', '>', '='];
const SIMPLE_ESCAPES = new Set(['a', 'b', 'f', 'n', 'r', 't', 'v', '\\']);
const DURATION_RE = /^(?:\d+(?:ms|[smhdwy]))+/;
const VALID_DURATION_RE = /^(?:\d+y)?(?:\d+w)?(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?(?:\d+ms)?$/;
const NUMBER_RE = /^(?:0[xX][0-9a-fA-F]+|(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?)/;

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
// Character codes rather than regexes: these run for every character of every expression.
const isAlphaCode = (n: number): boolean => (n >= 97 && n <= 122) || (n >= 65 && n <= 90) || n === 95;
/** [A-Za-z_] for one character ('' is none). */
const isAlpha = (c: string): boolean => c.length === 1 && isAlphaCode(c.charCodeAt(0));
/** [A-Za-z0-9_] for one character ('' is none). */
const isAlnum = (c: string): boolean => {
  if (c.length !== 1) return false;
  const n = c.charCodeAt(0);
  return isAlphaCode(n) || (n >= 48 && n <= 57);
};
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Go's %q for a single character, enough for error messages. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '\0') return "'\\x00'";
  if (c === '\n') return "'\\n'";
  return `'${c}'`;
}

export function isValidDuration(text: string): boolean {
  return text !== '' && VALID_DURATION_RE.test(text);
}

/** Tokenizes expr; stops at the first lexical error as Prometheus does. */
export function lex(expr: string): LexResult {
  const tokens: Token[] = [];
  const parens: number[] = [];
  let bracketAt = -1;
  let inBraces = false;
  let braceAt = 0;
  let i = 0;
  const push = (kind: TokenKind, from: number, to: number): void => {
    tokens.push({ kind, from, to, text: expr.slice(from, to) });
  };
  const fail = (from: number, to: number, message: string): LexResult => ({ tokens, error: { from, to, message } });

  while (i < expr.length) {
    const c = expr[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < expr.length && expr[i] !== '\n') i++;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      const end = scanString(expr, i);
      if (typeof end !== 'number') return fail(end.from, end.to, end.message);
      push('string', i, end);
      i = end;
      continue;
    }
    if (isAlpha(c) || (c === ':' && !inBraces && bracketAt < 0)) {
      let j = i + 1;
      while (j < expr.length && (isAlnum(expr[j] as string) || (!inBraces && bracketAt < 0 && expr[j] === ':'))) j++;
      const word = expr.slice(i, j);
      const lower = word.toLowerCase();
      const kind: TokenKind = inBraces
        ? 'identifier'
        : lower === 'inf' || lower === 'nan'
          ? 'number'
          : WORD_OPERATORS.has(lower)
            ? 'operator'
            : AGGREGATORS.has(lower)
              ? 'aggregator'
              : KEYWORDS.has(lower)
                ? 'keyword'
                : 'identifier';
      push(kind, i, j);
      i = j;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(expr[i + 1] ?? ''))) {
      const rest = expr.slice(i, i + 400);
      const dur = DURATION_RE.exec(rest)?.[0];
      const num = NUMBER_RE.exec(rest)?.[0];
      // Prometheus rejects a number or duration directly followed by letters or digits.
      if (dur && !isAlnum(expr[i + dur.length] ?? '')) {
        if (!isValidDuration(dur)) return fail(i, i + dur.length, say('badDuration', { text: dur }));
        push('duration', i, i + dur.length);
        i += dur.length;
      } else if (num && !isAlnum(expr[i + num.length] ?? '')) {
        push('number', i, i + num.length);
        i += num.length;
      } else {
        let j = i;
        while (j < expr.length && (isAlnum(expr[j] as string) || expr[j] === '.')) j++;
        return fail(i, j, say('badNumber', { text: expr.slice(i, j) }));
      }
      continue;
    }
    if (inBraces) {
      if (c === '}') {
        push('}', i, i + 1);
        inBraces = false;
        i++;
        continue;
      }
      if (c === ',') {
        push(',', i, i + 1);
        i++;
        continue;
      }
      const op = ['=~', '!~', '!=', '='].find((o) => expr.startsWith(o, i));
      if (op) {
        push('operator', i, i + op.length);
        i += op.length;
        continue;
      }
      if (c === '{') return fail(i, i + 1, say('leftBraceInBraces'));
      if (c === '!') return fail(i, i + 1, say('afterBangInBraces', { char: quoteChar(expr[i + 1] ?? '') }));
      return fail(i, i + 1, say('charInBraces', { char: quoteChar(c) }));
    }
    switch (c) {
      case '{':
        inBraces = true;
        braceAt = i;
        push('{', i, i + 1);
        i++;
        continue;
      case '}':
        return fail(i, i + 1, say('rightBrace'));
      case '(':
        parens.push(i);
        push('(', i, i + 1);
        i++;
        continue;
      case ')':
        if (parens.pop() === undefined) return fail(i, i + 1, say('rightParen'));
        push(')', i, i + 1);
        i++;
        continue;
      case '[':
        if (bracketAt >= 0) return fail(i, i + 1, say('leftBracket'));
        bracketAt = i;
        push('[', i, i + 1);
        i++;
        continue;
      case ']':
        if (bracketAt < 0) return fail(i, i + 1, say('rightBracket'));
        bracketAt = -1;
        push(']', i, i + 1);
        i++;
        continue;
      case ',':
        push(',', i, i + 1);
        i++;
        continue;
      case ':':
        push(':', i, i + 1);
        i++;
        continue;
      case '@':
        push('@', i, i + 1);
        i++;
        continue;
    }
    const op = SYMBOL_OPERATORS.find((o) => expr.startsWith(o, i));
    if (op === '=' && expr[i + 1] === '~') return fail(i, i + 2, say('tildeAfterEquals'));
    if (op) {
      push('operator', i, i + op.length);
      i += op.length;
      continue;
    }
    if (c === '!') return fail(i, i + 1, say('afterBang', { char: quoteChar(expr[i + 1] ?? '') }));
    return fail(i, i + 1, say('unexpectedChar', { char: quoteChar(c) }));
  }
  const atEnd = (from: number, message: string): LexResult => ({ tokens, error: { from, to: expr.length, message, detectedAt: expr.length } });
  if (inBraces) return atEnd(braceAt, say('eofInBraces'));
  const paren = parens.at(-1);
  if (paren !== undefined) return atEnd(paren, say('unclosedParen'));
  if (bracketAt >= 0) return atEnd(bracketAt, say('unclosedBracket'));
  push('eof', expr.length, expr.length);
  return { tokens };
}

/** Returns the end offset of the string literal starting at `from`, or the error. */
function scanString(expr: string, from: number): number | LexError {
  const quote = expr[from] as string;
  let i = from + 1;
  if (quote === '`') {
    const end = expr.indexOf('`', i);
    return end < 0 ? { from, to: expr.length, message: say('unterminatedRaw') } : end + 1;
  }
  while (i < expr.length) {
    const c = expr[i] as string;
    if (c === quote) return i + 1;
    if (c === '\n') break;
    if (c === '\\') {
      const bad = escapeError(expr, i, quote, from);
      if (bad) return bad;
      i += escapeLength(expr, i);
      continue;
    }
    i++;
  }
  return { from, to: expr.length, message: say('unterminatedQuoted') };
}

const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

function escapeLength(expr: string, at: number): number {
  const e = expr[at + 1] ?? '';
  if (e in HEX_DIGITS) return 2 + (HEX_DIGITS[e] ?? 0);
  if (e >= '0' && e <= '7') return 4;
  return 2;
}

/** Mirrors lexEscape in lex.go: only Go's escapes are allowed. Errors span from the opening quote, where Prometheus reports them. */
function escapeError(expr: string, at: number, quote: string, stringStart: number): LexError | undefined {
  const e = expr[at + 1];
  if (e === undefined || e === '\n') return { from: stringStart, to: expr.length, message: say('escapeNotTerminated') };
  if (SIMPLE_ESCAPES.has(e) || e === quote) return undefined;
  const width = HEX_DIGITS[e] ?? (e >= '0' && e <= '7' ? 3 : 0);
  const describe = (ch: string): string => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} '${ch}'`;
  if (width === 0) return { from: stringStart, to: at + 2, message: say('unknownEscape', { char: describe(e) }) };
  const digitsFrom = at + (e in HEX_DIGITS ? 2 : 1);
  const digits = expr.slice(digitsFrom, digitsFrom + width);
  const valid = e in HEX_DIGITS ? /[0-9a-fA-F]/ : /[0-7]/;
  for (let k = 0; k < width; k++) {
    const ch = digits[k];
    if (ch === undefined) return { from: stringStart, to: expr.length, message: say('escapeNotTerminated') };
    if (!valid.test(ch)) return { from: stringStart, to: digitsFrom + k + 1, message: say('illegalEscapeChar', { char: describe(ch) }) };
  }
  const value = parseInt(digits, e in HEX_DIGITS ? 16 : 8);
  if (((e === 'u' || e === 'U') && (value > 0x10ffff || (value >= 0xd800 && value < 0xe000))) || (!(e in HEX_DIGITS) && value > 255)) {
    return { from: stringStart, to: digitsFrom + width, message: say('invalidCodePoint') };
  }
  return undefined;
}
