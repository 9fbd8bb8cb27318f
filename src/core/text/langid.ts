import { detectAll } from 'tinyld';

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
const CYRILLIC = /^\p{Script=Cyrillic}$/u;
const LATIN = /^\p{Script=Latin}$/u;

/**
 * Code points of the Cyrillic and Latin scripts in `text`: ASCII and the Cyrillic block by code (U+0485 and
 * U+0486 are combining marks of no script), the rest by the script properties.
 */
export function scriptCounts(text: string): { cyrillic: number; latin: number } {
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin += 1;
    } else if (c >= 0x400 && c <= 0x52f && c !== 0x485 && c !== 0x486) cyrillic += 1;
    else {
      const cp = text.codePointAt(i) as number;
      if (cp > 0xffff) i += 1;
      const ch = String.fromCodePoint(cp);
      if (CYRILLIC.test(ch)) cyrillic += 1;
      else if (LATIN.test(ch)) latin += 1;
    }
  }
  return { cyrillic, latin };
}

export type LangGuess = { readonly lang: string; readonly score: number };

// Function words that make up a large share of any running text in each language: a cheap first test, so the
// statistical identifier only runs on the few segments the cheap test cannot settle.
const STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(
    [
      'the of and to in is a for on that with by as are was it be at from this or an which not have has',
      'until after before into about during there could must while his him them you your our what when where',
      'who how than such their they these those would will should were been its',
    ]
      .join(' ')
      .split(' '),
  ),
  de: new Set(
    'der die das und ist nicht mit den dem des von zu ein eine auf für sich auch wird werden im er sie es wir'.split(
      ' ',
    ),
  ),
  ru: new Set(
    'и в не на что с по как это к из за от для о но же также или был была были его её их'.split(' '),
  ),
  kk: new Set(
    'және мен бен пен бұл осы да де үшін деп бар жоқ емес болып болды оның бір тиіс қажет'.split(' '),
  ),
};

// Function words no other candidate language writes (French, Spanish, Italian, Dutch and German included): two of
// them in a text of plain ASCII letters settle it as English as surely as a high stopword share does.
const ENGLISH_ONLY: ReadonlySet<string> = new Set(
  [
    'the and of which with this that from have has was were been are by its their they these those would will should',
    'until after before into about during there could must while his him them you your our what when where who how',
    'than such',
  ]
    .join(' ')
    .split(' '),
);
const NON_ASCII_LETTER = /(?![a-zA-Z])\p{L}/u;

/**
 * A lower-case ASCII word of at most six letters as one small integer (five bits a letter, 'a' = 1), so the
 * stopword tests on plain English text need no string per word. Longer words get 0, which no set holds: every
 * English, German and English-only stopword written in ASCII has six letters or fewer.
 */
const PACKED_LETTERS = 6;

function packWord(word: string): number {
  let code = 0;
  for (let i = 0; i < word.length; i += 1) code = code * 32 + (word.charCodeAt(i) - 96);
  return code;
}

// What a packed word is: an English stopword, a German one, an English-only function word (bits, any mix).
const EN = 1;
const DE = 2;
const ENGLISH_ONLY_WORD = 4;

/** Every ASCII stopword of the sets above, packed, with the sets it belongs to. */
function packedStopwords(): ReadonlyMap<number, number> {
  const out = new Map<number, number>();
  const add = (words: Iterable<string>, bit: number) => {
    for (const w of words)
      if (/^[a-z]+$/.test(w) && w.length <= PACKED_LETTERS)
        out.set(packWord(w), (out.get(packWord(w)) ?? 0) | bit);
  };
  add(STOPWORDS.en as ReadonlySet<string>, EN);
  add(STOPWORDS.de as ReadonlySet<string>, DE);
  add(ENGLISH_ONLY, ENGLISH_ONLY_WORD);
  return out;
}

const PACKED_STOPWORDS = packedStopwords();

/**
 * Characters outside ASCII that are neither letters nor of the Latin or Cyrillic script, and that lower-casing
 * leaves alone: white space, quotes, dashes, currency signs, "№". Between words they are what punctuation is.
 */
function neutral(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0xa7 ||
    c === 0xab ||
    c === 0xb0 ||
    c === 0xbb ||
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x20a0 && c <= 0x20cf) ||
    c === 0x2116
  );
}

