/**
 * A copy of `text` that keeps nothing else alive, shared with every other
 * detached copy of the same text. V8 makes `big.slice(a, b)` (13 characters or
 * more) a view into `big`: whatever keeps the slice keeps all of `big`. A cache
 * key or a model cut from one version of a 1 MB document would keep that whole
 * version — one per edit, for as long as the key lives. A property name is
 * interned: V8 keeps one flat string per content in its string table (and lets
 * it go when nothing uses it), so the caches that each detach the same
 * expression share one copy of it.
 */
export function detached(text: string): string {
  for (const name in { [text]: 0 }) return name;
  return text;
}
