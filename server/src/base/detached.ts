/**
 * A copy of `text` that keeps nothing else alive. V8 makes `big.slice(a, b)`
 * (13 characters or more) a view into `big`: whatever keeps the slice keeps
 * all of `big`. A cache key or a model cut from one version of a 1 MB document
 * would keep that whole version — one per edit, for as long as the key lives.
 * Joining makes a new flat string of the slice's own characters; the slice
 * taken of it keeps only that.
 */
export function detached(text: string): string {
  return ` ${text}`.slice(1);
}
