import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainNfc, tokenize } from '../../../src/core/glossary/tokens.ts';

// The tokenizer scans by hand for speed; this is the pattern it must agree with, character for character.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
const TRAILING_APOSTROPHE = /^['’ʼ](?![\p{L}\p{M}\p{N}])/u;
function byPattern(text: string) {
  return [...text.matchAll(WORD)].map((m) => {
    let word = m[0];
    const end = m.index + word.length;
    if (/[sS]$/.test(word) && TRAILING_APOSTROPHE.test(text.slice(end, end + 2))) word += text[end] ?? '';
    return { text: word, start: m.index, end: m.index + word.length };
  });
}

// Letters, digits of other scripts, combining marks, apostrophes, astral letters and lone surrogates.
const PIECES = ['a', 'S', 's', 'Я', 'ё', 'ә', 'І', '1', '٣', '²', 'Ⅻ', "'", '’', 'ʼ', ' ', '-', '_', '.'];
const ODD = ['\u0301', '\u0485', '\u200d', '𝐀', '\ud835', '\udc00'];

describe('tokenize', () => {
  it.each([
    ["Maslikhat's akimats' law-enforcement", ["Maslikhat's", "akimats'", 'law', 'enforcement']],
    ['2015 жылғы 2 қарашада', ['2015', 'жылғы', '2', 'қарашада']],
    ["don't 5th", ["don't", '5th']],
  ])('splits %j into words', (text, expected) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(expected);
  });

  it('finds exactly the words its defining pattern finds, at the same offsets', () => {
    const text = fc.array(fc.constantFrom(...PIECES, ...ODD), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(tokenize(t)).toEqual(byPattern(t));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (t) => {
        expect(tokenize(t)).toEqual(byPattern(t));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('plainNfc', () => {
  it('vouches only for text that NFC leaves as it is', () => {
    const text = fc.array(
      fc.constantFrom(
        ...PIECES,
        ...ODD,
        'e',
        '\u0300',
        'й',
        'и\u0306',
        'Å',
        '—',
        '“',
        '\u2000',
        '\u212b',
        '₸',
        '\u20d0',
      ),
      {
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(text, (a) => {
        const t = a.join('');
        if (plainNfc(t)) expect(t.normalize('NFC')).toBe(t);
      }),
      { numRuns: 20_000 },
    );
  });

  it('vouches for Russian, Kazakh and English prose', () => {
    expect(plainNfc('Полиция қызметі began work on 1 January, 2016 «ёлочки» — ok')).toBe(true);
    expect(plainNfc('и\u0306')).toBe(false);
  });
});
