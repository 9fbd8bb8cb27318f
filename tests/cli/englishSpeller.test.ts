import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';
import { describe, expect, it } from 'vitest';
import { englishSpeller, plainEntries } from '../../src/cli/check/englishSpeller.ts';

const folder = dirname(createRequire(import.meta.url).resolve('dictionary-en'));
const dic = readFileSync(join(folder, 'index.dic'));
const full = nspell({ aff: readFileSync(join(folder, 'index.aff')), dic });

describe('englishSpeller', () => {
  it('takes as plain entries only words nspell accepts as they are', () => {
    const plain = plainEntries(dic.toString('utf8'));
    expect(plain.size).toBeGreaterThan(40_000);
    const refused = [...plain].filter((word) => !full.correct(word));
    expect(refused).toEqual([]);
    // Ordinal parts live only inside compounds, and the entry count is not a word.
    expect(plain.has('1th')).toBe(false);
    expect(plain.has('49568')).toBe(false);
  });

  it.each([
    ['world', true],
    ['worlds', true],
    ['reopened', true],
    ['Paris', true],
    ['colour', false],
    ['wiht', false],
    ['cheking', false],
    ['recieve', false],
  ])('%s → %s, as nspell says', (word, expected) => {
    const spell = englishSpeller();
    expect(spell(word)).toBe(expected);
    expect(full.correct(word)).toBe(expected);
  });
});
