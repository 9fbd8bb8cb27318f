import enAffUrl from 'dictionary-en-files/index.aff?url';
import enDicUrl from 'dictionary-en-files/index.dic?url';
import ruAffUrl from 'dictionary-ru-files/index.aff?url';
import ruDicUrl from 'dictionary-ru-files/index.dic?url';
import kkAffUrl from '../../dictionaries/kk_KZ/kk_KZ.aff?url';
import kkDicUrl from '../../dictionaries/kk_KZ/kk_KZ.dic?url';
import type { Speller } from '../core/checks/types.ts';
import { AffixLexicon, supportsAffixFile } from '../core/spelling/AffixLexicon.ts';
import { StemTable } from '../core/spelling/StemTable.ts';
import { kazakhSpeller } from '../core/spelling/kazakhSpeller.ts';

const FILES: Readonly<Record<string, readonly [aff: string, dic: string]>> = {
  en: [enAffUrl, enDicUrl],
  ru: [ruAffUrl, ruDicUrl],
  kk: [kkAffUrl, kkDicUrl],
};

/** Dictionaries the worker can load, by primary language subtag. */
export const SPELLING_LANGS = Object.keys(FILES);

// The dictionary files are kept in the Cache API: the second start reads them from disk even offline, and a
// new app version (new hashed URLs) simply stores new entries.
const CACHE = 'audarma-dictionaries-v1';
/** Bump when StemTable's compiled text changes shape. */
const STEMS_FORMAT = 1;

const openCache = () =>
  typeof caches === 'undefined' ? Promise.resolve(undefined) : caches.open(CACHE).catch(() => undefined);

async function text(url: string): Promise<string> {
  const cache = await openCache();
  const hit = await cache?.match(url);
  if (hit) return hit.text();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`spelling dictionary ${url}: HTTP ${response.status}`);
  await cache?.put(url, response.clone()).catch(() => undefined);
  return response.text();
}

/** How each dictionary load went, for the benchmark (milliseconds): reading the files, building the table. */
export const loadTimes: Record<string, { readonly read: number; readonly build: number }> = {};

const lexicons = new Map<string, Promise<AffixLexicon | undefined>>();

/** A suffix-only dictionary (kk, ru) read without expanding it: see AffixLexicon. */
function lexiconFor(lang: string): Promise<AffixLexicon | undefined> {
  let pending = lexicons.get(lang);
  if (!pending) {
    pending = (async () => {
      const files = FILES[lang];
      if (!files) return undefined;
      const started = performance.now();
      // The stems, once read, are kept compiled (sorted, one string) beside the files: a later start splits
      // that string instead of parsing the .dic into a Map, the bulk of a load's time.
      const compiledKey = `${files[1]}?stems=${STEMS_FORMAT}`;
      const cache = await openCache();
      const [aff = '', stored] = await Promise.all([
        text(files[0]),
        cache?.match(compiledKey).then((hit) => hit?.text()),
      ]);
      if (!supportsAffixFile(aff)) return undefined;
      const table = stored === undefined ? undefined : StemTable.fromCompiled(stored);
      if (table) {
        const read = performance.now();
        const lexicon = new AffixLexicon(aff, table);
        loadTimes[lang] = { read: read - started, build: performance.now() - read };
        // Binary search answers at once; the faster hash map is filled between jobs, 20,000 stems a slice.
        const warm = () => {
          if (!table.warm(20_000)) setTimeout(warm, 0);
        };
        setTimeout(warm, 0);
        return lexicon;
      }
      const dic = await text(files[1]);
      const read = performance.now();
      const lexicon = new AffixLexicon(aff, dic);
      loadTimes[lang] = { read: read - started, build: performance.now() - read };
      // Compiled after the answer that needed it, so the first check does not wait for the sort.
      setTimeout(() => {
        void cache?.put(compiledKey, new Response(lexicon.compile())).catch(() => undefined);
      }, 0);
      return lexicon;
    })();
    // A failed fetch is retried on the next check rather than remembered.
    pending.catch(() => lexicons.delete(lang));
    lexicons.set(lang, pending);
  }
  return pending;
}

async function load(lang: string): Promise<Speller | undefined> {
  switch (lang) {
    case 'kk': {
      // Russian stems explain the loanwords official Kazakh is full of ("файлын", "муниципалдық").
      const [kk, ru] = await Promise.all([lexiconFor('kk'), lexiconFor('ru')]);
      return kk ? kazakhSpeller(kk, ru) : undefined;
    }
    case 'ru': {
      const ru = await lexiconFor('ru');
      return ru ? { lang, correct: (word) => ru.correct(word) } : undefined;
    }
    case 'en': {
      // nspell expands the English dictionary in full; only English needs it, so it is loaded with it.
      const [{ default: nspell }, aff = '', dic = ''] = await Promise.all([
        import('nspell'),
        ...(FILES.en ?? []).map(text),
      ]);
      const expanded = nspell(aff, dic);
      return { lang, correct: (word) => expanded.correct(word) };
    }
    default:
      return undefined;
  }
}

const loading = new Map<string, Promise<Speller | undefined>>();

/**
 * The spelling dictionary of `lang`, fetched the first time a check needs it (the files are 0.5–3.5 MB, so
 * they are never part of the initial bundle) and kept for the life of the worker.
 */
export function spellerFor(lang: string): Promise<Speller | undefined> {
  let pending = loading.get(lang);
  if (!pending) {
    pending = load(lang);
    pending.catch(() => loading.delete(lang));
    loading.set(lang, pending);
  }
  return pending;
}
