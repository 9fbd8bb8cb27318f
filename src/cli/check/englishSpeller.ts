/** nspell over dictionary-en, loaded only for English targets (the .dic is ~550 KB and takes ~150 ms to build). */
export async function englishSpeller(): Promise<(word: string) => boolean> {
  const [{ default: nspell }, { default: dictionary }] = await Promise.all([
    import('nspell'),
    import('dictionary-en'),
  ]);
  const speller = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  return (word) => speller.correct(word);
}
