import type { CheckInput } from '../CheckInput.ts';
import type { Finding, PairCheck } from '../types.ts';
import { compilePhraseRules, type CompiledRule, type PhraseRule } from '../phraseRules.ts';
import { CALQUES_BY_TRIGGER, type Calque } from '../util/calques.ts';
import { primaryOf } from '../util/lang.ts';
import { touchesAny, type Word } from '../util/words.ts';
import { wordFacts } from '../util/wordFacts.ts';
import { execAll } from '../../text/execAll.ts';

function expand(suggestion: string, m: RegExpMatchArray): string {
  const filled = suggestion.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '');
  const first = m[0].charAt(0);
  // Keep the sentence's capital: "A package of measures" → "A set of measures".
  return first !== first.toLowerCase() ? filled.charAt(0).toUpperCase() + filled.slice(1) : filled;
}

// One pass over the text finds which trigger words occur; only their entries' patterns run.
const TRIGGER_LIST = [...CALQUES_BY_TRIGGER.keys()].sort((a, b) => b.length - a.length);
const TRIGGERS = new RegExp(TRIGGER_LIST.join('|'), 'giu');

/** ASCII codes as indexes a–z = 0–25 of their lower case, -1 for characters that are not letters. */
const ASCII_LETTERS = ((): Int8Array => {
  const table = new Int8Array(128).fill(-1);
  for (let k = 0; k < 26; k += 1) {
    table[65 + k] = k;
    table[97 + k] = k;
  }
  return table;
})();

/**
 * The letter at `i` as String#toLowerCase would give it, as an index a–z = 0–25: -1 for anything else, -2 for
 * the characters of UNEVEN_CASE.
 */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 0x80 ? (ASCII_LETTERS[c] as number) : wideLetter(c);
}

/** Beyond ASCII only the Kelvin sign lower-cases into a–z (to "k"); NaN is past the end of the text. */
function wideLetter(c: number): number {
  if (c === 0x212a) return 10;
  return c === 0x17f || c === 0x130 ? -2 : -1;
}

/** Whether `trigger` starts at `i` of the text lower-cased. */
function triggerStartsAt(text: string, i: number, trigger: string): boolean {
  if (i + trigger.length > text.length) return false;
  for (let k = 0; k < trigger.length; k += 1)
    if (letterAt(text, i + k) !== trigger.charCodeAt(k) - 97) return false;
  return true;
}

/**
 * Triggers by their first three letters, longest first (TRIGGERS' order): `lists[at[first × 676 + second × 26 +
 * third]]`, where 0 means none. Undefined unless every trigger is three lower-case letters a–z or more. Three
 * letters rule out most positions ("the" starts no trigger, "that" does) before any trigger is compared; a typed
 * array answers that quicker than a sparse array would.
 */
const TRIGGERS_BY_START = ((): { at: Uint16Array; lists: (readonly string[])[] } | undefined => {
  const at = new Uint16Array(26 * 26 * 26);
  const lists: string[][] = [[]];
  for (const t of TRIGGER_LIST) {
    if (!/^[a-z]{3,}$/.test(t)) return undefined;
    const key = letterAt(t, 0) * 676 + letterAt(t, 1) * 26 + letterAt(t, 2);
    if (at[key] === 0) at[key] = lists.push([]) - 1;
    lists[at[key] as number]?.push(t);
  }
  return { at, lists };
})();

/**
 * Triggers that are the start of a longer one ("accept" of "accepted"): the scan finds the longest trigger at
 * each position, and the shorter one's entries must run too ("accepted measures" is an "accept" entry).
 */
const PREFIX_TRIGGERS: ReadonlyMap<string, readonly string[]> = new Map(
  TRIGGER_LIST.map((t) => [t, TRIGGER_LIST.filter((p) => p !== t && t.startsWith(p))]),
);

function addWithPrefixes(present: Set<string>, trigger: string): void {
  present.add(trigger);
  // A match through case folding ("yearſ" for "years") is not in the map: its prefixes are looked up directly.
  const prefixes =
    PREFIX_TRIGGERS.get(trigger) ?? TRIGGER_LIST.filter((p) => p !== trigger && trigger.startsWith(p));
  for (const p of prefixes) present.add(p);
}

