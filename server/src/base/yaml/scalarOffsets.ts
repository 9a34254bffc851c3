import { Scalar } from 'yaml';
import { RunMap } from './runMap';

/**
 * A scalar's value together with where each of its characters came from.
 *
 * YAML changes text on the way to a value: quotes go, escapes turn into
 * characters, line breaks fold into spaces, block indentation is cut. Checks
 * that find a problem at value offset i (a PromQL token, a template action)
 * need the document offset of the source that produced it; this is that map.
 * Semantics follow YAML 1.2 §7.3 (flow scalars) and §8.1 (block scalars), as
 * the `yaml` package resolves them (compose/resolve-*-scalar.js).
 */
export interface ScalarOffsets {
  value: string;
  /** Document offset where the source of `value[i]` starts; `value.length` maps to the end of the last source char. */
  toDocumentOffset(valueOffset: number): number;
  /** Document range [start, end) covering the source of `value[from..to)`. */
  toDocumentRange(from: number, to: number): [number, number];
  /**
   * False when the value could only be aligned character by character (an
   * input our resolver disagrees with the parser on); offsets are then best effort.
   */
  exact: boolean;
}

/** Builds the value while recording, per UTF-16 unit, its source [start, end). */
class ValueBuilder {
  value = '';
  starts: number[] = [];
  ends: number[] = [];
  /** Units that are raw (unescaped) spaces or tabs, which line folding may trim. */
  private rawSpace: boolean[] = [];

  push(chars: string, start: number, end: number, rawSpace = false): void {
    for (let i = 0; i < chars.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
      this.rawSpace.push(rawSpace);
    }
    this.value += chars;
  }

  /** Drops raw whitespace before a folded line break (§7.3.1: trailing white space is excluded). */
  trimRawSpace(): void {
    let n = this.rawSpace.length;
    while (n > 0 && this.rawSpace[n - 1]) n--;
    const drop = this.rawSpace.length - n;
    if (drop === 0) return;
    this.value = this.value.slice(0, n);
    this.starts.length = n;
    this.ends.length = n;
    this.rawSpace.length = n;
  }
}

/** Line break at `i`: its length (1 for LF or a lone CR, 2 for CRLF), else 0. */
function lineBreakAt(text: string, i: number): number {
  if (text[i] === '\n') return 1;
  if (text[i] === '\r') return text[i + 1] === '\n' ? 2 : 1;
  return 0;
}

const LINE_BREAK = /\r\n?|\n/g;

/** The next line break at or after `from`: [start, end), or undefined when there is none. */
function nextLineBreak(text: string, from: number): [number, number] | undefined {
  LINE_BREAK.lastIndex = from;
  const found = LINE_BREAK.exec(text);
  return found ? [found.index, found.index + found[0].length] : undefined;
}

const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

/**
 * Folds the line break at `i` and the empty lines after it (§6.5): one break
 * becomes a space, n breaks become n-1 newlines. Returns where the next line's
 * content starts (leading white space skipped).
 */
function foldLineBreaks(text: string, i: number, end: number, out: ValueBuilder): number {
  out.trimRawSpace();
  const breaks: [number, number][] = [];
  let pos = i;
  for (;;) {
    const len = lineBreakAt(text, pos);
    if (len === 0 || pos >= end) break;
    breaks.push([pos, pos + len]);
    pos += len;
    while (pos < end && isBlank(text[pos])) pos++;
  }
  const [first] = breaks;
  if (breaks.length === 1 && first) out.push(' ', first[0], first[1]);
  for (const [start, stop] of breaks.slice(1)) out.push('\n', start, stop);
  return pos;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};
const HEX_ESCAPE_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * The escape at `text[at]` (a backslash) of a double-quoted scalar (YAML §5.7):
 * the character it stands for and how many source characters it takes;
 * undefined for an escaped line break, an unknown escape or bad hex digits.
 */
export function escapeAt(text: string, at: number): { value: string; length: number } | undefined {
  const next = text[at + 1] ?? '';
  const simple = SIMPLE_ESCAPES[next];
  if (simple !== undefined) return { value: simple, length: 2 };
  const hexLength = HEX_ESCAPE_LENGTH[next];
  if (hexLength === undefined) return undefined;
  const digits = text.slice(at + 2, at + 2 + hexLength);
  const code = /^[0-9a-fA-F]+$/.test(digits) && digits.length === hexLength ? parseInt(digits, 16) : NaN;
  return Number.isFinite(code) && code <= 0x10ffff ? { value: String.fromCodePoint(code), length: 2 + hexLength } : undefined;
}

