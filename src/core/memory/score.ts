import { normalise, type Normalised } from './normalise.ts';

/** Levenshtein distance over UTF-16 units, one row at a time. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j += 1) row[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] as number;
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] as number;
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** Points taken off for each number that differs, and once for differences in punctuation, case or spacing. */
export const NUMBER_PENALTY = 2;
export const FORM_PENALTY = 1;

/**
 * Match percentage as CAT tools show it: 100 only when the texts are identical; words and number marks are
 * compared by character edit distance on the normalised text (numbers stand as one mark), then a number that
 * differs costs NUMBER_PENALTY and any other difference of form (case, punctuation, spacing, ё/е) FORM_PENALTY,
 * so a match that is not identical never shows 100.
 */
export function matchScore(query: string, candidate: string, q?: Normalised, c?: Normalised): number {
  if (query === candidate) return 100;
  const a = q ?? normalise(query);
  const b = c ?? normalise(candidate);
  const longest = Math.max(a.key.length, b.key.length);
  if (longest === 0) return 0;
  const base = Math.floor((100 * (longest - editDistance(a.key, b.key))) / longest);
  let numbersDiffering = Math.abs(a.numbers.length - b.numbers.length);
  for (let i = 0; i < Math.min(a.numbers.length, b.numbers.length); i += 1)
    if (a.numbers[i] !== b.numbers[i]) numbersDiffering += 1;
  const formDiffers = a.key === b.key && numbersDiffering === 0;
  const score =
    base -
    numbersDiffering * NUMBER_PENALTY -
    (formDiffers || a.punctuation !== b.punctuation ? FORM_PENALTY : 0);
  return Math.max(0, Math.min(99, score));
}
