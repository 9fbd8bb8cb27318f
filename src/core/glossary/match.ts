import type { EntryId } from '../model/ids.ts';
import { primaryLang } from '../model/lang.ts';
import type { Term, TermEntry } from '../model/term.ts';
import { kazakhToLatin } from '../translit/kazakhToLatin.ts';
import {
  foldWord,
  matchesWord,
  scriptIn,
  scriptOf,
  wordMatcher,
  type Script,
  type WordForm,
  type WordMatcher,
} from './inflection.ts';
import { mayBeTokenUnit, tokenBounds, tokenEnd, tokenize, joins, plainNfcUnit } from './tokens.ts';

/** One way a term can be written: its words' matchers, in the group (primary language) and script of a bucket. */
type Candidate = {
  readonly entryId: EntryId;
  readonly term: Term;
  readonly words: readonly WordMatcher[];
  /** Position in build order: earlier entries win ties. */
  readonly order: number;
};

/** First-word bases → candidates, with the length bounds that limit which prefixes of a token are tried. */
type BaseMap = {
  readonly bases: Map<string, { cand: Candidate; form: WordForm }[]>;
  /**
   * How the bases begin: the code unit of one-unit bases, and head(first, second) of longer ones. A word whose
   * (folded) start is in neither cannot match, so it need not be sliced or folded.
   */
  readonly singles: Set<number>;
  readonly pairs: Set<number>;
  /** The first code unit of every longer base. */
  readonly firsts: Set<number>;
  minBase: number;
  maxBase: number;
  maxEnding: number;
};

type Bucket = {
  readonly group: string;
  readonly script: Script;
  /** Kazakh Latin folds I to ı: tokens looked up here must be folded the same way. */
  readonly kazakhLatin: boolean;
  /** Folded bases / raw bases of acronyms. */
  readonly folded: BaseMap;
  readonly raw: BaseMap;
};

declare const termIndexBrand: unique symbol;
/** Opaque: build once per glossary with buildTermIndex, then call findTerms per text. */
export type TermIndex = { readonly [termIndexBrand]: true };

type IndexData = {
  readonly buckets: Map<string, Bucket>;
  /** Buckets to search per text language, text script and token script, filled on first use. */
  readonly routes: Map<string, readonly (readonly [Bucket, boolean])[]>;
  /** The Cyrillic-token and Latin-token routes per language code as given, so a text costs no key strings. */
  readonly routesByLang: Map<string, LangRoutes>;
  /** Per code unit: its class for mayHaveTerms, 0 until first met. */
  begins?: Uint8Array;
  /** The buckets as a list, for loops that run per word. */
  bucketList?: readonly Bucket[];
};

type Route = readonly (readonly [Bucket, boolean])[];
type LangRoutes = { readonly cyrillic: Route; readonly latin: Route };

export type TermHit = {
  readonly entryId: EntryId;
  readonly lang: string;
  readonly term: Term;
  readonly start: number;
  readonly end: number;
};

const emptyBaseMap = (): BaseMap => ({
  bases: new Map(),
  singles: new Set(),
  pairs: new Set(),
  firsts: new Set(),
  minBase: Infinity,
  maxBase: 0,
  maxEnding: 0,
});

function bucketFor(data: IndexData, group: string, script: Script): Bucket {
  const key = `${group}|${script}`;
  let bucket = data.buckets.get(key);
  if (!bucket) {
    bucket = {
      group,
      script,
      kazakhLatin: group === 'kk' && script === 'Latn',
      folded: emptyBaseMap(),
      raw: emptyBaseMap(),
    };
    data.buckets.set(key, bucket);
  }
  return bucket;
}

