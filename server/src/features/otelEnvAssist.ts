/**
 * Completion and hover of OTEL_* variables where they are written one per
 * line rather than as mapping keys (those come from the compose shape):
 * `.env` files (`OTEL_X=value`), compose's list form (`- OTEL_X=value`) and a
 * Kubernetes container's `env:` (`- name: OTEL_X`, then `value:`).
 */
import { OTEL_VARIABLES, type OtelVariable } from '../otel/variables';
import type { CompletionItem, HoverResult } from './types';
import { getLocale } from '../l10n';
import { say } from './messages';

/** What a variable does, in the current language. */
const docOf = (variable: OtelVariable): string => (getLocale() === 'ja' ? variable.ja : variable.doc);

const K8S_NAME = /^(\s*-\s*name:\s*["']?)([A-Z0-9_]*)$/;
/** Where a name is typed, and whether `=` follows it (compose's list form, `.env`) or not (a Kubernetes `name:`). */
const NAME_FORMS: [RegExp, boolean][] = [
  [K8S_NAME, false],
  [/^(\s*-\s*["']?)([A-Z0-9_]*)$/, true],
  [/^(\s*(?:export\s+)?)([A-Z0-9_]*)$/, true],
];
const VALUE_FORMS = [/^(\s*-\s*["']?|\s*(?:export\s+)?)(OTEL_[A-Z0-9_]+)=([^\s"']*)$/];

export function completeOtelEnv(text: string, offset: number): CompletionItem[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  for (const form of VALUE_FORMS) {
    const match = form.exec(before);
    const variable = match && OTEL_VARIABLES.get(match[2] ?? '');
    if (!match || !variable) continue;
    const from = offset - (match[3]?.length ?? 0);
    return valuesOf(variable).map((value, i) => ({ label: value, kind: 'enum' as const, documentation: docOf(variable), sortText: String(i).padStart(3, '0'), start: from, end: offset }));
  }
  // A k8s env entry's value: the line after `- name: OTEL_X`.
  const valueLine = /^(\s*value:\s*["']?)([^"'\s]*)$/.exec(before);
  if (valueLine) {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const name = /name:\s*["']?(OTEL_[A-Z0-9_]+)/.exec(text.slice(previousStart, lineStart))?.[1];
    const variable = name ? OTEL_VARIABLES.get(name) : undefined;
    if (variable)
      return valuesOf(variable).map((value, i) => ({ label: value, kind: 'enum' as const, sortText: String(i).padStart(3, '0'), start: offset - (valueLine[2]?.length ?? 0), end: offset }));
    return [];
  }
  for (const [form, equals] of NAME_FORMS) {
    const match = form.exec(before);
    if (!match) continue;
    const typed = match[2] ?? '';
    // Only where an OTEL_ name is being typed (a `- name:` of a container's env may start empty): not in every list.
    const typing = typed === '' ? form === K8S_NAME : 'OTEL_'.startsWith(typed) || typed.startsWith('OTEL_');
    if (!typing) return [];
    return [...OTEL_VARIABLES.values()]
      .filter((variable) => variable.name.startsWith(typed))
      .map((variable, i) => ({
        label: variable.name,
        kind: 'property' as const,
        detail: say('otelDetail', { kind: variable.kind, ...(variable.default !== undefined ? { default: variable.default } : {}) }),
        documentation: docOf(variable),
        ...(equals ? { insertText: `${variable.name}=` } : {}),
        sortText: String(i).padStart(3, '0'),
        start: offset - typed.length,
        end: offset,
      }));
  }
  return [];
}

export function hoverOtelEnv(text: string, offset: number): HoverResult | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  for (const match of line.matchAll(/OTEL_[A-Z0-9_]+/g)) {
    const start = lineStart + (match.index ?? 0);
    const end = start + match[0].length;
    if (offset < start || offset > end) continue;
    const variable = OTEL_VARIABLES.get(match[0]);
    if (!variable) return undefined;
    const values = valuesOf(variable);
    const lines = [
      `**${variable.name}** — ${say('otelKind', { kind: variable.kind })}`,
      docOf(variable),
      variable.default !== undefined ? say('otelDefault', { value: variable.default }) : '',
      values.length ? say('shapeValues', { values }) : '',
    ];
    return { contents: lines.filter(Boolean).join('\n\n'), start, end };
  }
  return undefined;
}

function valuesOf(variable: OtelVariable): readonly string[] {
  if (variable.values) return variable.values;
  return variable.kind === 'bool' ? ['true', 'false'] : [];
}
