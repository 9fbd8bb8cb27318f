import type { Lang } from '../model/lang.ts';

/**
 * Abbreviations that end in a full stop without ending the sentence.
 * `never`: the stop never ends a sentence (titles, "No.", "ст.", "т. е."): they always stand before what they
 * qualify, a number or a name.
 * `beforeLower`: words that close a list or a quantity ("etc.", "и т. д.", "т.б.", "млн") may end a sentence; the
 * stop ends it only when a capital letter follows, never before a number or a lower-case word.
 * `beforeNumber`: what stands before a number ("Art. 12", "No. 5", "Dec. 5", "т. 3") and never ends a sentence there,
 * but may end one otherwise ("the Museum of Arts. It", "до 15 сент. Штраф", "920 тыс. т. Основные").
 * `afterNumber`: year and century marks ("2015 г.", "2015 ж.", "XX в.") end a sentence like `beforeLower` when a number
 * stands before them; without one they are something else ("г. Алматы" is "the city of Almaty") and never end one.
 * Multi-part forms ("т. е.", "i.e.") are written with their inner stops; spaces inside are optional.
 */
type AbbreviationSet = {
  readonly never: readonly string[];
  readonly beforeNumber?: readonly string[];
  readonly beforeLower: readonly string[];
  readonly afterNumber?: readonly string[];
};

const en: AbbreviationSet = {
  never: [
    'Mr.',
    'Mrs.',
    'Ms.',
    'Dr.',
    'Prof.',
    'St.',
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
    'approx.',
    'U.S.',
    'U.K.',
    'ca.',
    'incl.',
    'ed.',
    'eds.',
    'Mt.',
    'Ave.',
    'Blvd.',
    'Messrs.',
    'Rev.',
    'Hon.',
    'Maj.',
    'Cpl.',
    'Supt.',
    'Insp.',
    'Reg.',
    'Ref.',
    'Tel.',
    'op.',
    'viz.',
  ],
  beforeNumber: [
    'No.',
    'Nos.',
    'Art.',
    'Arts.',
    'Fig.',
    'Vol.',
    'Ch.',
    'Sec.',
    'para.',
    'subpara.',
    'cl.',
    'p.',
    'pp.',
    'ext.',
    'vol.',
    'no.',
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
  ],
  beforeLower: ['etc.', 'Inc.', 'Ltd.', 'Co.', 'Corp.', 'al.', 'Jr.', 'Sr.', 'a.m.', 'p.m.', 'bn.', 'mn.'],
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
    'напр.',
    'проф.',
    'акад.',
    'доц.',
    'о.',
    'оз.',
    'пос.',
    'ред.',
    'изд.',
    'ср.',
    'табл.',
    'прим.',
    'ген.',
    'полк.',
    'подп.',
    'подполк.',
    'пер.',
    'просп.',
    'пл.',
    'мкр.',
    'гр.',
    'тел.',
    'абз.',
    'утв.',
    'зам.',
    'нач.',
    'каз.',
    'рус.',
    'англ.',
    'лат.',
    'р.',
    'сб.',
    'вып.',
    'долл.',
  ],
  beforeNumber: ['№.', 'т.', 'тт.', 'янв.', 'февр.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'],
  beforeLower: [
    'и т. д.',
    'и т. п.',
    'и др.',
    'и пр.',
    'др.',
    'тыс.',
    'млн.',
    'млрд.',
    'руб.',
    'тг.',
    'коп.',
    'чел.',
    'ед.',
    'шт.',
    'км.',
    'кг.',
  ],
  afterNumber: ['г.', 'гг.', 'в.', 'вв.'],
};

const kk: AbbreviationSet = {
  never: [
    'б. з. б.',
    'б. з.',
    'ҚР.',
    'бап.',
    'тармақ.',
    'тарм.',
    'тт.',
    'көш.',
    'даң.',
    'обл.',
    'қ.',
    'ауд.',
    'мыс.',
    'қар.',
    'сур.',
    'кесте.',
    'бет.',
    'ақп.',
    'нау.',
    'сәу.',
    'мам.',
    'шіл.',
    'там.',
    'қыр.',
    'қаз.',
    'жел.',
    'проф.',
    'акад.',
    // Year and century marks: Kazakh puts the verb last, so "1969 ж." stands before the rest of its sentence
    // ("1969 ж. К. А. Ақышев тапты"), not at its end.
    'ж.',
    'жж.',
    'ғ.',
    'ғғ.',
  ],
  beforeLower: ['т. б.', 'т. с. с.', 'т. т.', 'мың.', 'млн.', 'млрд.', 'тг.', 'адам.'],
};

const byLang: Readonly<Record<string, AbbreviationSet>> = { en, ru, kk };

export type AbbreviationMatcher = {
  readonly never: RegExp;
  readonly beforeNumber: RegExp;
  readonly beforeLower: RegExp;
  /** Year and century marks, with the number (Arabic or Roman) that must stand before them. */
  readonly afterNumber: RegExp;
  readonly bareAfterNumber: RegExp;
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "т. е." becomes a pattern that accepts "т.е." and "т. е." and must start at a word boundary. */
function alternativesOf(list: readonly string[]): string {
  const withCapitals = list.flatMap((abbr) => {
    const capital = abbr.charAt(0).toUpperCase() + abbr.slice(1);
    return capital === abbr ? [abbr] : [abbr, capital];
  });
  const alternatives = withCapitals
    .map((abbr) => abbr.split(/\s+/).map(escape).join('\\s?'))
    .sort((a, b) => b.length - a.length);
  return alternatives.join('|');
}

function toPattern(list: readonly string[]): RegExp {
  // Not after "/": "км/с." is a unit, not the page abbreviation "с.".
  return new RegExp(`(?:^|[\\s(«"“'\\[\\-–—])(?:${alternativesOf(list)})$`, 'u');
}

/** "2015 г.", "2015–2016 гг.", "XX в.", "2015ж." */
function afterNumberPattern(list: readonly string[]): RegExp {
  return new RegExp(`(?:\\d|\\b[IVXLC]+)\\s?(?:${alternativesOf(list)})$`, 'u');
}

const cache = new Map<string, AbbreviationMatcher>();

/** Abbreviations of a language plus the other two (texts mix them: Kazakh terms inside English, and so on). */
export function abbreviationsFor(lang: Lang): AbbreviationMatcher {
  const cached = cache.get(lang);
  if (cached) return cached;
  const own = byLang[lang];
  const sets = own ? [own, ...Object.values(byLang).filter((s) => s !== own)] : Object.values(byLang);
  const afterNumber = sets.flatMap((s) => s.afterNumber ?? []);
  const matcher = {
    never: toPattern(sets.flatMap((s) => s.never)),
    beforeNumber: toPattern(sets.flatMap((s) => s.beforeNumber ?? [])),
    beforeLower: toPattern(sets.flatMap((s) => s.beforeLower)),
    afterNumber: afterNumberPattern(afterNumber),
    bareAfterNumber: toPattern(afterNumber),
  };
  cache.set(lang, matcher);
  return matcher;
}
