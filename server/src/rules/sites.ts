import { isScalar, type Node, type Pair, type Scalar } from 'yaml';
import { scalarOffsets, type ScalarOffsets } from '../base/yaml/scalarOffsets';
import type { Finding, Fix, Severity } from '../base/types';
import type { EntrySite, ScalarSite } from './model';
import { say } from './messages';

/** A scalar's value located in the document: one small object over its offset map (big files have tens of thousands). */
class LocatedScalar implements ScalarSite {
  readonly value: string;

  constructor(
    private readonly offsets: ScalarOffsets,
    readonly start: number,
    readonly end: number,
  ) {
    this.value = offsets.value;
  }

  toDocumentOffset(valueOffset: number): number {
    return this.offsets.toDocumentOffset(valueOffset);
  }

  toDocumentRange(from: number, to: number): [number, number] {
    return this.offsets.toDocumentRange(from, to);
  }
}

/** Locates a scalar's value in the document. */
export function scalarSite(text: string, node: Scalar): ScalarSite {
  const [start, end] = node.range ?? [0, 0];
  return new LocatedScalar(scalarOffsets(text, node), start, end);
}

/** A `key: scalar` entry, or undefined when the key or value is not a scalar (a null value counts as ''). */
export function entrySite(text: string, pair: Pair<unknown, unknown>): EntrySite | undefined {
  const { key, value } = pair;
  if (!isScalar(key) || !isScalar(value)) return undefined;
  const [keyStart, keyEnd] = key.range ?? [0, 0];
  return { key: String(key.value), keyStart, keyEnd, value: scalarSite(text, value) };
}

/**
 * A node's [start, end) for a finding. Empty nodes (`expr:` with no value)
 * get `fallback`, usually the key, so the finding stays visible.
 */
export function spanOf(node: Node | null | undefined, fallback: [number, number]): [number, number] {
  const range = node?.range;
  if (!range || range[1] <= range[0]) return fallback;
  return [range[0], range[1]];
}

/** What the YAML node is, as a message names it. */
export function describeNode(node: unknown): string {
  if (node === null || node === undefined) return say('node', { kind: 'nothing' });
  if (isScalar(node)) return say('node', { kind: node.value === null ? 'null' : typeof node.value });
  const type = (node as { constructor?: { name?: string } }).constructor?.name;
  return say('node', { kind: type === 'YAMLMap' ? 'mapping' : type === 'YAMLSeq' ? 'list' : 'other' });
}

export class FindingSink {
  readonly findings: Finding[] = [];
  constructor(private readonly code: string) {}

  add(span: [number, number], message: string, severity: Severity = 'error', fixes?: Fix[]): void {
    const finding: Finding = { start: span[0], end: span[1], code: this.code, message, severity };
    if (fixes && fixes.length > 0) finding.fixes = fixes;
    this.findings.push(finding);
  }
}