// Where String#toLowerCase and the "iu" flags disagree about a–z: long s matches "s" but does not lower-case
// to it, and İ lower-cases to two characters, moving every later position.
const UNEVEN_CASE = /[ſİ]/u;

/**
 * The triggers TRIGGERS finds, in the order it finds them: at each position the longest trigger that starts
 * there, then on after it. Done by table look-up on the letters as they lower-case rather than by the alternation.
 */
export function triggersIn(text: string): Set<string> {
  return scanTriggers(text) ?? new Set();
}

/** triggersIn as the checks find them, from the words of the text. */
export function triggersInWords(text: string, words: readonly Word[]): Set<string> {
  return triggersOfWords(text, words) ?? new Set();
}

function triggersByPattern(text: string): Set<string> | undefined {
  const present = new Set<string>();
  for (const m of execAll(TRIGGERS, text)) addWithPrefixes(present, m[0].toLowerCase());
  return present.size > 0 ? present : undefined;
}

/** triggersIn, or undefined when there are none: most texts have none, and need no set. */
function scanTriggers(text: string): Set<string> | undefined {
  const starts = TRIGGERS_BY_START;
  if (!starts) return triggersByPattern(text);
  let present: Set<string> | undefined;
  // Every character is read once as the third of a window or inside a trigger (which has only a–z), so a
  // character of UNEVEN_CASE anywhere is seen, and the text is then searched by pattern.
  let a = letterAt(text, 0);
  let b = letterAt(text, 1);
  if (a === -2 || b === -2) return triggersByPattern(text);
  let i = 0;
  while (i < text.length - 2) {
    const c = letterAt(text, i + 2);
    if (c === -2) return triggersByPattern(text);
    const list = a < 0 || b < 0 || c < 0 ? 0 : (starts.at[a * 676 + b * 26 + c] as number);
    const found = list === 0 ? undefined : triggerAt(text, i, starts.lists[list] as readonly string[]);
    if (found === undefined) {
      i += 1;
      a = b;
      b = c;
      continue;
    }
    addWithPrefixes((present ??= new Set()), found);
    i += found.length;
    a = letterAt(text, i);
    b = letterAt(text, i + 1);
    if (a === -2 || b === -2) return triggersByPattern(text);
  }
  return present;
}

/** The triggers of a word in the order found, null for a word with a character of UNEVEN_CASE. */
function triggersOfWord(word: string): readonly string[] | null {
  const facts = wordFacts(word);
  if (facts.triggers === undefined)
    facts.triggers = UNEVEN_CASE.test(word) ? null : [...(scanTriggers(word) ?? [])];
  return facts.triggers;
}

/**
 * scanTriggers(text) word by word, each word's triggers remembered: a trigger has only letters a–z, so it lies
 * inside one word, and a document repeats its words. Words are read in order, so the set is filled in the same
 * order; a word with a character of UNEVEN_CASE sends the whole text to the pattern, as scanTriggers does. Words
 * shorter than any trigger are skipped: what the pattern finds with a long s lies in a word of three letters or
 * more too, so elsewhere those characters change nothing.
 */
function triggersOfWords(text: string, words: readonly Word[]): Set<string> | undefined {
  let present: Set<string> | undefined;
  for (const w of words) {
    if (w.text.length < 3) continue;
    const found = triggersOfWord(w.text);
    if (found === null) return triggersByPattern(text);
    for (const t of found) (present ??= new Set()).add(t);
  }
  return present;
}

/** The first (longest) of `list` that starts at `i`. */
function triggerAt(text: string, i: number, list: readonly string[]): string | undefined {
  for (const t of list) if (triggerStartsAt(text, i, t)) return t;
  return undefined;
}

function findCalques(input: CheckInput, kind: Calque['kind']): Finding[] {
  const all = input.memo('calques', allCalques);
  if (all.length === 0) return [];
  return all.filter((f) => f.kind === kind).map((f) => f.finding);
}

const compiledTables = new WeakMap<readonly PhraseRule[], readonly CompiledRule[]>();

/** A project's rules compiled once per table; rules that do not compile are left out (the editor reports them). */
function compiled(rules: readonly PhraseRule[]): readonly CompiledRule[] {
  let table = compiledTables.get(rules);
  if (!table) {
    table = rules.flatMap((r) => {
      const one = compilePhraseRules([r]);
      return one.ok ? one.value : [];
    });
    compiledTables.set(rules, table);
  }
  return table;
}

