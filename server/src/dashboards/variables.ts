/**
 * Grafana template variables inside a query: where they are, and the query
 * with each replaced by a representative value of the right kind, so the
 * query behind them can be parsed and checked.
 */

import { OffsetMap } from './offsetMap';

/** One `$var`, `${var}`, `${var:format}`, `${var.path}` or `[[var]]` in a query. */
export interface VariableReference {
  name: string;
  /** [from, to) in the query text. */
  from: number;
  to: number;
}

/** Grafana's own pattern (public/app/features/variables/utils.ts, variableRegex). */
const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

/** Every variable reference in `text`. `$1` and the like (regex back-references) are not variables. */
export function findVariableReferences(text: string): VariableReference[] {
  const found: VariableReference[] = [];
  VARIABLE.lastIndex = 0;
  for (let match = VARIABLE.exec(text); match; match = VARIABLE.exec(text)) {
    const name = match[1] ?? match[2] ?? match[4] ?? '';
    if (!name || /^\d/.test(name)) continue;
    found.push({ name, from: match.index, to: match.index + match[0].length });
  }
  return found;
}

export type StandInKind = 'duration' | 'number' | 'identifier' | 'text';

const DURATION_BUILTINS = new Set(['__interval', '__rate_interval', '__range', '__auto']);
const NUMBER_BUILTINS = new Set(['__interval_ms', '__range_ms', '__range_s', '__rate_interval_ms', '__from', '__to']);

/** Grafana's global variables: every name with a leading double underscore is Grafana's. */
export function isBuiltin(name: string): boolean {
  return name.startsWith('__');
}

/** The kind a built-in or declared variable always has, whatever its position. */
export function fixedKind(name: string, declaredType: string | undefined): StandInKind | undefined {
  if (DURATION_BUILTINS.has(name) || name.startsWith('__auto_interval')) return 'duration';
  if (NUMBER_BUILTINS.has(name)) return 'number';
  if (declaredType === 'interval') return 'duration';
  return undefined;
}

/** A query with its variables replaced, and the way back to the query's offsets. */
export interface SubstitutedQuery {
  value: string;
  /** Range [from, to) in the original text covering the source of `value[a..b)`. */
  toOriginal(a: number, b: number): [number, number];
  /** Whether `value[a..b)` overlaps a stand-in. */
  isSubstituted(a: number, b: number): boolean;
}

interface Context {
  inString: boolean;
  inBrackets: boolean;
  inBraces: boolean;
}

const IN_STRING = 1;
const IN_BRACKETS = 2;
const IN_BRACES = 4;

/** Quote and bracket state at each offset, one byte each (PromQL and LogQL share the lexical shape). */
function contexts(text: string): Uint8Array {
  const out = new Uint8Array(text.length + 1);
  let quote: string | undefined;
  let brackets = 0;
  let braces = 0;
  const state = (inString: boolean) => (inString ? IN_STRING : 0) | (brackets > 0 ? IN_BRACKETS : 0) | (braces > 0 ? IN_BRACES : 0);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    out[i] = state(quote !== undefined);
    if (quote !== undefined) {
      if (ch === '\\' && quote !== '`') {
        i++;
        if (i < text.length) out[i] = state(true);
      } else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '[') brackets++;
    else if (ch === ']') brackets = Math.max(0, brackets - 1);
    else if (ch === '{') braces++;
    else if (ch === '}') braces = Math.max(0, braces - 1);
    else if (ch === '#') {
      // A comment runs to the end of the line: its quotes and brackets open nothing.
      while (i + 1 < text.length && text[i + 1] !== '\n') {
        i++;
        out[i] = state(true);
      }
    }
  }
  out[text.length] = state(quote !== undefined);
  return out;
}

function contextAt(contexts: Uint8Array, offset: number): Context {
  const flags = contexts[offset] ?? 0;
  return { inString: (flags & IN_STRING) !== 0, inBrackets: (flags & IN_BRACKETS) !== 0, inBraces: (flags & IN_BRACES) !== 0 };
}

/** How far back from a variable its kind is looked for: a label list or an `offset` is short. */
const LOOK_BEHIND = 4096;