function addVariant(data: IndexData, cand: Omit<Candidate, 'words'>, text: string, lang: string) {
  const words = tokenize(text).map((t) => wordMatcher(t.text, lang));
  const first = words[0];
  if (!first) return;
  const full: Candidate = { ...cand, words };
  const bucket = bucketFor(data, primaryLang(lang), scriptOf(text));
  const map = first.caseSensitive ? bucket.raw : bucket.folded;
  for (const form of first.forms) {
    const list = map.bases.get(form.base) ?? [];
    list.push({ cand: full, form });
    map.bases.set(form.base, list);
    if (form.base.length === 1) map.singles.add(form.base.charCodeAt(0));
    else if (form.base.length > 1) {
      map.pairs.add(head(form.base.charCodeAt(0), form.base.charCodeAt(1)));
      map.firsts.add(form.base.charCodeAt(0));
    }
    map.minBase = Math.min(map.minBase, form.base.length);
    map.maxBase = Math.max(map.maxBase, form.base.length);
    for (const e of form.endings) map.maxEnding = Math.max(map.maxEnding, e.length);
  }
}

/**
 * Indexes every term of every entry (all statuses: forbidden terms must be found too). Kazakh Cyrillic terms
 * are also indexed in their 2021 Latin spelling, so Latin-script Kazakh text finds them.
 */
export function buildTermIndex(entries: readonly TermEntry[]): TermIndex {
  const data: IndexData = { buckets: new Map(), routes: new Map(), routesByLang: new Map() };
  let order = 0;
  for (const entry of entries) {
    for (const term of entry.terms) {
      const text = term.text.normalize('NFC').trim();
      if (!text) continue;
      const base = { entryId: entry.id, term, order: order++ };
      addVariant(data, base, text, term.lang);
      if (primaryLang(term.lang) === 'kk' && scriptOf(text) === 'Cyrl')
        addVariant(data, base, kazakhToLatin(text), 'kk-Latn');
    }
  }
  return data as unknown as TermIndex;
}

const CYRILLIC_LANGS = new Set(['ru', 'kk', 'uk', 'be', 'ky', 'tt', 'ba', 'mn', 'sr', 'bg', 'mk', 'tg']);
function scriptOfLang(lang: string): Script {
  if (/-latn\b/i.test(lang)) return 'Latn';
  if (/-cyrl\b/i.test(lang)) return 'Cyrl';
  return CYRILLIC_LANGS.has(primaryLang(lang)) ? 'Cyrl' : 'Latn';
}

type Match = { cand: Candidate; start: number; end: number; own: boolean };

/**
 * Buckets a token may be looked up in: the text's own language (Kazakh in either script), and, for a word
 * written in a script foreign to the text (Cyrillic "Жергілікті полиция қызметі" in English text, Latin "LPS"
 * in Russian), the other languages written in that script.
 */
function bucketsFor(
  data: IndexData,
  group: string,
  ownScript: Script,
  tokenScript: Script,
): readonly (readonly [Bucket, boolean])[] {
  const key = `${group}|${ownScript}|${tokenScript}`;
  let result = data.routes.get(key);
  if (!result) {
    const list: [Bucket, boolean][] = [];
    for (const bucket of data.buckets.values()) {
      if (bucket.script !== tokenScript) continue;
      if (bucket.group === group) list.push([bucket, true]);
      else if (tokenScript !== ownScript) list.push([bucket, false]);
    }
    data.routes.set(key, list);
    result = list;
  }
  return result;
}

// The fold's first code unit per BMP code unit (0 = not yet known; no word character folds to U+0000), per
// folding mode.
const plainFolds = new Uint16Array(0x10000);
const kazakhFolds = new Uint16Array(0x10000);

/** A code unit plainNfc vouches for (never a surrogate). */
const plainUnit = plainNfcUnit;

/** The first code unit of one character's fold. */
function foldedUnit(c: number, kazakhLatin: boolean): number {
  const table = kazakhLatin ? kazakhFolds : plainFolds;
  let f = table[c] as number;
  if (f === 0) {
    f = foldWord(String.fromCharCode(c), kazakhLatin).charCodeAt(0);
    table[c] = f;
  }
  return f;
}

/** The first two code units of a word as one number. */
const head = (first: number, second: number): number => first * 0x10000 + second;

/**
 * Whether the token text[start, end) may begin with a base of `map` once folded; true also when only the full
 * fold can tell. When plainNfc vouches for the first three characters, each of the first two is its own NFC
 * and composes with nothing that follows, so normalisation leaves them alone; every other step of foldWord
 * maps one character to one (İ is replaced before lower-casing, and no such character is a final sigma), so
 * the fold's first two units are those characters' own folds.
 */
