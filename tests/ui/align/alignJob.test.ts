import { describe, expect, it } from 'vitest';
import {
  alignJob,
  importedSegments,
  textProblem,
  type AlignJobInput,
} from '../../../src/worker/jobs/align.ts';
import { alignPairsOf } from '../../../src/core/align/glossaryPairs.ts';

const PIVOT = [
  { text: 'The experiment began in January 2016.', paragraph: 0 },
  { text: 'The service was abolished in 2019.', paragraph: 1 },
];

const job = (bytes: Uint8Array, lang = 'ru', onePerLine = false): ReturnType<typeof alignJob> =>
  alignJob(
    { bytes, lang, onePerLine, pivot: PIVOT, pivotLang: 'en', termPairs: [] } satisfies AlignJobInput,
    () => {},
  );

const utf16le = (text: string) => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i += 1) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
};

describe('align job input', () => {
  it('reads UTF-8 with a BOM and CRLF, and UTF-16 with a BOM, to the same rows', () => {
    const text = 'Эксперимент начался в январе 2016 года.\r\n\r\nСлужба упразднена в 2019 году.\r\n';
    const utf8 = job(new TextEncoder().encode(`\uFEFF${text}`));
    const utf16 = job(utf16le(text));
    expect(utf8.kind === 'rows' && utf8.rows.map((r) => [r.pivot, r.imported])).toEqual([
      [[0], ['Эксперимент начался в январе 2016 года.']],
      [[1], ['Служба упразднена в 2019 году.']],
    ]);
    expect(utf16).toEqual(utf8);
  });

  it.each([
    ['only white space', new TextEncoder().encode(' \n\t\n'), { code: 'empty' }],
    ['a NUL byte on line 3', new TextEncoder().encode('а\nб\nв\u0000'), { code: 'binary', line: 3 }],
    ['Latin-1 bytes on line 2', new Uint8Array([0x61, 0x0a, 0xe9, 0x0a]), { code: 'notUtf8', line: 2 }],
  ])('refuses %s', (_name, bytes, problem) => {
    expect(job(bytes)).toEqual({ kind: 'error', problem });
  });

  it('names the line of a segment too long to be a sentence, in either mode', () => {
    const long = 'слово '.repeat(800).trim();
    const text = `Первая строка.\n\nВторая строка.\n${long}\n`;
    expect(job(new TextEncoder().encode(text))).toMatchObject({
      kind: 'error',
      problem: { code: 'longSegment', line: 4 },
    });
    expect(job(new TextEncoder().encode(text), 'ru', true)).toMatchObject({
      kind: 'error',
      problem: { code: 'longSegment', line: 4, chars: long.length },
    });
  });

  it('keeps blank-line paragraphs in one-segment-per-line mode', () => {
    expect(importedSegments('А. Б.\nВ.\n\n\nГ.\n', 'ru', true)).toEqual({
      segments: [
        { text: 'А. Б.', paragraph: 0 },
        { text: 'В.', paragraph: 0 },
        { text: 'Г.', paragraph: 1 },
      ],
      lines: [1, 2, 5],
    });
  });

  it.each([
    ['English as Russian', 'The local police service reports to the akim twice a year.', 'ru', 'wrongScript'],
    [
      'Russian as English',
      'Местная полицейская служба отчитывается перед акимом два раза в год.',
      'en',
      'wrongScript',
    ],
    [
      'Kazakh as Russian',
      'Жергілікті полиция қызметі әкімге жылына екі рет есеп береді. '.repeat(4),
      'ru',
      'looksKazakh',
    ],
    [
      'Russian as Kazakh',
      'Местная полицейская служба отчитывается перед акимом два раза в год. '.repeat(6),
      'kk',
      'notKazakh',
    ],
  ])('flags %s', (_name, text, lang, code) => {
    expect(textProblem(text, lang)?.code).toBe(code);
  });

  it.each([
    [
      'Russian with Latin names',
      'Компания Google и фонд Open Society провели встречу в Алматы в 2016 году.',
      'ru',
    ],
    ['Kazakh with one Russian quote', 'Жергілікті полиция қызметі «Местная полиция» деп аталады.', 'kk'],
    [
      'English with a Kazakh name',
      'Local police service - Жергілікті полиция қызметі (kaz) began in 2016.',
      'en',
    ],
    ['a short Russian line', 'Да.', 'kk'],
  ])('accepts %s', (_name, text, lang) => {
    expect(textProblem(text, lang)).toBeUndefined();
  });
});

describe('align job with a glossary', () => {
  // Sentences written for this test; the third Russian sentence has no translation.
  const pivot = [
    'Утром над рекой стоял густой туман.',
    'Весной паводок разрушил старый мост у деревни.',
    'Жители долго ждали помощи от властей района.',
    'Осенью мост восстановили сами добровольцы.',
  ].map((text) => ({ text, paragraph: 0 }));
  const english =
    'In the morning a thick fog hung over the river.\nIn spring the flood destroyed the old bridge by the village.\n' +
    'In autumn the volunteers themselves rebuilt the bridge.\n';
  const rows = (pairs: [string, string][]) => {
    const out = alignJob(
      {
        bytes: new TextEncoder().encode(english),
        lang: 'en',
        onePerLine: true,
        pivot,
        pivotLang: 'ru',
        ...alignPairsOf(pairs, 'ru', 'en'),
      },
      () => {},
    );
    if (out.kind !== 'rows') throw new Error(`no rows: ${JSON.stringify(out)}`);
    return out.rows.map((r) => [r.pivot, r.imported.length]);
  };

  it.each<[string, [string, string][], boolean]>([
    ['an approved pair found in both texts', [['паводок', 'flood']], true],
    ['a pair found in neither', [['засуха', 'drought']], false],
    ['no glossary', [], false],
  ])('%s: the first sentences paired (%s)', (_name, pairs, paired) => {
    const first = rows(pairs)[0];
    if (paired) expect(first).toEqual([[0], 1]);
    else expect(first).not.toEqual([[0], 1]);
  });
});
