import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeSpans, Marks, textMarks, textScan } from '../../../src/core/checks/util/codes.ts';
import { findMarkup } from '../../../src/core/checks/util/patterns.ts';
import { FORMAT_PATTERNS, runMatches } from '../../../src/core/checks/pair/numbers.ts';
import { execAll } from '../../../src/core/text/execAll.ts';
import { findDates } from '../../../src/core/checks/util/dates.ts';
import { numbersOutside } from '../../../src/core/checks/util/numbers.ts';
import { referenceCodeSpans, referenceFindDates, referenceNumbersOutside } from './expressionScanners.ts';

// The date and number scanners try their expressions only at the digit runs where a match can begin; on any
// text they must find what a global search of the expressions finds, case folding and surrogates included.
const NUMBERS = ['1', '2', '0', '3', '12', '31', '2015', '05', '999', '1 500', '٣', '²', '12.05.2015', '1,5'];
const JOINS = ['.', '/', '-', ',', ', ', ' ', '  ', '\u00a0', '\u2009', '\u202f', '\n', '', '-і ', ' – '];
const WORDS = [
  'Ju',
  'ма',
  'app',
  'ж',
  'ЖЫЛ',
  'Of',
  'ſep',
  'st',
  'ſt',
  'th',
  'ND',
  'of',
  'June',
  'JUNE',
  'jun',
  'ſept',
  'Sep.',
  'Dec',
  'May',
  'oct',
  'K',
  'марта',
  'МАЯ',
  'ᲂктября',
  'декабря',
  'по',
  'қараша',
  'қаңтардың',
  'жылғы',
  'ж.',
  'наурызда',
  'a',
  'Я',
  'é',
  '😀',
  '\ud835',
  '\udc00',
  'млн',
  'тыс.',
  '-х',
];

// Numbers, words and what joins them, in the order dates put them, so that most texts hold a date or nearly one.
const piece = fc.oneof(fc.constantFrom(...NUMBERS), fc.constantFrom(...JOINS), fc.constantFrom(...WORDS));
const texts = fc
  .array(
    fc.tuple(
      fc.constantFrom(...NUMBERS),
      fc.constantFrom(...JOINS),
      fc.constantFrom(...WORDS),
      fc.constantFrom(...JOINS),
      piece,
    ),
    { maxLength: 5 },
  )
  .map((a) => a.flat().join(''));

describe('findDates', () => {
  for (const lang of ['ru', 'kk', 'en', 'de']) {
    it(`finds in ${lang} what the global search of its expressions finds`, () => {
      fc.assert(
        fc.property(texts, (t) => {
          const { marks, runs } = textScan(t);
          expect(findDates(t, lang, marks, runs)).toEqual(referenceFindDates(t, lang));
        }),
        { numRuns: 6000 },
      );
    });
  }

  it('finds dates that begin the text or follow a month name', () => {
    expect(findDates('5 июня 2015 и июнь 2016', 'ru').map((d) => [d.start, d.end])).toEqual([
      [0, 11],
      [14, 23],
    ]);
    expect(findDates('Sept., 2015', 'en').map((d) => [d.start, d.end, d.month, d.year])).toEqual([
      [0, 11, 9, 2015],
    ]);
  });
});

describe('numbersOutside', () => {
  it('reads the numbers a global search of NUMBER finds', () => {
    fc.assert(
      fc.property(texts, (t) => {
        const { marks, runs } = textScan(t);
        const dates = findDates(t, 'ru', marks, runs);
        expect(numbersOutside(t, [], [], dates, marks, runs)).toEqual(referenceNumbersOutside(t, [], dates));
        expect(numbersOutside(t, [], [], [], textMarks(t))).toEqual(referenceNumbersOutside(t, [], []));
      }),
      { numRuns: 10_000 },
    );
  });
});

