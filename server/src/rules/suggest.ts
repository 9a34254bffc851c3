/** "Did you mean" for misspelt names: rule fields, template functions. */

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Whether `short` is an abbreviation of `long`: same first letter, its letters in order (`humanizePct`). */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 3 || short[0] !== long[0] || short.length >= long.length) return false;
  let j = 0;
  for (const ch of long) if (ch === short[j]) j++;
  return j === short.length;
}

/**
 * The candidate `name` most likely stands for: a small edit (case ignored),
 * else the shortest candidate it abbreviates.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  const abbreviated: string[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    const limit = Math.max(1, Math.min(3, Math.floor(candidate.length / 3)));
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
    if (abbreviates(name, candidate)) abbreviated.push(candidate);
  }
  if (best) return best.candidate;
  return abbreviated.sort((a, b) => a.length - b.length)[0];
}
