/**
 * Where each UTF-16 unit of a derived string came from in its source: a JSON
 * string's value (escapes decoded) or a query with its template variables
 * replaced. Stored as runs, not one entry per unit, so a 1 MB query costs a
 * few entries instead of millions of objects: a copied run maps unit for unit,
 * a replaced piece maps each of its units to the whole source span it stands for.
 */
export class OffsetMap {
  /** Value offset where each run starts (ascending). */
  private readonly valueStarts: number[] = [];
  private readonly sourceStarts: number[] = [];
  /** Source end of a replaced run; -1 for a copied one. */
  private readonly sourceEnds: number[] = [];
  /** Length of the derived value so far. */
  length = 0;

  /** `length` units copied from the source at `sourceStart`, one for one. */
  copy(sourceStart: number, length: number): void {
    if (length <= 0) return;
    const last = this.valueStarts.length - 1;
    // Adjacent copies are one run.
    if (last >= 0 && this.sourceEnds[last] === -1 && (this.sourceStarts[last] as number) + (this.length - (this.valueStarts[last] as number)) === sourceStart) {
      this.length += length;
      return;
    }
    this.push(sourceStart, -1, length);
  }

  /** `length` units that stand for the source span [sourceStart, sourceEnd) as a whole. */
  replace(sourceStart: number, sourceEnd: number, length: number): void {
    if (length > 0) this.push(sourceStart, Math.max(sourceStart, sourceEnd), length);
  }

  private push(sourceStart: number, sourceEnd: number, length: number): void {
    this.valueStarts.push(this.length);
    this.sourceStarts.push(sourceStart);
    this.sourceEnds.push(sourceEnd);
    this.length += length;
  }

  /** The run holding value unit `i` (0 <= i < length). */
  private runAt(i: number): number {
    let low = 0;
    let high = this.valueStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.valueStarts[mid] as number) <= i) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Source offset where value unit `i` starts (0 <= i < length). */
  startOf(i: number): number {
    const run = this.runAt(i);
    const start = this.sourceStarts[run] as number;
    return this.sourceEnds[run] === -1 ? start + (i - (this.valueStarts[run] as number)) : start;
  }

  /** Source offset where value unit `i` ends (0 <= i < length). */
  endOf(i: number): number {
    const run = this.runAt(i);
    const end = this.sourceEnds[run] as number;
    return end === -1 ? (this.sourceStarts[run] as number) + (i - (this.valueStarts[run] as number)) + 1 : end;
  }

  /** Whether a unit of [from, to) lies in a replaced run. */
  anyReplaced(from: number, to: number): boolean {
    const a = Math.max(0, from);
    const b = Math.min(to, this.length);
    if (a >= b) return false;
    for (let run = this.runAt(a); run < this.valueStarts.length && (this.valueStarts[run] as number) < b; run++) {
      if (this.sourceEnds[run] !== -1) return true;
    }
    return false;
  }
}