// Telephone, postcode and document numbers: digit groups, what joins them, and the labels before them.
const GROUPS = ['+7', '8', '727', '12', '1', '7172', '500', '12345', '٣'];
const GROUP_JOINS = ['(', ')', ') ', ' (', '-', ' ', '\u00a0', '\u2009', '.', ',', '', '+'];
const LABELS = ['', '', '', 'тел. ', 'No. ', 'a', 'я', '😀', ' '];
// A code is one joiner between groups, so each chunk uses one; a text is a few chunks, labelled or not.
const chunk = fc
  .tuple(
    fc.constantFrom(...LABELS),
    fc.constantFrom(...GROUP_JOINS),
    fc.array(fc.constantFrom(...GROUPS), { minLength: 1, maxLength: 6 }),
    fc.constantFrom(...GROUP_JOINS),
  )
  .map(([label, join, groups, after]) => label + groups.join(join) + after);
const codeTexts = fc.array(chunk, { maxLength: 3 }).map((a) => a.join(''));

describe('codeSpans', () => {
  it('finds the codes a global search of its expressions finds', () => {
    fc.assert(
      fc.property(codeTexts, (t) => {
        const { marks, runs } = textScan(t);
        const skip = [{ start: 3, end: 5 }];
        expect(codeSpans(t, [], marks, runs)).toEqual(referenceCodeSpans(t));
        expect(codeSpans(t, skip, marks, runs)).toEqual(referenceCodeSpans(t, skip));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('number-format expressions', () => {
  const NUMBER_PIECES = [
    '1',
    '15',
    '500',
    '1500',
    '000',
    ' ',
    '\u00a0',
    '\u202f',
    ',',
    '.',
    ',5',
    ' million',
    ' %',
    'a',
    '٣',
  ];
  const numberTexts = fc.array(fc.constantFrom(...NUMBER_PIECES), { maxLength: 14 }).map((a) => a.join(''));
  it('find at the digit runs what a global search of each finds', () => {
    const patterns = [...FORMAT_PATTERNS.en, ...FORMAT_PATTERNS.other];
    fc.assert(
      fc.property(numberTexts, (t) => {
        const { runs } = textScan(t);
        for (const pattern of patterns) {
          const global = new RegExp(pattern[0].source, 'gu');
          const found = runMatches(pattern, t, runs).map((m) => [m.index, m[0]]);
          expect(found).toEqual(execAll(global, t).map((m) => [m.index, m[0]]));
        }
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('textScan', () => {
  it('gives the runs of ASCII digits and the marks textMarks gives', () => {
    fc.assert(
      fc.property(texts, (t) => {
        const expected = [...t.matchAll(/[0-9]+/g)].flatMap((m) => [m.index, m.index + m[0].length]);
        const { marks, runs } = textScan(t);
        expect([...runs]).toEqual(expected);
        expect(marks).toBe(textMarks(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('marks the quotation marks, brackets and code characters the source checks look for', () => {
    const SOURCE_MARKS = /[([«»“”„‟"‘‚'‹›\ue001-\ue7ff\ue801-\uefff\uf001-\uf7ff]/;
    const quoteTexts = fc
      .array(
        fc.constantFrom(
          '(',
          ')',
          '[',
          '«',
          '»',
          '“',
          '”',
          '„',
          '‟',
          '"',
          '‘',
          '’',
          '‚',
          "'",
          '‹',
          '›',
          '\ue001',
          '\ue800',
          '\uf7ff',
          '\uf800',
          'a',
          'я',
          '1',
          '+',
        ),
        { maxLength: 6 },
      )
      .map((a) => a.join(''));
    fc.assert(
      fc.property(quoteTexts, (t) => {
        expect((textScan(t).marks & Marks.QUOTE_OR_CODE) !== 0).toBe(SOURCE_MARKS.test(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the hints markup is found from, as findMarkup finds them for itself', () => {
    const markupTexts = fc
      .array(
        fc.constantFrom(
          'w',
          'W',
          '.',
          'www',
          'a',
          'я',
          '@',
          '<b>',
          '{0}',
          '%s',
          '$',
          '&amp;',
          ':',
          'http',
          's://',
          'x.kz',
          ' ',
          '1',
          'é',
        ),
        {
          maxLength: 16,
        },
      )
      .map((a) => a.join(''));
    fc.assert(
      fc.property(markupTexts, (t) => {
        expect(findMarkup(t, textScan(t).markupHints)).toEqual(findMarkup(t));
      }),
      { numRuns: 5000 },
    );
  });
});
