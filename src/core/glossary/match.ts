import type { EntryId } from '../model/ids.ts';
import { primaryLang } from '../model/lang.ts';
import type { Term, TermEntry } from '../model/term.ts';
import { kazakhToLatin } from '../translit/kazakhToLatin.ts';
import {
  foldWord,
  matchesWord,
  scriptOf,
  wordMatcher,
  type Script,
  type WordForm,
  type WordMatcher,
} from './inflection.ts';
import { tokenize, joins, plainNfc, type Token } from './tokens.ts';

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
  /** First code units of the bases: a word starting with any other cannot match, so it need not be folded. */
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
    if (form.base !== '') map.firsts.add(form.base.charCodeAt(0));
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
const plainFirsts = new Uint16Array(0x10000);
const kazakhFirsts = new Uint16Array(0x10000);

/** One text's tokens with their case folds (plain and Kazakh Latin), each computed once and only if asked. */
class Tokens {
  readonly list: readonly Token[];
  readonly text: string;
  readonly #plain: (string | undefined)[] = [];
  readonly #kazakh: (string | undefined)[] = [];

  constructor(text: string) {
    this.text = text;
    this.list = tokenize(text);
  }

  /**
   * The first code unit of the token's fold, without folding the whole token, or -1 when only the full fold
   * can tell. When plainNfc vouches for the first two characters, the first is its own NFC and the second is a
   * starter that does not compose with it, so normalisation leaves the first character alone whatever follows;
   * every other step of foldWord maps one character to one (İ is replaced before lower-casing), so the fold's
   * first unit is the first character's own fold.
   */
  foldedFirst(i: number, kazakhLatin: boolean): number {
    const text = (this.list[i] as Token).text;
    const c = text.charCodeAt(0);
    if (c >= 0xd800 && c <= 0xdfff) return -1;
    if (!plainNfc(text, 2)) return -1;
    const table = kazakhLatin ? kazakhFirsts : plainFirsts;
    let f = table[c] as number;
    if (f === 0) {
      f = foldWord(String.fromCharCode(c), kazakhLatin).charCodeAt(0);
      table[c] = f;
    }
    return f;
  }

  fold(i: number, kazakhLatin: boolean): string {
    const cache = kazakhLatin ? this.#kazakh : this.#plain;
    return (cache[i] ??= foldWord((this.list[i] as Token).text, kazakhLatin));
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
      if (last >= 0)
        matches.push({
          cand,
          start: (tokens.list[i] as Token).start,
          end: (tokens.list[last] as Token).end,
          own,
        });
    }
  }
}

/** Index of the token that ends the candidate starting at token `i`, or -1 when its other words do not follow. */
function followingWords(cand: Candidate, tokens: Tokens, i: number, kazakhLatin: boolean): number {
  const list = tokens.list;
  for (let w = 1; w < cand.words.length; w += 1) {
    const next = list[i + w];
    const prev = list[i + w - 1] as Token;
    const matcher = cand.words[w] as WordMatcher;
    if (!next || !joins(tokens.text, prev.end, next.start)) return -1;
    if (!matchesWord(matcher, matcher.caseSensitive ? next.text : tokens.fold(i + w, kazakhLatin))) return -1;
  }
  return i + cand.words.length - 1;
}

/**
 * Terms found in `text` (written in `lang`), inflected forms included. Where matches overlap the longest
 * wins (then the text's own language, then the earlier entry); the result is in text order.
 */
export function findTerms(index: TermIndex, text: string, lang: string): TermHit[] {
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
  const tokens = new Tokens(text);
  const matches: Match[] = [];
  for (let i = 0; i < tokens.list.length; i += 1) {
    const token = tokens.list[i] as Token;
    for (const [bucket, own] of scriptOf(token.text) === 'Cyrl' ? cyrillic : latin) {
      const kk = bucket.kazakhLatin;
      if (bucket.raw.bases.size > 0 && bucket.raw.firsts.has(token.text.charCodeAt(0)))
        matchIn(bucket.raw, token.text, tokens, i, kk, own, matches);
      if (bucket.folded.bases.size > 0) {
        const first = tokens.foldedFirst(i, kk);
        if (first < 0 || bucket.folded.firsts.has(first))
          matchIn(bucket.folded, tokens.fold(i, kk), tokens, i, kk, own, matches);
      }
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