type Found = { kind: Calque['kind']; finding: Finding };
/** What most pairs find: one array for all of them, never added to (findings are copied out of it). */
const NONE: readonly Found[] = [];

/** Every match of a compiled rule as [start, end, groups…]: a phrase by its RegExp, an expression by RE2. */
function* matchesOf(
  rule: CompiledRule,
  text: string,
): Generator<{ start: number; end: number; groups: string[] }> {
  if (!rule.linear) {
    for (const m of execAll(rule.re, text))
      yield { start: m.index, end: m.index + m[0].length, groups: [...m].map((g) => g ?? '') };
    return;
  }
  const matcher = rule.linear.matcher(text);
  let from = 0;
  while (from <= text.length && matcher.find(from)) {
    const start = matcher.start();
    const end = matcher.end();
    // A reviewer's expression matches whole words only, as a phrase does: "nets" is not in "cabinets".
    const edge = /[\p{L}\p{N}]/u;
    if (!edge.test(text.charAt(start - 1)) && !edge.test(text.charAt(end))) {
      const groups = Array.from({ length: matcher.groupCount() + 1 }, (_, g) => matcher.group(g) ?? '');
      yield { start, end, groups };
      from = end > start ? end : start + 1;
    } else from = start + 1;
  }
}

/** Findings of a project's own phrase rules, each with its rule's severity and category. */
function projectCalques(input: CheckInput, rules: readonly PhraseRule[]): Found[] {
  const lower = input.target.toLowerCase();
  const off = input.phraseRulesOff;
  const found: Found[] = [];
  for (const rule of compiled(rules)) {
    if (off?.has(rule.id)) continue;
    if (primaryOf(rule.lang) !== input.targetLang) continue;
    if (rule.gate !== undefined && !lower.includes(rule.gate)) continue;
    for (const m of matchesOf(rule, input.target)) {
      const span = { start: m.start, end: m.end };
      if (touchesAny(span, input.targetProtected)) continue;
      const replacement =
        rule.suggestion === undefined ? undefined : expand(rule.suggestion, m.groups as RegExpMatchArray);
      found.push({
        kind: rule.kind,
        finding: {
          messageKey: rule.kind === 'calque' ? 'checks.mt.calque' : 'checks.mt.falseFriend',
          params: { text: input.target.slice(m.start, m.end), suggestion: replacement ?? '' },
          target: [span],
          severity: rule.severity,
          category: rule.category,
          ...(replacement !== undefined ? { fix: { span, replacement } } : {}),
        },
      });
    }
  }
  return found;
}

const overlaps = (a: Finding, b: Finding): boolean => {
  const x = a.target?.[0];
  const y = b.target?.[0];
  return x !== undefined && y !== undefined && x.start < y.end && y.start < x.end;
};

/**
 * The built-in table (less the rules the project switched off) and the project's own rules; where both match the
 * same words, the project's rule is the one reported.
 */
function allCalques(input: CheckInput): readonly Found[] {
  const own =
    input.phraseRules && input.phraseRules.length > 0 ? projectCalques(input, input.phraseRules) : NONE;
  if (input.targetLang !== 'en') return own;
  const text = input.target;
  const present = triggersOfWords(text, input.targetWords);
  if (present === undefined) return own;
  // Lower-cased, the text shows which words each entry needs; a long s or dotted capital I would not lower-case
  // as the case-insensitive patterns read it, so then every entry of a trigger is tried.
  const lower = UNEVEN_CASE.test(text) ? undefined : text.toLowerCase();
  const found: Found[] = [...own];
  for (const kind of ['calque', 'false-friend'] as const) {
    for (const f of calquesOfKind(input, kind, present, lower)) {
      if (own.some((o) => overlaps(o.finding, f))) continue;
      found.push({ kind, finding: f });
    }
  }
  return found;
}

/** Whether the lower-cased text has every run of `required` (always, when it could not be lower-cased). */
function hasAll(lower: string | undefined, required: readonly string[]): boolean {
  if (lower === undefined) return true;
  for (const run of required) if (!lower.includes(run)) return false;
  return true;
}

