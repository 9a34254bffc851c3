/**
 * A lexer for Go's text/template, as Prometheus parses alert labels and
 * annotations with it. It mirrors text/template/parse/lex.go (Go 1.19, what
 * Prometheus 2.42 is built with): `{{ }}` delimiters, trim markers `{{- ` and
 * ` -}}`, comments (`{{/*` to `*\/}}`), and the items inside actions.
 * https://github.com/golang/go/blob/go1.19/src/text/template/parse/lex.go
 */

export type TokenKind =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'comment'
  | 'space'
  | 'identifier'
  | 'keyword'
  | 'field'
  | 'variable'
  | 'dot'
  | 'string'
  | 'rawString'
  | 'char'
  | 'number'
  | 'bool'
  | 'nil'
  | 'pipe'
  | 'declare'
  | 'assign'
  | 'leftParen'
  | 'rightParen'
  /** Any other printable ASCII character (Go's itemChar), e.g. the `,` of `range $i, $e :=`. */
  | 'punct'
  | 'error'
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** The source text; for `error` tokens, the message. */
  text: string;
  /** Offsets into the template text, [start, end). */
  start: number;
  end: number;
}

/** Go 1.19 keywords; `break` and `continue` arrived in Go 1.18. */
export const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);

const LEFT = '{{';
const RIGHT = '}}';
const isSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isAlphaNumeric = (ch: string | undefined): boolean => ch !== undefined && (ch === '_' || /^[\p{L}\p{Nd}]$/u.test(ch));
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Characters that may end a field, variable or identifier (lex.go atTerminator). */
function isTerminator(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined || isSpace(ch)) return true;
  if ('.,|:)('.includes(ch)) return true;
  return text.startsWith(RIGHT, i);
}

/** Whether a right delimiter (with optional ` -` trim marker) starts at `i`. */
function rightDelimAt(text: string, i: number): { start: number; end: number } | undefined {
  if (isSpace(text[i]) && text[i + 1] === '-' && text.startsWith(RIGHT, i + 2)) return { start: i, end: i + 4 };
  if (text.startsWith(RIGHT, i)) return { start: i, end: i + 2 };
  return undefined;
}

/** Scans a Go number literal the way lex.go scanNumber does; returns its end, or -1 on bad syntax. */
function scanNumber(text: string, i: number): number {
  let pos = i;
  if (text[pos] === '+' || text[pos] === '-') pos++;
  let digits = '0123456789_';
  if (text[pos] === '0' && /[xXoObB]/.test(text[pos + 1] ?? '')) {
    const base = (text[pos + 1] as string).toLowerCase();
    digits = base === 'x' ? '0123456789abcdefABCDEF_' : base === 'o' ? '01234567_' : '01_';
    pos += 2;
  }
  const run = (set: string): void => {
    while (pos < text.length && set.includes(text[pos] as string)) pos++;
  };
  run(digits);
  if (text[pos] === '.') {
    pos++;
    run(digits);
  }
  if (digits.length <= 11 && /[eE]/.test(text[pos] ?? '')) {
    pos++;
    if (text[pos] === '+' || text[pos] === '-') pos++;
    run('0123456789_');
  } else if (digits.length > 11 && /[pP]/.test(text[pos] ?? '')) {
    pos++;
    if (text[pos] === '+' || text[pos] === '-') pos++;
    run('0123456789_');
  }
  if (text[pos] === 'i') pos++;
  return isAlphaNumeric(text[pos]) ? -1 : pos;
}

