import type { CheckInput } from '../CheckInput.ts';
import type { Finding, PairCheck } from '../types.ts';
import { compilePhraseRules, type CompiledRule, type PhraseRule } from '../phraseRules.ts';
import { CALQUES_BY_TRIGGER, type Calque } from '../util/calques.ts';
import { primaryOf } from '../util/lang.ts';
import { touchesAny, type Word } from '../util/words.ts';
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

/** Triggers by their first two characters, longest first (TRIGGERS' order): every trigger is lower-case a–z. */
const TRIGGERS_BY_START = ((): Map<number, string[]> | undefined => {
  const map = new Map<number, string[]>();
  for (const t of TRIGGER_LIST) {
    if (!/^[a-z]{2,}$/.test(t)) return undefined;
    const key = (t.charCodeAt(0) << 16) | t.charCodeAt(1);
    map.set(key, [...(map.get(key) ?? []), t]);
  }
  return map;
})();

/** 1 where an a–z pair (first × 26 + second) starts a trigger: TRIGGERS_BY_START's keys as a table. */
const TRIGGER_STARTS = ((): Uint8Array => {
  const table = new Uint8Array(26 * 26);
  for (const t of TRIGGER_LIST) {
    const a = t.charCodeAt(0) - 97;
    const b = t.charCodeAt(1) - 97;
    if (a >= 0 && a < 26 && b >= 0 && b < 26) table[a * 26 + b] = 1;
  }
  return table;
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
 * there, then on after it. Done on the lower-cased text by table look-up rather than by the alternation.
 */
export function triggersIn(text: string): Set<string> {
  const present = new Set<string>();
  if (!TRIGGERS_BY_START || UNEVEN_CASE.test(text)) {
    for (const m of execAll(TRIGGERS, text)) addWithPrefixes(present, m[0].toLowerCase());
    return present;
  }
  const lower = text.toLowerCase();
  let i = 0;
  while (i < lower.length - 1) {
    const a = lower.charCodeAt(i) - 97;
    const b = lower.charCodeAt(i + 1) - 97;
    // Most positions start no trigger: a bit per a–z pair answers that before the map is asked.
    if (a < 0 || a > 25 || b < 0 || b > 25 || TRIGGER_STARTS[a * 26 + b] === 0) {
      i += 1;
      continue;
    }
    const list = TRIGGERS_BY_START.get((lower.charCodeAt(i) << 16) | lower.charCodeAt(i + 1));
    const found = list?.find((t) => lower.startsWith(t, i));
    if (found) {
      addWithPrefixes(present, found);
      i += found.length;
    } else i += 1;
  }
  return present;
}

function findCalques(input: CheckInput, kind: Calque['kind']): Finding[] {
  return input
    .memo('calques', allCalques)
    .filter((f) => f.kind === kind)
    .map((f) => f.finding);
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
function allCalques(input: CheckInput): Found[] {
  const own =
    input.phraseRules && input.phraseRules.length > 0 ? projectCalques(input, input.phraseRules) : [];
  const present = input.targetLang === 'en' ? triggersIn(input.target) : new Set<string>();
  if (present.size === 0) return own;
  const found: Found[] = [...own];
  for (const kind of ['calque', 'false-friend'] as const) {
    for (const f of calquesOfKind(input, kind, present)) {
      if (own.some((o) => overlaps(o.finding, f))) continue;
      found.push({ kind, finding: f });
    }
  }
  return found;
}

function calquesOfKind(input: CheckInput, kind: Calque['kind'], present: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  for (const trigger of present) {
    for (const c of CALQUES_BY_TRIGGER.get(trigger) ?? []) {
      if (c.kind !== kind || input.phraseRulesOff?.has(c.id)) continue;
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
