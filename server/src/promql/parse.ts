/** Parsing with lezer-promql, cached by text so later checks can reuse the tree. */
import { parser } from '@prometheus-io/lezer-promql';
import { cacheSlot, type Caches } from '../base/caches';
import { lex, type Token } from './lexer';

// Types come from the parser itself: lezer-promql's typings resolve @lezer/common
// as ESM while ours resolve it as CommonJS, and TypeScript treats those as distinct.
export type Tree = ReturnType<typeof parser.parse>;
export type SyntaxNode = Tree['topNode'];

/**
 * The recent trees of a service, least recently used first: at most
 * CACHE_SIZE of them and CACHE_CHARS characters of text between them (a tree
 * takes ~10 bytes a character, so a few huge expressions cannot pin megabytes
 * each). The last tree is kept whatever its size: the checks of one
 * expression ask for it several times in a row.
 */
const CACHE_SIZE = 32;
const CACHE_CHARS = 1 << 17;

class RecentTrees {
  readonly trees = new Map<string, Tree>();
  chars = 0;
  last: { expr: string; tree: Tree } | undefined;
}

const RECENT_TREES = cacheSlot('promql/trees', () => new RecentTrees());

/**
 * lezer builds its tree recursively, one call per level: an expression
 * nested this deep (parentheses, or a chain of operators, each a level of a
 * left-associative tree) overflows the stack near the limit of a busy
 * process. Such expressions are not parsed at all; only the lexer checks them.
 */
export const PARSER_DEPTH_LIMIT = 1000;

export function tooDeepForParser(tokens: readonly Token[]): boolean {
  let depth = 0;
  let deepest = 0;
  let operators = 0;
  for (const token of tokens) {
    if (token.kind === '(') deepest = Math.max(deepest, ++depth);
    else if (token.kind === ')') depth--;
    else if (token.kind === 'operator') operators++;
  }
  return deepest >= PARSER_DEPTH_LIMIT || operators >= PARSER_DEPTH_LIMIT;
}

/** The tree of an empty expression: what checks see of one too deep to parse. */
const UNPARSED = parser.parse('');

/** The lezer tree for expr; with `caches`, a small LRU of the service's keeps the most recent trees. */
export function parsePromql(expr: string, caches?: Caches): Tree {
  if (!caches) return parseNow(expr);
  const recent = caches.get(RECENT_TREES);
  if (recent.last?.expr === expr) return recent.last.tree;
  const { trees } = recent;
  const hit = trees.get(expr);
  if (hit) {
    // Re-insert to mark as most recently used.
    trees.delete(expr);
    trees.set(expr, hit);
    recent.last = { expr, tree: hit };
    return hit;
  }
  const tree = parseNow(expr);
  const key = caches.keep(expr);
  recent.last = { expr: key, tree };
  if (expr.length <= CACHE_CHARS / 8) {
    trees.set(key, tree);
    recent.chars += expr.length;
    while (trees.size > CACHE_SIZE || recent.chars > CACHE_CHARS) {
      const oldest = trees.keys().next().value as string;
      trees.delete(oldest);
      recent.chars -= oldest.length;
    }
  }
  return tree;
}

function parseNow(expr: string): Tree {
  // Fewer characters than the limit cannot hold that many levels: no need to lex.
  return expr.length >= PARSER_DEPTH_LIMIT && tooDeepForParser(lex(expr).tokens) ? UNPARSED : parser.parse(forLezer(expr));
}

const TRAILING_DOT = /\d\.(?![\d_])/;
const OFFSET_WORD = /offset/i;
/** Tokens after which `offset` starts an expression (so names a metric) rather than modifying one. */
const BEFORE_OPERAND: ReadonlySet<string> = new Set(['(', ',', 'operator', '[', ':', '@']);
const MATCHING_KEYWORDS: ReadonlySet<string> = new Set(['bool', 'on', 'ignoring', 'group_left', 'group_right']);

/**
 * The text lezer-promql is given: `expr` with two spellings Prometheus's
 * lexer and grammar accept but lezer's do not rewritten in place, same
 * length, so every node's offsets hold for `expr` itself (checks read the
 * original text through them):
 * - a number with a trailing dot (`1.`, `1.e3`): strconv.ParseFloat reads
 *   them; `1.` becomes `1 ` and `1.e3` becomes `1e03`;
 * - `offset` where an operand is expected (`rate(offset[5m])`, `x + offset`):
 *   OFFSET is a metric_identifier in generated_parser.y; it becomes another
 *   identifier of the same length.
 */
