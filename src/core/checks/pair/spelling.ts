import type { PairCheck, Finding } from '../types.ts';
import { touchesAny } from '../util/words.ts';
import { TRANSLITERATED_STEMS } from './mtArtefacts.ts';
import { wrongLanguage } from './language.ts';
import { wordFacts, type SpellingCandidate } from '../util/wordFacts.ts';

const NOT_LATIN = /[^\p{Script=Latin}']/u;

/** NOT_LATIN.test(word), settled by code for the usual word of ASCII letters and apostrophes. */
function notLatin(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0x27)) return NOT_LATIN.test(word);
  }
  return false;
}

/** A digit or underscore: what /[\d_]/ finds in one character (the empty string at either end is neither). */
function digitOrUnderscore(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 95;
}
const LATIN = /\p{Script=Latin}/u;

// Political and legal words Hunspell's English dictionary lacks.
const EXTRA = ['diarchy', 'dyarchy', 'oblasts', 'rayons', 'auls', 'akims', 'akimats', 'maslikhats'];
// British words the American dictionary lacks and no rule above derives.
const BRITISH = [
  'onwards',
  'whilst',
  'amongst',
  'amidst',
  'kerb',
  'kerbs',
  'tyre',
  'tyres',
  'cheque',
  'cheques',
  'storey',
  'storeys',
  'aluminium',
  'plough',
  'ploughs',
  'draught',
  'draughts',
  'gaol',
  'sceptic',
  'sceptical',
  'manoeuvre',
  'manoeuvres',
  'pyjamas',
  'grey',
  'mould',
  'moult',
  'smoulder',
];
const KNOWN = new Set([...TRANSLITERATED_STEMS.flatMap((s) => [s, `${s}s`]), ...EXTRA]);
const STEM_PREFIX = new RegExp(`^(?:${TRANSLITERATED_STEMS.join('|')})\\p{L}{1,3}$`, 'u');

/**
 * The dictionary is American: a British spelling is right if its American twin is ("neighbours",
 * "organise", "centre", "travelled", "analyse", "defence", "catalogue").
 */
