/**
 * VS Code's snippet syntax (tab stops, placeholders, choices, variables),
 * parsed, expanded with its defaults and written back. No vscode import:
 * the snippet tests and the "Insert telemetry initialization" command share it.
 */

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: SnippetNode[]; choices?: string[]; braced?: boolean }
  | { kind: 'variable'; name: string; children: SnippetNode[]; braced?: boolean };

export class SnippetSyntaxError extends Error {}

/** Parses a snippet body (the lines of a snippet file's `body`, joined with `\n`). */
export function parseSnippet(source: string): SnippetNode[] {
  let i = 0;
  const text = (out: SnippetNode[], value: string): void => {
    const last = out[out.length - 1];
    if (last?.kind === 'text') last.value += value;
    else out.push({ kind: 'text', value });
  };
  const parseUntil = (closing: boolean): SnippetNode[] => {
    const out: SnippetNode[] = [];
    while (i < source.length) {
      const c = source[i] ?? '';
      if (c === '\\' && i + 1 < source.length && '$}\\'.includes(source[i + 1] ?? '')) {
        text(out, source[i + 1] ?? '');
        i += 2;
        continue;
      }
      if (closing && c === '}') return out;
      if (c === '$') {
        const node = parseDollar();
        if (node) {
          out.push(node);
          continue;
        }
      }
      text(out, c);
      i++;
    }
    if (closing) throw new SnippetSyntaxError(`unclosed placeholder at the end of the snippet`);
    return out;
  };
  const parseDollar = (): SnippetNode | undefined => {
    const start = i;
    const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(i));
    if (simple?.[1]) {
      i += simple[0].length;
      const name = simple[1];
      return /^\d+$/.test(name) ? { kind: 'tabstop', index: Number(name), children: [] } : { kind: 'variable', name, children: [] };
    }
    const braced = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(i));
    if (!braced?.[1]) return undefined;
    i += braced[0].length;
    const name = braced[1];
    const numeric = /^\d+$/.test(name);
    const next = source[i];
    if (next === '}') {
      i++;
      return numeric ? { kind: 'tabstop', index: Number(name), children: [], braced: true } : { kind: 'variable', name, children: [], braced: true };
    }
    if (next === ':') {
      i++;
      const children = parseUntil(true);
      i++; // the closing brace
      return numeric ? { kind: 'tabstop', index: Number(name), children } : { kind: 'variable', name, children };
    }
    if (next === '|' && numeric) {
      i++;
      const choices: string[] = [];
      let current = '';
      for (;;) {
        const c = source[i];
        if (c === undefined) throw new SnippetSyntaxError(`unclosed choice at offset ${start}`);
        if (c === '\\' && ',|\\$}'.includes(source[i + 1] ?? '')) {
          current += source[i + 1];
          i += 2;
          continue;
        }
        if (c === ',') {
          choices.push(current);
          current = '';
          i++;
          continue;
        }
        if (c === '|' && source[i + 1] === '}') {
          choices.push(current);
          i += 2;
          return { kind: 'tabstop', index: Number(name), children: [], choices };
        }
        current += c;
        i++;
      }
    }
    throw new SnippetSyntaxError(`malformed placeholder at offset ${start}: ${source.slice(start, start + 20)}`);
  };
  return parseUntil(false);
}

/**
 * The text the snippet inserts when every stop keeps its default: a choice's
 * first option, a placeholder's default (a bare mirror repeats the placeholder
 * of the same index), variables by `variables` or their default.
 */
export function expandSnippet(nodes: readonly SnippetNode[], variables: Readonly<Record<string, string>> = {}): string {
  const defaults = new Map<number, SnippetNode[] | string>();
  const collect = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      if (node.kind === 'tabstop') {
        if (node.choices && !defaults.has(node.index)) defaults.set(node.index, node.choices[0] ?? '');
        else if (node.children.length && !defaults.has(node.index)) defaults.set(node.index, node.children);
        collect(node.children);
      } else if (node.kind === 'variable') collect(node.children);
    }
  };
  collect(nodes);
  const render = (list: readonly SnippetNode[]): string =>
    list
      .map((node) => {
        if (node.kind === 'text') return node.value;
        if (node.kind === 'variable') return variables[node.name] ?? render(node.children);
        const value = defaults.get(node.index);
        return value === undefined ? '' : typeof value === 'string' ? value : render(value);
      })
      .join('');
  return render(nodes);
}

/** Writes nodes back as snippet syntax (escaping text so it stays text). */
export function printSnippet(nodes: readonly SnippetNode[], inside = false): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return escapeText(node.value, inside);
      const id = node.kind === 'variable' ? node.name : String(node.index);
      if (node.kind === 'tabstop' && node.choices) return `\${${id}|${node.choices.map((c) => c.replace(/[\\,|$}]/g, (x) => `\\${x}`)).join(',')}|}`;
      if (node.children.length) return `\${${id}:${printSnippet(node.children, true)}}`;
      return node.braced ? `\${${id}}` : `$${id}`;
    })
    .join('');
}

/** `$` always, `}` inside a placeholder, and a backslash that would escape what follows. */
function escapeText(value: string, inside: boolean): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    const next = value[i + 1];
    if (c === '$' || (c === '}' && inside) || (c === '\\' && (next === undefined || '$}\\'.includes(next)))) out += `\\${c}`;
    else out += c;
  }
  return out;
}

/**
 * Gives tab stops new defaults: a placeholder's default becomes the value, a
 * choice gets the value as its first option (the others stay as alternatives).
 */
export function withDefaults(nodes: readonly SnippetNode[], values: ReadonlyMap<number, string>): SnippetNode[] {
  return nodes.map((node): SnippetNode => {
    if (node.kind === 'text') return node;
    if (node.kind === 'variable') return { ...node, children: withDefaults(node.children, values) };
    const value = values.get(node.index);
    if (value === undefined) return { ...node, children: withDefaults(node.children, values) };
    if (node.choices) return { ...node, choices: [value, ...node.choices.filter((c) => c !== value)] };
    return node.children.length ? { ...node, children: [{ kind: 'text', value }] } : node;
  });
}