export function forLezer(expr: string): string {
  if (!TRAILING_DOT.test(expr) && !OFFSET_WORD.test(expr)) return expr;
  const { tokens } = lex(expr);
  let out: string[] | undefined;
  const put = (at: number, text: string): void => {
    out ??= [...expr];
    for (let i = 0; i < text.length; i++) out[at + i] = text[i] as string;
  };
  const groupingParens: boolean[] = [];
  let prevEnds = false;
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (t.kind === 'number') {
      const m = /^(\d[\d_]*)\.(?:([eE][+-]?)|(?![\d_]))/.exec(t.text);
      if (m) put(t.from + (m[1] as string).length, m[2] ? `${m[2]}0` : ' ');
    } else if (t.kind === 'keyword' && t.text.toLowerCase() === 'offset' && !prevEnds) {
      put(t.from, 'o'.repeat(t.text.length));
    }
    // Whether the token just seen ends an operand (then `offset` modifies it).
    if (t.kind === '(') groupingParens.push(prev?.kind === 'keyword' && MATCHING_KEYWORDS.has(prev.text.toLowerCase()));
    const closesGrouping = t.kind === ')' && groupingParens.pop() === true;
    prevEnds = !(
      BEFORE_OPERAND.has(t.kind) ||
      closesGrouping ||
      (t.kind === 'keyword' && MATCHING_KEYWORDS.has(t.text.toLowerCase())) ||
      (t.kind === 'keyword' && t.text.toLowerCase() === 'offset' && prevEnds)
    );
  });
  return out ? out.join('') : expr;
}

/**
 * Visits every node below and including `node` children-first, without
 * recursion: deeply nested or very long expressions must not overflow the stack.
 */
export function visitPostOrder(node: SyntaxNode, visit: (n: SyntaxNode) => void): void {
  const cursor = node.cursor();
  let depth = 0;
  descend: for (;;) {
    while (cursor.firstChild()) depth++;
    for (;;) {
      visit(cursor.node);
      if (depth === 0) return;
      if (cursor.nextSibling()) continue descend;
      cursor.parent();
      depth--;
    }
  }
}

/**
 * The nodes below and including `node` whose type is one of `names`, in
 * visitPostOrder's order. Only those become node objects: walking the cursor
 * over the rest (label names, operators, punctuation) allocates nothing.
 */
export function collectPostOrder(node: SyntaxNode, names: ReadonlySet<string>): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const cursor = node.cursor();
  let depth = 0;
  descend: for (;;) {
    while (cursor.firstChild()) depth++;
    for (;;) {
      if (names.has(cursor.type.name)) out.push(cursor.node);
      if (depth === 0) return out;
      if (cursor.nextSibling()) continue descend;
      cursor.parent();
      depth--;
    }
  }
}

/**
 * node.getChild(name): the first child of that type (or in that group), else
 * null. Walks the siblings instead of building a cursor and an array, which
 * made getChild the biggest allocator of the checks.
 */
export function childNamed(node: SyntaxNode, name: string): SyntaxNode | null {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.type.is(name)) return c;
  return null;
}

/** [childNamed(node, names[0]), childNamed(node, names[1]), ...] in one walk over the children. */
export function childrenNamedFirst(node: SyntaxNode, names: readonly string[]): (SyntaxNode | null)[] {
  const out: (SyntaxNode | null)[] = names.map(() => null);
  let missing = names.length;
  for (let c = node.firstChild; c && missing > 0; c = c.nextSibling) {
    for (let i = 0; i < names.length; i++) {
      if (out[i] === null && c.type.is(names[i] as string)) {
        out[i] = c;
        missing--;
      }
    }
  }
  return out;
}

/** The parts of a label matcher (UnquotedLabelMatcher, QuotedLabelMatcher): as childNamed finds each. */
export function matcherParts(matcher: SyntaxNode): { name: SyntaxNode | null; op: SyntaxNode | null; value: SyntaxNode | null } {
  const [label, quoted, op, value] = childrenNamedFirst(matcher, MATCHER_PARTS);
  return { name: label ?? quoted ?? null, op: op ?? null, value: value ?? null };
}

const MATCHER_PARTS = ['LabelName', 'QuotedLabelName', 'MatchOp', 'StringLiteral'];

/** node.getChildren(name), as childNamed walks. */
export function childrenNamed(node: SyntaxNode, name: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.type.is(name)) out.push(c);
  return out;
}

/**
 * collectPostOrder over a whole tree, kept for the last two (tree, names)
 * asked: the type check and the catalog checks of one expression read the
 * same walk (the catalog's node types are among the type check's).
 * Not a WeakMap: the nodes point back at their tree, which V8's
 * young-generation collector then keeps alive (see catalog/tree.ts).
 */
export function treeNodes(tree: Tree, names: ReadonlySet<string>): readonly SyntaxNode[] {
  for (const walk of walks) if (walk.tree === tree && walk.names === names) return walk.nodes;
  const nodes = collectPostOrder(tree.topNode, names);
  walks.unshift({ tree, names, nodes });
  if (walks.length > 2) walks.pop();
  return nodes;
}

// Shared by every service: keyed by the tree object itself (no text, no workspace), and two entries at most.
const walks: { tree: Tree; names: ReadonlySet<string>; nodes: readonly SyntaxNode[] }[] = [];

/** The children of node, as an array (lezer exposes them as a linked list). */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

export function nodeKey(node: SyntaxNode): string {
  return `${node.type.id}:${node.from}:${node.to}`;
}

const NODE_TYPES = parser.nodeSet.types.length;

/**
 * A key naming a node of a tree of `length` characters by type and range,
 * as nodeKey does: a number while it fits in a double exactly (texts up to
 * millions of characters), the string otherwise.
 */
export function nodeKeyFor(length: number): (node: SyntaxNode) => number | string {
  const span = length + 1;
  if (span * span * NODE_TYPES >= Number.MAX_SAFE_INTEGER) return nodeKey;
  return (node) => (node.from * span + node.to) * NODE_TYPES + node.type.id;
}
