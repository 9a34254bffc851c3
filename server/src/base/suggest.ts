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
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(Math.max(3 * width, 2 * rows.length));
  // Three rows in one scratch buffer, rotated by offset: no allocation per call.
  let beforePrevious = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j++) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let best = Math.min((rows[previous + j] as number) + 1, (rows[current + j - 1] as number) + 1, (rows[previous + j - 1] as number) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) best = Math.min(best, (rows[beforePrevious + j - 2] as number) + 1);
      rows[current + j] = best;
      if (best < rowMin) rowMin = best;
    }
    // Every path to the end goes through this row (a swap reaches back one more, so allow one extra).
    if (rowMin > max + 1) return max + 1;
    const spare = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = spare;
  }
  return Math.min(rows[previous + b.length] as number, max + 1);
}

/** Scratch rows of editDistance (grown as needed, never shrunk: names are short). Shared: written before read within each call, so nothing carries from one call (or service) to the next. */
let rows = new Int32Array(3 * 64);

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
    return scored
      .sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate))
      .slice(0, limit)
      .map((s) => s.candidate);
  }
  return abbreviated.sort((x, y) => x.length - y.length || x.localeCompare(y)).slice(0, limit);
}

/** The single most likely candidate, if any is close enough. */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  return closestMatches(name, candidates, 1)[0];
}

/** How many answers a NameIndex remembers before starting over (names typed one letter at a time add up). */
const MAX_ANSWERS = 20_000;

/**
 * Did-you-mean over a fixed list of names asked many times (every unknown
 * metric of a workspace against thousands of known ones): candidates are
 * bucketed by length, most are ruled out by their letters alone before the
 * edit-distance table, and answers are remembered. Gives what closestMatch
 * over the whole list gives (see closest).
 */
export class NameIndex {
  /** Indices into names (and lower), by name length, in list order. */
  private readonly byLength = new Map<number, number[]>();
  private readonly lower: string[];
  /** Per name, which of 32 character classes its letters fall in (see nearestByEdit). */
  private readonly classes: Int32Array;
  private readonly answers = new Map<string, string | undefined>();

  constructor(private readonly names: readonly string[]) {
    this.lower = names.map((n) => n.toLowerCase());
    this.classes = Int32Array.from(this.lower, classesOf);
    names.forEach((name, i) => {
      const bucket = this.byLength.get(name.length);
      if (bucket) bucket.push(i);
      else this.byLength.set(name.length, [i]);
    });
  }

  closest(name: string): string | undefined {
    if (this.answers.has(name)) return this.answers.get(name);
    const answer = this.nearestByEdit(name) ?? this.shortestExpansion(name);
    if (this.answers.size >= MAX_ANSWERS) this.answers.clear();
    this.answers.set(name, answer);
    return answer;
  }

  /**
   * closestMatches(name, names, 1) when some name is within its allowed edits:
   * the fewest edits, then the first by localeCompare, then the first listed.
   * Edits allowed are at most 3, so only names within 3 of the length can match.
   */
  private nearestByEdit(name: string): string | undefined {
    const lower = name.toLowerCase();
    // Letter counts of the name (characters folded to 7 bits: still a lower bound, see below).
    for (let k = 0; k < lower.length; k++) bump(lower.charCodeAt(k), 1);
    const nameClasses = classesOf(lower);
    let best: string | undefined;
    let bestDistance = Infinity;
    try {
      for (let length = name.length - 3; length <= name.length + 3; length++) {
        for (const i of this.byLength.get(length) ?? []) {
          const candidate = this.names[i] as string;
          if (candidate === name) continue;
          const allowed = Math.max(1, Math.min(3, Math.floor(Math.min(name.length, candidate.length) / 3)));
          if (Math.abs(candidate.length - name.length) > allowed) continue;
          // A farther candidate cannot win; an equally far one only by name.
          const cap = Math.min(allowed, bestDistance);
          // Each class one side has and the other lacks is a letter to insert, delete or substitute:
          // a lower bound checked on two words before counting letters.
          const classes = this.classes[i] as number;
          if (bitCount(nameClasses & ~classes) > cap || bitCount(classes & ~nameClasses) > cap) continue;
          const candidateLower = this.lower[i] as string;
          if (letterDistance(lower.length, candidateLower, cap) > cap) continue;
          const distance = editDistance(lower, candidateLower, cap);
          if (distance > cap) continue;
          if (distance < bestDistance || (best !== undefined && candidate.localeCompare(best) < 0)) {
            best = candidate;
            bestDistance = distance;
          }
        }
      }
    } finally {
      for (let k = 0; k < lower.length; k++) bump(lower.charCodeAt(k), -1);
    }
    return best;
  }

  /** Else the shortest name `name` abbreviates (then the first by localeCompare, then the first listed). */
  private shortestExpansion(name: string): string | undefined {
    if (name.length < 3) return undefined;
    let best: string | undefined;
    for (const candidate of this.names) {
      // An abbreviation shares at least half of itself as a prefix, so at least two characters.
      if (candidate.length <= name.length || candidate.charCodeAt(0) !== name.charCodeAt(0) || candidate.charCodeAt(1) !== name.charCodeAt(1)) continue;
      if (best !== undefined && (candidate.length > best.length || (candidate.length === best.length && candidate.localeCompare(best) >= 0))) continue;
      if (abbreviates(name, candidate)) best = candidate;
    }
    return best;
  }
}

/** The character classes (code mod 32) of a text, as bits. */
function classesOf(text: string): number {
  let bits = 0;
  for (let k = 0; k < text.length; k++) bits |= 1 << (text.charCodeAt(k) & 31);
  return bits;
}

function bitCount(bits: number): number {
  let v = bits - ((bits >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Letter counts of the name being looked up (by 7-bit code), restored to zero after each lookup: shared scratch, empty between calls. */
const letters = new Int32Array(128);

function bump(code: number, by: number): void {
  letters[code & 127] = (letters[code & 127] as number) + by;
}

/**
 * A lower bound of editDistance between the name counted in `letters` (of
 * length nameLength) and `candidate`: letters of one that the other lacks,
 * whichever side has more. An insertion, deletion or substitution changes
 * each side's surplus by at most one and a swap changes neither; folding
 * characters together only hides differences. Gives up above `cap`.
 */
function letterDistance(nameLength: number, candidate: string, cap: number): number {
  let unmatchedName = nameLength;
  let unmatchedCandidate = 0;
  let k = 0;
  for (; k < candidate.length; k++) {
    const c = candidate.charCodeAt(k) & 127;
    if ((letters[c] as number) > 0) unmatchedName--;
    else unmatchedCandidate++;
    letters[c] = (letters[c] as number) - 1;
    if (unmatchedCandidate > cap) {
      k++;
      break;
    }
  }
  for (let r = 0; r < k; r++) bump(candidate.charCodeAt(r), 1);
  return Math.max(unmatchedName, unmatchedCandidate);
}
