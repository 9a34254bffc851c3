/**
 * Reading a big rule file one rule at a time. Parsing all of a 5 MB file at
 * once holds its whole YAML tree in memory (hundreds of MB); here the rules'
 * lines are found by their indentation and cut out of a "skeleton" that keeps
 * the groups (its offsets mapped back to the text's), and each rule is parsed
 * alone when the structure check reaches it, then let go.
 *
 * Whatever this cannot reproduce exactly — a rule that does not parse alone or
 * does not end where its lines do, anchors, tabs, a `rules:` found where the
 * skeleton has no rule list — gives up (ChunkedReadFailed) and the caller
 * parses the whole file as usual, so results never differ.
 */
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, parseAllDocuments, Scalar, visit, type Document, type Node, type YAMLMap } from 'yaml';
import type { Caches } from '../base/caches';
import { LineIndex } from '../base/lineIndex';
import { YAML_OPTIONS, parseYaml, type ParsedYaml } from '../base/yaml/parse';
import { multilineScalars, type Span } from '../suppression/suppression';
import type { RuleFileAnalysis } from './analyze';
import { analyzeRuleFile } from './analyze';
import { readPlainRule } from './plainRule';

/** A rule's lines: from the start of its `- ` line to the line break after its last content line. */
interface RuleLines {
  start: number;
  end: number;
  dashColumn: number;
}

export class ChunkedReadFailed extends Error {}

const RULES_KEY = /^( *)rules:[ \t]*(?:#.*)?$/;
const ITEM = /^( *)- /;

/** The rule items of a rule file by their lines; undefined when the layout is not the plain block style this reads. */
export function findRuleLines(text: string): RuleLines[] | undefined {
  if (text.includes('\t') || /\r(?!\n)/.test(text) || /^%/m.test(text)) return undefined;
  const items: RuleLines[] = [];
  let rulesIndent = -1; // in a `rules:` list whose key has this indentation
  let dashColumn = -1; // its items' `- ` column, once seen
  let current: RuleLines | undefined;
  const close = () => {
    if (current) items.push(current);
    current = undefined;
  };
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const line = text.slice(lineStart, newline < 0 ? text.length : newline).replace(/\r$/, '');
    const content = line.trimStart();
    const indent = line.length - content.length;
    if (content === '' && current && line.length > dashColumn + 1) {
      // Spaces past the dash may be the last line of a block scalar (parseRule refuses it when it is not).
      current.end = lineEnd;
    } else if (content === '' || (content.startsWith('#') && (current === undefined || indent <= dashColumn))) {
      // Blank lines and comments at or left of the dash belong to no rule.
    } else if (current && indent > dashColumn) {
      // Comments indented into the rule count too: a rule ending in one is refused by parseRule.
      current.end = lineEnd;
    } else {
      close();
      const item = rulesIndent >= 0 ? ITEM.exec(line) : null;
      if (item && (dashColumn < 0 ? indent >= rulesIndent : indent === dashColumn)) {
        dashColumn = indent;
        current = { start: lineStart, end: lineEnd, dashColumn };
      } else {
        const rules = RULES_KEY.exec(line);
        rulesIndent = rules ? indent : -1;
        dashColumn = -1;
      }
    }
    lineStart = lineEnd;
  }
  close();
  return items;
}

/**
 * The text with each rule's lines cut down to `- {}` (its line break kept),
 * and the map from the skeleton's offsets back to the text's.
 */
