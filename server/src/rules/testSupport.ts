import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '../base/lineIndex';
import type { Finding } from '../base/types';
import { parseYaml } from '../base/yaml/parse';
import { analyzeRuleFile, type RuleFileAnalysis } from './analyze';
import type { RuleModel, ScalarSite } from './model';
import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { YAML_OPTIONS } from '../base/yaml/parse';
import { readPlainRule } from './plainRule';

/** Test helpers: fixtures next to the checks, and findings as readable rows. */

export function fixturePath(name: string): string {
  return join(__dirname, 'fixtures', name);
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Parses like the service does and analyzes; YAML syntax errors fail the test's fixture. */
export function analyzeText(text: string): RuleFileAnalysis {
  const { documents, syntax } = parseYaml(text);
  if (syntax.length > 0) throw new Error(`fixture does not parse: ${syntax.map((s) => s.message).join('; ')}`);
  return analyzeRuleFile(text, documents);
}

/** `[ 'line:char-line:char', severity, message ]`, 0-based like LSP. */
export type Row = [string, Finding['severity'], string];

export function rows(text: string, findings: readonly Finding[], code?: string): Row[] {
  const lines = new LineIndex(text);
  return findings
    .filter((f) => code === undefined || f.code === code)
    .map((f) => {
      const a = lines.positionAt(f.start);
      const b = lines.positionAt(f.end);
      return [`${a.line}:${a.character}-${b.line}:${b.character}`, f.severity, f.message];
    });
}

function site(s: ScalarSite | undefined) {
  return s && { value: s.value, start: s.start, end: s.end, whole: s.toDocumentRange(0, s.value.length), first: s.toDocumentOffset(0) };
}

/** Everything of a rule model a check or feature reads, as plain data. */
function ruleData(rule: RuleModel) {
  const entry = (e: RuleModel['nameEntry']) => ({ key: e.key, keyStart: e.keyStart, keyEnd: e.keyEnd, value: site(e.value) });
  return {
    ...rule,
    nameEntry: entry(rule.nameEntry),
    expr: site(rule.expr),
    for: rule.for && entry(rule.for),
    keepFiringFor: rule.keepFiringFor && entry(rule.keepFiringFor),
    labels: rule.labels.map(entry),
    annotations: rule.annotations.map(entry),
  };
}

/** A rule analysis as plain data (sites by what they map), for comparing two ways of making it. */
export function analysisData(analysis: RuleFileAnalysis) {
  return {
    findings: analysis.findings,
    rules: analysis.rules.map(ruleData),
    groups: analysis.groups.map((g) => ({
      ...g,
      nameEntry: g.nameEntry && { ...g.nameEntry, value: site(g.nameEntry.value) },
      interval: g.interval && site(g.interval.value),
      rules: g.rules.map((r) => r.start),
    })),
  };
}

/** What the checks read of a node: classes, ranges (moved by `shift`), types, source and values. */
function shape(node: unknown, shift = 0): unknown {
  const range = (node as Node).range?.map((offset) => offset + shift);
  if (isMap(node)) return { range, items: node.items.map((pair) => [shape(pair.key, shift), shape(pair.value, shift)]) };
  if (isScalar(node)) return { range, type: node.type, source: node.source, value: node.value };
  return { other: (node as Node | null)?.constructor?.name ?? node };
}

/** Both readers on one rule: the plain one, when it reads it, must give what `yaml` gives for the rule's lines alone. */
export function comparePlainRule(text: string, item: { start: number; end: number }): boolean {
  const plain = readPlainRule(text, item);
  if (!plain) return false;
  const chunk = text.slice(item.start, item.end);
  const documents = parseAllDocuments(chunk, YAML_OPTIONS);
  const document = Array.isArray(documents) && documents.length === 1 ? (documents[0] as Document.Parsed) : undefined;
  assert.ok(document && document.errors.length === 0 && document.warnings.length === 0, `read as plain, but yaml reports problems:\n${chunk}`);
  const seq = document.contents;
  assert.ok(isSeq(seq) && seq.items.length === 1, chunk);
  assert.deepEqual(shape(plain), shape(seq.items[0], item.start), chunk);
  return true;
}
