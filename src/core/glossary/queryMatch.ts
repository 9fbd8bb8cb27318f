import { primaryLang } from '../model/lang.ts';
import { kazakhToLatin } from '../translit/kazakhToLatin.ts';
import { foldWord, matchesWord, scriptOf, wordMatcher, type WordMatcher } from './inflection.ts';
import { tokenize } from './tokens.ts';

/**
 * Glossary search by what a terminologist types: the query's words are consecutive words of a term, each in
 * any inflected form its language allows ("участковых инспекторов" and "инспектора" find "участковый инспектор
 * полиции", "полициясының" finds "Жергілікті полиция қызметі"). The last word may still be being typed: it
 * matches while it is the beginning of a form ("инспекторо" on the way to "инспекторов").
 */
type TermWords = {
  readonly raw: readonly string[];
  readonly folded: readonly string[];
  readonly matchers: readonly WordMatcher[];
  readonly kazakhLatin: boolean;
};

const cache = new Map<string, TermWords>();
const CACHE_LIMIT = 20_000;

function wordsOf(text: string, lang: string): TermWords {
  const key = `${lang}\u0000${text}`;
  let words = cache.get(key);
  if (!words) {
    const kazakhLatin = primaryLang(lang) === 'kk' && scriptOf(text) === 'Latn';
    const tokens = tokenize(text.normalize('NFC'));
    words = {
      raw: tokens.map((t) => t.text),
      folded: tokens.map((t) => foldWord(t.text, kazakhLatin)),
      matchers: tokens.map((t) => wordMatcher(t.text, lang)),
      kazakhLatin,
    };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, words);
  }
  return words;
}

/**
 * Whether the query word is a whole form of the term word, or (`partial`) the beginning of one. The term word
 * comes as written and folded; the query word too (acronyms compare as written).
 */
function wordMatches(
  matcher: WordMatcher,
  word: { readonly raw: string; readonly folded: string },
  query: { readonly raw: string; readonly folded: string },
  partial: boolean,
): boolean {
  const probe = matcher.caseSensitive ? query.raw : query.folded;
  if (matchesWord(matcher, probe)) return true;
  if (!partial) return false;
  if ((matcher.caseSensitive ? word.raw : word.folded).startsWith(probe)) return true;
  for (const form of matcher.forms) {
    if (!probe.startsWith(form.base)) continue;
    const rest = probe.slice(form.base.length);
    for (const ending of form.endings) if (ending.startsWith(rest)) return true;
  }
  return false;
}

function matchesWords(words: TermWords, query: readonly string[], partialLast: boolean): boolean {
  const tokens = query.map((q) => ({ raw: q, folded: foldWord(q, words.kazakhLatin) }));
  const n = words.matchers.length;
  for (let start = 0; start + tokens.length <= n; start += 1) {
    let all = true;
    for (let j = 0; j < tokens.length && all; j += 1) {
      const w = start + j;
      all = wordMatches(
        words.matchers[w] as WordMatcher,
        { raw: words.raw[w] as string, folded: words.folded[w] as string },
        tokens[j] as { raw: string; folded: string },
        partialLast && j === tokens.length - 1,
      );
    }
    if (all) return true;
  }
  return false;
}

/**
 * Whether `query` finds the term `text` written in `lang` (a Kazakh Cyrillic term is also tried in its 2021
 * Latin spelling). `partialLast`: the query's last word may be unfinished.
 */
export function queryMatchesTerm(query: string, text: string, lang: string, partialLast = true): boolean {
  const words = tokenize(query.normalize('NFC')).map((t) => t.text);
  if (words.length === 0) return false;
  if (matchesWords(wordsOf(text, lang), words, partialLast)) return true;
  if (primaryLang(lang) === 'kk' && scriptOf(text) === 'Cyrl')
    return matchesWords(wordsOf(kazakhToLatin(text), 'kk-Latn'), words, partialLast);
  return false;
}
