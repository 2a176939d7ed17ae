/** Levenshtein distance (insert, delete, substitute; each costs 1). Names here are short. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `name` when it is a near miss (a typo, not another word): at most 2
 * edits, and at most a third of the name's length, so "fsynk" finds "fsync" but "x" finds nothing but "x".
 */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  const distanceMax = Math.min(2, Math.floor(name.length / 3));
  let best: string | null = null;
  let bestDistance = distanceMax + 1;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean "x"?)` for a near miss, else an empty string: appended to an error message. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const best = closestName(name, candidates);
  return best === null ? '' : ` (did you mean "${best}"?)`;
}
