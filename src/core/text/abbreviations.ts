import type { Lang } from '../model/lang.ts';

/**
 * Abbreviations that end in a full stop without ending the sentence.
 * `never`: the stop never ends a sentence (titles, "No.", "ст.", "т. е.").
 * `beforeLower`: the stop ends a sentence only when an upper-case letter follows ("etc.", "и т. д.", "2015 г.").
 * Multi-part forms ("т. е.", "i.e.") are written with their inner stops; spaces inside are optional.
 */
type AbbreviationSet = { readonly never: readonly string[]; readonly beforeLower: readonly string[] };

const en: AbbreviationSet = {
  never: [
    'Mr.',
    'Mrs.',
    'Ms.',
    'Dr.',
    'Prof.',
    'St.',
    'Sr.',
    'Jr.',
    'No.',
    'Nos.',
    'Art.',
    'Arts.',
    'Fig.',
    'vs.',
    'e.g.',
    'i.e.',
    'cf.',
    'Gen.',
    'Col.',
    'Lt.',
    'Sgt.',
    'Capt.',
    'Gov.',
    'Rep.',
    'Sen.',
    'Dept.',
    'Vol.',
    'Ch.',
    'Sec.',
    'para.',
    'pp.',
    'p.',
    'approx.',
    'Jan.',
    'Feb.',
    'Mar.',
    'Apr.',
    'Jun.',
    'Jul.',
    'Aug.',
    'Sep.',
    'Sept.',
    'Oct.',
    'Nov.',
    'Dec.',
    'U.S.',
    'U.K.',
    'a.m.',
    'p.m.',
    'ca.',
    'incl.',
    'ed.',
    'eds.',
    'Mt.',
    'Ave.',
    'Blvd.',
  ],
  beforeLower: ['etc.', 'Inc.', 'Ltd.', 'Co.', 'Corp.', 'al.'],
};

const ru: AbbreviationSet = {
  never: [
    'т. е.',
    'т. к.',
    'т. н.',
    'т. ч.',
    'т. о.',
    'ст.',
    'п.',
    'пп.',
    'ч.',
    'гл.',
    'рис.',
    'см.',
    'стр.',
    'с.',
    'им.',
    'ул.',
    'пр.',
    'д.',
    'кв.',
    'обл.',
    'р-н.',
    'г-н.',
    'г-жа.',
    'тыс.',
    'млн.',
    'млрд.',
    'руб.',
    'тг.',
    'коп.',
    'напр.',
    'проф.',
    'акад.',
    'доц.',
    'о.',
    'оз.',
    'пос.',
    'ред.',
    'изд.',
    '№.',
    'янв.',
    'февр.',
    'авг.',
    'сент.',
    'окт.',
    'нояб.',
    'дек.',
  ],
  beforeLower: ['и т. д.', 'и т. п.', 'и др.', 'и пр.', 'г.', 'гг.', 'в.', 'вв.', 'др.', 'пр.'],
};

const kk: AbbreviationSet = {
  never: [
    'т. с. с.',
    'б. з. б.',
    'б. з.',
    'ҚР.',
    'бап.',
    'тармақ.',
    'көш.',
    'обл.',
    'мың.',
    'млн.',
    'млрд.',
    'тг.',
    'қ.',
    'ауд.',
  ],
  beforeLower: ['т. б.', 'ж.', 'жж.', 'ғ.', 'ғғ.'],
};

const byLang: Readonly<Record<string, AbbreviationSet>> = { en, ru, kk };

export type AbbreviationMatcher = { readonly never: RegExp; readonly beforeLower: RegExp };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "т. е." becomes a pattern that accepts "т.е." and "т. е." and must start at a word boundary. */
function toPattern(list: readonly string[]): RegExp {
  const withCapitals = list.flatMap((abbr) => {
    const capital = abbr.charAt(0).toUpperCase() + abbr.slice(1);
    return capital === abbr ? [abbr] : [abbr, capital];
  });
  const alternatives = withCapitals
    .map((abbr) => abbr.split(/\s+/).map(escape).join('\\s?'))
    .sort((a, b) => b.length - a.length);
  return new RegExp(`(?:^|[\\s(«"“'\\[\\-–—/])(?:${alternatives.join('|')})$`, 'u');
}

const cache = new Map<string, AbbreviationMatcher>();

/** Abbreviations of a language plus the other two (texts mix them: Kazakh terms inside English, and so on). */
export function abbreviationsFor(lang: Lang): AbbreviationMatcher {
  const cached = cache.get(lang);
  if (cached) return cached;
  const own = byLang[lang];
  const sets = own ? [own, ...Object.values(byLang).filter((s) => s !== own)] : Object.values(byLang);
  const matcher = {
    never: toPattern(sets.flatMap((s) => s.never)),
    beforeLower: toPattern(sets.flatMap((s) => s.beforeLower)),
  };
  cache.set(lang, matcher);
  return matcher;
}
