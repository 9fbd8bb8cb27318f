import { primaryLang } from '../model/lang.ts';
import { kazakhToLatin } from '../translit/kazakhToLatin.ts';
import { plainNfc } from './tokens.ts';

/**
 * Inflection by suffix rules rather than a stemmer: a term word becomes a base plus the closed set of endings
 * its language may add, and a text word matches only if it is exactly base + one of those endings. A stemmer
 * would cut both sides down to a stem and match anything sharing it ("маслина" ~ "маслихат"); here the
 * term's own letters must all be present, so precision is kept while case endings are still found.
 */
export type WordForm = { readonly base: string; readonly endings: ReadonlySet<string> };

/** How one word of a term may appear in text. `exact` words (acronyms) are compared without case folding. */
export type WordMatcher = { readonly caseSensitive: boolean; readonly forms: readonly WordForm[] };

export type Script = 'Cyrl' | 'Latn';

const CYRILLIC = /\p{Script=Cyrillic}/u;
export function scriptOf(word: string): Script {
  return scriptIn(word, 0, word.length);
}

/** scriptOf(text.slice(start, end)), building the slice only when the regex must decide. */
export function scriptIn(text: string, start: number, end: number): Script {
  // Every word of a text comes through here: settle ASCII and the Cyrillic block by code, the rest by regex.
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x52f && c !== 0x485 && c !== 0x486) return 'Cyrl';
    if (c >= 0x80) return CYRILLIC.test(text.slice(start, end)) ? 'Cyrl' : 'Latn';
  }
  return 'Latn';
}

/**
 * Case folding for comparison. Kazakh Latin pairs I/ı and İ/i (as Turkish does), which String#toLowerCase
 * gets wrong; Russian ё is folded to е because texts routinely print е for it; apostrophes are unified.
 */
export function foldWord(word: string, kazakhLatin: boolean): string {
  let s = plainNfc(word) ? word : word.normalize('NFC');
  if (kazakhLatin && s.includes('I')) s = s.replace(/I/g, 'ı');
  if (s.includes('İ')) s = s.replace(/İ/g, 'i');
  s = s.toLowerCase();
  if (s.includes('ё')) s = s.replace(/ё/g, 'е');
  return APOSTROPHES.test(s) ? s.replace(/[’ʼ‘]/g, "'") : s;
}
const APOSTROPHES = /[’ʼ‘]/;

/** Acronyms such as LPS, MIA, МВД, ІІМ are matched case-sensitively: "lps" or "Mia" are other words. */
const ACRONYM = /^\p{Lu}[\p{Lu}\d]+$/u;
export function isAcronym(word: string): boolean {
  return ACRONYM.test(word);
}

/** Words this short are matched only whole: suffix rules on them would find too many strangers. */
const MIN_INFLECTED = 3;

const exactOnly = (word: string): WordForm[] => [{ base: word, endings: new Set(['']) }];

// English: plural and possessive only ("Akims", "Maslikhat's", "akimats'"); "policy" is no form of "police".
const EN_ENDINGS = new Set(['', 's', 'es', "'s", "'", "s'", "es'"]);
const EN_Y_ENDINGS = new Set(['y', "y's", 'ies', "ies'"]);
const ACRONYM_ENDINGS = new Set(['', 's', "'s"]);

function englishForms(word: string): WordForm[] {
  if (word.length < MIN_INFLECTED) return exactOnly(word);
  if (/[^aeiou]y$/.test(word)) return [{ base: word.slice(0, -1), endings: EN_Y_ENDINGS }];
  return [{ base: word, endings: EN_ENDINGS }];
}

// Russian nouns of every declension share this closed set of case endings (after the stem).
const RU_NOUN = new Set(
  '|а|я|о|е|ы|и|у|ю|ь|й|ом|ем|ой|ей|ою|ею|ам|ям|ами|ями|ах|ях|ов|ев|ий|ью|ья|ьи|ье|ьям|ьями|ьях|ьев'.split(
    '|',
  ),
);
// Full adjective endings, all genders, numbers and cases ("местная" → "местной", "местную", "местных").
const RU_ADJECTIVE = new Set(
  'ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ых|их|ыми|ими|ую|юю|ою|ею|ей'.split('|'),
);
const RU_NOUN_OBLIQUE = new Set([...RU_NOUN].filter((e) => e !== ''));
const RU_FLEETING = /[^аеёиоуыэюяй][ое]([кц])$/u;
const RU_ADJECTIVE_END = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)$/u;
const RU_VOWEL_END = /[аяоеьйыи]$/u;

function russianForms(word: string): WordForm[] {
  if (word.length < MIN_INFLECTED) return exactOnly(word);
  const forms: WordForm[] = [];
  if (RU_ADJECTIVE_END.test(word) && word.length >= 5)
    forms.push({ base: word.slice(0, -2), endings: RU_ADJECTIVE });
  const nounBase = RU_VOWEL_END.test(word) ? word.slice(0, -1) : word;
  if (nounBase.length >= MIN_INFLECTED) forms.push({ base: nounBase, endings: RU_NOUN });
  else forms.push({ base: word, endings: new Set(['']) });
  // A fleeting vowel drops before an ending: "порядок" → "порядка", "участок" → "участков", "образец" → "образца".
  const fleeting = RU_FLEETING.exec(word);
  if (fleeting && word.length >= 5)
    forms.push({ base: word.slice(0, -2) + (fleeting[1] as string), endings: RU_NOUN_OBLIQUE });
  return forms;
}

