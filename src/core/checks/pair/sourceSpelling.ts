import type { Finding, PairCheck } from '../types.ts';
import { touchesAny } from '../util/words.ts';

/**
 * Kazakhstan's Russian: administrative words a Russian dictionary lacks, by stem so every case form is known
 * (акимата, маслихатом, мажилисмены).
 */
const REGIONAL_STEMS =
  /^(?:аким|маслихат|мажилис|тенге|аул|жуз|курултай|батыр|домбр|бешбармак|казахстанск|нур-султан)/u;

/**
 * Misspelled words in a Russian source: machine translation renders a typo as nonsense, so the reviewer should
 * know the source was wrong before blaming the translation. Needs a source-language speller (`sourceSpell`,
 * e.g. Hunspell's dictionary-ru). Left alone, as in the English check: capitalised words (names), acronyms,
 * words with Latin letters or digits, glossary terms, addresses, and regional administrative words.
 */
export const sourceSpelling: PairCheck = {
  id: 'source-spelling',
  family: 'spelling',
  scope: 'pair',
  needsSource: true,
  severity: 'minor',
  category: 'linguistic/spelling',
  run(input) {
    const spell = input.sourceSpell;
    if (!spell || input.sourceLang !== 'ru') return [];
    const out: Finding[] = [];
    for (const w of input.sourceWords) {
      if (w.script !== 'cyrillic' || w.text.length < 3) continue;
      const first = w.text.charAt(0);
      if (first !== first.toLowerCase() || /[^\p{Script=Cyrillic}\u0301]/u.test(w.text)) continue;
      const lower = w.text.replace(/\u0301/g, '').toLowerCase();
      if (REGIONAL_STEMS.test(lower)) continue;
      const before = input.source.charAt(w.start - 1);
      const after = input.source.charAt(w.end);
      if (/[\d_-]/.test(before) || /[\d_-]/.test(after)) continue;
      if (touchesAny(w, input.sourceProtected) || touchesAny(w, input.sourceTerms)) continue;
      // Hunspell's Russian dictionary spells ё as е in places and the other way round elsewhere.
      if (spell(lower) || (lower.includes('ё') && spell(lower.replace(/ё/g, 'е')))) continue;
      out.push({ messageKey: 'checks.spelling.source', params: { word: w.text }, source: [w] });
    }
    return out;
  },
};
