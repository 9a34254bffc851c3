/**
 * The per-character map, kept as runs: a stretch of characters copied one for
 * one from consecutive source characters is one run, and so is each escape or
 * folded line break. Most values are one run (kept in three fields); a
 * per-character array would cost 16 bytes per character of every scalar, and
 * a big rule file has tens of thousands of scalars.
 *
 * It is the ScalarOffsets that scalarOffsets() returns. It does not name that
 * interface (which would make the two modules import each other); the return
 * type of scalarOffsets.ts's toOffsets() checks that it has its shape.
 */
export class RunMap {
  /** One run: its source start, and its source end (-1: one source character per value character). */
  private readonly firstStart: number;
  private readonly firstEnd: number;
  /** More runs: per run [value offset, source start, source end], flattened. */
  private readonly runs: Int32Array | undefined;

  private constructor(
    readonly value: string,
    readonly exact: boolean,
    private readonly fallback: number,
    runs: readonly number[],
  ) {
    this.firstStart = runs[1] ?? fallback;
    this.firstEnd = runs[2] ?? -1;
    this.runs = runs.length > 3 ? Int32Array.from(runs) : undefined;
  }

  /** The map of a value whose characters came from source [starts[i], ends[i]). */
  static fromCharacters(value: string, exact: boolean, fallback: number, starts: readonly number[], ends: readonly number[]): RunMap {
    const runs: number[] = [];
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i] as number;
      const oneForOne = ends[i] === start + 1;
      const last = runs.length - 3;
      if (oneForOne && last >= 0 && runs[last + 2] === -1 && (runs[last + 1] as number) + (i - (runs[last] as number)) === start) continue;
      runs.push(i, start, oneForOne ? -1 : (ends[i] as number));
    }
    return new RunMap(value, exact, fallback, runs);
  }

  /** The map of a (non-empty) value copied one for one from the source at `start`. */
  static copiedFrom(value: string, start: number): RunMap {
    return new RunMap(value, true, start, [0, start, -1]);
  }

  /** [value offset, source start, source end] of the run holding value character `i`. */
  private runOf(i: number): [number, number, number] {
    const runs = this.runs;
    if (!runs) return [0, this.firstStart, this.firstEnd];
    let low = 0;
    let high = runs.length / 3 - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((runs[mid * 3] as number) <= i) low = mid;
      else high = mid - 1;
    }
    return [runs[low * 3] as number, runs[low * 3 + 1] as number, runs[low * 3 + 2] as number];
  }

  /** Source start of value character `i`. */
  private startOf(i: number): number {
    const [from, start, end] = this.runOf(i);
    return end === -1 ? start + (i - from) : start;
  }

  /** Source end of value character `i`. */
  private endOf(i: number): number {
    const [from, start, end] = this.runOf(i);
    return end === -1 ? start + (i - from) + 1 : end;
  }

  /** Where the value's first `i` characters end in the source. */
  private boundary(i: number): number {
    if (this.value.length === 0) return this.fallback;
    return i > 0 ? this.endOf(i - 1) : this.startOf(0);
  }

  toDocumentOffset(valueOffset: number): number {
    const i = Math.max(0, Math.min(valueOffset, this.value.length));
    return i < this.value.length ? this.startOf(i) : this.boundary(this.value.length);
  }

  toDocumentRange(from: number, to: number): [number, number] {
    const a = this.toDocumentOffset(from);
    const b = to > from ? this.boundary(Math.min(to, this.value.length)) : a;
    return [a, Math.max(a, b)];
  }
}
