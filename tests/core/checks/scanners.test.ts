import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { triggersIn, triggersInWords } from '../../../src/core/checks/pair/mtArtefacts.ts';
import { CALQUES_BY_TRIGGER } from '../../../src/core/checks/util/calques.ts';
import { isLowerCase, isUpper, WORD, words, wordScript } from '../../../src/core/checks/util/words.ts';
import { execAll } from '../../../src/core/text/execAll.ts';
import {
  BROKEN_URL,
  DOMAIN,
  EMAIL,
  emails,
  findMarkup,
  matchesOf,
  PLACEHOLDER,
  protectedSpans,
  TAG,
  URL,
  urls,
} from '../../../src/core/checks/util/patterns.ts';
import { scriptCounts } from '../../../src/core/text/langid.ts';

// Hand-written scanners replace regular expressions on the hot path; each must agree with the expression it
// replaces on any text, including the characters where case folding and surrogates make them differ.
const PIECES = [
  'a',
  'S',
  's',
  'Я',
  'ё',
  'ә',
  '1',
  "'",
  '’',
  'ʼ',
  ' ',
  '-',
  '\u0301',
  '\u0485',
  '𝐀',
  '\ud835',
];

describe('words', () => {
  it('finds the runs WORD matches, each with the script wordScript gives it', () => {
    const text = fc.array(fc.constantFrom(...PIECES, '\udc00', 'Ⅻ', '²', 'é', '×', 'Ӂ', 'ʼ'), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(text, (a) => {
        const t = a.join('');
        const expected = [...t.matchAll(WORD)].map((m) => [
          m.index,
          m.index + m[0].length,
          m[0],
          wordScript(m[0]),
        ]);
        expect(words(t).map((w) => [w.start, w.end, w.text, w.script])).toEqual(expected);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('calque triggers', () => {
  const triggers = [...CALQUES_BY_TRIGGER.keys()];
  const alternation = new RegExp([...triggers].sort((a, b) => b.length - a.length).join('|'), 'giu');
  // Each trigger found brings the triggers it starts with ("accepted" brings "accept"), so their entries run too.
  const withPrefixes = (t: string) => [t, ...triggers.filter((p) => p !== t && t.startsWith(p))];
  const byPattern = (t: string) => [
    ...new Set([...t.matchAll(alternation)].flatMap((m) => withPrefixes(m[0].toLowerCase()))),
  ];

  it('are the ones the alternation of all triggers finds, in the same order', () => {
    const piece = fc.oneof(
      fc.constantFrom(...triggers),
      fc.constantFrom(...triggers).map((t) => t.toUpperCase()),
      fc.constantFrom(...triggers).map((t) => t.slice(1)),
      fc.constantFrom(' ', 'e', 's', 'th', 'ſ', 'K', 'İ', 'Ё', "'", '\u0301', '1'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (a) => {
        const t = a.join('');
        expect([...triggersIn(t)]).toEqual(byPattern(t));
        expect([...triggersInWords(t, words(t))]).toEqual(byPattern(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it('are found inside longer words, longest first, each once, as the alternation finds them', () => {
    expect([...triggersIn('Nowhere else: in the nearest years the state statement')]).toEqual([
      'now',
      'nearest',
      'years',
      'year',
      'state',
    ]);
  });

  it('bring the shorter triggers they start with, whose entries match inflected verbs', () => {
    expect([...triggersIn('The ministry accepted measures')]).toEqual(['accepted', 'accept', 'measure']);
  });
});

describe('scriptCounts', () => {
  it('counts what the Cyrillic and Latin script properties count', () => {
    const count = (t: string, re: RegExp) => t.match(re)?.length ?? 0;
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.array(fc.constantFrom(...PIECES, 'ᴫ', '\u1c80', 'ﬀ', 'ª'), { maxLength: 30 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(scriptCounts(t)).toEqual({
          cyrillic: count(t, /\p{Script=Cyrillic}/gu),
          latin: count(t, /\p{Script=Latin}/gu),
        });
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('isUpper and isLowerCase', () => {
  it('agree with the full case mappings', () => {
    const pieces = [...PIECES, 'Z', 'z', 'Ё', 'Ѐ', 'џ', 'Ӏ', 'ӏ', 'Ѡ', 'ѡ', 'ß', 'İ', 'ǅ', 'Σ', 'K'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (a) => {
        const w = a.join('');
        expect(isUpper(w)).toBe(w === w.toUpperCase() && w !== w.toLowerCase());
        expect(isLowerCase(w)).toBe(w === w.toLowerCase());
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('execAll', () => {
  it('finds what matchAll finds, empty matches and surrogate pairs included', () => {
    const patterns = [/a*/gu, /a*/g, /\p{L}+/gu, /(?:)/gu, /(?:)/g, /[𝐀s]/gu, /(?<![\p{L}])s/gu];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }), (a) => {
        const t = a.join('');
        for (const re of patterns) {
          const expected = [...t.matchAll(re)].map((m) => [m.index, m[0]]);
          expect(execAll(re, t).map((m) => [m.index, m[0]])).toEqual(expected);
          expect(re.lastIndex).toBe(0);
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('refuses an expression that is not global', () => {
    expect(() => execAll(/a/u, 'a')).toThrow(/global/);
  });
});

describe('e-mails and addresses', () => {
  const pieces = [
    'a',
    'Я',
    '1',
    '.',
    '-',
    '_',
    '+',
    '%',
    '@',
    ' ',
    'kz',
    'ru',
    '.kz',
    'com',
    'https://',
    'www.',
    'HTTP://',
    'wWw.',
    '/',
    '𝐀',
    '\ud835',
    ':',
  ];

  it('finds the e-mails EMAIL matches', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (a) => {
        const t = a.join('');
        expect(emails(t)).toEqual(matchesOf(EMAIL, t));
      }),
      { numRuns: 20_000 },
    );
  });

  it('finds the same addresses as when DOMAIN always runs', () => {
    // The unchanged urls(): an address without a dot is none.
    const reference = (text: string) => {
      if (!text.includes('.')) return [];
      const mails = matchesOf(EMAIL, text);
      let found = matchesOf(URL, text);
      const broken = matchesOf(BROKEN_URL, text);
      if (broken.length > 0) {
        found = [
          ...found.filter((u) => !broken.some((b) => u.start >= b.start && u.end <= b.end)),
          ...broken,
        ];
        found.sort((x, y) => x.start - y.start);
      }
      for (const d of matchesOf(DOMAIN, text))
        if (!found.some((u) => d.start >= u.start && d.end <= u.end)) found.push(d);
      return found.filter((u) => !mails.some((e) => u.start >= e.start && u.end <= e.end));
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (a) => {
        const t = a.join('');
        expect(urls(t)).toEqual(reference(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it('finds all the markup each search finds on its own, texts without its characters included', () => {
    const more = [
      ...pieces,
      '@',
      '<b>',
      '</i>',
      '%s',
      '%%',
      '{0}',
      '${x}',
      '&amp;',
      'W',
      'K',
      '\u212a',
      '.ru',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...more, 'a', ' ', '.'), { maxLength: 24 }), (a) => {
        const t = a.join('');
        const mails = emails(t);
        const expected = {
          urls: urls(t, mails),
          emails: mails,
          placeholders: matchesOf(PLACEHOLDER, t).filter((m) => m.text !== '%%'),
          tags: matchesOf(TAG, t),
        };
        expect(findMarkup(t)).toEqual(expected);
        expect(protectedSpans(t)).toEqual([
          ...expected.urls,
          ...expected.emails,
          ...expected.placeholders,
          ...expected.tags,
        ]);
      }),
      { numRuns: 20_000 },
    );
  });
});
