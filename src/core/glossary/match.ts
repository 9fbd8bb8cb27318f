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
import { tokenize, joins, type Token } from './tokens.ts';

/** One way a term can be written: its words' matchers, in the group (primary language) and script of a bucket. */
type Candidate = {
  readonly entryId: EntryId;
  readonly term: Term;
  readonly words: readonly WordMatcher[];
  /** Position in build order: earlier entries win ties. */
  readonly order: number;
};

type Bucket = {
  readonly group: string;
  readonly script: Script;
  /** Kazakh Latin folds I to ı: tokens looked up here must be folded the same way. */
  readonly kazakhLatin: boolean;
  /** First-word bases → candidates (folded bases / raw bases of acronyms). */
  readonly folded: Map<string, { cand: Candidate; form: WordForm }[]>;
  readonly raw: Map<string, { cand: Candidate; form: WordForm }[]>;
};

declare const termIndexBrand: unique symbol;
/** Opaque: build once per glossary with buildTermIndex, then call findTerms per text. */
export type TermIndex = { readonly [termIndexBrand]: true };

type IndexData = { readonly buckets: Map<string, Bucket>; readonly maxEnding: number };

export type TermHit = {
  readonly entryId: EntryId;
  readonly lang: string;
  readonly term: Term;
  readonly start: number;
  readonly end: number;
};

function bucketFor(data: IndexData, group: string, script: Script): Bucket {
  const key = `${group}|${script}`;
  let bucket = data.buckets.get(key);
  if (!bucket) {
    bucket = {
      group,
      script,
      kazakhLatin: group === 'kk' && script === 'Latn',
      folded: new Map(),
      raw: new Map(),
    };
    data.buckets.set(key, bucket);
  }
  return bucket;
}

function addVariant(
  data: IndexData & { maxEnding: number },
  cand: Omit<Candidate, 'words'>,
  text: string,
  lang: string,
) {
  const words = tokenize(text).map((t) => wordMatcher(t.text, lang));
  const first = words[0];
  if (!first) return;
  const full: Candidate = { ...cand, words };
  const bucket = bucketFor(data, primaryLang(lang), scriptOf(text));
  const map = first.caseSensitive ? bucket.raw : bucket.folded;
  for (const form of first.forms) {
    const list = map.get(form.base) ?? [];
    list.push({ cand: full, form });
    map.set(form.base, list);
    for (const e of form.endings) data.maxEnding = Math.max(data.maxEnding, e.length);
  }
}

/**
 * Indexes every term of every entry (all statuses: forbidden terms must be found too). Kazakh Cyrillic terms
 * are also indexed in their 2021 Latin spelling, so Latin-script Kazakh text finds them.
 */
export function buildTermIndex(entries: readonly TermEntry[]): TermIndex {
  const data = { buckets: new Map<string, Bucket>(), maxEnding: 0 };
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
): [Bucket, boolean][] {
  const result: [Bucket, boolean][] = [];
  for (const bucket of data.buckets.values()) {
    if (bucket.script !== tokenScript) continue;
    if (bucket.group === group) result.push([bucket, true]);
    else if (tokenScript !== ownScript) result.push([bucket, false]);
  }
  return result;
}

function matchAt(
  data: IndexData,
  bucket: Bucket,
  tokens: readonly Token[],
  i: number,
  text: string,
  fold: (t: Token) => string,
  found: (cand: Candidate, end: number) => void,
): void {
  const token = tokens[i] as Token;
  for (const [map, word] of [
    [bucket.raw, token.text],
    [bucket.folded, fold(token)],
  ] as const) {
    if (map.size === 0) continue;
    const min = Math.max(1, word.length - data.maxEnding);
    for (let k = word.length; k >= min; k -= 1) {
      const hits = map.get(word.slice(0, k));
      if (!hits) continue;
      const ending = word.slice(k);
      for (const { cand, form } of hits) {
        if (!form.endings.has(ending)) continue;
        let last = i;
        let all = true;
        for (let w = 1; w < cand.words.length; w += 1) {
          const next = tokens[i + w];
          const prev = tokens[i + w - 1] as Token;
          const matcher = cand.words[w] as WordMatcher;
          if (!next || !joins(text, prev.end, next.start)) {
            all = false;
            break;
          }
          if (!matchesWord(matcher, matcher.caseSensitive ? next.text : fold(next))) {
            all = false;
            break;
          }
          last = i + w;
        }
        if (all) found(cand, (tokens[last] as Token).end);
      }
    }
  }
}

/**
 * Terms found in `text` (written in `lang`), inflected forms included. Where matches overlap the longest
 * wins (then the text's own language, then the earlier entry); the result is in text order.
 */
export function findTerms(index: TermIndex, text: string, lang: string): TermHit[] {
  const data = index as unknown as IndexData;
  const group = primaryLang(lang);
  const ownScript = scriptOfLang(lang);
  const tokens = tokenize(text);
  const matches: Match[] = [];
  const cache = new Map<Token, string>();
  const cacheKk = new Map<Token, string>();
  const folder = (kazakhLatin: boolean) => (t: Token) => {
    const c = kazakhLatin ? cacheKk : cache;
    let f = c.get(t);
    if (f === undefined) {
      f = foldWord(t.text, kazakhLatin);
      c.set(t, f);
    }
    return f;
  };
  const foldPlain = folder(false);
  const foldKk = folder(true);
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    for (const [bucket, own] of bucketsFor(data, group, ownScript, scriptOf(token.text))) {
      matchAt(data, bucket, tokens, i, text, bucket.kazakhLatin ? foldKk : foldPlain, (cand, end) =>
        matches.push({ cand, start: token.start, end, own }),
      );
    }
  }
  return selectNonOverlapping(matches).map((m) => ({
    entryId: m.cand.entryId,
    lang: m.cand.term.lang,
    term: m.cand.term,
    start: m.start,
    end: m.end,
  }));
}

function selectNonOverlapping(matches: Match[]): Match[] {
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
