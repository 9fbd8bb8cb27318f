import type { CheckInput } from '../CheckInput.ts';
import type { Finding, PairCheck, Speller } from '../types.ts';
import { touchesAny, type Word } from '../util/words.ts';
import { kazakhHarmonySlips } from './kazakhHarmony.ts';
import { kazakhLookalikes } from './kazakhLetters.ts';
import { wrongLanguage } from './language.ts';

const kazakhSpeller = (input: CheckInput): Speller | undefined =>
  input.speller?.lang === 'kk' ? input.speller : undefined;

type Restored = Word & { readonly suggestions: readonly string[] };

/** Words the dictionary restores to Kazakh letters, leaving those the word-list check already names. */
function findRestored(input: CheckInput): Restored[] {
  const speller = kazakhSpeller(input);
  if (!speller?.restore) return [];
  const listed = kazakhLookalikes(input);
  const out: Restored[] = [];
  for (const w of input.targetWords) {
    if (w.script !== 'cyrillic' || w.text.length < 3) continue;
    if (listed.some((l) => l.start === w.start)) continue;
    if (touchesAny(w, input.targetProtected) || touchesAny(w, input.targetTerms)) continue;
    const suggestions = speller.restore(w.text);
    if (suggestions.length > 0) out.push({ ...w, suggestions });
  }
  return out;
}

const restoredWords = (input: CheckInput): Restored[] => input.memo('kazakhRestored', findRestored);

/**
 * Kazakh typed on a Russian keyboard, on every word the dictionary can restore ("Республикасындагы" →
 * "Республикасындағы", "Қазакстан" → "Қазақстан"), beyond the frequent words `kazakh-lookalike-letters`
 * knows by heart. Runs only where the Kazakh dictionary is loaded.
 */
export const kazakhLookalikeWords: PairCheck = {
  id: 'kazakh-lookalike-words',
  family: 'spelling',
  scope: 'pair',
  needsSource: false,
  severity: 'major',
  category: 'linguistic/spelling',
  targetLangs: ['kk'],
  run(input) {
    return restoredWords(input).map((w): Finding => {
      const suggestion = w.suggestions.join(', ');
      const span = { start: w.start, end: w.end };
      const only = w.suggestions.length === 1 ? w.suggestions[0] : undefined;
      return {
        messageKey: 'checks.spelling.kazakhLetters',
        params: { word: w.text, suggestion },
        target: [span],
        ...(only ? { fix: { span, replacement: only } } : {}),
      };
    });
  },
};

/**
 * Kazakh words the dictionary (with the glossary and approved text) does not know. Left alone: capitalised
 * words (names; a sentence's first word is as often one), words with a digit or hyphen glued on ("2015-жылы",
 * "ҚР-ның"), words the source also has, glossary terms, and words another Kazakh check already names.
 */
export const kazakhSpelling: PairCheck = {
  id: 'kazakh-spelling',
  family: 'spelling',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/spelling',
  targetLangs: ['kk'],
  run(input) {
    const speller = kazakhSpeller(input);
    if (!speller) return [];
    const out: Finding[] = [];
    let sourceLower: string | undefined;
    for (const w of input.targetWords) {
      if (w.script !== 'cyrillic' || w.text.length < 3) continue;
      const first = w.text.charAt(0);
      if (first !== first.toLowerCase()) continue;
      const before = input.target.charAt(w.start - 1);
      const after = input.target.charAt(w.end);
      if (/[\d_-]/u.test(before) || /[\d_]/u.test(after)) continue;
      if (speller.correct(w.text)) continue;
      sourceLower ??= input.hasSource ? input.source.toLowerCase() : '';
      if (sourceLower.includes(w.text.toLowerCase())) continue;
      if (touchesAny(w, input.targetProtected) || touchesAny(w, input.targetTerms)) continue;
      if (kazakhLookalikes(input).some((l) => l.start === w.start)) continue;
      if (restoredWords(input).some((l) => l.start === w.start)) continue;
      if (kazakhHarmonySlips(input).some((l) => l.start === w.start)) continue;
      out.push({ messageKey: 'checks.spelling.misspelled', params: { word: w.text }, target: [w] });
    }
    // Many unknown words at once means the text is not Kazakh at all: that is wrong-language's finding.
    if (out.length >= 3 && out.length >= 0.3 * input.targetWords.length && wrongLanguage(input)) return [];
    return out;
  },
};
