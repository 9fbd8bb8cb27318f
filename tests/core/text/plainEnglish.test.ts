import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifyLanguage, plainEnglish, stopwordShare } from '../../../src/core/text/langid.ts';

const CANDIDATES = ['en', 'ru', 'kk', 'en', 'de'];

describe('plainEnglish', () => {
  it.each([
    ['The report of the commission is on the website.', [{ lang: 'en', score: 1 }]],
    ['«The report of the commission» — see № 5 on the site.', [{ lang: 'en', score: 1 }]],
    ['Which of these rules would they keep, and which were changed', [{ lang: 'en', score: 1 }]],
    // Two English-only function words ("our", "until") and nothing else any candidate writes.
    ['Our office accepts requests until 17 April 2030.', [{ lang: 'en', score: 1 }]],
    ['', []],
    ['2024-05-01 12:30', []],
  ])('settles %j', (text, expected) => {
    expect(plainEnglish(text, CANDIDATES)).toEqual(expected);
  });

  it.each([
    // German stopwords outweigh the English ones.
    'Der Bericht der Kommission ist auf der Website und nicht in the annex',
    // One stopword in eight words: too few to call it, the statistical identifier decides.
    'Apparently, the town board accepts requests starting 17 April 2030.',
    // Letters outside ASCII: the full path reads them.
    'Отчёт комиссии опубликован на сайте',
    'Le rapport de la commission est publié',
  ])('leaves %j to the full path', (text) => {
    expect(plainEnglish(text, CANDIDATES)).toBeUndefined();
  });

  it('says nothing when English is not a candidate', () => {
    expect(plainEnglish('The report of the commission is on the website.', ['ru', 'kk'])).toBeUndefined();
  });

  // An arrow is no letter, of no script and not one of the characters plainEnglish reads, so adding one leaves
  // the words and letter counts as they were and sends the text down the full path: whatever plainEnglish
  // settles, the full path must settle the same way.
  it('agrees with the full path of identifyLanguage', () => {
    const piece = fc.constantFrom(
      'the',
      'The',
      'of',
      'and',
      'which',
      'these',
      'would',
      'should',
      'until',
      'our',
      'der',
      'nicht',
      'werden',
      'report',
      'commission',
      'applications',
      'it',
      'a',
      'x',
      "don't",
      '2024',
      '12,5',
      ' ',
      ', ',
      '. ',
      '(',
      ')',
      '«',
      '»',
      '—',
      '\u00a0',
      '№',
      '_',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (a) => {
        const text = a.join(' ');
        const quick = plainEnglish(text, CANDIDATES);
        if (quick !== undefined) {
          expect(identifyLanguage(`${text} \u2190`, CANDIDATES)).toEqual(quick);
        } else {
          const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
          const en = stopwordShare(words, 'en');
          expect(en >= 0.15 && en >= 2 * stopwordShare(words, 'de')).toBe(false);
        }
      }),
      { numRuns: 3_000 },
    );
  });
});