function calquesOfKind(
  input: CheckInput,
  kind: Calque['kind'],
  present: ReadonlySet<string>,
  lower: string | undefined,
): Finding[] {
  const out: Finding[] = [];
  for (const trigger of present) {
    for (const c of CALQUES_BY_TRIGGER.get(trigger) ?? []) {
      if (c.kind !== kind || input.phraseRulesOff?.has(c.id) || !hasAll(lower, c.required)) continue;
      for (const m of execAll(c.re, input.target)) {
        const span = { start: m.index, end: m.index + m[0].length };
        if (touchesAny(span, input.targetProtected)) continue;
        const replacement = c.suggestion === undefined ? undefined : expand(c.suggestion, m);
        out.push({
          messageKey: kind === 'calque' ? 'checks.mt.calque' : 'checks.mt.falseFriend',
          params: { text: m[0], suggestion: replacement ?? '' },
          target: [span],
          ...(replacement !== undefined ? { fix: { span, replacement } } : {}),
        });
      }
    }
  }
  if (out.length < 2) return out;
  // Overlapping entries ("was for the first time published" / "for the first time published"): the longest wins.
  out.sort((a, b) => {
    const x = a.target?.[0] ?? { start: 0, end: 0 };
    const y = b.target?.[0] ?? { start: 0, end: 0 };
    return y.end - y.start - (x.end - x.start);
  });
  const kept: Finding[] = [];
  for (const f of out) {
    const s = f.target?.[0];
    if (s && kept.some((k) => k.target?.[0] && s.start < k.target[0].end && k.target[0].start < s.end))
      continue;
    kept.push(f);
  }
  return kept.sort((a, b) => (a.target?.[0]?.start ?? 0) - (b.target?.[0]?.start ?? 0));
}

export const calque: PairCheck = {
  id: 'calque',
  family: 'mt-artefacts',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'style',
  run: (input) => findCalques(input, 'calque'),
};

export const falseFriend: PairCheck = {
  id: 'false-friend',
  family: 'mt-artefacts',
  scope: 'pair',
  needsSource: false,
  severity: 'major',
  category: 'accuracy/mistranslation',
  run: (input) => findCalques(input, 'false-friend'),
};

/**
 * Kazakh and Russian administrative words English keeps in transliteration. A Russian case ending glued to
 * one ("Maslikhatami", "akimatov") is a machine translation that transliterated an inflected form.
 */
export const TRANSLITERATED_STEMS: readonly string[] = [
  'akimat',
  'akim',
  'maslikhat',
  'maslihat',
  'mazhilis',
  'majilis',
  'mazhlis',
  'oblast',
  'rayon',
  'aul',
  'tenge',
  'okrug',
  'kray',
  'krai',
  'duma',
  'militsiya',
  'kolkhoz',
  'sovkhoz',
  'zhuz',
  'batyr',
  'kurultai',
  'senat',
];

/**
 * Stem + ending combinations that are English words. Checked against dictionary-en for every stem and ending
 * below, "senate" is the only one.
 */
const ENGLISH_LOOKALIKES: ReadonlySet<string> = new Set(['senate']);

// Russian case endings in the usual transliteration, longest first; plural ones ask for an English "-s".
const ENDINGS: readonly [string, boolean][] = [
  ['ami', true],
  ['akh', true],
  ['ykh', true],
  ['ymi', true],
  ['ov', true],
  ['ev', true],
  ['ah', true],
  ['am', true],
  ['om', false],
  ['oy', false],
  ['ym', false],
  ['a', false],
  ['u', false],
  ['e', false],
  ['y', true],
  ['i', true],
];

/** Stems, their first letters, and a bit per a–z pair (first × 26 + second) that starts one. */
type Stems = {
  readonly list: readonly string[];
  readonly initials: ReadonlySet<string>;
  readonly starts: Uint8Array;
};

function stemsOf(list: readonly string[]): Stems {
  const starts = new Uint8Array(26 * 26);
  // Every stem is at least three lower-case letters a–z (the built-in ones and /^[a-z]{4,}$/ terms).
  for (const k of list) starts[(k.charCodeAt(0) - 97) * 26 + k.charCodeAt(1) - 97] = 1;
  return { list, initials: new Set(list.map((k) => k.charAt(0))), starts };
}

