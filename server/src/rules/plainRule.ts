/**
 * A rule read without the YAML parser, when it has the shape nearly every rule
 * has: block mappings (the rule, then its labels / annotations) of plain,
 * one-line quoted and block scalars. On big rule files the `yaml` package's
 * lexer and composer are most of a check's time; this builds the same nodes
 * (classes, values, types, `source`, ranges) in one pass over the lines.
 *
 * Anything else gives undefined and the rule goes to `yaml`: comments,
 * whitespace-only lines, flow collections, anchors, tags, multi-line plain or
 * quoted scalars, escapes, keep-chomping or indentation indicators, plain
 * values the core schema reads as numbers, booleans or null, duplicate keys,
 * CR line breaks, control characters. plainRule.test.ts holds the two equal.
 */
import { Pair, Scalar, YAMLMap } from 'yaml';
import { escapeAt } from '../base/yaml/scalarOffsets';

interface Line {
  start: number;
  /** Before the line break. */
  end: number;
  /** After the line break. */
  next: number;
  /** Leading spaces; -1 for an empty line. */
  indent: number;
}

type Range = [number, number, number];

class NotPlain extends Error {}

/** Plain scalars the core schema resolves to something other than a string. */
const NOT_A_STRING =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** Characters a plain scalar may not start with (some may, followed by more; those rules go to `yaml`). */
const INDICATOR = /[-?:,[\]{}#&*!|>'"%@`]/;
const KEY = /[A-Za-z_][A-Za-z0-9_./-]*/y;
// Control characters are what it looks for.
// eslint-disable-next-line no-control-regex
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DEPTH = 2;

/** The rule item on these lines (a `- ` item of a block sequence), as `yaml` would parse it alone; undefined when it is not of the plain shape. */
export function readPlainRule(text: string, item: { start: number; end: number }): YAMLMap | undefined {
  const chunk = text.slice(item.start, item.end);
  if (chunk.includes('\r') || UNUSUAL.test(chunk)) return undefined;
  try {
    const lines = linesOf(text, item.start, item.end);
    const first = lines[0];
    const last = lines.at(-1) as Line;
    // Trailing empty lines, or a last line that may be a comment, are for the whole parse to place (see parseRule).
    if (!first || last.indent === -1 || text[last.start + last.indent] === '#' || text[first.start + first.indent] !== '-' || text[first.start + first.indent + 1] !== ' ') return undefined;
    // The first key sits after the dash: its column is the rule's indentation.
    let keyColumn = first.indent + 2;
    while (text[first.start + keyColumn] === ' ') keyColumn++;
    first.indent = keyColumn;
    const reader = new PlainReader(text, lines);
    const map = reader.map(0, keyColumn, 1);
    return reader.at === lines.length ? map : undefined;
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}

function linesOf(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start < to) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 || newline >= to ? to : newline;
    const next = end < to ? end + 1 : to;
    let indent = 0;
    while (start + indent < end && text.charCodeAt(start + indent) === 32) indent++;
    // A line of spaces only may be part of a block scalar, or not: `yaml` decides those.
    if (indent === end - start && indent > 0) throw new NotPlain();
    lines.push({ start, end, next, indent: end === start ? -1 : indent });
    start = next;
  }
  return lines;
}

