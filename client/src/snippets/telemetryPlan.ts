/**
 * Where the telemetry initialization goes in a source file, so that the file
 * still compiles: the statements at the cursor (wrapped in a function when
 * the cursor is at the top level of a Go, Rust or Dart file, where statements
 * cannot stand), and the imports they need merged into the file's imports —
 * an edit of its own, never an `import` inside a function body. Only what is
 * not imported yet is added. No vscode import.
 */
import type { TelemetryLanguage, TelemetrySnippet } from './telemetryInit';

/** Text to put at `offset` of the file, replacing `length` characters. */
export interface TextInsert {
  offset: number;
  length: number;
  text: string;
}

export interface TelemetryPlacement {
  /** The snippet to insert at the cursor. */
  snippet: string;
  /** The edit that adds the missing imports, if any are missing. */
  imports?: TextInsert;
}

export function placeTelemetry(language: TelemetryLanguage, snippet: TelemetrySnippet, filled: string, fileText: string, cursor: number): TelemetryPlacement {
  const before = fileText.slice(0, cursor);
  const topLevel = braceDepth(before) === 0;
  let body = filled;
  const imports = [...snippet.imports];
  switch (language) {
    case 'go': {
      const header = enclosingHeader(before, /^func\b.*$/gm);
      if (topLevel || !/\bctx\s+context\.Context\b/.test(header ?? '')) {
        body = `ctx := context.Background()\n${body}`;
        imports.unshift('context');
      }
      if (topLevel) body = wrap(`func ${/^func main\(/m.test(fileText) ? 'initTelemetry' : 'main'}() {`, body, '}');
      break;
    }
    case 'rust': {
      const header = topLevel ? undefined : enclosingHeader(before, /^\s*(?:pub\s+)?(?:async\s+)?fn\b[^{]*/gm);
      if (topLevel) {
        body = wrap(`fn ${/^\s*fn main\(/m.test(fileText) ? 'init_k1s0_telemetry' : 'main'}() -> Result<(), Box<dyn std::error::Error>> {`, `${body.replace(/\$0$/, '')}Ok(())\n$0`, '}');
      } else if (!/->\s*[\w:]*Result\b/.test(header ?? '')) {
        // `?` needs a function that returns a Result.
        body = body.replace('init_telemetry(&cfg)?;', 'init_telemetry(&cfg).expect("k1s0 telemetry");');
      }
      break;
    }
    case 'dart':
      if (topLevel) body = wrap(`void ${/^void main\(/m.test(fileText) ? 'initK1s0Telemetry' : 'main'}() {`, body, '}');
      break;
    case 'typescript':
      break;
  }
  const edit = importEdit(language, fileText, imports);
  return edit ? { snippet: body, imports: edit } : { snippet: body };
}

/** The edit adding what `imports` names and the file does not import yet; undefined when nothing is missing. */
export function importEdit(language: TelemetryLanguage, text: string, imports: readonly string[]): TextInsert | undefined {
  switch (language) {
    case 'go':
      return goImports(text, imports);
    case 'typescript':
      return tsImports(text, imports);
    case 'rust':
      return lineImports(text, imports, /^use\s[^;]*;[^\n]*$/gm, leadingRust(text));
    case 'dart':
      return lineImports(text, imports, /^import\s[^;]*;[^\n]*$/gm, 0);
  }
}

/** Go: specs added to the file's `import ( … )` block, else a block after the last import or the package clause. */
function goImports(text: string, specs: readonly string[]): TextInsert | undefined {
  const pathOf = (spec: string) => /"([^"]+)"/.exec(spec)?.[1] ?? spec;
  const imported = new Set<string>();
  const code = withoutGoComments(text);
  for (const block of code.matchAll(/^import\s*\(([^)]*)\)/gm)) for (const path of (block[1] ?? '').matchAll(/"([^"]+)"/g)) imported.add(path[1] ?? '');
  for (const single of code.matchAll(/^import\s+(?:[\w.]+\s+)?"([^"]+)"/gm)) imported.add(single[1] ?? '');
  const missing = specs.map((spec) => (spec.includes('"') ? spec : `"${spec}"`)).filter((spec) => !imported.has(pathOf(spec)));
  if (missing.length === 0) return undefined;
  const block = /^import\s*\(([^)]*)\)/m.exec(code);
  if (block) {
    const close = block.index + block[0].length - 1;
    const lineStart = text.lastIndexOf('\n', close - 1) + 1;
    const onOwnLine = text.slice(lineStart, close).trim() === '';
    return { offset: onOwnLine ? lineStart : close, length: 0, text: `${onOwnLine ? '' : '\n'}${missing.map((spec) => `\t${spec}\n`).join('')}` };
  }
  const anchors = [...code.matchAll(/^import\s+[^(\n][^\n]*$/gm), ...code.matchAll(/^package\s+\w+[^\n]*$/gm)];
  const last = anchors.reduce<RegExpMatchArray | undefined>((a, b) => (!a || (b.index ?? 0) > (a.index ?? 0) ? b : a), undefined);
  const offset = last ? (last.index ?? 0) + last[0].length : 0;
  return { offset, length: 0, text: `${last ? '\n\n' : ''}import (\n${missing.map((spec) => `\t${spec}\n`).join('')})${last ? '' : '\n\n'}` };
}

