import { YAMLParseError, isAlias, parseAllDocuments, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Finding } from '../types';
import { findExcessiveNesting, MAX_YAML_DEPTH } from './depth';
import type { ReaderCodes } from '../../base/check';
import { t } from '../../l10n';

/** Errors k1s0 adds (depth, aliases), already worded in the language; the rest are the `yaml` parser's own. Shared: it only marks error objects, which go with their parse. */
const OUR_ERRORS = new WeakSet<YAMLParseError>();
function ours(error: YAMLParseError): YAMLParseError {
  OUR_ERRORS.add(error);
  return error;
}

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
export function parseYaml(original: string): ParsedYaml {
  // YAML 1.2 (§5.4) and the editor count a lone \r as a line break; the `yaml` package
  // does not, and would read a whole CR-only file as one line. Same length: offsets hold.
  const text = original.includes('\r') ? original.replace(/\r(?!\n)/g, '\n') : original;
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep >= 0) {
    const message = t('yaml.tooDeep', { depth: MAX_YAML_DEPTH });
    return { documents: shallowDocuments(text, tooDeep, message), syntax: [{ start: tooDeep, end: tooDeep + 1, code: 'yaml/syntax', message, severity: 'error' }] };
  }
  const stream = readQuotedAsGo(text, parseWithOptions(text));
  // An empty stream carries its own errors (e.g. a lone directive) and no documents.
  const documents: Document.Parsed[] = 'empty' in stream ? [] : stream;
  if (text.includes('*')) for (const document of documents) checkAliases(document);
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
    const shown = error.code === 'DUPLICATE_KEY' ? t('yaml.duplicateKey', { key: text.slice(start, tokenEnd) }) : OUR_ERRORS.has(error) ? message : t('yaml.parser', { message });
    syntax.push({ start, end: tokenEnd, code: 'yaml/syntax', message: shown, severity: 'error' });
  }
  return { documents, syntax };
}

/**
 * The documents before the point where nesting grew too deep (parsing stops there, so the
 * composer's recursion stays bounded). They still tell what kind of file this is, so a rule
 * file found by its `groups:` gets its "Not checked" finding instead of silence, and the
 * documents before it in the stream are checked. The document that was cut carries the
 * error: like any document that does not parse, no check reads its partial tree.
 */
function shallowDocuments(text: string, tooDeep: number, message: string): Document.Parsed[] {
  const stream = parseAllDocuments(text.slice(0, tooDeep), YAML_OPTIONS);
  if ('empty' in stream) return [];
  stream[stream.length - 1]?.errors.push(ours(new YAMLParseError([tooDeep, tooDeep + 1], 'RESOURCE_EXHAUSTION', message)));
  return stream;
}

/**
 * Aliases the `yaml` package accepts but cannot resolve: one naming no anchor before it,
 * or aliases expanding past what toJS() allows (a "billion laughs"). Prometheus refuses
 * both; here they become errors of their document, so the user sees why, and no check
 * calls toJS() on it (which throws on them, as any document with errors is skipped).
 */
