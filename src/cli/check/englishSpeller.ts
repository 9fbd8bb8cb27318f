import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** dictionary-en's .aff and .dic: its `exports` hides them, so they are found beside its entry file. */
function dictionaryFile(name: 'index.aff' | 'index.dic'): Buffer {
  return readFileSync(join(dirname(require.resolve('dictionary-en')), name));
}

/**
 * The dictionary's own entries as written (no affixes applied), apart from those only allowed inside compounds
 * (flag "c", the ordinal parts) and those with digits. Every one of them is a word nspell accepts as it is.
 */
export function plainEntries(dic: string): Set<string> {
  const out = new Set<string>();
  const lines = dic.split('\n');
  // The first line is the entry count.
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i]!.trimEnd();
    const slash = line.indexOf('/');
    const word = slash < 0 ? line : line.slice(0, slash);
    if (word === '' || /\d/.test(word) || (slash >= 0 && line.includes('c', slash))) continue;
    out.add(word);
  }
  return out;
}

/**
 * An English spell check (nspell over dictionary-en) built in two steps, each on first need: a look-up in the
 * dictionary's plain entries, which settles most words of most texts at the cost of reading the .dic (~10 ms),
 * and nspell itself (~150 ms to build its affix tables) only for a word that look-up does not find. A run over
 * a short file whose words are all in the dictionary as written never builds nspell.
 */
export function englishSpeller(): (word: string) => boolean {
  let dic: Buffer | undefined;
  let plain: Set<string> | undefined;
  let full: ((word: string) => boolean) | undefined;
  return (word) => {
    dic ??= dictionaryFile('index.dic');
    plain ??= plainEntries(dic.toString('utf8'));
    if (plain.has(word)) return true;
    if (!full) {
      const nspell = require('nspell') as (d: { aff: Buffer; dic: Buffer }) => {
        correct(word: string): boolean;
      };
      const speller = nspell({ aff: dictionaryFile('index.aff'), dic });
      full = (w) => speller.correct(w);
    }
    return full(word);
  };
}
