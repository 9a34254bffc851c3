/**
 * What one language service remembers of texts between requests: parse trees, checked
 * expressions, compiled regexes and globs, name indexes. The service makes one and its
 * workspace index carries it to every check and reader (`workspace.caches`), so two services
 * in one process never see or evict each other's entries, and a service dropped takes its
 * caches with it.
 *
 * An area declares a slot at module level — a key and how to make its cache, no state — and
 * asks `caches.get(SLOT)`. A function handed no `Caches` (a test, a one-off) remembers nothing.
 */
import { detached } from './detached';

export interface CacheSlot<T> {
  readonly name: string;
  readonly make: (caches: Caches) => T;
  /** When this answers something else than when the cache was made, the cache is made anew (the language of its messages). */
  readonly stamp?: () => unknown;
}

export function cacheSlot<T>(name: string, make: (caches: Caches) => T, stamp?: () => unknown): CacheSlot<T> {
  return stamp ? { name, make, stamp } : { name, make };
}

export class Caches {
  private readonly held = new Map<CacheSlot<unknown>, { stamp: unknown; value: unknown }>();
  /**
   * Whether the documents change while the caches live (an editor's service; not the CLI's, which
   * reads each file once). Then what a cache keeps beyond one version must not be a slice of it
   * (keep): a slice keeps its whole version of the document alive.
   */
  readonly documentsChange: boolean;

  constructor({ documentsChange = true }: { documentsChange?: boolean } = {}) {
    this.documentsChange = documentsChange;
  }

  /** Text to keep beyond this version of its document: detached when documents change (base/detached.ts). */
  readonly keep = (text: string): string => (this.documentsChange ? detached(text) : text);

  get<T>(slot: CacheSlot<T>): T {
    const stamp = slot.stamp?.();
    const hit = this.held.get(slot);
    if (hit && hit.stamp === stamp) return hit.value as T;
    const value = slot.make(this);
    this.held.set(slot, { stamp, value });
    return value;
  }

  /** The names of the caches made so far (tests). */
  names(): string[] {
    return [...this.held.keys()].map((slot) => slot.name);
  }

  /** Forgets everything. */
  clear(): void {
    this.held.clear();
  }
}
