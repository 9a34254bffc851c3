/**
 * Label-matcher regexes compiled as Prometheus 3 compiles them (anchored,
 * ^(?s:re)$, with RE2 semantics), once per pattern: the same few patterns
 * (`5..`, `GET|POST`) recur in thousands of selectors, and the type check,
 * catalog/unknown-label and catalog/label-value all need them.
 */
import { RE2JS } from 're2js';
import { cacheSlot, type Caches } from '../base/caches';

/** What the checks ask of a compiled matcher regex. */
export interface MatcherRegex {
  /** Whether the whole of `input` matches (the regex is anchored). */
  matches(input: string): boolean;
}

/** A service's compiled patterns, least recently used first; a compiled RE2 program is ~10 KB. */
const COMPILED = cacheSlot('promql/regexes', () => new Map<string, MatcherRegex | string>());
const KEPT = 256;
/** Longer patterns are compiled each time rather than kept (their programs are big). */
const LONGEST_KEPT = 1024;

/**
 * A pattern of plain characters and `|` only (`GET|POST`, `5xx|`): an
 * alternation of literals, which RE2 always compiles and which matches
 * exactly its alternatives. No RE2 program is built for it.
 */
const LITERAL_ALTERNATION = /^[A-Za-z0-9_\-/:@ ,=%]*(?:\|[A-Za-z0-9_\-/:@ ,=%]*)*$/;

class LiteralAlternation implements MatcherRegex {
  private readonly alternatives: ReadonlySet<string>;
  constructor(source: string) {
    this.alternatives = new Set(source.split('|'));
  }
  matches(input: string): boolean {
    return this.alternatives.has(input);
  }
}

/** The anchored regex of a matcher value, or the compiler's error message; with `caches`, compiled once per pattern. */
export function compileMatcherRegex(source: string, caches?: Caches): MatcherRegex | string {
  const compiled = caches?.get(COMPILED);
  const hit = compiled?.get(source);
  if (compiled && hit !== undefined) {
    compiled.delete(source);
    compiled.set(source, hit);
    return hit;
  }
  let result: MatcherRegex | string;
  if (LITERAL_ALTERNATION.test(source)) {
    result = new LiteralAlternation(source);
  } else {
    try {
      result = RE2JS.compile(`^(?s:${source})$`);
    } catch (e) {
      result = e instanceof Error ? e.message : String(e);
    }
  }
  if (compiled && source.length <= LONGEST_KEPT) {
    if (compiled.size >= KEPT) compiled.delete(compiled.keys().next().value as string);
    compiled.set(source, result);
  }
  return result;
}
