import { identifyLanguage, plainEnglish } from '../../text/langid.ts';
import type { CheckInput } from '../CheckInput.ts';
import type { Finding, PairCheck, Span } from '../types.ts';
import { KAZAKH_LETTERS, letterCounts, touchesAny, type Word } from '../util/words.ts';
import { isUntranslated } from './completeness.ts';
import { kazakhLookalikes } from './kazakhLetters.ts';

const MIN_WORDS = 4;
// Kazakh Latin (2021 alphabet) has letters English lacks: a Latin kk text with them is Kazakh, not English.
const KAZAKH_LATIN = /[äğıñöūüqÄĞIÑÖŪÜQ]|(?:^|\s)(?:jäne|men|üşin|bul|osy)(?=\s|$)/u;

/** The language the target is actually in, or undefined when it is the expected one or too short to tell. */
export function wrongLanguage(input: CheckInput): string | undefined {
  return input.memo('wrongLanguage', detectWrongLanguage);
}

/** The target with addresses, e-mails, placeholders and tags blanked out: they are in no language. */
function prose(input: CheckInput): string {
  const spans = input.targetProtected;
  if (spans.length === 0) return input.target;
  let out = input.target;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

function detectWrongLanguage(input: CheckInput): string | undefined {
  const found = guessWrongLanguage(input);
  // A guess that names the expected language is no finding ("looks like kk, not kk").
  return found === input.targetLang ? undefined : found;
}

/**
 * Latin words in a Cyrillic sentence that are all names, product names or acronyms ("Office Open XML Visio
 * трафареті"): fewer words start lower-case in Latin than are written in Cyrillic, so no Latin prose is there.
 */
function namesInLatin(words: readonly Word[]): boolean {
  let cyrillic = 0;
  let latinProse = 0;
  for (const w of words) {
    if (w.script === 'cyrillic') cyrillic += 1;
    else if (w.script === 'latin' && w.text.charAt(0) !== w.text.charAt(0).toUpperCase()) latinProse += 1;
  }
  return cyrillic > 0 && latinProse < cyrillic;
}

/** Target words longer than one letter outside addresses, e-mails, placeholders and tags: the ones that count. */
function proseWords(input: CheckInput): Word[] {
  const protectedSpans = input.targetProtected;
  return input.targetWords.filter((w) => w.text.length > 1 && !touchesAny(w, protectedSpans));
}

/** How many prose words the target has, and how many of them are Cyrillic: proseWords counted in place. */
function countProseWords(input: CheckInput): { words: number; cyrillic: number } {
  const protectedSpans = input.targetProtected;
  let words = 0;
  let cyrillic = 0;
  for (const w of input.targetWords) {
    if (w.text.length <= 1 || touchesAny(w, protectedSpans)) continue;
    words += 1;
    if (w.script === 'cyrillic') cyrillic += 1;
  }
  return { words, cyrillic };
}

const ACCENTED = /[äöüßÄÖÜéèêàçñ]/u;
// The candidates an English target is weighed among (the expected language first, as for the others).
const ENGLISH_CANDIDATES: readonly string[] = ['en', 'ru', 'kk', 'en', 'de'];

function guessWrongLanguage(input: CheckInput): string | undefined {
  const lang = input.targetLang;
  if (lang === 'en') return guessWrongForEnglish(input);
  const counted = countProseWords(input);
  if (counted.words < MIN_WORDS) return undefined;
  const text = prose(input);
  const c = letterCounts(text);
  if ((lang === 'kk' || lang === 'ru') && c.latin > c.cyrillic && namesInLatin(proseWords(input))) {
    return undefined;
  } else if (lang === 'kk') {
    if (c.latin > c.cyrillic)
      return KAZAKH_LATIN.test(text) ? undefined : identifyLanguage(text, ['en', 'kk', 'de'])[0]?.lang;
    if (KAZAKH_LETTERS.test(text)) return undefined;
  } else if (lang === 'ru') {
    if (c.latin > c.cyrillic) return identifyLanguage(text, ['en', 'ru', 'de'])[0]?.lang;
    const kk = (text.match(/[әғқңөұүһі]/giu) ?? []).length;
    return kk >= 3 ? 'kk' : undefined;
  } else return undefined;
  return guessAmong(text, lang, [lang, 'ru', 'kk', 'en', 'de']);
}

function guessWrongForEnglish(input: CheckInput): string | undefined {
  const text = prose(input);
  // Plain text its stopwords call English is the expected language whatever the tests below would say. It has
  // no Cyrillic letter outside the blanked markup (plainEnglish refuses them), so no Cyrillic prose word, and
  // each test then ends in "no finding": the words need no counting.
  if (plainEnglish(text, ENGLISH_CANDIDATES)?.[0]?.lang === 'en') return undefined;
  const counted = countProseWords(input);
  if (counted.words < MIN_WORDS) return undefined;
  // A Kazakh name kept in Cyrillic inside English ("Local police service - Жергілікті полиция қызметі") is
  // deliberate: only a target that is nearly all Cyrillic words is in the wrong language.
  if (counted.cyrillic >= 0.75 * counted.words)
    return KAZAKH_LETTERS.test(text) ? 'kk' : (identifyLanguage(text, ['ru', 'kk'])[0]?.lang ?? 'ru');
  if (counted.words < 8 && !ACCENTED.test(text)) return undefined;
  const c = letterCounts(text);
  if (c.cyrillic > c.latin) return undefined;
  return guessAmong(text, 'en', ENGLISH_CANDIDATES);
}

/** The language identifyLanguage finds when it is clearly not the expected one `lang`. */
function guessAmong(text: string, lang: string, candidates: readonly string[]): string | undefined {
  const guesses = identifyLanguage(text, candidates);
  const top = guesses[0];
  if (!top || top.lang === lang) return undefined;
  // Tatar/Kyrgyz for a Kazakh target is Kazakh typed without its letters: the look-alike check's business.
  if (lang === 'kk' && (top.lang === 'tt' || top.lang === 'ky')) return undefined;
  const expected = guesses.find((g) => g.lang === lang);
  // A close second is not a verdict: names and numbers make short texts ambiguous.
  if (expected && expected.score >= top.score * 0.5) return undefined;
  return top.lang;
}

export const wrongLanguageCheck: PairCheck = {
  id: 'wrong-language',
  family: 'language',
  scope: 'pair',
  needsSource: false,
  severity: 'major',
  category: 'accuracy/mistranslation',
  targetLangs: ['en', 'kk', 'ru'],
  run(input) {
    if (input.hasSource && isUntranslated(input)) return [];
    const found = wrongLanguage(input);
    if (!found) return [];
    // A Kazakh target that is Kazakh typed with Russian letters is reported once, by the look-alike check.
    if (input.targetLang === 'kk' && kazakhLookalikes(input).length > 0) return [];
    const whole: Span = { start: 0, end: input.target.length };
    const f: Finding = {
      messageKey: 'checks.language.wrong',
      params: { found, expected: input.targetLang },
      target: [whole],
    };
    return [f];
  },
};
