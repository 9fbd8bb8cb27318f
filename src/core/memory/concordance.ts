import type { MemoryEntry } from './types.ts';

export type Span = { readonly start: number; readonly end: number };

export type ConcordanceHit = {
  readonly entry: MemoryEntry;
  /** Where the phrase stands in the entry's source, target and machine text (any may be empty). */
  readonly source: readonly Span[];
  readonly target: readonly Span[];
  readonly mt: readonly Span[];
};

/** Case- and ё-insensitive comparison form; one character per character, so offsets carry over. */
function fold(text: string): string {
  return text.toLocaleLowerCase().replace(/ё/g, 'е');
}

function spansOf(haystack: string, needle: string): Span[] {
  const spans: Span[] = [];
  if (needle === '') return spans;
  const folded = fold(haystack);
  for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + needle.length))
    spans.push({ start: at, end: at + needle.length });
  return spans;
}

/**
 * Every entry whose source, target or machine text contains the phrase (in any language, case-insensitively),
 * most recently updated first. A folded string keeps its length for the scripts used here, so spans point into
 * the original text.
 */
export function concordance(entries: readonly MemoryEntry[], phrase: string, limit = 200): ConcordanceHit[] {
  const needle = fold(phrase.trim().replace(/\s+/g, ' '));
  if (needle.length < 2) return [];
  const hits: ConcordanceHit[] = [];
  for (const entry of entries) {
    const source = spansOf(entry.source, needle);
    const target = spansOf(entry.target, needle);
    const mt = spansOf(entry.mt ?? '', needle);
    if (source.length + target.length + mt.length > 0) hits.push({ entry, source, target, mt });
  }
  hits.sort((a, b) => b.entry.updatedAt - a.entry.updatedAt);
  return hits.slice(0, limit);
}