function britishVariants(word: string): string[] {
  const out: string[] = [];
  const rules: readonly [RegExp, string][] = [
    [/our(s?|ed|ing|ite|ites|hood|hoods|able|er|ers)$/, 'or$1'],
    [/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1'],
    [/ys(e|es|ed|ing)$/, 'yz$1'],
    [/tre(s?)$/, 'ter$1'],
    [/ence(s?)$/, 'ense$1'],
    [/ll(ed|ing|er|ers)$/, 'l$1'],
    [/ogue(s?)$/, 'og$1'],
    [/amme(s?)$/, 'am$1'],
    [/ae/, 'e'],
    [/oe/, 'e'],
  ];
  for (const [re, to] of rules) if (re.test(word)) out.push(word.replace(re, to));
  return out;
}

/**
 * American spellings and their British forms, for a project that writes British English: stems, so inflected
 * forms follow ("colors", "centered", "traveling"). Only words with one meaning in both spellings: not
 * "program" (software), "meter" (device), "tire", "check" or "license".
 */
const US_TO_GB: readonly [string, string][] = [
  ['color', 'colour'],
  ['honor', 'honour'],
  ['labor', 'labour'],
  ['favor', 'favour'],
  ['neighbor', 'neighbour'],
  ['behavior', 'behaviour'],
  ['harbor', 'harbour'],
  ['humor', 'humour'],
  ['rumor', 'rumour'],
  ['vapor', 'vapour'],
  ['center', 'centre'],
  ['theater', 'theatre'],
  ['liter', 'litre'],
  ['fiber', 'fibre'],
  ['defense', 'defence'],
  ['offense', 'offence'],
  ['catalog', 'catalogue'],
  ['analyz', 'analys'],
  ['paralyz', 'paralys'],
  ['traveled', 'travelled'],
  ['traveling', 'travelling'],
  ['traveler', 'traveller'],
  ['canceled', 'cancelled'],
  ['canceling', 'cancelling'],
  ['modeled', 'modelled'],
  ['labeled', 'labelled'],
  ['gray', 'grey'],
  ['mold', 'mould'],
  ['plow', 'plough'],
  ['aluminum', 'aluminium'],
  ['pajamas', 'pyjamas'],
];
const US_STEM = new RegExp(`^(${US_TO_GB.map(([us]) => us).join('|')})(s|ed|ing|es|e|ers?|ation|ations)?$`);
const GB_OF = new Map(US_TO_GB);

/** The British form of an American spelling, or undefined when the word is spelled the same in both. */
function britishOf(lower: string): string | undefined {
  const m = US_STEM.exec(lower);
  if (!m) return undefined;
  const gb = GB_OF.get(m[1] as string) as string;
  const rest = m[2] ?? '';
  // "centre" + "s", "theatre" + "s": the British -re stems take endings after the e.
  if (gb.endsWith('re') && rest.startsWith('e')) return `${gb.slice(0, -1)}${rest}`;
  return gb + rest;
}

type Candidate = SpellingCandidate;

/**
 * What a Latin word of three letters or more is asked as, or null when it is not asked at all whatever the
 * pair: capitalised, a known transliteration, not all Latin letters, or a transliterated stem with a Russian
 * ending ("akimata", russian-case-ending's finding, not a typo). Remembered by the word's text: a document
 * repeats its words, and each is judged by its letters alone.
 */
function candidateOf(text: string): Candidate | null {
  const facts = wordFacts(text);
  if (facts.spelling === undefined) facts.spelling = judgeCandidate(text);
  return facts.spelling;
}

function judgeCandidate(text: string): Candidate | null {
  const first = text.charAt(0);
  if (first !== first.toLowerCase()) return null;
  const apostrophised = text.includes('’') ? text.replace(/’/g, "'") : text;
  const word = apostrophised.endsWith("'s") ? apostrophised.slice(0, -2) : apostrophised;
  const lower = word.toLowerCase();
  if (KNOWN.has(lower) || notLatin(word) || STEM_PREFIX.test(lower)) return null;
  return { word, lower };
}

/**
 * Misspelled English words, by the injected speller (core loads no dictionary). Left alone: capitalised words
 * (names, and a sentence's first word, which is as often a name), acronyms, words with digits, glossary
 * terms, Latin words the source also has, addresses, and transliterated Kazakh/Russian terms.
 */
export const spelling: PairCheck = {
  id: 'spelling',
  family: 'spelling',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/spelling',
  targetLangs: ['en'],
  run(input) {
    const spell = input.spell;
    if (!spell) return [];
    const out: Finding[] = [];
    // Lower-cased on first use: most targets have no word that gets this far.
    let sourceLower: string | undefined;
    const variant = input.englishSpelling;
    for (const w of input.targetWords) {
      if (w.script !== 'latin' || w.text.length < 3) continue;
      const candidate = candidateOf(w.text);
      if (candidate === null) continue;
      // A correct word is never reported unless the project writes British English (which reports American
      // spellings the speller accepts), whatever else the pair holds; the speller's verdict does not depend on it.
      if (variant !== 'en-GB' && candidate.correctFor === spell) continue;
      const { word, lower } = candidate;
      // A source without a Latin letter cannot hold a Latin word (case mappings keep the script).
      sourceLower ??= input.hasSource && LATIN.test(input.source) ? input.source.toLowerCase() : '';
      if (sourceLower && sourceLower.includes(lower)) continue;
      if (touchesAny(w, input.targetProtected) || touchesAny(w, input.targetTerms)) continue;
      // A digit glued to the word ("5th", "COVID-19") or a hyphen ("e-mail") makes it a compound the speller
      // does not know.
      if (
        digitOrUnderscore(input.target.charCodeAt(w.start - 1)) ||
        digitOrUnderscore(input.target.charCodeAt(w.end))
      )
        continue;
      if (variant === 'en-GB') {
        const gb = britishOf(lower);
        if (gb !== undefined) {
          out.push({
            messageKey: 'checks.spelling.variant',
            params: { word: w.text, suggestion: gb, variant },
            target: [w],
            fix: { span: { start: w.start, end: w.end }, replacement: gb },
          });
          continue;
        }
      }
      if (spell(word)) {
        candidate.correctFor = spell;
        continue;
      }
      // A British form is right unless the project writes American English.
      if (variant !== 'en-US' && (BRITISH.includes(lower) || britishVariants(word).some(spell))) continue;
      out.push({ messageKey: 'checks.spelling.misspelled', params: { word: w.text }, target: [w] });
    }
    // Many unknown words at once means the text is not English at all: that is wrong-language's finding.
    if (out.length >= 3 && out.length >= 0.3 * input.targetWords.length && wrongLanguage(input)) return [];
    return out;
  },
};