class PlainReader {
  /** The next line to read. */
  at = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Line[],
  ) {}

  /** A block mapping whose keys are at `indent`, starting at line `at`. */
  map(at: number, indent: number, depth: number): YAMLMap {
    this.at = at;
    const map = new YAMLMap();
    const keys = new Set<string>();
    let start = -1;
    let end = -1;
    for (;;) {
      this.skipEmpty();
      const line = this.lines[this.at];
      if (!line || line.indent < indent) break;
      if (line.indent > indent) throw new NotPlain();
      const key = this.key(line, indent);
      if (keys.has(key.value as string)) throw new NotPlain();
      keys.add(key.value as string);
      if (start < 0) start = key.range![0];
      const value = this.value(line, key.range![1] + 1, indent, depth);
      map.items.push(new Pair(key, value));
      end = value.range![2];
    }
    if (start < 0) throw new NotPlain();
    map.range = [start, end, end];
    return map;
  }

  private skipEmpty(): void {
    while (this.lines[this.at]?.indent === -1) this.at++;
  }

  private key(line: Line, indent: number): Scalar {
    const start = line.start + indent;
    KEY.lastIndex = start;
    if (!KEY.test(this.text)) throw new NotPlain();
    const end = KEY.lastIndex;
    const name = this.text.slice(start, end);
    const after = this.text[end + 1];
    if (this.text[end] !== ':' || (end + 1 < line.end && after !== ' ') || NOT_A_STRING.test(name)) throw new NotPlain();
    return scalar(name, Scalar.PLAIN, [start, end, end]);
  }

  /** The value after a key's colon (at `from`); leaves `at` on the line after it. */
  private value(line: Line, from: number, indent: number, depth: number): YAMLMap | Scalar {
    let start = from;
    while (start < line.end && this.text.charCodeAt(start) === 32) start++;
    if (start === line.end) {
      // Nothing after the colon: a nested mapping on the next lines.
      const next = this.lines[this.at + 1];
      if (depth >= MAX_DEPTH || !next || next.indent <= indent) throw new NotPlain();
      return this.map(this.at + 1, next.indent, depth + 1);
    }
    const first = this.text[start] as string;
    if (first === '|' || first === '>') return this.blockScalar(line, start, indent);
    if (first === '"' || first === "'") return this.quoted(start, first, indent);
    if (INDICATOR.test(first)) throw new NotPlain();
    return this.plain(start, indent);
  }

  /** A plain scalar, on its line and the lines after it indented past its key (folded into one). */
  private plain(start: number, indent: number): Scalar {
    const line = this.lines[this.at] as Line;
    const parts = [plainText(trimEndSpaces(this.text.slice(start, line.end)))];
    let end = start + (parts[0] as string).length;
    let last = this.at;
    for (let index = this.at + 1; index < this.lines.length; index++) {
      const next = this.lines[index] as Line;
      if (next.indent === -1) continue;
      if (next.indent <= indent) break;
      const content = plainText(trimEndSpaces(this.text.slice(next.start + next.indent, next.end)));
      // A comment, or what could start a sequence or a complex key, is for `yaml`.
      if (/^(?:#|[-?:](?: |$))/.test(content)) throw new NotPlain();
      for (let empty = last + 1; empty < index; empty++) parts.push('');
      parts.push(content);
      end = next.start + next.indent + content.length;
      last = index;
    }
    const value = fold(parts);
    if (NOT_A_STRING.test(value)) throw new NotPlain();
    this.at = last + 1;
    return scalar(value, Scalar.PLAIN, [start, end, (this.lines[last] as Line).next]);
  }

  /** A single- or double-quoted scalar; on more than one line, its line breaks folded (double quotes then without escapes). */
  private quoted(start: number, quote: string, indent: number): Scalar {
    const segments: string[] = [];
    let from = start + 1;
    let close: number;
    for (;;) {
      const line = this.lines[this.at] as Line;
      close = quote === "'" ? this.singleQuoteEnd(from, line.end) : this.doubleQuoteEnd(from, line.end);
      if (close >= 0) {
        segments.push(this.text.slice(from, close));
        if (trimEndSpaces(this.text.slice(close + 1, line.end)) !== '') throw new NotPlain();
        break;
      }
      segments.push(this.text.slice(from, line.end));
      const next = this.lines[++this.at];
      if (!next || (next.indent !== -1 && next.indent <= indent)) throw new NotPlain();
      from = next.start;
    }
    const end = (this.lines[this.at] as Line).next;
    this.at++;
    let value: string;
    if (segments.length === 1) value = segments[0] as string;
    else if (quote === '"' && segments.some((segment) => segment.includes('\\'))) throw new NotPlain();
    // Around a line break, spaces go; the break becomes a space, or the empty lines after it stay.
    else value = fold(segments.map((segment, index) => (index === 0 ? trimEndSpaces(segment) : index === segments.length - 1 ? segment.replace(/^ +/, '') : segment.replace(/^ +| +$/g, ''))));
    value = quote === "'" ? value.replaceAll("''", "'") : unescapeDouble(value);
    return scalar(value, quote === '"' ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE, [start, close + 1, end]);
  }

  /** Where a single-quoted scalar closes on this line ('' is a quote inside), or -1. */
  private singleQuoteEnd(from: number, lineEnd: number): number {
    for (;;) {
      const found = this.text.indexOf("'", from);
      if (found < 0 || found >= lineEnd) return -1;
      if (this.text[found + 1] !== "'") return found;
      from = found + 2;
    }
  }

  /** Where a double-quoted scalar closes on this line (escaped quotes skipped), or -1; a backslash ending the line is for `yaml`. */
  private doubleQuoteEnd(from: number, lineEnd: number): number {
    for (let at = from; at < lineEnd; at++) {
      const char = this.text[at];
      if (char === '"') return at;
      if (char === '\\') {
        if (at + 1 >= lineEnd) throw new NotPlain();
        at++;
      }
    }
    return -1;
  }

  /** `|`, `|-`, `>` or `>-` and the lines indented past the key's. */
  private blockScalar(line: Line, start: number, indent: number): Scalar {
    const header = this.text.slice(start, line.end);
    if (header !== '|' && header !== '|-' && header !== '>' && header !== '>-') throw new NotPlain();
    const firstLine = this.lines[this.at + 1];
    // Leading empty lines, and content not indented past the key, are for `yaml`.
    if (!firstLine || firstLine.indent <= indent) throw new NotPlain();
    const contentIndent = firstLine.indent;
    const content: string[] = [];
    let last = this.at + 1;
    for (let index = this.at + 1; index < this.lines.length; index++) {
      const current = this.lines[index] as Line;
      if (current.indent === -1) continue;
      if (current.indent < contentIndent) break;
      for (let empty = last + 1; empty < index; empty++) content.push('');
      content.push(this.text.slice(current.start + contentIndent, current.end));
      last = index;
    }
    const folded = header[0] === '>';
    // Folding around more-indented lines keeps their breaks: for `yaml`.
    if (folded && content.some((text) => text.startsWith(' '))) throw new NotPlain();
    let value = folded ? fold(content) : content.join('\n');
    if (!header.endsWith('-')) value += '\n';
    const end = (this.lines[last] as Line).next;
    this.at = last + 1;
    return scalar(value, folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL, [start, end, end]);
  }
}

/** A plain scalar's text on one line: refused where `yaml` would read a mapping or a comment in it. */
function plainText(content: string): string {
  if (content.includes(': ') || content.endsWith(':') || content.includes(' #')) throw new NotPlain();
  return content;
}

/** Only spaces: JavaScript's trimEnd also takes characters YAML keeps (no-break spaces, line separators). */
function trimEndSpaces(text: string): string {
  return text.replace(/ +$/, '');
}

/** A double-quoted scalar's escapes resolved (YAML §5.7); unknown ones are for `yaml` to report. */
function unescapeDouble(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let value = '';
  let from = 0;
  for (let at = raw.indexOf('\\'); at >= 0; at = raw.indexOf('\\', from)) {
    const escape = escapeAt(raw, at);
    if (!escape) throw new NotPlain();
    value += raw.slice(from, at) + escape.value;
    from = at + escape.length;
  }
  return value + raw.slice(from);
}

/** Folded lines: a single break between two lines is a space; each empty line between them a break. */
function fold(content: readonly string[]): string {
  let value = content[0] as string;
  let breaks = 0;
  for (let index = 1; index < content.length; index++) {
    const line = content[index] as string;
    if (line === '' && index < content.length - 1) {
      breaks++;
      continue;
    }
    value += breaks > 0 ? '\n'.repeat(breaks) : ' ';
    value += line;
    breaks = 0;
  }
  return value;
}

function scalar(value: string, type: Scalar.Type, range: Range): Scalar {
  const node = new Scalar(value);
  node.range = range;
  node.source = value;
  node.type = type;
  return node;
}