/** Plain, single- and double-quoted scalars between `start` and `end` (quotes excluded). */
function resolveFlow(text: string, start: number, end: number, style: 'plain' | 'single' | 'double', out: ValueBuilder): void {
  let i = start;
  while (i < end) {
    const ch = text[i] as string;
    if (lineBreakAt(text, i) > 0) {
      i = foldLineBreaks(text, i, end, out);
      continue;
    }
    if (style === 'single' && ch === "'" && text[i + 1] === "'") {
      out.push("'", i, i + 2);
      i += 2;
      continue;
    }
    if (style === 'double' && ch === '\\') {
      const next = text[i + 1] ?? '';
      const escape = escapeAt(text, i);
      const breakLength = lineBreakAt(text, i + 1);
      if (escape) {
        out.push(escape.value, i, i + escape.length);
        i += escape.length;
      } else if (breakLength > 0) {
        // An escaped line break joins the lines: nothing is emitted and the next line's indentation goes.
        i += 1 + breakLength;
        while (i < end && isBlank(text[i])) i++;
      } else if (HEX_ESCAPE_LENGTH[next] !== undefined) {
        // Bad hex digits: the parser reports it; the value keeps the two characters.
        out.push(text.slice(i, i + 2), i, i + 2);
        i += 2;
      } else {
        // An invalid escape is an error the parser reports; its value keeps both characters.
        out.push('\\', i, i + 1);
        if (next) out.push(next, i + 1, i + 2);
        i += next ? 2 : 1;
      }
      continue;
    }
    out.push(ch, i, i + 1, isBlank(ch));
    i++;
  }
}

interface BlockLine {
  /** Document offset of the line's first character. */
  start: number;
  /** Count of leading spaces (tabs are content, §8.1.1.1). */
  indent: number;
  /** The content after the indentation, without the line break. */
  content: string;
  /** Document offset and end of the line break ending this line (end === start when none). */
  breakStart: number;
  breakEnd: number;
}

function splitBlockLines(text: string, start: number, end: number): BlockLine[] {
  const lines: BlockLine[] = [];
  let pos = start;
  while (pos < end) {
    const found = nextLineBreak(text, pos);
    const [breakStart, breakEnd] = found && found[0] < end ? [found[0], Math.min(found[1], end)] : [end, end];
    const raw = text.slice(pos, breakStart);
    const indent = /^ */.exec(raw)?.[0].length ?? 0;
    lines.push({ start: pos, indent, content: raw.slice(indent), breakStart, breakEnd });
    pos = breakEnd;
  }
  return lines;
}

interface BlockHeader {
  folded: boolean;
  chomp: '' | '-' | '+';
  explicitIndent: number;
  /** Offset just after the header line's line break. */
  bodyStart: number;
}

function parseBlockHeader(text: string, start: number, end: number): BlockHeader {
  const folded = text[start] === '>';
  let chomp: BlockHeader['chomp'] = '';
  let explicitIndent = 0;
  let i = start + 1;
  for (; i < end; i++) {
    const ch = text[i] as string;
    if (!chomp && (ch === '-' || ch === '+')) chomp = ch;
    else if (!explicitIndent && ch >= '1' && ch <= '9') explicitIndent = Number(ch);
    else break;
  }
  const lineBreak = nextLineBreak(text, i);
  const bodyStart = lineBreak === undefined || lineBreak[0] >= end ? end : Math.min(lineBreak[1], end);
  return { folded, chomp, explicitIndent, bodyStart };
}