function mayStartFolded(
  text: string,
  start: number,
  end: number,
  map: BaseMap,
  kazakhLatin: boolean,
): boolean {
  const length = end - start;
  const c = text.charCodeAt(start);
  if (!plainUnit(c)) return true;
  const f = foldedUnit(c, kazakhLatin);
  if (map.singles.has(f)) return true;
  if (length === 1) return false;
  const d = text.charCodeAt(start + 1);
  if (!plainUnit(d) || (length > 2 && !plainUnit(text.charCodeAt(start + 2)))) return true;
  return map.pairs.has(head(f, foldedUnit(d, kazakhLatin)));
}

/** Whether the token text[start, end) as written may begin with a base of `map`. */
function mayStartRaw(text: string, start: number, end: number, map: BaseMap): boolean {
  const c = text.charCodeAt(start);
  if (map.singles.has(c)) return true;
  return end - start > 1 && map.pairs.has(head(c, text.charCodeAt(start + 1)));
}

/**
 * One text's tokens as offsets, with their strings and case folds (plain and Kazakh Latin) each built once and
 * only if asked: most words are ruled out by their first letter, and then cost no string at all.
 */
class Tokens {
  readonly text: string;
  /** [start, end, start, end, …] of each token. */
  readonly bounds: readonly number[];
  readonly count: number;
  #words: (string | undefined)[] | undefined;
  #plain: (string | undefined)[] | undefined;
  #kazakh: (string | undefined)[] | undefined;

  constructor(text: string) {
    this.text = text;
    this.bounds = tokenBounds(text);
    this.count = this.bounds.length >> 1;
  }

  start(i: number): number {
    return this.bounds[2 * i] as number;
  }

  end(i: number): number {
    return this.bounds[2 * i + 1] as number;
  }

