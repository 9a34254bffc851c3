import { cacheSlot, type Caches } from './caches';
import type { Position, Range } from './types';

/**
 * Converts between UTF-16 offsets and LSP positions. JavaScript strings are
 * UTF-16 already, so an offset into `text` is the unit LSP wants; only line
 * starts need computing. \r\n, \n and \r all end a line, as in LSP.
 */
export class LineIndex {
  /** Offsets where lines start: a typed array, counted first (a 1 MB file has ~25,000 lines, re-indexed on every edit). */
  private readonly lineStarts: Int32Array;

  /** `lineStarts`: where the lines of `text` start, when they are known already (see edited). */
  constructor(
    private readonly text: string,
    lineStarts?: Int32Array,
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const onlyLf = !text.includes('\r');
    this.lineStarts = new Int32Array(lineBreaks(text, onlyLf, undefined) + 1);
    lineBreaks(text, onlyLf, this.lineStarts);
  }

  /**
   * The index of `text`, which is this index's text with `[start, oldEnd)` replaced by
   * `inserted`: the lines before the edit are kept, those after it moved, and only the
   * inserted text is searched for line breaks — an edit costs a copy of the line table,
   * not a scan of the document. A \r\n made or split at either end of the edit is
   * read again from the whole text.
   */
  edited(text: string, start: number, oldEnd: number, inserted: string): LineIndex {
    const old = this.text;
    const newEnd = start + inserted.length;
    const pairAt = (t: string, at: number) => t.charCodeAt(at - 1) === 13 && t.charCodeAt(at) === 10;
    if (pairAt(old, start) || pairAt(old, oldEnd) || pairAt(text, start) || pairAt(text, newEnd)) return new LineIndex(text);
    // Lines starting at or before `start` keep their place; those starting after `oldEnd` move.
    const keptBefore = this.lineOf(start) + 1;
    const firstAfter = this.lineOf(oldEnd) + 1;
    const onlyLf = !inserted.includes('\r');
    const added = lineBreaks(inserted, onlyLf, undefined);
    const starts = new Int32Array(keptBefore + added + (this.lineStarts.length - firstAfter));
    starts.set(this.lineStarts.subarray(0, keptBefore));
    if (added > 0) {
      const insertedStarts = new Int32Array(added + 1);
      lineBreaks(inserted, onlyLf, insertedStarts);
      for (let i = 1; i <= added; i++) starts[keptBefore + i - 1] = start + (insertedStarts[i] ?? 0);
    }
    const delta = inserted.length - (oldEnd - start);
    for (let i = firstAfter, to = keptBefore + added; i < this.lineStarts.length; i++, to++) starts[to] = (this.lineStarts[i] ?? 0) + delta;
    return new LineIndex(text, starts);
  }

  /** Makes `index` the one LineIndex.of gives for its text: an editor that keeps its own saves the service a scan. */
  static remember(index: LineIndex, caches: Caches): void {
    caches.get(LAST_INDEX).last = index;
  }

  /** The line `offset` is on, by line starts alone (the last line starting at or before it). */
  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The index of `text`, shared by the steps of one validation: with `caches`, the last text the service asked for is remembered. */
  static of(text: string, caches?: Caches): LineIndex {
    if (!caches) return new LineIndex(text);
    const remembered = caches.get(LAST_INDEX);
    if (remembered.last?.text !== text) remembered.last = new LineIndex(text);
    return remembered.last;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = this.clamp(offset);
    const line = this.lineOf(clamped);
    return { line, character: clamped - (this.lineStarts[line] ?? 0) };
  }

  /** Whether `position` is positionAt(offset), without making a position or searching (service/diagnosticReuse.ts compares many). */
  isAt(position: Position, offset: number): boolean {
    const clamped = this.clamp(offset);
    return this.holds(position.line, clamped) && position.character === clamped - (this.lineStarts[position.line] ?? 0);
  }

  /** Whether positionAt(offset) is on `line`. */
  isOnLine(line: number, offset: number): boolean {
    return this.holds(line, this.clamp(offset));
  }

  /** The line of positionAt(offset). */
  lineAt(offset: number): number {
    return this.lineOf(this.clamp(offset));
  }

  /** Whether the (clamped) offset is on `line`: at or after its start, before the next line's. */
  private holds(line: number, clamped: number): boolean {
    const start = this.lineStarts[line];
    if (start === undefined || start > clamped) return false;
    const next = this.lineStarts[line + 1];
    return next === undefined || clamped < next;
  }

  /** `offset` inside the text; the middle of a \r\n is no position of its own (the line would be one character too long): it is the end of the line, where the \r starts. */
  private clamp(offset: number): number {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    return this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13 ? clamped - 1 : clamped;
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line] ?? 0;
    const nextStart = this.lineStarts[position.line + 1] ?? this.text.length;
    // A character past the end of the line stops at the line break.
    let lineEnd = nextStart;
    if (position.line + 1 < this.lineStarts.length) {
      lineEnd = nextStart - 1;
      if (this.text.charCodeAt(lineEnd) === 10 && this.text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    }
    return Math.max(lineStart, Math.min(lineStart + position.character, lineEnd));
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

const LAST_INDEX = cacheSlot('lines/last', (): { last?: LineIndex } => ({}));

/** Counts the line breaks of `text` (\r\n, \n or \r; `onlyLf`: it has no \r, searched faster); with `starts`, also writes where each line begins (the first is 0). */
function lineBreaks(text: string, onlyLf: boolean, starts: Int32Array | undefined): number {
  let count = 0;
  if (onlyLf) {
    // Only \n: the native search is many times faster than a loop over characters.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      count++;
      if (starts) starts[count] = i + 1;
    }
    return count;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 13 /* \r */ && ch !== 10 /* \n */) continue;
    if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
    count++;
    if (starts) starts[count] = i + 1;
  }
  return count;
}
