/**
 * Completion and hover in any file kind whose handler declares its structure
 * as a shape (base/yaml/shape.ts): the keys a mapping may have where a key
 * goes, the enumerated values where a value goes, a key's documentation on
 * hover. Positions are read from indentation (yamlPosition.ts), so they work
 * on the half-written text completion sees.
 */
import { fieldsOf, shapeAt, type Field, type Shape } from '../base/yaml/shape';
import type { CompletionItem, HoverResult } from './types';
import { KEY_LINE, positionAt } from './yamlPosition';
import { say } from './messages';
import { docText } from './shapeDocs';

export function completeShape(text: string, offset: number, root: Shape): CompletionItem[] {
  const position = positionAt(text, offset);
  const { from, to } = position;
  if (position.valueKey !== undefined) {
    const at = shapeAt(root, [...position.path, position.valueKey]);
    const values = valuesOf(at?.shape, text);
    const documentation = docText(at?.field?.doc);
    // In a flow list (`receivers: [otlp, ot|]`) the item under the cursor is replaced, not the list.
    const [start, end] = text.slice(from, offset).includes('[') ? flowItemAt(text, from, offset, to) : [from, to];
    return values.map((label, i) => ({ label, kind: 'enum' as const, ...(documentation ? { documentation } : {}), sortText: rank(i), start, end }));
  }
  const at = shapeAt(root, position.path);
  if (!at) return [];
  // `- E|` in a list of enumerated scalars (`status_codes:`): the values, not keys.
  if (at.shape.type !== 'map' && /^\s*- [^\s:]*$/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset))) {
    const documentation = docText(at.field?.doc);
    return valuesOf(at.shape, text).map((label, i) => ({ label, kind: 'enum' as const, ...(documentation ? { documentation } : {}), sortText: rank(i), start: from, end: to }));
  }
  return fieldsOf(at.shape)
    .filter(([key]) => !position.siblings.includes(key))
    .map(([key, field], i) => ({
      label: key,
      kind: 'property' as const,
      detail: describe(field),
      ...(field.doc ? { documentation: docText(field.doc) } : {}),
      insertText: insertionOf(key, field),
      snippet: true,
      // Required keys first, then in the table's order (the tool's own documentation order).
      sortText: `${field.required ? 0 : 1}${rank(i)}`,
      start: from,
      end: to,
    }));
}

export function hoverShape(text: string, offset: number, root: Shape): HoverResult | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  // `- key: value` starts a list item: the key is after the dash.
  const match = KEY_LINE.exec(line.replace(/^(\s*)- /, '$1  '));
  if (!match) return undefined;
  const keyStart = lineStart + (match[1]?.length ?? 0);
  const key = match[2] ?? '';
  if (offset < keyStart || offset > keyStart + key.length) return undefined;
  const at = shapeAt(root, [...positionAt(text, keyStart).path, key]);
  if (!at?.field) return undefined;
  const values = valuesOf(at.shape);
  const lines = [`**${key}** — ${describe(at.field)}`, docText(at.field.doc) ?? '', values.length > 1 && at.shape.type !== 'bool' ? say('shapeValues', { values }) : ''];
  return { contents: lines.filter(Boolean).join('\n\n'), start: keyStart, end: keyStart + key.length };
}

function valuesOf(shape: Shape | undefined, text?: string): readonly string[] {
  if (!shape) return [];
  if (shape.type === 'bool') return ['true', 'false'];
  if (shape.type === 'oneOf') return shape.options.flatMap((option) => valuesOf(option, text));
  if ('suggest' in shape && shape.suggest && text !== undefined) return shape.suggest(text);
  return 'enum' in shape && shape.enum ? shape.enum : [];
}

/** The item of a flow list around the cursor: after the last `[` or `,` before it, up to the next `,` or `]`. */
function flowItemAt(text: string, from: number, offset: number, to: number): [number, number] {
  let start = offset;
  while (start > from && !/[[,\s]/.test(text.charAt(start - 1))) start--;
  let end = offset;
  while (end < to && !/[\],\s]/.test(text.charAt(end))) end++;
  return [start, end];
}

/** What a key holds, in a few words (the completion item's detail). */
function describe(field: Field): string {
  const shape = field.shape;
  return say('shapeKind', { type: shape.type, required: field.required === true, ...(shape.type === 'list' ? { items: shape.items.type } : {}) });
}

function insertionOf(key: string, field: Field): string {
  const shape = field.shape;
  if (shape.type === 'map') return `${key}:\n  $0`;
  if (shape.type === 'list') return shape.items.type === 'map' ? `${key}:\n  - $0` : `${key}:\n  - $0`;
  const values = valuesOf(shape);
  return values.length > 1 ? `${key}: \${1|${values.join(',')}|}` : `${key}: $0`;
}

function rank(i: number): string {
  return String(i).padStart(3, '0');
}