/**
 * identifyLanguage's answer for a text whose letters are all ASCII (its other characters ASCII or neutral), where
 * the stopword tests settle it: [] without letters, English when its stopwords say so, and undefined when the
 * text is of another kind or tinyld has to decide. The words are the runs \p{L}+ finds, read by code; the
 * shares are the same divisions stopwordShare makes, so the thresholds fall exactly where they fall there.
 */
export function plainEnglish(text: string, candidates: readonly string[]): LangGuess[] | undefined {
  let words = 0;
  let en = 0;
  let de = 0;
  let englishOnly = 0;
  let firstEnglishOnly = -1;
  let code = 0;
  let length = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const lower = c | 0x20;
    if (lower >= 97 && lower <= 122) {
      length += 1;
      if (length <= PACKED_LETTERS) code = code * 32 + (lower - 96);
      continue;
    }
    if (c >= 0x80 && !neutral(c)) return undefined;
    if (length === 0) continue;
    words += 1;
    const kinds = length <= PACKED_LETTERS ? (PACKED_STOPWORDS.get(code) ?? 0) : 0;
    if (kinds !== 0) {
      if (kinds & EN) en += 1;
      if (kinds & DE) de += 1;
      if (kinds & ENGLISH_ONLY_WORD && code !== firstEnglishOnly && englishOnly < 2) {
        if (englishOnly === 0) firstEnglishOnly = code;
        englishOnly += 1;
      }
    }
    code = 0;
    length = 0;
  }
  if (words === 0) return [];
  if (!candidates.includes('en')) return undefined;
  const enShare = en / words;
  if (enShare >= 0.15 && enShare >= 2 * (de / words)) return [{ lang: 'en', score: 1 }];
  if (enShare >= 0.08 && englishOnly >= 2) return [{ lang: 'en', score: 1 }];
  return undefined;
}

function englishOnlyWords(words: readonly string[]): number {
  let first: string | undefined;
  for (const w of words) {
    if (!ENGLISH_ONLY.has(w)) continue;
    if (first === undefined) first = w;
    else if (w !== first) return 2;
  }
  return first === undefined ? 0 : 1;
}

function stopwordShare(words: readonly string[], lang: string): number {
  const set = STOPWORDS[lang];
  if (!set || words.length === 0) return 0;
  let n = 0;
  for (const w of words) if (set.has(w)) n += 1;
  return n / words.length;
}

const EXTRA_LANGUAGES = ['tt', 'ky', 'uk', 'be', 'bg', 'fr', 'es', 'it', 'nl'];
const tinyldLists = new Map<string, readonly string[]>();

/** The candidates and the languages always asked of tinyld, one list per set of candidates (callers pass few). */
function tinyldLanguages(candidates: readonly string[]): string[] {
  const key = candidates.join(' ');
  let list = tinyldLists.get(key);
  if (!list) {
    list = [...new Set([...candidates, ...EXTRA_LANGUAGES])];
    tinyldLists.set(key, list);
  }
  // A copy, so the library cannot change the remembered list.
  return list.slice();
}

/**
 * Languages a text may be in, best first, among `candidates`. Script and Kazakh letters settle most texts;
 * tinyld (trained character n-grams) decides the rest. Kazakh typed with Russian look-alike letters comes out
 * as Tatar ("tt") or Kyrgyz ("ky"), which callers use as a signal, so those are always candidates.
 */
export function identifyLanguage(
  text: string,
  candidates: readonly string[] = ['en', 'ru', 'kk', 'de'],
): LangGuess[] {
  const plain = plainEnglish(text, candidates);
  if (plain) return plain;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return [];
  const c = scriptCounts(text);
  if (c.cyrillic > c.latin && KAZAKH_LETTERS.test(text) && candidates.includes('kk'))
    return [{ lang: 'kk', score: 1 }];
  const en = stopwordShare(words, 'en');
  if (c.latin > c.cyrillic && en >= 0.15 && en >= 2 * stopwordShare(words, 'de') && candidates.includes('en'))
    return [{ lang: 'en', score: 1 }];
  if (
    c.latin > c.cyrillic &&
    en >= 0.08 &&
    candidates.includes('en') &&
    !NON_ASCII_LETTER.test(text) &&
    englishOnlyWords(words) >= 2
  )
    return [{ lang: 'en', score: 1 }];
  return detectAll(text, { only: tinyldLanguages(candidates) }).map((g) => ({
    lang: g.lang,
    score: g.accuracy,
  }));
}

export { stopwordShare };