const BUILT_IN: Stems = stemsOf(TRANSLITERATED_STEMS);
/** Stem lists with a document's glossary terms added, by those terms: a document repeats the same few. */
const withTerms = new Map<string, Stems>();
const WITH_TERMS_MEMORY = 1_000;
/** A glossary term's text as a stem (lower-cased, four letters a–z or more), or null: a document repeats its terms. */
const termStems = new Map<string, string | null>();
const TERM_STEM_MEMORY = 10_000;

function termStem(text: string): string | null {
  let stem = termStems.get(text);
  if (stem === undefined) {
    const lower = text.toLowerCase();
    stem = /^[a-z]{4,}$/.test(lower) ? lower : null;
    if (termStems.size >= TERM_STEM_MEMORY) termStems.clear();
    termStems.set(text, stem);
  }
  return stem;
}

function stems(input: CheckInput): Stems {
  let extra: string[] | undefined;
  for (const h of input.targetTerms) {
    const stem = termStem(h.term.text);
    if (stem !== null) (extra ??= []).push(stem);
  }
  if (extra === undefined) return BUILT_IN;
  // Terms are lower-case ASCII letters, so a line feed cannot occur inside one.
  const key = extra.join('\n');
  let known = withTerms.get(key);
  if (!known) {
    known = stemsOf([...new Set([...TRANSLITERATED_STEMS, ...extra])]);
    if (withTerms.size >= WITH_TERMS_MEMORY) withTerms.clear();
    withTerms.set(key, known);
  }
  return known;
}

/** c lower-cased as an index a–z = 0–25, or -1 for anything else; only for c < 0x80. */
function asciiLetterIndex(c: number): number {
  const lower = c >= 65 && c <= 90 ? c + 32 : c;
  return lower >= 97 && lower <= 122 ? lower - 97 : -1;
}

/**
 * Whether no stem can start the word, told by its first two characters when both are ASCII (each lower-cases to
 * itself or its small letter, in place); undefined when they are not.
 */
function startsNoStem(word: string, starts: Uint8Array): boolean | undefined {
  const c = word.charCodeAt(0);
  const d = word.charCodeAt(1);
  if (c >= 0x80 || d >= 0x80) return undefined;
  const a = asciiLetterIndex(c);
  const b = asciiLetterIndex(d);
  return a < 0 || b < 0 || starts[a * 26 + b] === 0;
}

export const caseEnding: PairCheck = {
  id: 'russian-case-ending',
  family: 'mt-artefacts',
  scope: 'pair',
  needsSource: false,
  severity: 'major',
  category: 'linguistic/grammar',
  targetLangs: ['en'],
  run(input) {
    const out: Finding[] = [];
    const { list: known, initials, starts } = stems(input);
    // A word can only start with a stem if it starts with a stem's first letter.
    for (const w of input.targetWords as Word[]) {
      if (w.script !== 'latin' || w.text.length < 4) continue;
      if (startsNoStem(w.text, starts) === true) continue;
      // The first letter alone lower-cases as it does inside the word (outside surrogate pairs): most words
      // are ruled out without lower-casing them whole.
      if (w.text.charCodeAt(0) < 0xd800 && !initials.has(w.text.charAt(0).toLowerCase().charAt(0))) continue;
      const lower = w.text.toLowerCase();
      if (!initials.has(lower.charAt(0))) continue;
      let best: { stem: string; plural: boolean } | undefined;
      for (const stem of known) {
        if (!lower.startsWith(stem) || lower.length === stem.length) continue;
        if (best && best.stem.length >= stem.length) continue;
        const rest = lower.slice(stem.length);
        const ending = ENDINGS.find(([e]) => e === rest);
        if (ending) best = { stem, plural: ending[1] };
        else if (known.some((k) => k !== stem && lower.startsWith(k) && k.length > stem.length)) continue;
      }
      if (!best) continue;
      // Another known word is the whole word ("akimat" is not akim + "at"; English "-s" forms are fine).
      if (known.includes(lower)) continue;
      // An English word that happens to be stem + ending ("Senate" = senat + e) is English.
      if (ENGLISH_LOOKALIKES.has(lower)) continue;
      const stemText = w.text.slice(0, best.stem.length);
      const replacement = best.plural ? `${stemText}s` : stemText;
      out.push({
        messageKey: 'checks.mt.caseEnding',
        params: { word: w.text, suggestion: replacement },
        target: [w],
        fix: { span: { start: w.start, end: w.end }, replacement },
      });
    }
    return out;
  },
};
