/**
 * Completion and hover in `.k1s0/lint.yaml`: its keys from the lint
 * configuration's schema, and under `diagnostics.severity` every code and
 * area of the check registry with the severities it may be re-graded to.
 */
import { z } from 'zod';
import { CODES } from '../checks/registry';
import { lintConfigSchema } from '../lint/lintConfig';
import type { CompletionItem, HoverResult } from './types';
import { KEY_LINE, positionAt } from './yamlPosition';
import { say } from './messages';
import { getLocale } from '../l10n';

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const ENVIRONMENTS = ['dev', 'staging', 'prod'];

/** The keys the schema allows at a path of mappings; undefined where the schema has no fixed keys (a record, a list). */
function keysAt(path: readonly string[]): string[] | undefined {
  let schema: z.ZodType = lintConfigSchema;
  for (const key of ['', ...path]) {
    while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
    if (!(schema instanceof z.ZodObject)) return undefined;
    if (key === '') continue;
    const next = (schema.shape as Record<string, z.ZodType>)[key];
    if (!next) return undefined;
    schema = next;
  }
  while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : undefined;
}

/** Every code and every area, each once, areas first. */
function codeKeys(): { key: string; detail: string; documentation: string }[] {
  const areas = new Map<string, string[]>();
  for (const info of CODES.values()) {
    const area = info.code.split('/')[0] ?? info.code;
    areas.set(area, [...(areas.get(area) ?? []), info.code]);
  }
  const byArea = [...areas]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([area, codes]) => ({ key: area, detail: say('everyCode', { area }), documentation: codes.map((c) => `- \`${c}\``).join('\n') }));
  const byCode = [...CODES.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((info) => {
      const words = getLocale() === 'ja' ? info.ja : info;
      return { key: info.code, detail: say('codeDetail', { short: words.short, severity: info.severity }), documentation: words.help };
    });
  return [...byArea, ...byCode];
}

export function completeLintConfig(text: string, offset: number): CompletionItem[] {
  const position = positionAt(text, offset);
  const { path, from, to } = position;
  const place = (items: { label: string; kind: CompletionItem['kind']; detail?: string; documentation?: string; insertText?: string }[]): CompletionItem[] =>
    items.map((item, i) => ({ ...item, ...(item.insertText ? { snippet: true } : {}), sortText: String(i).padStart(3, '0'), start: from, end: to }));
  const inSeverity = path.join('.') === 'diagnostics.severity';
  if (position.valueKey !== undefined) {
    if (inSeverity) return place(SEVERITIES.map((label) => ({ label, kind: 'enum' })));
    if (path.join('.') === 'config.environments') return place(ENVIRONMENTS.map((label) => ({ label, kind: 'enum' })));
    return [];
  }
  if (inSeverity) {
    const choices = `\${1|${SEVERITIES.join(',')}|}`;
    return place(
      codeKeys()
        .filter(({ key }) => !position.siblings.includes(key))
        .map(({ key, detail, documentation }) => ({ label: key, kind: 'property', detail, documentation, insertText: `${key}: ${choices}` })),
    );
  }
  const keys = keysAt(path);
  if (!keys) return [];
  return place(keys.filter((key) => !position.siblings.includes(key)).map((key) => ({ label: key, kind: 'property', insertText: keysAt([...path, key]) ? `${key}:\n  $0` : `${key}: $0` })));
}

/** Hover on a code or area key under `diagnostics.severity`: what it catches. */
export function hoverLintConfig(text: string, offset: number): HoverResult | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const match = KEY_LINE.exec(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, ''));
  if (!match) return undefined;
  const keyStart = lineStart + (match[1]?.length ?? 0);
  const key = match[2] ?? '';
  if (offset < keyStart || offset > keyStart + key.length) return undefined;
  if (positionAt(text, keyStart).path.join('.') !== 'diagnostics.severity') return undefined;
  const entry = codeKeys().find((candidate) => candidate.key === key);
  if (!entry) return undefined;
  return { contents: `**${key}** — ${entry.detail}\n\n${entry.documentation}`, start: keyStart, end: keyStart + key.length };
}