function skeletonOf(text: string, items: readonly RuleLines[]): { skeleton: string; toText: (offset: number) => number } {
  const parts: string[] = [];
  /** Per rule: the skeleton offset just after its `{}`, and how much further the text is from there on. */
  const after: number[] = [];
  const shift: number[] = [];
  let at = 0;
  let length = 0;
  let removed = 0;
  for (const item of items) {
    const body = item.start + item.dashColumn + 2;
    const lineBreak = text.endsWith('\r\n', item.end) ? '\r\n' : text.endsWith('\n', item.end) ? '\n' : '';
    const head = text.slice(at, body);
    parts.push(head, '{}', lineBreak);
    length += head.length + 2;
    removed += item.end - lineBreak.length - body - 2;
    after.push(length);
    shift.push(removed);
    length += lineBreak.length;
    at = item.end;
  }
  parts.push(text.slice(at));
  const toText = (offset: number): number => {
    // The last rule whose `{}` ends before `offset` tells how far the text is ahead.
    let low = 0;
    let high = after.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((after[mid] as number) < offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found < 0 ? offset : offset + (shift[found] as number);
  };
  return { skeleton: parts.join(''), toText };
}

/** Moves a skeleton's node ranges (and the documents') to the text's offsets. */
function moveToText(documents: readonly Document.Parsed[], toText: (offset: number) => number): void {
  const move = (range: [number, number, number]): [number, number, number] => [toText(range[0]), toText(range[1]), toText(range[2])];
  for (const document of documents) {
    if (document.range) document.range = move(document.range);
    visit(document, {
      Node(_key, node) {
        if (node.range) node.range = move(node.range);
      },
    });
  }
}

export interface ChunkedRuleFile {
  /** The skeleton's documents: every key outside the rules, at the text's offsets; rules are `{}`. */
  structure: ParsedYaml;
  analysis: RuleFileAnalysis;
  scalars: Span[];
}

/**
 * The rule analysis of a big rule file, read rule by rule; undefined when the
 * file is not laid out so that this gives exactly what a whole parse gives.
 */
export function readRuleFileInChunks(text: string, caches?: Caches): ChunkedRuleFile | undefined {
  const items = findRuleLines(text);
  if (!items || items.length === 0) return undefined;
  const { skeleton, toText } = skeletonOf(text, items);
  const structure = parseYaml(skeleton);
  if (structure.syntax.length > 0) return undefined;
  moveToText(structure.documents, toText);
  const byPlaceholder = new Map(items.map((item) => [item.start + item.dashColumn + 2, item]));
  const lines = LineIndex.of(text, caches);
  const scalars: Span[] = multilineScalars(text, structure.documents, lines);
  let resolved = 0;
  const resolve = (node: Node | null): Node | null => {
    const item = node?.range ? byPlaceholder.get(node.range[0]) : undefined;
    if (!item) return node;
    resolved++;
    const real = parseRule(text, item);
    scalars.push(...multilineScalars(text, [real], lines));
    return real;
  };
  try {
    const analysis = analyzeRuleFile(text, structure.documents, resolve, caches);
    if (resolved !== items.length) return undefined;
    return { structure, analysis, scalars: scalars.sort((a, b) => a.start - b.start) };
  } catch (error) {
    if (error instanceof ChunkedReadFailed) return undefined;
    throw error;
  }
}

/** How far past a rule's lines parseRule reads (an empty block scalar takes the blank lines after it). */
export const READ_PAST_RULE = 200;

/** One rule parsed alone, its ranges in document offsets; throws when it is not exactly one clean mapping ending with its lines. */
export function parseRule(text: string, item: { start: number; end: number }): YAMLMap {
  return readPlainRule(text, item) ?? parseRuleWithYaml(text, item);
}

/** parseRule by the `yaml` package, for rules not of the plain shape. */
function parseRuleWithYaml(text: string, item: { start: number; end: number }): YAMLMap {
  const chunk = text.slice(item.start, item.end);
  // After a trailing comment the whole parse stretches the rule to the next rule's dash: not reproducible alone.
  if (/^[ \t]*#.*\s*$/.test(chunk.slice(chunk.trimEnd().lastIndexOf('\n') + 1))) throw new ChunkedReadFailed();
  const documents = parseAllDocuments(chunk, YAML_OPTIONS);
  const [document] = Array.isArray(documents) && documents.length === 1 ? (documents as Document.Parsed[]) : [];
  const seq = document && document.errors.length === 0 && document.warnings.length === 0 ? document.contents : undefined;
  const node = isSeq(seq) && seq.items.length === 1 ? seq.items[0] : undefined;
  if (!isMap(node) || node.range?.[1] !== chunk.length || endsEmpty(node) || hasAnchors(node) || /[|>][1-9]?\+/.test(chunk)) throw new ChunkedReadFailed();
  // An empty block scalar (`expr: |` and nothing) takes the blank lines after it into its range.
  const last = lastValue(node);
  if (isBlockScalar(last) && (last as Scalar).value === '' && /^[ ]*\r?\n/.test(text.slice(item.end, item.end + READ_PAST_RULE))) throw new ChunkedReadFailed();
  visit(node, {
    Node(_key, child) {
      if (child.range) child.range = [child.range[0] + item.start, child.range[1] + item.start, child.range[2] + item.start];
    },
  });
  return node;
}

/**
 * Whether the item's last value is empty (`expr:` and nothing): in the whole
 * file, such a mapping's range runs on over the comment lines after it.
 */
function endsEmpty(node: unknown): boolean {
  const last = lastValue(node);
  return !isNode(last) || !last.range || last.range[0] === last.range[1];
}

/** The innermost last value of a node (the last item's value, down through collections). */
function lastValue(node: unknown): unknown {
  while (isCollection(node)) {
    const last = node.items.at(-1);
    if (last === undefined) return undefined;
    node = isPair(last) ? last.value : last;
  }
  return node;
}

function isBlockScalar(node: unknown): boolean {
  return isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
}

/** An anchor or alias: the rest of the file may refer to it, or it to the rest. */
export function hasAnchors(node: Node): boolean {
  let found = false;
  visit(node, {
    Node(_key, child) {
      if (!isAlias(child) && child.anchor === undefined) return undefined;
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}
