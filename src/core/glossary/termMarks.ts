import type { TermEntry } from '../model/term.ts';
import { findTerms, type TermIndex } from './match.ts';

/** A glossary term found in a text, ready to highlight: where, which entry, and how to describe it on hover. */
export type TermMark = {
  readonly start: number;
  readonly end: number;
  readonly kind: 'term' | 'term-forbidden';
  readonly entryId: string;
  readonly title: string;
};

/** A term the reviewer may want in the rendering being edited: the entry's approved term in that language. */
export type TermSuggestion = { readonly entryId: string; readonly found: string; readonly text: string };

/** One line per language of the entry ("ru: маслихат · en: Maslikhat · kk: мәслихат"), then its definition. */
export function describeEntry(entry: TermEntry): string {
  const terms = entry.terms.map(
    (t) => `${t.lang}: ${t.text}${t.status === 'approved' ? '' : ` (${t.status})`}`,
  );
  return [terms.join(' · '), entry.definition ?? ''].filter(Boolean).join('\n');
}

export function termMarks(
  index: TermIndex,
  entries: ReadonlyMap<string, TermEntry>,
  text: string,
  lang: string,
): TermMark[] {
  if (text === '') return [];
  return findTerms(index, text, lang).flatMap((hit) => {
    const entry = entries.get(hit.entryId);
    if (!entry) return [];
    return [
      {
        start: hit.start,
        end: hit.end,
        kind: hit.term.status === 'forbidden' ? 'term-forbidden' : 'term',
        entryId: hit.entryId,
        title: describeEntry(entry),
      },
    ];
  });
}

/**
 * `termMarks` with a memory: the machine translation and an unedited rendering are the same text, and rows come
 * back into view while scrolling, so each text is looked up once. The memory is dropped past `limit` texts.
 */
export function createTermMarker(
  index: TermIndex,
  entries: ReadonlyMap<string, TermEntry>,
  limit = 5000,
): (text: string, lang: string) => readonly TermMark[] {
  const cache = new Map<string, readonly TermMark[]>();
  return (text, lang) => {
    const key = `${lang}\u0000${text}`;
    let marks = cache.get(key);
    if (!marks) {
      if (cache.size >= limit) cache.clear();
      marks = termMarks(index, entries, text, lang);
      cache.set(key, marks);
    }
    return marks;
  };
}

/**
 * Approved renderings in `targetLang` of every entry found in the unit's other texts, in order of appearance,
 * each entry once: what the editor offers to insert.
 */
export function termSuggestions(
  index: TermIndex,
  entries: ReadonlyMap<string, TermEntry>,
  texts: readonly { readonly text: string; readonly lang: string }[],
  targetLang: string,
): TermSuggestion[] {
  const seen = new Set<string>();
  const out: TermSuggestion[] = [];
  for (const { text, lang } of texts) {
    if (text === '') continue;
    for (const hit of findTerms(index, text, lang)) {
      if (seen.has(hit.entryId)) continue;
      const approved = entries
        .get(hit.entryId)
        ?.terms.find((t) => t.lang === targetLang && t.status === 'approved');
      if (!approved) continue;
      seen.add(hit.entryId);
      out.push({ entryId: hit.entryId, found: text.slice(hit.start, hit.end), text: approved.text });
    }
  }
  return out;
}
