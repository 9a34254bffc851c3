/**
 * A linear pre-scan for YAML nesting depth. The `yaml` composer recurses once
 * per level, and V8 dies (a fatal, uncatchable "RegExpCompiler allocation
 * failed") when a regex is first compiled near the stack limit; so documents
 * nested deeper than any real config are refused before they are parsed.
 */
export const MAX_YAML_DEPTH = 256;

/** The offset at which nesting first exceeds `limit`, or -1 when it never does. */
export function findExcessiveNesting(text: string, limit = MAX_YAML_DEPTH): number {
  let flowDepth = 0;
  const indents: number[] = [];
  let lineStart = true;
  let column = 0;
  let lineOffset = 0;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      lineStart = true;
      column = 0;
      lineOffset = i + 1;
      continue;
    }
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (lineStart) {
      if (ch === ' ') {
        column++;
        continue;
      }
      lineStart = false;
      if (ch === '#') {
        i = skipToLineEnd(text, i);
        continue;
      }
      // Block nesting: one level per deeper indentation still open.
      while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= column) indents.pop();
      indents.push(column);
    }
    if (ch === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t')) {
      i = skipToLineEnd(text, i);
      continue;
    }
    if (ch === '"' || ch === "'") {
      if (ch === '"' || /[\s[{,:]/.test(text[i - 1] ?? ' ')) quote = ch;
    } else if (ch === '[' || ch === '{') {
      flowDepth++;
    } else if ((ch === ']' || ch === '}') && flowDepth > 0) {
      flowDepth--;
    } else if (flowDepth === 0 && (ch === '-' || ch === '?' || ch === ':') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      // Compact nesting on one line (`- - - x`, `? ? x`) opens a level per indicator. Inside a
      // flow collection its brackets are the nesting: `{a: 1, b: 2, …}` is one level however long.
      indents.push(i - lineOffset + 1);
    }
    if (flowDepth + indents.length > limit) return i;
  }
  return -1;
}

function skipToLineEnd(text: string, from: number): number {
  let i = from;
  while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
  return i;
}
