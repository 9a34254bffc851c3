/**
 * A bounded memo keyed by text (an expression): results that depend on the
 * text alone survive edits elsewhere and the workspace's generations. Two
 * generations of at most `size` entries each: a hit in the older one moves
 * the entry to the newer; when the newer fills up, the older is dropped. So
 * at most 2 × size entries, and no bookkeeping per hit.
 */
export class TextMemo<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  private readonly longestKey: number;
  private readonly keep: (text: string) => string;

  /** Texts longer than `longestKey` are not kept (the key itself would be the cost); `keep` makes the key kept of a text (Caches.keep). */
  constructor(
    private readonly size: number,
    { longestKey = 16_384, keep = (text: string) => text }: { longestKey?: number; keep?: (text: string) => string } = {},
  ) {
    this.longestKey = longestKey;
    this.keep = keep;
  }

  get(text: string): V | undefined {
    const hit = this.young.get(text);
    if (hit !== undefined) return hit;
    const older = this.old.get(text);
    if (older !== undefined) {
      this.old.delete(text);
      this.put(text, older);
    }
    return older;
  }

  set(text: string, value: V): void {
    if (text.length <= this.longestKey) this.put(this.keep(text), value);
  }

  /** Forgets everything (the language changed: the messages kept are in the old one). */
  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }

  private put(text: string, value: V): void {
    if (this.young.size >= this.size) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(text, value);
  }
}
