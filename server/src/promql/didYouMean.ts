/** Closest-name suggestions for typos, by Levenshtein distance. */

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Up to `limit` candidates within a distance proportional to the name's length, best first. */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = name.toLowerCase();
  const maxDistance = Math.max(1, Math.floor(lower.length / 3));
  const scored: { name: string; d: number }[] = [];
  for (const c of candidates) {
    // Skip the O(n*m) table when the lengths alone rule the candidate out.
    if (Math.abs(c.length - lower.length) > maxDistance) continue;
    const d = editDistance(lower, c);
    if (d <= maxDistance) scored.push({ name: c, d });
  }
  return scored.sort((x, y) => x.d - y.d || x.name.localeCompare(y.name)).slice(0, limit).map((s) => s.name);
}