/** Literal `|` and folded `>` block scalars with chomping and indentation indicators (§8.1). */
function resolveBlock(text: string, start: number, end: number, parentIndent: number, out: ValueBuilder): void {
  const header = parseBlockHeader(text, start, end);
  const lines = splitBlockLines(text, header.bodyStart, end);
  const isEmpty = (line: BlockLine): boolean => line.content === '';
  let chompStart = lines.length;
  while (chompStart > 0 && isEmpty(lines[chompStart - 1] as BlockLine)) chompStart--;

  const lastBreak = (): [number, number] => {
    const last = lines[lines.length - 1];
    return last ? [last.breakStart, last.breakEnd] : [header.bodyStart, header.bodyStart];
  };
  if (chompStart === 0) {
    // Only empty lines: keep-chomping keeps their breaks, others yield ''.
    if (header.chomp === '+') {
      // One newline per line break; a last line without a break (end of input) adds none.
      const last = lines[lines.length - 1];
      const breaks = last && last.breakEnd > last.breakStart ? lines.length : lines.length - 1;
      const kept = Math.max(1, breaks);
      for (let i = 0; i < kept; i++) {
        const line = lines[i];
        const [s, e] = line ? [line.breakStart, line.breakEnd] : lastBreak();
        out.push('\n', s, e);
      }
    }
    return;
  }

  let trimIndent = parentIndent + header.explicitIndent;
  let contentStart = 0;
  for (let i = 0; i < chompStart; i++) {
    const line = lines[i] as BlockLine;
    if (isEmpty(line)) {
      if (!header.explicitIndent && line.indent > trimIndent) trimIndent = line.indent;
      continue;
    }
    if (!header.explicitIndent) trimIndent = line.indent;
    contentStart = i;
    break;
  }
  // Trailing empty lines indented deeper than the content are content, not chomped.
  for (let i = lines.length - 1; i >= chompStart; i--) {
    if ((lines[i] as BlockLine).indent > trimIndent) {
      chompStart = i + 1;
      break;
    }
  }

  const pushIndented = (line: BlockLine): void => {
    for (let k = trimIndent; k < line.indent; k++) out.push(' ', line.start + k, line.start + k + 1);
    const contentOffset = line.start + line.indent;
    for (let k = 0; k < line.content.length; k++) out.push(line.content[k] as string, contentOffset + k, contentOffset + k + 1);
  };

  for (let i = 0; i < contentStart; i++) {
    const line = lines[i] as BlockLine;
    pushIndented(line);
    out.push('\n', line.breakStart, line.breakEnd);
  }
  // A pending separator, mapped to the line break that produced it.
  let sep = '';
  let sepAt: [number, number] = [0, 0];
  let prevMoreIndented = false;
  for (let i = contentStart; i < chompStart; i++) {
    const line = lines[i] as BlockLine;
    const previous = lines[i - 1];
    const breakBefore: [number, number] = previous ? [previous.breakStart, previous.breakEnd] : [line.start, line.start];
    if (!header.folded) {
      if (sep) out.push(sep, sepAt[0], sepAt[1]);
      pushIndented(line);
      sep = '\n';
      sepAt = [line.breakStart, line.breakEnd];
    } else if (line.indent > trimIndent || line.content.startsWith('\t')) {
      // More-indented lines are not folded (§8.1.3).
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      if (sep) out.push(sep, sepAt[0], sepAt[1]);
      pushIndented(line);
      sep = '\n';
      sepAt = [line.breakStart, line.breakEnd];
      prevMoreIndented = true;
    } else if (isEmpty(line)) {
      if (sep === '\n') out.push('\n', breakBefore[0], breakBefore[1]);
      else sep = '\n';
      sepAt = [line.breakStart, line.breakEnd];
    } else {
      if (sep) out.push(sep, sepAt[0], sepAt[1]);
      pushIndented(line);
      sep = ' ';
      sepAt = [line.breakStart, line.breakEnd];
      prevMoreIndented = false;
    }
  }
  const lastContent = lines[chompStart - 1] as BlockLine;
  if (header.chomp === '-') return;
  if (header.chomp === '+') {
    out.push('\n', lastContent.breakStart, lastContent.breakEnd);
    for (let i = chompStart; i < lines.length; i++) {
      const line = lines[i] as BlockLine;
      // The last line has no break of its own when it ends the scalar at end of input.
      if (i === lines.length - 1 && line.breakEnd === line.breakStart && line.indent <= trimIndent) break;
      for (let k = trimIndent; k < line.indent; k++) out.push(' ', line.start + k, line.start + k + 1);
      out.push('\n', line.breakStart, line.breakEnd);
    }
    return;
  }
  out.push('\n', lastContent.breakStart, lastContent.breakEnd);
}