/** TypeScript: names merged into an import of the same module, else the import after the last one. */
function tsImports(text: string, lines: readonly string[]): TextInsert | undefined {
  let result: TextInsert | undefined;
  for (const line of lines) {
    const wanted = /^import\s*\{([^}]*)\}\s*from\s*(['"])([^'"]+)\2;?$/.exec(line.trim());
    const module = wanted?.[3];
    if (!wanted || module === undefined) continue;
    const existing = new RegExp(`^import\\s*(type\\s+)?\\{([^}]*)\\}\\s*from\\s*['"]${module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"]`, 'm').exec(text);
    if (existing && !existing[1]) {
      const have = new Set(
        (existing[2] ?? '')
          .split(',')
          .map((n) => n.trim().replace(/^type\s+/, ''))
          .filter(Boolean),
      );
      const add = (wanted[1] ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n && !have.has(n.replace(/^type\s+/, '')));
      if (add.length === 0) continue;
      const names = [
        ...(existing[2] ?? '')
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean),
        ...add,
      ];
      const braceStart = existing.index + existing[0].indexOf('{');
      const braceEnd = existing.index + existing[0].indexOf('}') + 1;
      result = { offset: braceStart, length: braceEnd - braceStart, text: `{ ${names.join(', ')} }` };
    } else if (!existing) {
      result = lineImports(text, [line], /^import\s[^;]*;[^\n]*$/gm, 0);
    }
  }
  return result;
}

/** One line per import, after the file's last import line (else at `fallback`), leaving out lines already there. */
function lineImports(text: string, lines: readonly string[], existing: RegExp, fallback: number): TextInsert | undefined {
  const present = new Set([...text.matchAll(existing)].map((m) => m[0].replace(/\s+/g, ' ').trim()));
  const missing = lines.filter((line) => !present.has(line.replace(/\s+/g, ' ').trim()));
  if (missing.length === 0) return undefined;
  const matches = [...text.matchAll(existing)];
  const last = matches[matches.length - 1];
  if (last) return { offset: (last.index ?? 0) + last[0].length, length: 0, text: missing.map((line) => `\n${line}`).join('') };
  return { offset: fallback, length: 0, text: `${fallback > 0 ? '\n' : ''}${missing.join('\n')}\n${fallback > 0 ? '' : '\n'}` };
}

/** Where a Rust file's items start: after its inner doc comments and attributes. */
function leadingRust(text: string): number {
  const lead = /^(?:(?:\/\/![^\n]*|#!\[[^\]]*\])\s*\n)*/.exec(text);
  return lead ? lead[0].length : 0;
}

/** How deep in braces the end of `text` is, outside strings and comments (well enough for the code around a cursor). */
export function braceDepth(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) break;
      i = end + 1;
    } else if (ch === '"' || ch === '`' || (ch === "'" && /[\s(=,:[]/.test(text[i - 1] ?? ' '))) {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
    } else if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
  }
  return depth;
}

/** The last line of `before` matching `header` (the function the cursor is in). */
function enclosingHeader(before: string, header: RegExp): string | undefined {
  const matches = [...before.matchAll(header)];
  return matches[matches.length - 1]?.[0];
}

/** The statements as the body of a function (the final tab stop after it). */
function wrap(open: string, body: string, close: string): string {
  const lines = body.replace(/\n?\$0$/, '').split('\n');
  return `${open}\n${lines.map((line) => (line ? `    ${line}` : line)).join('\n')}\n${close}\n$0`;
}

function withoutGoComments(text: string): string {
  return text.replace(/\/\*[^]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/\/\/[^\n]*/g, (m) => ' '.repeat(m.length));
}