function checkAliases(document: Document.Parsed): void {
  /** The node each anchor name last marked (an alias refers to the latest before it). */
  const anchors = new Map<string, unknown>();
  let first: Alias | undefined;
  visit(document, {
    Node(_key, node, path) {
      if (!isAlias(node)) {
        if (node.anchor) anchors.set(node.anchor, node);
        return;
      }
      first ??= node;
      const target = anchors.get(node.source);
      const [start, end] = node.range ?? [0, 0];
      if (target === undefined) document.errors.push(ours(new YAMLParseError([start, end], 'BAD_ALIAS', t('yaml.unresolvedAlias', { name: node.source }))));
      // `&a [*a]`: a value that contains itself has no end (Prometheus refuses it too).
      else if (path.includes(target as Node)) document.errors.push(ours(new YAMLParseError([start, end], 'BAD_ALIAS', t('yaml.selfAlias', { name: node.source }))));
    },
  });
  if (!first || document.errors.length > 0) return;
  try {
    document.toJS();
  } catch (error) {
    const [start, end] = first.range ?? [0, 0];
    const reason = error instanceof Error ? error.message : String(error);
    document.errors.push(ours(new YAMLParseError([start, end], 'RESOURCE_EXHAUSTION', t('yaml.aliasesNotExpanded', { reason }))));
  }
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

export const yamlSyntaxCodes: ReaderCodes = {
  meta: {
    name: 'base/yaml/parse',
    on: 'reader',
    fileKinds: ['*'],
    description: 'a YAML file of ours that does not parse (every error, exact range)',
    codes: [
      {
        code: 'yaml/syntax',
        severity: 'error',
        short: 'YAML does not parse',
        help: 'The file is not valid YAML, so none of its content can be checked. Fix the syntax error at the marked position.',
        ja: { short: 'YAML として解析できない', help: 'ファイルが正しい YAML ではないため、内容を検査できません。示された位置の構文エラーを直してください。' },
      },
    ],
  },
};

type Stream = ReturnType<typeof parseWithOptions>;

function parseWithOptions(text: string) {
  return parseAllDocuments(text, YAML_OPTIONS);
}

function errorCount(stream: Stream): number {
  return 'empty' in stream ? stream.errors.length : stream.reduce((count, document) => count + document.errors.length, 0);
}

/**
 * A stream with errors read again with its under-indented quoted scalars
 * joined (see underIndentedQuotedScalars), when that reads with fewer errors.
 * Only a text that does not parse is read again: the scan is by lines and would
 * take a quote inside a block scalar for the start of one.
 */
function readQuotedAsGo(text: string, stream: Stream): Stream {
  if (errorCount(stream) === 0 || !text.includes('\n')) return stream;
  const quoted = underIndentedQuotedScalars(text);
  if (quoted.length === 0) return stream;
  const joined = parseWithOptions(joinQuotedLines(text, quoted));
  if (errorCount(joined) >= errorCount(stream)) return stream;
  if (!('empty' in joined)) for (const document of joined) restoreQuotedValues(document, text, quoted);
  return joined;
}

/** A quoted scalar whose continuation lines are indented no deeper than its key: [from, to) of its source. */
interface QuotedSpan {
  from: number;
  to: number;
}

const QUOTED_START = /^([ \t]*)(?:-[ \t]+)*(?:(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s#'"\-[\]{},][^\n#]*?)[ \t]*:[ \t]+)?(['"])/gm;

/**
 * Quoted scalars (single or double) continued on lines indented no deeper
 * than their key, e.g. `description: 'first line` / `second line'` at the
 * indentation of `description`. YAML 1.2 wants them indented deeper and the
 * `yaml` package refuses them (then loses the rest of the mapping), but Go's
 * YAML reader (gopkg.in/yaml, what Prometheus and promtool load rule files
 * with) reads quoted scalars whatever the indentation of their lines, so we
 * accept exactly those.
 */
export function underIndentedQuotedScalars(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  QUOTED_START.lastIndex = 0;
  for (let m = QUOTED_START.exec(text); m; m = QUOTED_START.exec(text)) {
    const quote = m[2] as string;
    const from = m.index + m[0].length - 1;
    const end = closingQuote(text, from, quote);
    if (end < 0) continue;
    QUOTED_START.lastIndex = end;
    const source = text.slice(from, end);
    if (!source.includes('\n')) continue;
    const indent = (m[1] ?? '').length + (/^[ \t]*((?:-[ \t]+)*)/.exec(m[0])?.[1]?.length ?? 0);
    const lines = source.split('\n').slice(1);
    if (lines.some((line) => line.trim() !== '' && (/^[ \t]*/.exec(line)?.[0].length ?? 0) <= indent)) spans.push({ from, to: end });
  }
  return spans;
}

/** The offset just past the closing quote of the scalar opened at `from`, or -1 (not closed). */
function closingQuote(text: string, from: number, quote: string): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

/** The text with those scalars' line breaks made spaces (same length: offsets hold); values are restored after. */
function joinQuotedLines(text: string, spans: readonly QuotedSpan[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.from) + text.slice(span.from, span.to).replace(/[\r\n]/g, ' ');
    at = span.to;
  }
  return out + text.slice(at);
}

/** Gives each joined scalar the value Go's YAML folds from its original lines. */
function restoreQuotedValues(document: Document.Parsed, text: string, spans: readonly QuotedSpan[]): void {
  const byStart = new Map(spans.map((s) => [s.from, s]));
  visit(document, {
    Scalar(_key, node) {
      const span = node.range ? byStart.get(node.range[0]) : undefined;
      if (!span) return;
      // The same lines indented under a key: what YAML 1.2 folds them to, as Go does.
      const source = text.slice(span.from, span.to).replace(/\r?\n[ \t]*/g, '\n  ');
      const folded = parseAllDocuments(`v: ${source}\n`, YAML_OPTIONS);
      const value = 'empty' in folded ? undefined : (folded[0]?.toJS() as { v?: unknown } | undefined)?.v;
      if (typeof value === 'string') node.value = value;
    },
  });
}
