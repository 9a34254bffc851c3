import { parseAllDocuments, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Finding } from '../types';
import { findExcessiveNesting, MAX_YAML_DEPTH } from './depth';

/** How every YAML file is parsed: all errors as data, duplicate keys refused. */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

export interface ParsedYaml {
  documents: Document.Parsed[];
  /** `yaml/syntax` findings: every error the parser reports, each once. */
  syntax: Finding[];
}

/**
 * Parses every document of a YAML stream. Errors never throw: the `yaml`
 * package recovers and reports them with offsets, which become findings.
 */
export function parseYaml(text: string): ParsedYaml {
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep >= 0) {
    const message = `Not checked: the document nests deeper than ${MAX_YAML_DEPTH} levels`;
    return { documents: [], syntax: [{ start: tooDeep, end: tooDeep + 1, code: 'yaml/syntax', message, severity: 'error' }] };
  }
  const stream = parseAllDocuments(text, YAML_OPTIONS);
  // An empty stream carries its own errors (e.g. a lone directive) and no documents.
  const documents: Document.Parsed[] = 'empty' in stream ? [] : stream;
  const errors = 'empty' in stream ? stream.errors : stream.flatMap((doc) => doc.errors);
  const syntax: Finding[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const [start, rawEnd] = error.pos;
    const end = Math.max(rawEnd, start + 1);
    const message = cleanMessage(error.message);
    // The parser often reports one mistake twice at the same spot; one is enough.
    const key = String(start);
    if (seen.has(key)) continue;
    seen.add(key);
    const tokenEnd = widenToToken(text, start, Math.min(end, text.length));
    const shown = error.code === 'DUPLICATE_KEY' ? `Duplicate key "${text.slice(start, tokenEnd)}": map keys must be unique` : message;
    syntax.push({ start, end: tokenEnd, code: 'yaml/syntax', message: shown, severity: 'error' });
  }
  return { documents, syntax };
}

/** The parser points at one character of a key or scalar; the whole token reads better. */
function widenToToken(text: string, start: number, end: number): number {
  if (end - start !== 1 || !/[^\s:,[\]{}#]/.test(text[start] ?? ' ')) return end;
  const token = /[^\s:,[\]{}#]+/y;
  token.lastIndex = start;
  return token.exec(text) ? token.lastIndex : end;
}

/** The parser's messages sometimes end with a source excerpt; keep the sentence. */
function cleanMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return firstLine.replace(/\s+at line \d+, column \d+:?$/, '').trim();
}

/** [start, end) of a node's value in the source (without trailing comments). */
export function nodeSpan(node: Node | null | undefined): [number, number] | undefined {
  if (!node?.range) return undefined;
  return [node.range[0], node.range[1]];
}

/** The pair of a mapping whose key is the plain string `key`. */
export function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    if (isScalar(pair.key) && pair.key.value === key) return pair;
  }
  return undefined;
}

/** The key's string, or undefined where the key is not a scalar. */
export function keyName(pair: Pair<unknown, unknown>): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

export { isMap, isScalar, isSeq };
