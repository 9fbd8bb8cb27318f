import type { PairCheck, Finding, Speller } from '../types.ts';
import { touchesAny } from '../util/words.ts';

/** Russian texts routinely print е for ё: "еще" is "ещё" spelled the usual way, not a misspelling. */
function correctWithYo(speller: Speller, word: string): boolean {
  if (speller.correct(word)) return true;
  for (let i = word.indexOf('е'); i >= 0; i = word.indexOf('е', i + 1)) {
    if (speller.correct(`${word.slice(0, i)}ё${word.slice(i + 1)}`)) return true;
  }
  return false;
}

/**
 * Misspelled Russian words in the source: a typo in the original is worth telling its author, and it explains
 * an odd translation. Left alone as in the target checks: capitalised words, words with a digit or hyphen glued
 * on, glossary terms, addresses. Runs only where the Russian dictionary is loaded.
 */
export const sourceSpelling: PairCheck = {
  id: 'source-spelling',
  family: 'spelling',
  scope: 'pair',
  needsSource: true,
  severity: 'minor',
  category: 'linguistic/spelling',
  run(input) {
    const speller = input.sourceSpeller;
    if (!speller || speller.lang !== input.sourceLang) return [];
    const out: Finding[] = [];
    for (const w of input.sourceWords) {
      if (w.script !== 'cyrillic' || w.text.length < 3) continue;
      const first = w.text.charAt(0);
      if (first !== first.toLowerCase()) continue;
      const before = input.source.charAt(w.start - 1);
      const after = input.source.charAt(w.end);
      if (/[\d_-]/u.test(before) || /[\d_-]/u.test(after)) continue;
      if (correctWithYo(speller, w.text)) continue;
      if (touchesAny(w, input.sourceProtected) || touchesAny(w, input.sourceTerms)) continue;
      out.push({ messageKey: 'checks.spelling.sourceMisspelled', params: { word: w.text }, source: [w] });
    }
    return out;
  },
};