// Kazakh: plural, then possessive, then case (the order is fixed in the language), written in back-vowel
// spelling; front-vowel spelling is derived. Every consonant-assimilation variant (лар/дар/тар…) is allowed.
const KK_PLURAL = ['', 'лар', 'дар', 'тар'];
const KK_POSSESSIVE = ['', 'ым', 'м', 'ың', 'ң', 'ыңыз', 'ңыз', 'ы', 'сы', 'ымыз', 'мыз'];
const KK_CASE =
  '|ның|дың|тың|ға|қа|на|а|ны|ды|ты|н|да|та|нда|дан|тан|нан|мен|бен|пен|менен|ша|дағы|тағы|ндағы|дай|тай'.split(
    '|',
  );
const FRONT: Readonly<Record<string, string>> = { а: 'е', ы: 'і', ғ: 'г', қ: 'к', ұ: 'ү', о: 'ө' };
const toFront = (s: string): string => s.replace(/[аығқұо]/g, (c) => FRONT[c] ?? c);

function kazakhEndings(): { back: string[]; front: string[] } {
  const back: string[] = [];
  for (const p of KK_PLURAL) for (const s of KK_POSSESSIVE) for (const c of KK_CASE) back.push(p + s + c);
  return { back, front: back.map(toFront) };
}
const KK = kazakhEndings();
const KK_SETS = {
  back: new Set(KK.back),
  front: new Set(KK.front),
  both: new Set([...KK.back, ...KK.front]),
};
const KK_LATIN_SETS = {
  back: new Set(KK.back.map(kazakhToLatin)),
  front: new Set(KK.front.map(kazakhToLatin)),
  both: new Set([...KK.back, ...KK.front].map(kazakhToLatin)),
};
const vowelInitial = (set: ReadonlySet<string>, vowels: RegExp): Set<string> =>
  new Set([...set].filter((e) => vowels.test(e)));

type Harmony = 'back' | 'front' | 'both';
/** Vowel harmony follows the last vowel of the word; и, у, ю can go either way (and loanwords vary). */
function harmonyOf(word: string, latin: boolean): Harmony {
  const vowels = latin ? word.match(/[aäeıioöuūüy]/g) : word.match(/[аәеёиоөуұүыіэюя]/g);
  const last = vowels?.at(-1);
  if (last === undefined) return 'both';
  if (latin) return 'aoūy'.includes(last) ? 'back' : 'äeöüı'.includes(last) ? 'front' : 'both';
  return 'аоұыяё'.includes(last) ? 'back' : 'әеөүіэ'.includes(last) ? 'front' : 'both';
}

// Final voiceless к, қ, п become г, ғ, б before a vowel: "әкімдік" → "әкімдігі".
const KK_VOICING: Readonly<Record<string, string>> = { к: 'г', қ: 'ғ', п: 'б', k: 'g', q: 'ğ', p: 'b' };

function kazakhForms(word: string, latin: boolean): WordForm[] {
  if (word.length < MIN_INFLECTED) return exactOnly(word);
  const endings = (latin ? KK_LATIN_SETS : KK_SETS)[harmonyOf(word, latin)];
  const forms: WordForm[] = [{ base: word, endings }];
  const voiced = KK_VOICING[word.at(-1) ?? ''];
  if (voiced) {
    const vowels = latin ? /^[aäeıioöuūüy]/ : /^[аәеиоөуұүыіэюя]/;
    forms.push({ base: word.slice(0, -1) + voiced, endings: vowelInitial(endings, vowels) });
  }
  return forms;
}

/**
 * The matcher for one word of a term in language `lang` ("kk-Latn" and Latin-script "kk" words use the
 * Latin spelling of the Kazakh endings). `word` is as written in the glossary.
 */
export function wordMatcher(word: string, lang: string): WordMatcher {
  if (isAcronym(word)) {
    return {
      caseSensitive: true,
      forms: [{ base: word, endings: primaryLang(lang) === 'en' ? ACRONYM_ENDINGS : new Set(['']) }],
    };
  }
  const primary = primaryLang(lang);
  const latin = scriptOf(word) === 'Latn';
  const folded = foldWord(word, primary === 'kk' && latin);
  switch (primary) {
    case 'en':
      return { caseSensitive: false, forms: englishForms(folded) };
    case 'ru':
      return { caseSensitive: false, forms: latin ? exactOnly(folded) : russianForms(folded) };
    case 'kk':
      return { caseSensitive: false, forms: kazakhForms(folded, latin) };
    default:
      return { caseSensitive: false, forms: exactOnly(folded) };
  }
}

/** Whether `token` (already folded unless the matcher is case-sensitive) is a form of the word. */
export function matchesWord(matcher: WordMatcher, token: string): boolean {
  for (const form of matcher.forms) {
    if (token.startsWith(form.base) && form.endings.has(token.slice(form.base.length))) return true;
  }
  return false;
}