/** Splits a template into tokens. Lexing stops at the first error token, as Go's does. */
export function lexTemplate(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number, message?: string): void => {
    tokens.push({ kind, text: message ?? text.slice(start, end), start, end });
  };
  let pos = 0;
  let parenDepth = 0;

  outer: while (pos <= text.length) {
    // Text up to the next left delimiter.
    const next = text.indexOf(LEFT, pos);
    const textEnd = next === -1 ? text.length : next;
    if (textEnd > pos) push('text', pos, textEnd);
    if (next === -1) break;
    let cursor = next + 2;
    if (text[cursor] === '-' && isSpace(text[cursor + 1])) cursor += 2;
    push('leftDelim', next, cursor);
    // Comments must follow the delimiter directly (after an optional trim marker).
    if (text.startsWith('/*', cursor)) {
      const close = text.indexOf('*/', cursor + 2);
      if (close === -1) {
        push('error', cursor, text.length, 'unclosed comment');
        break;
      }
      push('comment', cursor, close + 2);
      const delim = rightDelimAt(text, close + 2);
      if (!delim) {
        push('error', close + 2, close + 2, 'comment ends before closing delimiter');
        break;
      }
      push('rightDelim', delim.start, delim.end);
      pos = delim.end;
      continue;
    }
    pos = cursor;
    parenDepth = 0;
    // Inside an action.
    for (;;) {
      const delim = rightDelimAt(text, pos);
      if (delim) {
        if (parenDepth > 0) {
          push('error', delim.start, delim.end, 'unclosed left paren');
          break outer;
        }
        push('rightDelim', delim.start, delim.end);
        pos = delim.end;
        continue outer;
      }
      const ch = text[pos];
      if (ch === undefined) {
        push('error', next, text.length, 'unclosed action');
        break outer;
      }
      const start = pos;
      if (isSpace(ch)) {
        while (isSpace(text[pos]) && !rightDelimAt(text, pos)) pos++;
        push('space', start, pos);
      } else if (ch === '=') {
        push('assign', start, ++pos);
      } else if (ch === ':') {
        if (text[pos + 1] !== '=') {
          push('error', start, start + 1, 'expected :=');
          break outer;
        }
        pos += 2;
        push('declare', start, pos);
      } else if (ch === '|') {
        push('pipe', start, ++pos);
      } else if (ch === '"' || ch === "'") {
        pos++;
        while (pos < text.length && text[pos] !== ch && text[pos] !== '\n') pos += text[pos] === '\\' ? 2 : 1;
        if (text[pos] !== ch) {
          push('error', start, Math.min(pos, text.length), ch === '"' ? 'unterminated quoted string' : 'unterminated character constant');
          break outer;
        }
        push(ch === '"' ? 'string' : 'char', start, ++pos);
      } else if (ch === '`') {
        const close = text.indexOf('`', pos + 1);
        if (close === -1) {
          push('error', start, text.length, 'unterminated raw quoted string');
          break outer;
        }
        pos = close + 1;
        push('rawString', start, pos);
      } else if (ch === '$' || (ch === '.' && !isDigit(text[pos + 1]))) {
        pos++;
        while (isAlphaNumeric(text[pos])) pos++;
        const kind: TokenKind = ch === '$' ? 'variable' : pos === start + 1 ? 'dot' : 'field';
        if (kind !== 'dot' && !isTerminator(text, pos)) {
          push('error', pos, pos + 1, `bad character ${JSON.stringify(text[pos])}`);
          break outer;
        }
        push(kind, start, pos);
      } else if (ch === '.' || ch === '+' || ch === '-' || isDigit(ch)) {
        const end = scanNumber(text, pos);
        if (end === -1 || end === pos) {
          let stop = pos + 1;
          while (isAlphaNumeric(text[stop]) || text[stop] === '.') stop++;
          push('error', start, stop, `bad number syntax: ${JSON.stringify(text.slice(start, stop))}`);
          break outer;
        }
        pos = end;
        push('number', start, pos);
      } else if (isAlphaNumeric(ch)) {
        while (isAlphaNumeric(text[pos])) pos++;
        if (!isTerminator(text, pos)) {
          push('error', pos, pos + 1, `bad character ${JSON.stringify(text[pos])}`);
          break outer;
        }
        const word = text.slice(start, pos);
        const kind: TokenKind = KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'identifier';
        push(kind, start, pos);
      } else if (ch === '(') {
        parenDepth++;
        push('leftParen', start, ++pos);
      } else if (ch === ')') {
        if (--parenDepth < 0) {
          push('error', start, start + 1, 'unexpected right paren');
          break outer;
        }
        push('rightParen', start, ++pos);
      } else if (ch.charCodeAt(0) < 0x7f && ch > ' ') {
        push('punct', start, ++pos);
      } else {
        push('error', start, start + ch.length, `unrecognized character in action: ${JSON.stringify(ch)}`);
        break outer;
      }
    }
  }
  const last = tokens[tokens.length - 1];
  if (last?.kind !== 'error') push('eof', text.length, text.length);
  return tokens;
}
