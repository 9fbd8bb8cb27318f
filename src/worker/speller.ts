import nspell from 'nspell';
import affUrl from 'dictionary-en-files/index.aff?url';
import dicUrl from 'dictionary-en-files/index.dic?url';

let loading: Promise<(word: string) => boolean> | undefined;

/**
 * The English Hunspell dictionary, fetched the first time a check needs it (the .dic is ~550 KB, so it is never
 * part of the initial bundle) and kept for the life of the worker.
 */
export function englishSpeller(): Promise<(word: string) => boolean> {
  loading ??= (async () => {
    const [aff, dic] = await Promise.all([
      fetch(affUrl).then((r) => r.text()),
      fetch(dicUrl).then((r) => r.text()),
    ]);
    const speller = nspell(aff, dic);
    return (word: string) => speller.correct(word);
  })();
  return loading;
}
