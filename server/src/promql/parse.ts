/** Parsing with lezer-promql, cached by text so later checks can reuse the tree. */
import { parser } from '@prometheus-io/lezer-promql';
import { lex, type Token } from './lexer';

// Types come from the parser itself: lezer-promql's typings resolve @lezer/common
// as ESM while ours resolve it as CommonJS, and TypeScript treats those as distinct.
export type Tree = ReturnType<typeof parser.parse>;
export type SyntaxNode = Tree['topNode'];

const CACHE_SIZE = 32;
const cache = new Map<string, Tree>();

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

/** The lezer tree for expr; a small LRU keeps the most recent trees. */
export function parsePromql(expr: string): Tree {
  const hit = cache.get(expr);
  if (hit) {
    // Re-insert to mark as most recently used.
    cache.delete(expr);
    cache.set(expr, hit);
    return hit;
  }
  // Fewer characters than the limit cannot hold that many levels: no need to lex.
  const tree = expr.length >= PARSER_DEPTH_LIMIT && tooDeepForParser(lex(expr).tokens) ? UNPARSED : parser.parse(expr);
  cache.set(expr, tree);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return tree;
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

/** The children of node, as an array (lezer exposes them as a linked list). */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

export function nodeKey(node: SyntaxNode): string {
  return `${node.type.id}:${node.from}:${node.to}`;
}
