/**
 * Where the cursor is in a YAML document, read from indentation rather than a
 * parse, so it works on the half-written text completion sees.
 */
export interface YamlPosition {
  /** Keys from the document root down to the mapping the cursor is in. */
  path: string[];
  /** The key on the cursor's line, when the cursor is in its value. */
  valueKey?: string;
  /** The word being typed and its range. */
  from: number;
  to: number;
  /** Keys already present beside the cursor. */
  siblings: string[];
}

/** A `key:` line; keys may be diagnostic codes (`config/policy`) or dotted names. */
export const KEY_LINE = /^(\s*)([A-Za-z_][\w./-]*)\s*:(.*)$/;

/** A list item's dash (`  - key: v`) read as indentation, so its first key sits with the item's other keys; same length. */
function undashed(line: string): string {
  return line.replace(/^(\s*)- /, (_, indent: string) => `${indent}  `).replace(/\r$/, '');
}

/** Whether a line starts a list item at a column before `indent`: the item the cursor is in begins (or the next one does). */
function opensItemBefore(line: string, indent: number): boolean {
  const dash = /^(\s*)- /.exec(line);
  return dash !== null && (dash[1]?.length ?? 0) < indent;
}

export function positionAt(text: string, offset: number): YamlPosition {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndRaw = text.indexOf('\n', offset);
  const lineEnd = lineEndRaw < 0 ? text.length : lineEndRaw;
  const line = undashed(text.slice(lineStart, lineEnd));
  const column = offset - lineStart;
  const indent = line.length - line.trimStart().length;
  const keyMatch = KEY_LINE.exec(line);
  const colon = keyMatch ? line.indexOf(':', indent) : -1;
  const inValue = keyMatch !== null && colon >= 0 && column > colon;

  // Ancestors: the nearest lines above with less indentation, each `key:` opening a mapping.
  const path: string[] = [];
  let level = inValue || line.trim() !== '' ? indent : column;
  const lines = text.slice(0, Math.max(0, lineStart - 1)).split('\n');
  for (let i = lines.length - 1; i >= 0 && level > 0; i--) {
    const above = undashed(lines[i] ?? '');
    if (above.trim() === '' || above.trimStart().startsWith('#')) continue;
    const aboveIndent = above.length - above.trimStart().length;
    if (aboveIndent >= level) continue;
    const match = KEY_LINE.exec(above);
    if (!match) break;
    path.unshift(match[2] ?? '');
    level = aboveIndent;
  }

  const siblings = siblingKeys(text, lineStart, indent);
  if (inValue) {
    const valueStart = lineStart + colon + 1 + (line.slice(colon + 1).length - line.slice(colon + 1).trimStart().length);
    const rawValue = text
      .slice(valueStart, lineEnd)
      .replace(/\s+#.*$/, '')
      .trimEnd();
    return { path, valueKey: keyMatch?.[2], from: valueStart, to: valueStart + rawValue.length, siblings };
  }
  const wordStart = lineStart + indent;
  const wordEnd = keyMatch ? lineStart + colon : lineStart + line.trimEnd().length;
  return { path, from: Math.min(wordStart, offset), to: Math.max(wordEnd, offset), siblings };
}

/** Keys at `indent` in the block around the line starting at `lineStart`. */
function siblingKeys(text: string, lineStart: number, indent: number): string[] {
  const keys: string[] = [];
  const scan = (lines: string[], upward: boolean) => {
    for (const raw of lines) {
      const line = undashed(raw);
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      const lineIndent = line.length - line.trimStart().length;
      if (lineIndent < indent) break;
      // Another list item's keys are not siblings: upward, its dash line is the item's first (and last) line read.
      const itemEdge = opensItemBefore(raw, indent);
      if (itemEdge && !upward) break;
      const match = KEY_LINE.exec(line);
      if (lineIndent === indent && match) keys.push(match[2] ?? '');
      if (itemEdge) break;
    }
  };
  const current = text.slice(lineStart, text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart));
  if (!opensItemBefore(current, indent)) scan(text.slice(0, lineStart).split('\n').slice(0, -1).reverse(), true);
  const after = text.indexOf('\n', lineStart);
  if (after >= 0) scan(text.slice(after + 1).split('\n'), false);
  return keys;
}
