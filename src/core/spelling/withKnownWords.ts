import { foldWord, matchesWord, wordMatcher, type WordMatcher } from '../glossary/inflection.ts';
import { primaryLang } from '../model/lang.ts';
import type { TermEntry } from '../model/term.ts';
import type { Speller } from '../checks/types.ts';
import { russianKeyboard } from './AffixLexicon.ts';

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

export type KnownWords = {
  /** Every glossary term in the dictionary's language (forbidden ones excepted), word by word. */
  readonly entries: readonly TermEntry[];
  /** Approved renderings in that language: whatever a reviewer approved is spelled as the project wants. */
  readonly approvedTexts?: readonly string[];
};

/**
 * `base` plus the project's own words: glossary terms in every inflected form the glossary search finds
 * ("мәслихат" → "мәслихаттың"), and the words of approved text as written. Look-alike restoration also
 * offers them ("муниципалдык" → "муниципалдық" when the glossary has "муниципалдық полиция").
 */
export function withKnownWords(base: Speller, known: KnownWords): Speller {
  const lang = base.lang;
  const exact = new Set<string>();
  const matchers: WordMatcher[] = [];
  const glossaryWords: string[] = [];
  for (const entry of known.entries) {
    for (const term of entry.terms) {
      if (primaryLang(term.lang) !== lang || term.status === 'forbidden') continue;
      for (const [w] of term.text.matchAll(WORD)) {
        const lower = w.toLowerCase();
        if (exact.has(lower)) continue;
        exact.add(lower);
        glossaryWords.push(lower);
        matchers.push(wordMatcher(w, term.lang));
      }
    }
  }
  for (const text of known.approvedTexts ?? [])
    for (const [w] of text.matchAll(WORD)) exact.add(w.toLowerCase());
  if (exact.size === 0) return base;

  const isKnown = (word: string): boolean => {
    const lower = word.toLowerCase();
    if (exact.has(lower)) return true;
    const folded = foldWord(lower, false);
    return matchers.some((m) => matchesWord(m, folded));
  };
  const correct = (word: string): boolean => base.correct(word) || isKnown(word);

  // Russian-keyboard spellings of the project's words, for restoring look-alike letters.
  let typedKnown: Map<string, string> | undefined;
  const restoreKnown = (word: string): string[] => {
    typedKnown ??= new Map([...exact].map((w) => [russianKeyboard(w), w]));
    const typed = russianKeyboard(word.toLowerCase());
    const hit = typedKnown.get(typed);
    if (hit && hit !== word.toLowerCase()) return [hit];
    // An inflected glossary word: the ending is typed as the Kazakh ending would be.
    for (const g of glossaryWords) {
      const typedBase = russianKeyboard(g);
      if (typedBase === g || !typed.startsWith(typedBase) || typed.length === typedBase.length) continue;
      const form = g + word.toLowerCase().slice(g.length);
      if (isKnown(form)) return [form];
    }
    return [];
  };

  const speller: Speller = {
    lang,
    correct,
    ...(base.restore
      ? {
          restore: (word: string) => {
            if (isKnown(word)) return [];
            const fromBase = base.restore?.(word) ?? [];
            if (fromBase.length > 0 || base.correct(word)) return fromBase;
            return restoreKnown(word).map((w) => matchCase(word, w));
          },
        }
      : {}),
  };
  return speller;
}

function matchCase(pattern: string, word: string): string {
  if (pattern.length > 1 && pattern === pattern.toUpperCase()) return word.toUpperCase();
  const first = pattern.charAt(0);
  return first !== first.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}
