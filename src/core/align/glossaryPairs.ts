import { primaryLang } from '../model/lang.ts';
import type { TermEntry } from '../model/term.ts';
import { kazakhToLatin } from '../translit/kazakhToLatin.ts';

/** Pairs of languages whose approved glossary terms also become seed-dictionary pairs (either direction). */
const SEED_LANG_PAIRS: readonly (readonly [string, string])[] = [
  ['ru', 'en'],
  ['ru', 'kk'],
];

const WORD = /^[\p{L}\p{M}'’-]+$/u;

/** What a project's glossary tells the aligner: phrase anchors (`termPairs`) and word pairs (`seedPairs`). */
export type GlossaryAlignPairs = {
  readonly termPairs: [string, string][];
  readonly seedPairs: [string, string][];
};

/** Approved spellings of a language's terms; Kazakh Cyrillic terms also in their 2021 Latin spelling. */
function spellings(entry: TermEntry, lang: string): string[] {
  const out: string[] = [];
  const add = (text: string) => {
    if (text !== '' && !out.includes(text)) out.push(text);
  };
  for (const term of entry.terms) {
    if (term.status !== 'approved' || primaryLang(term.lang) !== lang) continue;
    const text = term.text.normalize('NFC').trim();
    add(text);
    if (lang === 'kk' && /\p{Script=Cyrillic}/u.test(text)) add(kazakhToLatin(text));
  }
  return out;
}

/** The approved term pairs of a glossary between two languages (either may be the source), Kazakh in both scripts. */
export function glossaryTermPairs(
  entries: readonly TermEntry[],
  sourceLang: string,
  targetLang: string,
): [string, string][] {
  const a = primaryLang(sourceLang);
  const b = primaryLang(targetLang);
  const pairs: [string, string][] = [];
  for (const entry of entries) {
    const left = spellings(entry, a);
    if (left.length === 0) continue;
    for (const l of left) for (const r of spellings(entry, b)) pairs.push([l, r]);
  }
  return pairs;
}

/**
 * Approved term pairs as the aligner takes them. Every pair anchors as a phrase (inflected forms included). Between
 * Russian and English or Kazakh, pairs of single words also join the seed dictionary: a multi-word term is not split
 * into word pairs, since which word renders which is not known and a wrong pair ("района" ↔ "akimat") would tie
 * sentences that merely share a common word.
 */
export function alignPairsOf(
  pairs: readonly (readonly [string, string])[],
  sourceLang: string,
  targetLang: string,
): GlossaryAlignPairs {
  const a = primaryLang(sourceLang);
  const b = primaryLang(targetLang);
  const seeded = SEED_LANG_PAIRS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  const termPairs = pairs.map(([l, r]): [string, string] => [l, r]);
  const seedPairs = seeded ? termPairs.filter(([l, r]) => WORD.test(l.trim()) && WORD.test(r.trim())) : [];
  return { termPairs, seedPairs };
}

/** What a project's glossary tells the aligner of one language pair: see `glossaryTermPairs` and `alignPairsOf`. */
export function glossaryAlignPairs(
  entries: readonly TermEntry[],
  sourceLang: string,
  targetLang: string,
): GlossaryAlignPairs {
  return alignPairsOf(glossaryTermPairs(entries, sourceLang, targetLang), sourceLang, targetLang);
}
