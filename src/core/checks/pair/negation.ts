import type { PairCheck, Span } from '../types.ts';
import { execAll } from '../../text/execAll.ts';

/**
 * Negation in the source with none in the target: the commonest meaning-reversing MT error. The source side is
 * strict (separate negative words only, minus idioms that translate without a negation: "не менее" = "at
 * least", "не раз" = "more than once", "кто бы ни" = "whoever"); the target side is generous (any negative
 * word, affix or verb form, and a failure rendered as an error: "Не удалось открыть файл" = "Error opening the
 * file" = "Файлды ашу қатесі"), so the check stays quiet whenever a negation could be there.
 */
const SOURCE_NEGATION: Readonly<Record<string, RegExp>> = {
  ru: /(?<![\p{L}])(?:не|нет|ни|никогда|ничего|ничто|никто|никого|никому|никак(?:ой|ая|ое|ие|их|им)?|нигде|никуда|нельзя)(?![\p{L}])/giu,
  kk: /(?<![\p{L}])(?:емес|жоқ|ешқашан|ешкім|ештеңе|ешқандай|ешбір)(?![\p{L}])/giu,
  en: /(?<![\p{L}])(?:not|no|never|nobody|nothing|none|neither|nor|cannot|without)(?![\p{L}])|n't(?![\p{L}])/giu,
};

const IDIOMS: Readonly<Record<string, RegExp>> = {
  // Bounds ("не реже" = at least, "не свыше" = at most), "не только" (not only … but also = both), "не раз"
  // (more than once), "не без" (with some), concessives ("что бы ни" = whatever), "едва ли не" (almost),
  // "не говоря уже о" (let alone), "не исключено" (possibly), double negation ("нельзя не" = must). Not
  // "ни один … не": that is "none", a negation in English too.
  ru: /(?<![\p{L}])(?:не\s+(?:менее|меньше|более|больше|свыше|раз|только|иначе|без|позднее|позже|ранее|раньше|реже|чаще|хуже|лучше|выше|ниже|старше|моложе|младше|дальше|далее|дороже|дешевле|длиннее|короче|столько|исключено|говоря\s+уже)|(?:чуть|едва)(?:\s+ли)?\s+не|(?:кто|что|как|где|куда|когда|какой|какая|какое|какие|сколько|чей|чья|чьё|чье)\s+бы\s+(?:то\s+)?ни|не\s+то\s+чтобы|не\s+за\s+что|нельзя\s+не|не\s+может\s+не|не\s+мог\s+не)(?![\p{L}])/giu,
  kk: /(?!)/u,
  en: /(?<![\p{L}])(?:not only|no (?:less|more|later|sooner|fewer) than|nothing but|none other)(?![\p{L}])/giu,
};

