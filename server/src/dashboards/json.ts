import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { Finding } from '../base/types';
import { OffsetMap } from './offsetMap';
import type { ReaderCodes } from '../base/check';
import { say } from './messages';

export type JsonNode = Node;

export interface ParsedJson {
  /** The recovered tree; undefined only for an empty or hopeless document. */
  root: JsonNode | undefined;
  /** `json/syntax` findings, one per parse error, in document order. */
  syntax: Finding[];
}

/** Deeper nesting than this is refused before parsing: the parser recurses per level. */
export const MAX_JSON_DEPTH = 512;

/**
 * Parses strict JSON (Grafana's dashboards) with exact offsets. Never throws:
 * errors become `json/syntax` findings and the tree is the parser's recovery.
 */
export function parseJson(text: string): ParsedJson {
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep >= 0) {
    return { root: undefined, syntax: [{ start: tooDeep, end: tooDeep + 1, code: 'json/syntax', severity: 'error', message: say('jsonTooDeep', { depth: MAX_JSON_DEPTH }) }] };
  }
  const errors: ParseError[] = [];
  let root: JsonNode | undefined;
  try {
    root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { root: undefined, syntax: [{ start: 0, end: 0, code: 'json/syntax', severity: 'error', message: say('jsonParserFailed', { error: message }) }] };
  }
  const syntax: Finding[] = [];
  const seen = new Set<number>();
  for (const error of errors) {
    if (seen.has(error.offset)) continue;
    seen.add(error.offset);
    const start = Math.min(error.offset, text.length);
    const end = Math.min(text.length, start + Math.max(1, error.length));
    const closer = text[start];
    const comma = /,\s*$/.exec(text.slice(0, start));
    // jsonc-parser's ParseErrorCode by number, as MESSAGES: 3 PropertyNameExpected, 4 ValueExpected.
    const code: number = error.error;
    if ((code === 3 || code === 4) && comma && (closer === ']' || closer === '}')) {
      // The most common hand-edit mistake: say it, on the comma itself.
      syntax.push({ start: comma.index, end: comma.index + 1, code: 'json/syntax', severity: 'error', message: say('jsonTrailingComma', { closer }) });
      continue;
    }
    syntax.push({ start, end: Math.max(start, end), code: 'json/syntax', severity: 'error', message: say('jsonError', { code }) });
  }
  return { root, syntax };
}

/** Offset of the first bracket nested deeper than MAX_JSON_DEPTH, or -1. Strings are skipped. */
function findExcessiveNesting(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (ch === 0x7d || ch === 0x5d) depth = Math.max(0, depth - 1);
  }
  return -1;
}

/** The value node of `key` in an object node. */
export function prop(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  let found: JsonNode | undefined;
  // Like JSON.parse (and Grafana), the last of duplicate keys wins.
  for (const property of node.children ?? []) {
    if (property.children?.[0]?.value === key) found = property.children[1];
  }
  return found;
}

/** The key node of `key` in an object node (for findings about the property). */
export function keyNode(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  let found: JsonNode | undefined;
  for (const property of node.children ?? []) {
    if (property.children?.[0]?.value === key) found = property.children[0];
  }
  return found;
}

export function stringOf(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

export function itemsOf(node: JsonNode | undefined): JsonNode[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

export function spanOf(node: JsonNode): [number, number] {
  return [node.offset, node.offset + node.length];
}

/** What a JSON node is, as a message names it. */
export function describeJson(node: JsonNode | undefined): string {
  if (!node) return say('jsonKind', { kind: 'nothing' });
  switch (node.type) {
    case 'object':
    case 'array':
    case 'string':
    case 'number':
    case 'boolean':
      return say('jsonKind', { kind: node.type });
    default:
      return say('jsonKind', { kind: 'null' });
  }
}

/**
 * A JSON string's value with the document offsets of each of its UTF-16
 * units: `\"`, `\\`, `\n`, `\u00e9` ... map back to the escape that produced them.
 */
export interface StringOffsets {
  value: string;
  /** Document range [start, end) covering the source of `value[from..to)`. */
  toDocumentRange(from: number, to: number): [number, number];
}

const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function stringOffsets(text: string, node: JsonNode): StringOffsets {
  const map = new OffsetMap();
  const parts: string[] = [];
  const open = node.offset + 1;
  const close = text[node.offset + node.length - 1] === '"' && node.length >= 2 ? node.offset + node.length - 1 : node.offset + node.length;
  let i = open;
  while (i < close) {
    // Plain text up to the next escape is copied as one run.
    const backslash = text.indexOf('\\', i);
    const runEnd = backslash === -1 || backslash >= close ? close : backslash;
    if (runEnd > i) {
      parts.push(text.slice(i, runEnd));
      map.copy(i, runEnd - i);
      i = runEnd;
      continue;
    }
    const next = text[i + 1] ?? '';
    const simple = SIMPLE[next];
    const hex = text.slice(i + 2, i + 6);
    if (simple !== undefined || (next === 'u' && /^[0-9a-fA-F]{4}$/.test(hex))) {
      const length = simple !== undefined ? 2 : 6;
      parts.push(simple ?? String.fromCharCode(parseInt(hex, 16)));
      map.replace(i, i + length, 1);
      i += length;
      continue;
    }
    // An invalid escape (a json/syntax error of its own) keeps its backslash.
    parts.push('\\');
    map.copy(i, 1);
    i++;
  }
  const value = parts.join('');
  const endOf = (n: number): number => (n > 0 ? map.endOf(n - 1) : value.length > 0 ? map.startOf(0) : open);
  const startOf = (n: number): number => (n < value.length ? map.startOf(n) : endOf(value.length));
  return {
    value,
    toDocumentRange(from, to) {
      const a = startOf(Math.max(0, Math.min(from, value.length)));
      const b = to > from ? endOf(Math.min(to, value.length)) : a;
      return [a, Math.max(a, b)];
    },
  };
}

export const jsonSyntaxCodes: ReaderCodes = {
  meta: {
    name: 'dashboards/json',
    on: 'reader',
    fileKinds: ['dashboard'],
    description: 'a Grafana dashboard that is not valid JSON (every error, exact range; trailing commas named as such)',
    codes: [
      {
        code: 'json/syntax',
        severity: 'error',
        short: 'JSON does not parse',
        help: 'The file is not valid JSON, so none of its content can be checked. Fix the syntax error at the marked position.',
        ja: { short: 'JSON として解析できない', help: 'ファイルが正しい JSON ではないため、内容を検査できません。示された位置の構文エラーを直してください。' },
      },
    ],
  },
};
