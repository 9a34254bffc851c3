/**
 * "Did you mean" for misspelt names — config keys, rule fields, template and
 * PromQL functions, metrics. One ranking everywhere, so suggestions agree.
 */

/**
 * Edit distance counting an adjacent swap as one edit (`jsno` → `json`), in
 * O(|b|) memory. With `max`, gives up as soon as the distance must exceed it
 * (returning max + 1): most candidates of a did-you-mean are far off.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      current.push(best);
      if (best < rowMin) rowMin = best;
    }
    // Every path to the end goes through this row (a swap reaches back one more, so allow one extra).
    if (rowMin > max + 1) return max + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length] ?? 0, max + 1);
}

/**
 * Whether `short` abbreviates `long`: its letters in order, and at least half
 * of it a common prefix (`humanizePct` → `humanizePercentage`, not `foo` → `floor`).
 */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 3 || short.length >= long.length) return false;
  let prefix = 0;
  while (prefix < short.length && short[prefix] === long[prefix]) prefix++;
  if (prefix * 2 < short.length) return false;
  let j = 0;
  for (const ch of long) if (ch === short[j]) j++;
  return j === short.length;
}

/**
 * Up to `limit` candidates `name` likely stands for, best first: small edits
 * (case ignored; at most a third of the shorter name, one to three), else the
 * shortest candidates it abbreviates.
 */
export function closestMatches(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = name.toLowerCase();
  const scored: { candidate: string; distance: number }[] = [];
  const abbreviated: string[] = [];
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const allowed = Math.max(1, Math.min(3, Math.floor(Math.min(name.length, candidate.length) / 3)));
    // Lengths alone rule most candidates out before the O(n·m) table.
    if (Math.abs(candidate.length - name.length) <= allowed) {
      const distance = editDistance(lower, candidate.toLowerCase(), allowed);
      if (distance <= allowed) scored.push({ candidate, distance });
    }
    if (abbreviates(name, candidate)) abbreviated.push(candidate);
  }
  if (scored.length > 0) {
    return scored.sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate)).slice(0, limit).map((s) => s.candidate);
  }
  return abbreviated.sort((x, y) => x.length - y.length || x.localeCompare(y)).slice(0, limit);
}

/** The single most likely candidate, if any is close enough. */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  return closestMatches(name, candidates, 1)[0];
}

/**
 * Did-you-mean over a fixed list of names asked many times (every unknown
 * metric of a workspace against thousands of known ones): candidates are
 * bucketed by length, and answers are remembered.
 */
export class NameIndex {
  private readonly byLength = new Map<number, string[]>();
  private readonly answers = new Map<string, string | undefined>();

  constructor(private readonly names: readonly string[]) {
    for (const name of names) {
      const bucket = this.byLength.get(name.length);
      if (bucket) bucket.push(name);
      else this.byLength.set(name.length, [name]);
    }
  }

  closest(name: string): string | undefined {
    if (this.answers.has(name)) return this.answers.get(name);
    // Edits allowed are at most 3, so only names within 3 of the length can match by edit;
    // abbreviations need the whole list, but only when nothing matched by edit.
    const near: string[] = [];
    for (let length = name.length - 3; length <= name.length + 3; length++) near.push(...(this.byLength.get(length) ?? []));
    const answer = closestMatches(name, near, 1)[0] ?? closestMatches(name, this.names.filter((n) => n.length > name.length), 1)[0];
    this.answers.set(name, answer);
    return answer;
  }
}