const NAME_CHAR = /[A-Za-z0-9_:]/;
const GROUPING = /\b(?:by|without|on|ignoring|group_left|group_right)\s*\([\w\s,$:{}[\]]*$/;

/**
 * The kind of value a variable stands for at `ref`, from where it sits:
 * inside quotes any text, inside `[...]` or after `offset` a duration, where a
 * name goes (label lists, matchers, next to name characters) an identifier.
 * Elsewhere it is ambiguous (a threshold, a metric, an operator): the reading decides.
 */
function kindAt(text: string, ref: VariableReference, context: Context): StandInKind | 'ambiguous' {
  if (context.inString) return 'text';
  if (context.inBrackets) return 'duration';
  // A bounded look back: end-anchored patterns over the whole text would cost O(length) per variable.
  const before = text.slice(Math.max(0, ref.from - LOOK_BEHIND), ref.from);
  const after = text.slice(ref.to);
  if (/\boffset\s*$/.test(before)) return 'duration';
  if (/@\s*$/.test(before)) return 'number';
  if (NAME_CHAR.test(before.slice(-1)) || NAME_CHAR.test(after.charAt(0))) return 'identifier';
  if (/^\s*(?:[{[(]|=~|!~|!=|=(?!=))/.test(after)) return 'identifier';
  if (context.inBraces || GROUPING.test(before)) return 'identifier';
  return 'ambiguous';
}

/**
 * How to read positions whose kind is ambiguous: as a number, as an
 * identifier, or as the variable's current value (a custom variable may stand
 * for an operator: `$op` with values `or` / `unless`).
 */
export type Reading = 'number' | 'identifier' | 'current';

function standIn(kind: StandInKind, name: string): string {
  switch (kind) {
    case 'duration':
      return '5m';
    case 'number':
      return '1';
    case 'identifier':
    case 'text':
      // The variable's own name: a valid identifier, distinct per variable, and harmless in a regex.
      return name.replace(/\W/g, '_') || 'x';
  }
}

/**
 * Replaces every reference with a stand-in. `typeOf` gives a declared
 * variable's type (`interval` variables are durations wherever they sit).
 */
export function substitute(
  text: string,
  references: readonly VariableReference[],
  typeOf: (name: string) => string | undefined,
  reading: Reading = 'number',
  currentOf: (name: string) => string | undefined = () => undefined,
): SubstitutedQuery {
  const ctx = references.length > 0 ? contexts(text) : new Uint8Array(0);
  const map = new OffsetMap();
  const parts: string[] = [];
  let pos = 0;
  const copy = (end: number): void => {
    if (end <= pos) return;
    parts.push(text.slice(pos, end));
    map.copy(pos, end - pos);
    pos = end;
  };
  for (const ref of references) {
    copy(ref.from);
    const context = contextAt(ctx, ref.from);
    const fixed = fixedKind(ref.name, typeOf(ref.name));
    const kind = context.inString ? 'text' : (fixed ?? kindAt(text, ref, context));
    const current = currentOf(ref.name);
    const replacement =
      kind !== 'ambiguous' ? standIn(kind, ref.name) : reading === 'current' && current && !current.includes('$') ? current : standIn(reading === 'identifier' ? 'identifier' : 'number', ref.name);
    // Every UTF-16 unit of the stand-in maps to the whole reference (a current value may hold surrogate pairs).
    parts.push(replacement);
    map.replace(ref.from, ref.to, replacement.length);
    pos = ref.to;
  }
  copy(text.length);
  const value = parts.join('');
  const startOf = (a: number): number => (a < value.length ? map.startOf(a) : text.length);
  return {
    value,
    toOriginal(a, b) {
      const start = startOf(Math.max(0, Math.min(a, value.length)));
      if (b <= a) return [start, start];
      const last = Math.min(b, value.length) - 1;
      const end = last >= 0 ? map.endOf(last) : start;
      return [start, Math.max(start, end)];
    },
    isSubstituted: (a, b) => map.anyReplaced(a, Math.max(b, a + 1)),
  };
}

/** Whether any reference sits where its kind had to be guessed (so a second reading may be tried). */
export function hasAmbiguousReference(text: string, references: readonly VariableReference[], typeOf: (name: string) => string | undefined): boolean {
  if (references.length === 0) return false;
  const ctx = contexts(text);
  return references.some((ref) => {
    const context = contextAt(ctx, ref.from);
    if (context.inString || fixedKind(ref.name, typeOf(ref.name))) return false;
    return kindAt(text, ref, context) === 'ambiguous';
  });
}