/**
 * The indentation of the node holding a block scalar, needed only for an
 * explicit indentation indicator: the column of the mapping key or sequence
 * entry on the header's line.
 */
function headerParentIndents(text: string, headerStart: number): number[] {
  let lineStart = headerStart;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const line = text.slice(lineStart, headerStart);
  const candidates = new Set<number>();
  const leading = /^ */.exec(line)?.[0].length ?? 0;
  candidates.add(leading);
  // `- - key: |2`: every sequence indicator opens a deeper node.
  let column = leading;
  while (line[column] === '-' && line[column + 1] === ' ') {
    column += 2;
    while (line[column] === ' ') column++;
    candidates.add(column);
    candidates.add(column - 1);
  }
  for (let i = 0; i <= leading; i++) candidates.add(i);
  return [...candidates];
}

/** Maps `expected` onto the source greedily, for inputs the resolver above does not reproduce. */
function alignByCharacter(text: string, start: number, end: number, expected: string): ValueBuilder {
  const out = new ValueBuilder();
  let pos = start;
  for (const ch of expected) {
    let found = text.indexOf(ch, pos);
    if (found === -1 || found >= end) found = -1;
    const at = found === -1 ? Math.min(pos, end) : found;
    out.push(ch, at, found === -1 ? at : at + ch.length);
    if (found !== -1) pos = found + ch.length;
  }
  return out;
}

/** Where an empty value is placed: inside the quotes, or on the line after a block header. */
function contentStart(text: string, node: Scalar): number {
  const [start, valueEnd] = node.range ?? [0, 0];
  if (node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE) return Math.min(start + 1, valueEnd);
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) return parseBlockHeader(text, start, valueEnd).bodyStart;
  return start;
}

function resolve(text: string, node: Scalar, parentIndent: number): ValueBuilder {
  const [start, valueEnd] = node.range ?? [0, 0];
  const out = new ValueBuilder();
  switch (node.type) {
    case Scalar.QUOTE_SINGLE:
      resolveFlow(text, start + 1, text[valueEnd - 1] === "'" ? valueEnd - 1 : valueEnd, 'single', out);
      break;
    case Scalar.QUOTE_DOUBLE:
      resolveFlow(text, start + 1, text[valueEnd - 1] === '"' ? valueEnd - 1 : valueEnd, 'double', out);
      break;
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
      resolveBlock(text, start, valueEnd, parentIndent, out);
      break;
    default:
      resolveFlow(text, start, valueEnd, 'plain', out);
  }
  return out;
}

function toOffsets(out: ValueBuilder, fallback: number, exact: boolean): ScalarOffsets {
  return RunMap.fromCharacters(out.value, exact, fallback, out.starts, out.ends);
}

/**
 * The value of `node` (as the parser resolved it from `text`) and the map from
 * value offsets to document offsets. `node.source`, the parser's own string
 * value, is the reference: when our resolution differs, offsets fall back to a
 * character alignment and `exact` is false.
 */
export function scalarOffsets(text: string, node: Scalar): ScalarOffsets {
  const [start, valueEnd] = node.range ?? [0, 0];
  const expected = typeof node.source === 'string' ? node.source : undefined;
  // Most scalars are their source verbatim (one line, no escapes): one run, nothing to resolve.
  if (expected) {
    const quoted = node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE;
    const from = quoted ? start + 1 : start;
    if ((quoted || node.type === Scalar.PLAIN) && valueEnd - from - (quoted ? 1 : 0) === expected.length && text.startsWith(expected, from)) return RunMap.copiedFrom(expected, from);
  }
  const isBlock = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  const indents = isBlock && /^[|>][-+]?[1-9]|^[|>][1-9]/.test(text.slice(start, start + 3)) ? headerParentIndents(text, start) : [0];
  let first: ValueBuilder | undefined;
  for (const indent of indents) {
    const out = resolve(text, node, indent);
    first ??= out;
    if (expected === undefined || out.value === expected) return toOffsets(out, contentStart(text, node), true);
  }
  const fallbackValue = expected ?? first?.value ?? '';
  return toOffsets(alignByCharacter(text, start, valueEnd, fallbackValue), contentStart(text, node), false);
}