  word(i: number): string {
    const words = (this.#words ??= []);
    return (words[i] ??= this.text.slice(this.start(i), this.end(i)));
  }

  mayStartFolded(i: number, map: BaseMap, kazakhLatin: boolean): boolean {
    return mayStartFolded(this.text, this.start(i), this.end(i), map, kazakhLatin);
  }

  mayStartRaw(i: number, map: BaseMap): boolean {
    return mayStartRaw(this.text, this.start(i), this.end(i), map);
  }

  fold(i: number, kazakhLatin: boolean): string {
    const cache = kazakhLatin ? (this.#kazakh ??= []) : (this.#plain ??= []);
    return (cache[i] ??= foldWord(this.word(i), kazakhLatin));
  }
}

/**
 * Candidates whose first word is `word` (base + one of its endings) and whose other words follow in the text.
 * Prefixes are tried longest first, and only those whose length a base and an ending of this map can have.
 */
function matchIn(
  map: BaseMap,
  word: string,
  tokens: Tokens,
  i: number,
  kazakhLatin: boolean,
  own: boolean,
  matches: Match[],
): void {
  const from = Math.min(word.length, map.maxBase);
  const to = Math.max(1, map.minBase, word.length - map.maxEnding);
  for (let k = from; k >= to; k -= 1) {
    const hits = map.bases.get(word.slice(0, k));
    if (!hits) continue;
    const ending = word.slice(k);
    for (const { cand, form } of hits) {
      if (!form.endings.has(ending)) continue;
      const last = followingWords(cand, tokens, i, kazakhLatin);
      if (last >= 0) matches.push({ cand, start: tokens.start(i), end: tokens.end(last), own });
    }
  }
}

/** Index of the token that ends the candidate starting at token `i`, or -1 when its other words do not follow. */
function followingWords(cand: Candidate, tokens: Tokens, i: number, kazakhLatin: boolean): number {
  for (let w = 1; w < cand.words.length; w += 1) {
    const next = i + w;
    const matcher = cand.words[w] as WordMatcher;
    if (next >= tokens.count || !joins(tokens.text, tokens.end(next - 1), tokens.start(next))) return -1;
    if (!matchesWord(matcher, matcher.caseSensitive ? tokens.word(next) : tokens.fold(next, kazakhLatin)))
      return -1;
  }
  return i + cand.words.length - 1;
}

/**
 * Terms found in `text` (written in `lang`), inflected forms included. Where matches overlap the longest
 * wins (then the text's own language, then the earlier entry); the result is in text order.
 */
export function findTerms(index: TermIndex, text: string, lang: string): TermHit[] {
  return search(index, text, lang, true);
}

/** findTerms trying every token, without the quick test that rules most texts out: what that test must match. */
export function findTermsInEveryToken(index: TermIndex, text: string, lang: string): TermHit[] {
  return search(index, text, lang, false);
}

function search(index: TermIndex, text: string, lang: string, quick: boolean): TermHit[] {
  const data = index as unknown as IndexData;
  if (data.buckets.size === 0) return [];
  let routes = data.routesByLang.get(lang);
  if (!routes) {
    const group = primaryLang(lang);
    const ownScript = scriptOfLang(lang);
    routes = {
      cyrillic: bucketsFor(data, group, ownScript, 'Cyrl'),
      latin: bucketsFor(data, group, ownScript, 'Latn'),
    };
    data.routesByLang.set(lang, routes);
  }
  const { cyrillic, latin } = routes;
  if (quick && !mayHaveTerms(data, text)) return [];
  const tokens = new Tokens(text);
  const matches: Match[] = [];
  for (let i = 0; i < tokens.count; i += 1) {
    const start = tokens.start(i);
    for (const [bucket, own] of scriptIn(text, start, tokens.end(i)) === 'Cyrl' ? cyrillic : latin) {
      const kk = bucket.kazakhLatin;
      if (bucket.raw.bases.size > 0 && tokens.mayStartRaw(i, bucket.raw))
        matchIn(bucket.raw, tokens.word(i), tokens, i, kk, own, matches);
      if (bucket.folded.bases.size > 0 && tokens.mayStartFolded(i, bucket.folded, kk))
        matchIn(bucket.folded, tokens.fold(i, kk), tokens, i, kk, own, matches);
    }
  }
  if (matches.length === 0) return [];
  return selectNonOverlapping(matches).map((m) => ({
    entryId: m.cand.entryId,
    lang: m.cand.term.lang,
    term: m.cand.term,
    start: m.start,
    end: m.end,
  }));
}

// Classes of code units for mayHaveTerms, per index: 0 = not yet known.
const KNOWN = 1;
const TOKEN = 2; // a letter, mark or digit of the BMP outside the surrogates
const BEGINS = 4; // a plain unit some base (as written, or folded) begins with
const NOT_PLAIN = 8; // a unit plainNfc does not vouch for: a surrogate, a combining mark…

/**
 * Whether some token of the text may be the first word of a term, in any bucket: its first letters fit and one
 * of its prefixes is a base whose ending follows. The words after it are not looked at, so this is only a
 * necessary condition, read without tokenising the text; most texts of a small glossary fail it. Every token
 * starts at a token unit with none before it. In a text of plain units only, each unit folds to one unit of
 * its own, so a token may begin a base only when its first unit does (BEGINS); any other text is left to the
 * full search.
 */
function mayHaveTerms(data: IndexData, text: string): boolean {
  const classes = (data.begins ??= new Uint8Array(0x10000));
  let prev = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    let k = classes[c] as number;
    if (k === 0) {
      k = classOf(data, c);
      classes[c] = k;
    }
    if ((k & NOT_PLAIN) !== 0) return true;
    // BEGINS here and no TOKEN before (TOKEN shifted onto BEGINS).
    if ((k & ~(prev << 1) & BEGINS) !== 0 && firstWordAt(data, text, i)) return true;
    prev = k;
  }
  return false;
}

function classOf(data: IndexData, c: number): number {
  if (!plainUnit(c)) return KNOWN | NOT_PLAIN;
  return KNOWN | (mayBeTokenUnit(c) ? TOKEN : 0) | (mayBegin(data, c) ? BEGINS : 0);
}

/** Whether a token whose first unit is the plain unit `c` may begin a base of some bucket, raw or folded. */
function mayBegin(data: IndexData, c: number): boolean {
  for (const bucket of data.buckets.values()) {
    if (bucket.raw.singles.has(c) || bucket.raw.firsts.has(c)) return true;
    const f = foldedUnit(c, bucket.kazakhLatin);
    if (bucket.folded.singles.has(f) || bucket.folded.firsts.has(f)) return true;
  }
  return false;
}

/**
 * Whether the token at `start` (if one starts there, at a plain unit) begins like a term's first word in some
 * bucket. Its first two units are tried before the token is measured: mayOpen says yes whenever the token's
 * mayStartRaw or mayStartFolded would, so only tokens it lets through are measured and looked up.
 */
function firstWordAt(data: IndexData, text: string, start: number): boolean {
  const buckets = (data.bucketList ??= [...data.buckets.values()]);
  let open = false;
  for (const bucket of buckets) {
    if (mayOpen(text, start, bucket)) {
      open = true;
      break;
    }
  }
  if (!open) return false;
  const end = tokenEnd(text, start);
  if (end === start) return false;
  // No base of a map fits in a word shorter than its shortest base; a plain token's fold is as long as the
  // token (every unit folds to one, see mayStartFolded).
  const length = end - start;
  let word: string | undefined;
  for (const bucket of buckets) {
    const kk = bucket.kazakhLatin;
    if (
      bucket.raw.bases.size > 0 &&
      length >= bucket.raw.minBase &&
      mayStartRaw(text, start, end, bucket.raw) &&
      hasBase(bucket.raw, (word ??= text.slice(start, end)))
    )
      return true;
    if (
      bucket.folded.bases.size > 0 &&
      (length >= bucket.folded.minBase || !plainBetween(text, start, end)) &&
      mayStartFolded(text, start, end, bucket.folded, kk) &&
      hasBase(bucket.folded, foldWord((word ??= text.slice(start, end)), kk))
    )
      return true;
  }
  return false;
}

function plainBetween(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (!plainUnit(text.charCodeAt(i))) return false;
  return true;
}

/**
 * mayStartRaw and mayStartFolded for a token at `start` whose first unit is plain and whose end is not yet
 * known: the units after it are read as if the token went on, which can only say yes more often.
 */
function mayOpen(text: string, start: number, bucket: Bucket): boolean {
  const c = text.charCodeAt(start);
  const raw = bucket.raw;
  if (raw.singles.has(c) || (start + 1 < text.length && raw.pairs.has(head(c, text.charCodeAt(start + 1)))))
    return true;
  const folded = bucket.folded;
  const f = foldedUnit(c, bucket.kazakhLatin);
  if (folded.singles.has(f)) return true;
  if (start + 1 >= text.length) return false;
  const d = text.charCodeAt(start + 1);
  if (!plainUnit(d) || (start + 2 < text.length && !plainUnit(text.charCodeAt(start + 2)))) return true;
  return folded.pairs.has(head(f, foldedUnit(d, bucket.kazakhLatin)));
}

/** Whether some base of `map` with one of its endings is the whole word: matchIn's test, without the words after. */
function hasBase(map: BaseMap, word: string): boolean {
  const from = Math.min(word.length, map.maxBase);
  const to = Math.max(1, map.minBase, word.length - map.maxEnding);
  for (let k = from; k >= to; k -= 1) {
    const hits = map.bases.get(word.slice(0, k));
    if (!hits) continue;
    const ending = word.slice(k);
    for (const { form } of hits) if (form.endings.has(ending)) return true;
  }
  return false;
}

function selectNonOverlapping(matches: Match[]): Match[] {
  if (matches.length === 1) return matches;
  const ranked = [...matches].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      Number(b.own) - Number(a.own) ||
      a.cand.order - b.cand.order ||
      a.start - b.start,
  );
  const chosen: Match[] = [];
  for (const m of ranked) {
    if (chosen.every((c) => m.end <= c.start || m.start >= c.end)) chosen.push(m);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
