import { detached } from '../base/detached';

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

  /** Texts longer than `longestKey` are not kept (the key itself would be the cost). */
  constructor(
    private readonly size: number,
    private readonly longestKey = 16_384,
  ) {}

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
    // Detached: a key cut from a document would keep that version of the document alive.
    if (text.length <= this.longestKey) this.put(detached(text), value);
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
