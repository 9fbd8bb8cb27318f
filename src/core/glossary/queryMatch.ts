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

/** A term's spellings to search: as written, and a Kazakh Cyrillic term also in its 2021 Latin spelling. */
const cache = new Map<string, readonly TermWords[]>();
const CACHE_LIMIT = 200_000;

function wordsOf(text: string, lang: string): TermWords {
  const kazakhLatin = primaryLang(lang) === 'kk' && scriptOf(text) === 'Latn';
  const tokens = tokenize(text.normalize('NFC'));
  return {
    raw: tokens.map((t) => t.text),
    folded: tokens.map((t) => foldWord(t.text, kazakhLatin)),
    matchers: tokens.map((t) => wordMatcher(t.text, lang)),
    kazakhLatin,
  };
}

function spellingsOf(text: string, lang: string): readonly TermWords[] {
  const key = `${lang}\u0000${text}`;
  let spellings = cache.get(key);
  if (!spellings) {
    spellings = [wordsOf(text, lang)];
    if (primaryLang(lang) === 'kk' && scriptOf(text) === 'Cyrl')
      spellings = [...spellings, wordsOf(kazakhToLatin(text), 'kk-Latn')];
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, spellings);
  }
  return spellings;
}

// Every beginning of every ending of a set, so an unfinished word is checked with one lookup. The sets are
// few and shared (one per language and vowel harmony), so this is worked out once per set.
const prefixCache = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();
function prefixesOf(endings: ReadonlySet<string>): ReadonlySet<string> {
  let prefixes = prefixCache.get(endings);
  if (!prefixes) {
    const all = new Set<string>();
    for (const e of endings) for (let n = 0; n <= e.length; n += 1) all.add(e.slice(0, n));
    prefixes = all;
    prefixCache.set(endings, prefixes);
  }
  return prefixes;
}

type QueryWord = { readonly raw: string; readonly plain: string; readonly kazakh: string };

/** A query read once, then tried against many terms. */
export type CompiledQuery = { readonly words: readonly QueryWord[]; readonly partialLast: boolean };

export function compileQuery(query: string, partialLast = true): CompiledQuery {
  const words = tokenize(query.normalize('NFC')).map((t) => ({
    raw: t.text,
    plain: foldWord(t.text, false),
    kazakh: foldWord(t.text, true),
  }));
  return { words, partialLast };
}

/** Whether the query word is a whole form of term word `w`, or (`partial`) the beginning of one. */
function wordMatches(words: TermWords, w: number, probe: string, partial: boolean): boolean {
  const matcher = words.matchers[w] as WordMatcher;
  if (matchesWord(matcher, probe)) return true;
  if (!partial) return false;
  if (((matcher.caseSensitive ? words.raw[w] : words.folded[w]) as string).startsWith(probe)) return true;
  for (const form of matcher.forms)
    if (probe.startsWith(form.base) && prefixesOf(form.endings).has(probe.slice(form.base.length)))
      return true;
  return false;
}

function matchesWords(words: TermWords, query: CompiledQuery): boolean {
  const q = query.words;
  const n = words.matchers.length;
  for (let start = 0; start + q.length <= n; start += 1) {
    let all = true;
    for (let j = 0; j < q.length && all; j += 1) {
      const w = start + j;
      const word = q[j] as QueryWord;
      const probe = (words.matchers[w] as WordMatcher).caseSensitive
        ? word.raw
        : words.kazakhLatin
          ? word.kazakh
          : word.plain;
      all = wordMatches(words, w, probe, query.partialLast && j === q.length - 1);
    }
    if (all) return true;
  }
  return false;
}

// Terms are immutable: a glossary's terms are read once, then looked up by identity on every keystroke.
const byTerm = new WeakMap<object, readonly TermWords[]>();

/** Whether a compiled query finds the term (`text` written in `lang`). */
export function compiledMatchesTerm(
  query: CompiledQuery,
  term: { readonly text: string; readonly lang: string },
): boolean {
  if (query.words.length === 0) return false;
  let spellings = byTerm.get(term);
  if (!spellings) {
    spellings = spellingsOf(term.text, term.lang);
    byTerm.set(term, spellings);
  }
  for (const words of spellings) if (matchesWords(words, query)) return true;
  return false;
}

/**
 * Whether `query` finds the term `text` written in `lang` (a Kazakh Cyrillic term is also tried in its 2021
 * Latin spelling). `partialLast`: the query's last word may be unfinished.
 */
export function queryMatchesTerm(query: string, text: string, lang: string, partialLast = true): boolean {
  const compiled = compileQuery(query, partialLast);
  return compiled.words.length > 0 && spellingsOf(text, lang).some((words) => matchesWords(words, compiled));
}
