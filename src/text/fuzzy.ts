import { distance } from 'fastest-levenshtein';

/**
 * Edit distance for typos: Levenshtein (`fastest-levenshtein`), except that two equal-length
 * words differing only by one swap of neighbouring letters ("nwo"/"now", "muisc"/"music")
 * count 1, as a person sees it (the Damerau transposition).
 */
export function typoDistance(a: string, b: string): number {
  if (a.length === b.length && a.length > 1) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
    const [i, j] = diff;
    if (diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i])
      return 1;
  }
  return distance(a, b);
}

/** Edits tolerated for a word of `length` letters: none under 4, 1 up to 6, 2 from 7. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length < 7 ? 1 : 2;
}

/**
 * The candidate closest to `word` within {@link allowedEdits}, when exactly one candidate is
 * that close (an ambiguous typo matches nothing). Compares lower-case, letters and digits only.
 * Returns the matched candidate as given, or `null`.
 */
export function closestWord(word: string, candidates: readonly string[]): string | null {
  const w = compact(word);
  if (w === '') return null;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const candidate of candidates) {
    const d = typoDistance(w, compact(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && compact(candidate) !== compact(best ?? '')) {
      tie = true;
    }
  }
  if (best === null || tie) return null;
  return bestDistance <= allowedEdits(w.length) ? best : null;
}

/** Lower case, letters and digits only: "Shop-now!" → "shopnow". */
export function compact(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}
