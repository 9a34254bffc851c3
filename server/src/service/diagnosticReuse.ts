/**
 * The diagnostics of a document's last validation, found again by the findings they came from.
 *
 * An edit leaves most of a document's diagnostics as they were. Handing back the objects of the
 * last version for those means no new ones are made: before, every edit of the 1 MB benchmark
 * file made ~0.6 MB of diagnostics that lived until the next publish (so V8 soon allocated them
 * straight into the old generation), and every eighth edit paid a major GC for them. So a finding
 * is compared with a kept diagnostic as toDiagnostics would place it, without making anything.
 */
import type { LineIndex } from '../base/lineIndex';
import type { Diagnostic, Finding, Range, Severity } from '../base/types';

/** Where toDiagnostics places a finding: this document's lines, and another document's (undefined when not known). */
export interface Placing {
  lines: LineIndex;
  linesOf: (uri: string) => LineIndex | undefined;
}

export class LastDiagnostics {
  /**
   * By message: most messages are unique, so one diagnostic. Diagnostics that share a message (the
   * same warning on 10,000 rules) are also kept by the line they start on: searching all of them
   * for each finding was quadratic.
   */
  private readonly byMessage = new Map<string, Diagnostic | Map<number, Diagnostic[]>>();

  constructor(readonly diagnostics: readonly Diagnostic[]) {
    for (const diagnostic of diagnostics) {
      const held = this.byMessage.get(diagnostic.message);
      if (held === undefined) {
        this.byMessage.set(diagnostic.message, diagnostic);
        continue;
      }
      const byLine = held instanceof Map ? held : new Map([[held.range.start.line, [held]]]);
      if (byLine !== held) this.byMessage.set(diagnostic.message, byLine);
      const onLine = byLine.get(diagnostic.range.start.line);
      if (onLine) onLine.push(diagnostic);
      else byLine.set(diagnostic.range.start.line, [diagnostic]);
    }
  }

  /** These, or new ones when `next` is not the very same objects (then they are kept instead). */
  next(next: readonly Diagnostic[]): LastDiagnostics {
    return next.length === this.diagnostics.length && next.every((d, i) => d === this.diagnostics[i]) ? this : new LastDiagnostics(next);
  }

  /** The kept diagnostic that toDiagnostics would make of `finding` graded `severity`, if there is one. */
  matching(finding: Finding, severity: Severity, placing: Placing): Diagnostic | undefined {
    const held = this.byMessage.get(finding.message);
    if (held === undefined) return undefined;
    if (!(held instanceof Map)) return placedAs(held, finding, severity, placing) ? held : undefined;
    const onLine = held.get(placing.lines.lineAt(finding.start));
    if (onLine === undefined) return undefined;
    for (const candidate of onLine) if (placedAs(candidate, finding, severity, placing)) return candidate;
    return undefined;
  }
}

/**
 * Whether `d` is what toDiagnostics makes of `f` (its message is already known to be the same).
 * Plain loops, no closures: this runs for every diagnostic of every edit and must not allocate.
 */
function placedAs(d: Diagnostic, f: Finding, severity: Severity, { lines, linesOf }: Placing): boolean {
  if (d.code !== f.code || d.severity !== severity || !spans(lines, d.range, f.start, f.end)) return false;
  if (d.disableLine === undefined ? f.disableAt !== undefined : f.disableAt === undefined || !lines.isOnLine(d.disableLine, f.disableAt)) return false;
  return sameFixes(d, f, lines) && sameRelated(d, f, lines, linesOf);
}

function sameFixes(d: Diagnostic, f: Finding, lines: LineIndex): boolean {
  const fixes = f.fixes ?? NONE;
  if ((d.fixes?.length ?? 0) !== fixes.length) return false;
  for (let i = 0; i < fixes.length; i++) {
    const fix = fixes[i] as (typeof fixes)[number];
    const made = (d.fixes ?? NONE)[i] as NonNullable<Diagnostic['fixes']>[number];
    if (made.title !== fix.title || made.preferred !== (fix.preferred ? true : undefined) || made.edits.length !== fix.edits.length) return false;
    for (let j = 0; j < fix.edits.length; j++) {
      const edit = fix.edits[j] as (typeof fix.edits)[number];
      const madeEdit = made.edits[j] as (typeof made.edits)[number];
      if (madeEdit.newText !== edit.newText || !spans(lines, madeEdit.range, edit.start, edit.end)) return false;
    }
  }
  return true;
}

/** Related places in a document not known are left out: the kept ones are walked along the finding's that are placed. */
function sameRelated(d: Diagnostic, f: Finding, lines: LineIndex, linesOf: Placing['linesOf']): boolean {
  let kept = 0;
  for (const related of f.related ?? NONE) {
    const where = related.uri === undefined ? lines : linesOf(related.uri);
    if (!where) continue;
    const made = d.related?.[kept++];
    if (!made || made.message !== related.message || made.uri !== related.uri || !spans(where, made.range, related.start, related.end)) return false;
  }
  return kept === (d.related?.length ?? 0);
}

const NONE: readonly never[] = [];

function spans(lines: LineIndex, range: Range, start: number, end: number): boolean {
  return lines.isAt(range.start, start) && lines.isAt(range.end, end);
}

function sameList<A, B>(a: readonly A[] | undefined, b: readonly B[] | undefined, same: (x: A, y: B) => boolean): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((x, i) => same(x, b[i] as B));
}

/** Whether two diagnostics say and show the same thing (what an editor would draw and offer). */
export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  if (a === b) return true;
  return (
    a.message === b.message &&
    a.code === b.code &&
    a.severity === b.severity &&
    a.source === b.source &&
    a.disableLine === b.disableLine &&
    sameRange(a.range, b.range) &&
    sameList(a.fixes, b.fixes, (x, y) => x.title === y.title && x.preferred === y.preferred && sameList(x.edits, y.edits, (e, f) => e.newText === f.newText && sameRange(e.range, f.range))) &&
    sameList(a.related, b.related, (x, y) => x.message === y.message && x.uri === y.uri && sameRange(x.range, y.range))
  );
}

export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return sameList(a, b, sameDiagnostic);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