const TARGET_NEGATION: Readonly<Record<string, RegExp>> = {
  en: /(?<![\p{L}])(?:not|no|never|n't|cannot|without|nobody|nothing|none|neither|nor|nowhere|unless|free|closed|shut|zero|nil|except(?:ing|ion)?|instead|rather than|against|hardly|barely|lack\w*|absen\w*|fail\w*|refus\w*|prevent\w*|prohibit\w*|forbid\w*|ban(?:s|ned)?|avoid\w*|exclud\w*|stop\w*|cease\w*|deni\w*|deny\w*|error\w*|\w+less|un(?!der|til|ion|it|iv|iq|iform|animous)\w{3,}|non\w*|dis(?:agree|allow|approv|continu|qualif|obey|regard|trust|satisf|abl|appear|connect|honest|loyal|order|proportion|respect)\w*|mis(?:s|t|l|u|r|c|i|j|p)\w{2,}|(?:in|im|il|ir)(?:abilit|adequa|capab|complet|correct|depend|valid|sufficien|possib|prop|legal|regular|relevan|solven|action|compat|appropr|effic|effect|accura|direct|formal|activ|conceiv|mature|partial|patien|perfect|moral|balanc|secur|visib|access|admissib|applicab|competen|consisten|convenien|numer)\w*)(?![\p{L}])|n't/iu,
  kk: /(?<![\p{L}])(?:емес\w*|жоқ\w*|еш\w*|тыйым\w*|қате\p{L}*|\p{L}+(?:сыз|сіз)\p{L}*|\p{L}{2,}(?:ма|ме|ба|бе|па|пе)(?:й|ды|ді|ған|ған|ген|с|са|се|сын|сін|ңыз|ңіз|мын|мін|ймын|ймыз|йсың|йсыз|йтын|йтін|уы|уі|у|сақ|сек|йды|йді)\p{L}*)(?![\p{L}])/iu,
  ru: /(?<![\p{L}])(?:не\p{L}*|ни\p{L}*|без\p{L}*|отсутств\p{L}*|ошиб\p{L}*|кроме|запрещ\p{L}*|прекрат\p{L}*)(?![\p{L}])/iu,
};

/** Every negative word of the source, idioms included. */
function negativeWords(text: string, lang: string): Span[] {
  const re = SOURCE_NEGATION[lang];
  if (!re) return [];
  const out: Span[] = [];
  for (const m of execAll(re, text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The negative words that are not part of an idiom translated without a negation. */
function withoutIdioms(text: string, words: readonly Span[], lang: string): Span[] {
  const idioms: Span[] = [];
  for (const m of execAll(IDIOMS[lang] ?? /(?!)/gu, text))
    idioms.push({ start: m.index, end: m.index + m[0].length });
  return words.filter((span) => !idioms.some((i) => span.start >= i.start && span.end <= i.end));
}

// The words that negate a Russian predicate; negative pronouns ("никто", "ничего") go with one of these
// ("Никто не знал" is one negation) and count only where none is there.
const RU_PREDICATE_NEGATION = /^(?:не|нет|нельзя)$/iu;

/** How many negations the source has: the clauses it negates, as far as words tell. */
function sourceCount(source: string, found: readonly Span[], lang: string): number {
  if (lang !== 'ru') return found.length > 0 ? 1 : 0;
  const predicates = found.filter((s) => RU_PREDICATE_NEGATION.test(source.slice(s.start, s.end))).length;
  return predicates > 0 ? predicates : found.length > 0 ? 1 : 0;
}

const globalTarget = new Map<string, RegExp>();
const OR = /(?<![\p{L}])n?or(?![\p{L}])/giu;

/** TARGET_NEGATION of a language with the g flag, for counting. */
function globalOf(lang: string, one: RegExp): RegExp {
  let re = globalTarget.get(lang);
  if (!re) {
    re = new RegExp(one.source, `${one.flags}g`);
    globalTarget.set(lang, re);
  }
  return re;
}

/**
 * Whether the target has at least `wanted` negations, generously: every negative word or affix, and in English
 * each "or"/"nor" from the first negation on, since "does not renew the lease or pay its debts" negates two
 * predicates with one "not". Counting stops once there are enough.
 */
function hasNegations(target: string, lang: string, wanted: number): boolean {
  const one = TARGET_NEGATION[lang];
  if (!one) return wanted <= 0;
  const re = globalOf(lang, one);
  let count = 0;
  let first = -1;
  re.lastIndex = 0;
  for (let m = re.exec(target); m !== null && count < wanted; m = re.exec(target)) {
    if (first < 0) first = m.index;
    count += 1;
  }
  re.lastIndex = 0;
  if (count >= wanted || count === 0 || lang !== 'en') return count >= wanted;
  OR.lastIndex = first;
  for (let m = OR.exec(target); m !== null && count < wanted; m = OR.exec(target)) count += 1;
  OR.lastIndex = 0;
  return count >= wanted;
}

export const negation: PairCheck = {
  id: 'negation-lost',
  family: 'meaning',
  scope: 'pair',
  needsSource: true,
  severity: 'major',
  category: 'accuracy/mistranslation',
  targetLangs: ['en', 'kk', 'ru'],
  run(input) {
    const all = negativeWords(input.source, input.sourceLang);
    if (all.length === 0) return [];
    const target = TARGET_NEGATION[input.targetLang];
    if (!target) return [];
    // Idioms only take negations away, and fewer negations never ask more of the target: a target with as many
    // as all the negative words want needs no idiom search.
    if (enough(input.target, input.targetLang, target, sourceCount(input.source, all, input.sourceLang)))
      return [];
    const found = withoutIdioms(input.source, all, input.sourceLang);
    if (found.length === 0) return [];
    // One negation anywhere answers one in the source; two or more ("не продлевает … и не раскрывает") need
    // as many, so a dropped second one is seen.
    if (enough(input.target, input.targetLang, target, sourceCount(input.source, found, input.sourceLang)))
      return [];
    return [
      {
        messageKey: 'checks.meaning.negationLost',
        params: { word: input.source.slice(found[0]!.start, found[0]!.end) },
        source: found,
      },
    ];
  },
};

/** Whether the target has the negations the source wants. */
function enough(text: string, lang: string, target: RegExp, wanted: number): boolean {
  return wanted < 2 ? target.test(text) : hasNegations(text, lang, wanted);
}
