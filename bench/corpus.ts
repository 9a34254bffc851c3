/**
 * Benchmark inputs: the real public rule files and dashboards of
 * the public corpus (K1S0_CORPUS, else ../shared/corpus; when present), the design's example workspace, and rule
 * files generated to a size by renaming copies of real rules.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { corpusPath, locateCorpus } from '../test/support/corpus.cjs';

export const ROOT = join(__dirname, '..');
export const WORK = join(ROOT, 'bench/.work');
/** The public corpus (test/support/corpus.cjs finds it), or undefined when there is none. */
export const SHARED_CORPUS = locateCorpus().dir;

export function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    else if (pattern.test(path)) out.push(path);
  };
  visit(dir);
  return out;
}

interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** Every rule of the real corpus (plain rule files), in file order. */
export function corpusRules(): Rule[] {
  const rules: Rule[] = [];
  for (const file of filesUnder(corpusPath('rules'), /\.ya?ml$/)) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const groups = (doc.toJS() as { groups?: { rules?: Rule[] }[] } | null)?.groups ?? [];
      for (const group of groups) rules.push(...(group.rules ?? []));
    }
  }
  return rules;
}

/**
 * A rule file of about `bytes`, made of renamed copies of the corpus rules
 * (the ranges of rate windows varied so expressions differ, as in real files).
 * Written as YAML by hand: block scalars for multi-line expressions, like people write them.
 */
export function generateRuleFile(bytes: number, name: string): string {
  mkdirSync(WORK, { recursive: true });
  const rules = corpusRules();
  const windows = ['1m', '2m', '5m', '10m', '15m', '30m', '1h'];
  const out: string[] = ['groups:'];
  let size = 8;
  let copy = 0;
  while (size < bytes) {
    out.push(`  - name: generated-${copy}`, '    rules:');
    for (const rule of rules) {
      const window = windows[copy % windows.length] ?? '5m';
      const expr = rule.expr.replace(/\[(\d+[smhdwy])\]/g, `[${window}]`).trim();
      const lines: string[] = [];
      if (rule.record) lines.push(`      - record: ${rule.record}_${copy}`);
      else lines.push(`      - alert: ${rule.alert}_${copy}`);
      if (expr.includes('\n')) lines.push('        expr: |', ...expr.split('\n').map((l) => `          ${l}`));
      else lines.push(`        expr: ${JSON.stringify(expr)}`);
      if (rule.for) lines.push(`        for: ${rule.for}`);
      for (const [section, map] of [
        ['labels', rule.labels],
        ['annotations', rule.annotations],
      ] as const) {
        if (!map || Object.keys(map).length === 0) continue;
        lines.push(`        ${section}:`);
        for (const [key, value] of Object.entries(map)) lines.push(`          ${key}: ${JSON.stringify(String(value))}`);
      }
      for (const line of lines) size += line.length + 1;
      out.push(...lines);
      if (size >= bytes) break;
    }
    copy++;
  }
  const path = join(WORK, name);
  writeFileSync(path, `${out.join('\n')}\n`);
  return path;
}
