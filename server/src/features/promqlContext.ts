/**
 * What is being typed at a position of a PromQL expression — a metric or
 * function, a label name inside `{…}` or `by (…)`, a label value, a duration —
 * read from the text before the cursor, so it works on the half-typed,
 * unparsable expressions completion is asked for.
 */

export type PromqlContext =
  | { kind: 'expression'; from: number; to: number }
  | { kind: 'label-name'; metric?: string; used: string[]; from: number; to: number }
  | { kind: 'label-value'; metric?: string; label: string; quote: string; from: number; to: number }
  | { kind: 'grouping-label'; from: number; to: number }
  | { kind: 'duration'; from: number; to: number }
  | { kind: 'none' };

const GROUPING_KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const NAME_CHAR = /[A-Za-z0-9_:]/;
const LABEL_CHAR = /[A-Za-z0-9_]/;

interface Open {
  bracket: '(' | '{' | '[';
  /** The word right before the bracket: a metric before `{`, `by` before `(`. */
  before: string;
  /** Label names already written in this `{…}`. */
  labels: string[];
}

export function promqlContextAt(expr: string, offset: number): PromqlContext {
  const stack: Open[] = [];
  let lastWord = '';
  /** The label name and operator of the matcher being written inside `{…}`. */
  let matcherLabel = '';
  let afterMatchOp = false;
  let i = 0;
  while (i < offset) {
    const ch = expr[i] ?? '';
    if (ch === '#') {
      const lineEnd = expr.indexOf('\n', i);
      if (lineEnd < 0 || lineEnd >= offset) return { kind: 'none' };
      i = lineEnd + 1;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      const close = findStringEnd(expr, i, ch);
      if (close < 0 || close >= offset) {
        const top = stack[stack.length - 1];
        if (top?.bracket === '{' && afterMatchOp) {
          const valueEnd = close < 0 ? expr.length : close;
          return { kind: 'label-value', metric: top.before || undefined, label: matcherLabel, quote: ch, from: i + 1, to: Math.max(offset, valueEnd) };
        }
        return { kind: 'none' };
      }
      i = close + 1;
      afterMatchOp = false;
      continue;
    }
    if (NAME_CHAR.test(ch)) {
      let end = i;
      while (end < expr.length && NAME_CHAR.test(expr[end] ?? '')) end++;
      if (end >= offset) break; // the word under the cursor
      lastWord = expr.slice(i, end);
      const top = stack[stack.length - 1];
      if (top?.bracket === '{' && !afterMatchOp) {
        matcherLabel = lastWord;
        top.labels.push(lastWord);
      }
      i = end;
      continue;
    }
    if (ch === '(' || ch === '{' || ch === '[') {
      stack.push({ bracket: ch, before: lastWord, labels: [] });
      lastWord = '';
      afterMatchOp = false;
    } else if (ch === ')' || ch === '}' || ch === ']') {
      stack.pop();
      lastWord = '';
    } else if (ch === ',') {
      afterMatchOp = false;
      lastWord = '';
    } else if ((ch === '=' || ch === '!' || ch === '~') && stack[stack.length - 1]?.bracket === '{') {
      afterMatchOp = true;
    } else if (!/\s/.test(ch)) {
      lastWord = '';
    }
    i++;
  }

  const top = stack[stack.length - 1];
  if (top?.bracket === '{') {
    if (afterMatchOp) return { kind: 'none' }; // between `=` and the opening quote
    const [from, to] = wordAround(expr, offset, LABEL_CHAR);
    return { kind: 'label-name', metric: top.before || undefined, used: top.labels.filter((l) => l !== expr.slice(from, to)), from, to };
  }
  if (top?.bracket === '(' && GROUPING_KEYWORDS.has(top.before.toLowerCase())) {
    const [from, to] = wordAround(expr, offset, LABEL_CHAR);
    return { kind: 'grouping-label', from, to };
  }
  if (top?.bracket === '[') {
    const [from, to] = wordAround(expr, offset, /[A-Za-z0-9]/);
    return { kind: 'duration', from, to };
  }
  const [from, to] = wordAround(expr, offset, NAME_CHAR);
  return { kind: 'expression', from, to };
}

/** Index of the quote closing the string opened at `start`, or -1. */
function findStringEnd(expr: string, start: number, quote: string): number {
  for (let j = start + 1; j < expr.length; j++) {
    const c = expr[j];
    if (c === '\\' && quote !== '`') j++;
    else if (c === quote) return j;
    else if (c === '\n' && quote !== '`') return -1;
  }
  return -1;
}

/** The word made of `chars` that touches `offset`. */
export function wordAround(text: string, offset: number, chars: RegExp): [number, number] {
  let from = offset;
  while (from > 0 && chars.test(text[from - 1] ?? '')) from--;
  let to = offset;
  while (to < text.length && chars.test(text[to] ?? '')) to++;
  return [from, to];
}

/** A call the cursor is inside: the function or aggregation and which of its arguments (0-based) is being written. */
export interface EnclosingCall {
  name: string;
  argument: number;
}

/**
 * The brackets open at `offset`, outermost first: a `(` with the word before it
 * (lower-cased; '' for a plain parenthesis), `{` and `[` with '', each with the
 * commas seen inside it so far. Strings and `#` comments are skipped.
 */
export function openBrackets(expr: string, offset: number): { name: string; commas: number }[] {
  const opens: { name: string; commas: number }[] = [];
  let quote: string | undefined;
  for (let i = 0; i < offset; i++) {
    const ch = expr[i] ?? '';
    if (quote) {
      if (ch === '\\' && quote !== '`') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '#') {
      const lineEnd = expr.indexOf('\n', i);
      if (lineEnd < 0) break;
      i = lineEnd;
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '(' || ch === '{' || ch === '[') opens.push({ name: ch === '(' ? callNameBefore(expr, i) : '', commas: 0 });
    else if (ch === ')' || ch === '}' || ch === ']') opens.pop();
    else if (ch === ',') {
      const top = opens[opens.length - 1];
      if (top) top.commas++;
    }
  }
  return opens;
}

/**
 * The calls enclosing `offset`, outermost first (`histogram_quantile(0.99,
 * sum by (le) (rate(|` gives histogram_quantile at 1, then rate at 0; the
 * `by (le) (` parentheses are not calls). Read from the text before the
 * cursor, as completion is asked on half-typed expressions.
 */
export function enclosingCalls(expr: string, offset: number): EnclosingCall[] {
  return openBrackets(expr, offset)
    .filter((open) => open.name !== '' && !GROUPING_KEYWORDS.has(open.name))
    .map((open) => ({ name: open.name, argument: open.commas }));
}

/** The identifier right before an opening parenthesis (lower-cased), or ''. */
function callNameBefore(expr: string, index: number): string {
  let end = index;
  while (end > 0 && /\s/.test(expr[end - 1] ?? '')) end--;
  let start = end;
  while (start > 0 && /[A-Za-z0-9_]/.test(expr[start - 1] ?? '')) start--;
  return expr.slice(start, end).toLowerCase();
}
