import type { CheckInput } from '../CheckInput.ts';
import type { Finding, PairCheck } from '../types.ts';
import { stemRow } from '../../spelling/kazakhSpeller.ts';
import { touchesAny, type Word } from '../util/words.ts';

/**
 * Kazakh suffixes follow the stem's last vowel: a back stem (а о ұ ы) takes -лар -ға -дың -тағы, a front
 * stem (ә е ө ү і) takes -лер -ге -дің -тегі. A suffix of the wrong row ("әкімдікка", "қызметтар") is a
 * typing or machine-translation slip no Russian-trained spell checker sees.
 *
 * Endings are listed in back-row spelling (plural, possessive, case, in that fixed order, plus the common
 * derivational -лық and -шы); a word's ending is recognised whatever row its vowels are in. The instrumental
 * -мен/-бен/-пен does not harmonise and is not listed. A short ending ("-а", "-та") is too easily part of a
 * loanword's stem ("газета") and is judged only with a dictionary.
 */
const PLURAL = ['', 'лар', 'дар', 'тар'];
const POSSESSIVE = ['', 'ым', 'ың', 'ыңыз', 'ы', 'сы', 'ымыз', 'мыз', 'ң', 'м'];
const CASE = [
  '',
  'ның',
  'дың',
  'тың',
  'ға',
  'қа',
  'на',
  'а',
  'ны',
  'ды',
  'ты',
  'н',
  'да',
  'та',
  'нда',
  'дан',
  'тан',
  'нан',
  'ндағы',
  'дағы',
  'тағы',
  'ша',
  'дай',
  'тай',
  'ғы',
  'қы',
];
const DERIVED = ['лық', 'дық', 'тық', 'шы', 'ған', 'қан', 'лы', 'ды', 'ты', 'сыз'];

const BACK_VOWELS = 'аоұы';
const FRONT_OF: Readonly<Record<string, string>> = { а: 'е', о: 'ө', ұ: 'ү', ы: 'і', ғ: 'г', қ: 'к' };
const BACK_OF: Readonly<Record<string, string>> = { е: 'а', ө: 'о', ү: 'ұ', і: 'ы', ә: 'а', г: 'ғ', к: 'қ' };
const toFront = (s: string): string => s.replace(/[аоұығқ]/gu, (c) => FRONT_OF[c] ?? c);
const toBack = (s: string): string => s.replace(/[еөүіәгк]/gu, (c) => BACK_OF[c] ?? c);

function endings(): Set<string> {
  const out = new Set<string>();
  for (const p of PLURAL) for (const s of POSSESSIVE) for (const c of CASE) out.add(p + s + c);
  for (const d of DERIVED) for (const p of PLURAL) for (const c of CASE) out.add(d + p + c);
  out.delete('');
  return out;
}
/** Every ending in back-row spelling. */
const ENDINGS = endings();
const LONGEST = Math.max(...[...ENDINGS].map((e) => e.length));

type Row = 'back' | 'front';

/** The row of an ending's vowels, or undefined when it has none or both. */
function rowOfEnding(ending: string): Row | undefined {
  let back = false;
  let front = false;
  for (const ch of ending) {
    if (BACK_VOWELS.includes(ch)) back = true;
    else if ('еөүіә'.includes(ch)) front = true;
  }
  return back === front ? undefined : back ? 'back' : 'front';
}

export type HarmonySlip = Word & { readonly suggestion: string };

function slipOf(w: Word, input: CheckInput): HarmonySlip | undefined {
  const lower = w.text.toLowerCase();
  const speller = input.speller?.lang === 'kk' ? input.speller : undefined;
  if (speller?.correct(w.text)) return undefined;
  for (let len = Math.min(LONGEST, lower.length - 3); len >= 1; len -= 1) {
    const ending = lower.slice(lower.length - len);
    if (!ENDINGS.has(toBack(ending))) continue;
    const stem = lower.slice(0, lower.length - len);
    const row = stemRow(stem);
    const endingRow = rowOfEnding(ending);
    if (!row || !endingRow) continue;
    if (row === endingRow) return undefined;
    const fixed = stem + (row === 'front' ? toFront(ending) : toBack(ending));
    // A one-letter ending ("газета") only when the dictionary knows the repair: a loanword keeps its own row.
    // A short ending ("газета", "газетада") or a capitalised word (a name keeps its own vowels: "Елена") only
    // when the dictionary knows the repair.
    const capitalised = w.text.charAt(0) !== lower.charAt(0);
    if ((len < (speller ? 2 : 3) || capitalised) && !speller?.correct(fixed)) continue;
    if (capitalised && (stem.length < 4 || len < 2)) continue;
    return { ...w, suggestion: matchCase(w.text, fixed) };
  }
  return undefined;
}

function matchCase(pattern: string, word: string): string {
  if (pattern.length > 1 && pattern === pattern.toUpperCase()) return word.toUpperCase();
  const first = pattern.charAt(0);
  return first !== first.toLowerCase() ? first + word.slice(1) : word;
}

function findSlips(input: CheckInput): HarmonySlip[] {
  const out: HarmonySlip[] = [];
  for (const w of input.targetWords) {
    if (w.script !== 'cyrillic' || w.text.length < 5) continue;
    // Glossary terms are the project's own spelling, loanwords included.
    if (touchesAny(w, input.targetTerms) || touchesAny(w, input.targetProtected)) continue;
    const slip = slipOf(w, input);
    if (slip) out.push(slip);
  }
  return out;
}

/** The target's harmony slips, computed once per pair (the Kazakh spelling check skips these words). */
export function kazakhHarmonySlips(input: CheckInput): HarmonySlip[] {
  return input.memo('kazakhHarmony', findSlips);
}

export const kazakhHarmony: PairCheck = {
  id: 'kazakh-vowel-harmony',
  family: 'grammar',
  scope: 'pair',
  needsSource: false,
  severity: 'major',
  category: 'linguistic/grammar',
  targetLangs: ['kk'],
  run(input) {
    return kazakhHarmonySlips(input).map((w): Finding => ({
      messageKey: 'checks.grammar.vowelHarmony',
      params: { word: w.text, suggestion: w.suggestion },
      target: [{ start: w.start, end: w.end }],
      fix: { span: { start: w.start, end: w.end }, replacement: w.suggestion },
    }));
  },
};
