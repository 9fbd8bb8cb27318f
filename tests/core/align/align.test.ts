import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignSegments } from '../../../src/core/align/align.ts';
import { presegmentedLines } from '../../../src/core/align/input.ts';
import { strictPrecisionRecall } from '../../../src/core/align/metrics.ts';
import type { AlignSegment, Bead, BeadShape } from '../../../src/core/align/types.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/align');

function fixture(name: string): AlignSegment[] {
  return presegmentedLines(readFileSync(join(FIXTURES, name), 'utf8')).segments;
}

/** Gold beads in the Bleualign/vecalign notation, one per line: `[0, 1]:[0]`. */
function gold(name: string): BeadShape[] {
  return readFileSync(join(FIXTURES, name), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [s, t] = line.split(':');
      return { source: JSON.parse(s!) as number[], target: JSON.parse(t!) as number[] };
    });
}

/** Every index of both sides once, in order, each bead contiguous, scores in [0, 1]. */
function expectCovering(beads: readonly Bead[], n: number, m: number): void {
  const src = beads.flatMap((b) => b.source);
  const tgt = beads.flatMap((b) => b.target);
  expect(src).toEqual([...Array(n).keys()]);
  expect(tgt).toEqual([...Array(m).keys()]);
  for (const b of beads) {
    expect(b.source.length + b.target.length).toBeGreaterThan(0);
    expect(b.score).toBeGreaterThanOrEqual(0);
    expect(b.score).toBeLessThanOrEqual(1);
  }
}

const key = (b: BeadShape) => `${b.source.join(',')}:${b.target.join(',')}`;
const flat = (segments: readonly AlignSegment[]) => segments.map((s) => ({ text: s.text }));

describe('alignSegments on gold alignments of real Russian, English and Kazakh prose', () => {
  const ru = fixture('akimat.ru.txt');
  const en = fixture('akimat.en.txt');
  const kk = fixture('akimat.kk.txt');
  const cases = [
    {
      name: 'ru–en with paragraphs',
      source: ru,
      target: en,
      lang: 'en',
      gold: gold('akimat.ru-en.gold'),
      floor: 0.9,
    },
    {
      name: 'ru–en without paragraphs',
      source: flat(ru),
      target: flat(en),
      lang: 'en',
      gold: gold('akimat.ru-en.gold'),
      floor: 0.85,
    },
    {
      name: 'ru–kk with paragraphs',
      source: ru,
      target: kk,
      lang: 'kk',
      gold: gold('akimat.ru-kk.gold'),
      floor: 0.88,
    },
    {
      name: 'ru–kk without paragraphs',
      source: flat(ru),
      target: flat(kk),
      lang: 'kk',
      gold: gold('akimat.ru-kk.gold'),
      floor: 0.88,
    },
  ];

  it.each(cases)('$name: strict F1 ≥ $floor', ({ source, target, lang, gold: g, floor }) => {
    const beads = alignSegments(source, target, { sourceLang: 'ru', targetLang: lang });
    expectCovering(beads, source.length, target.length);
    const scores = strictPrecisionRecall(g, beads);
    expect(scores.f1).toBeGreaterThanOrEqual(floor);
    expect(scores.laxF1).toBeGreaterThanOrEqual(0.95);
  });

  it.each(cases)(
    '$name: scores are low where the aligner is wrong and high where it is sure',
    ({ source, target, lang, gold: g }) => {
      const beads = alignSegments(source, target, { sourceLang: 'ru', targetLang: lang });
      const goldKeys = new Set(g.map(key));
      const right = beads.filter((b) => goldKeys.has(key(b)));
      const wrong = beads.filter((b) => !goldKeys.has(key(b)));
      const mean = (list: readonly Bead[]) =>
        list.reduce((s, b) => s + b.score, 0) / Math.max(1, list.length);
      expect(mean(right)).toBeGreaterThan(0.8);
      if (wrong.length > 0) expect(mean(wrong)).toBeLessThan(mean(right) - 0.2);
      // Every bead the aligner is very sure of is right.
      for (const b of beads) if (b.score >= 0.95) expect(goldKeys.has(key(b))).toBe(true);
    },
  );

  it('finds the merges, splits, omission and insertion of the ru–kk pair', () => {
    const beads = alignSegments(ru, kk, { sourceLang: 'ru', targetLang: 'kk' }).map(key);
    expect(beads).toContain('2:2,3'); // one Russian sentence, two Kazakh ones
    expect(beads).toContain('7,8:8'); // two Russian sentences, one Kazakh one
    expect(beads).toContain('14,15:14');
  });
});

describe('alignSegments: structure', () => {
  it('aligns a text with itself one to one, with high scores', () => {
    const ru = fixture('akimat.ru.txt');
    const beads = alignSegments(ru, ru, { sourceLang: 'ru', targetLang: 'ru' });
    expect(beads.map(key)).toEqual(ru.map((_, i) => `${i}:${i}`));
    for (const b of beads) expect(b.score).toBeGreaterThan(0.9);
  });

  it('handles empty sides', () => {
    expect(alignSegments([], [], { sourceLang: 'ru', targetLang: 'en' })).toEqual([]);
    const onlySource = alignSegments([{ text: 'Один.' }, { text: 'Два.' }], [], {
      sourceLang: 'ru',
      targetLang: 'en',
    });
    expect(onlySource.map(key)).toEqual(['0:', '1:']);
    const onlyTarget = alignSegments([], [{ text: 'One.' }], { sourceLang: 'ru', targetLang: 'en' });
    expect(onlyTarget.map(key)).toEqual([':0']);
  });

  it('covers both sides in order for any input (property)', () => {
    const segment = fc.record({ text: fc.string({ minLength: 0, maxLength: 60 }) });
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 25 }),
        fc.array(segment, { maxLength: 25 }),
        (source, target) => {
          const beads = alignSegments(source, target, { sourceLang: 'ru', targetLang: 'en' });
          expectCovering(beads, source.length, target.length);
          for (const b of beads) {
            expect(b.source.length).toBeLessThanOrEqual(4);
            expect(b.target.length).toBeLessThanOrEqual(4);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('uses numbers and dates as anchors where lengths say nothing', () => {
    const source = ['Он приехал.', 'В городе 12 школ.', 'Она ушла.', 'В районе 7 больниц.', 'Итого 19.'].map(
      (text) => ({ text }),
    );
    const target = [
      'He arrived.',
      'The city has 12 schools.',
      'The district has 7 hospitals.',
      'In total, 19.',
    ].map((text) => ({ text }));
    const beads = alignSegments(source, target, { sourceLang: 'ru', targetLang: 'en' }).map(key);
    expect(beads).toContain('1:1');
    expect(beads).toContain('4:3');
    expect(beads.some((b) => b.startsWith('3') || b.includes(',3:'))).toBe(true);
  });

  it('lets approved glossary term pairs decide', () => {
    const source = [
      'Прокуратура проверила отчёт акимата.',
      'Маслихат утвердил бюджет района.',
      'Суд рассмотрел жалобу жителей.',
    ].map((text) => ({ text }));
    const target = [
      'The council approved the district budget.',
      "The court heard the residents' complaint.",
    ].map((text) => ({ text }));
    const without = alignSegments(source, target, { sourceLang: 'ru', targetLang: 'en' });
    const withTerms = alignSegments(source, target, {
      sourceLang: 'ru',
      targetLang: 'en',
      termPairs: [
        ['маслихат', 'council'],
        ['суд', 'court'],
      ],
    });
    expect(without.map(key)).not.toContain('2:1');
    expect(withTerms.map(key)).toContain('2:1');
  });

  it('keeps beads inside paragraphs when both sides have the same paragraphs', () => {
    const ru = fixture('akimat.ru.txt');
    const en = fixture('akimat.en.txt');
    for (const b of alignSegments(ru, en, { sourceLang: 'ru', targetLang: 'en' })) {
      expect(new Set(b.source.map((i) => ru[i]!.paragraph)).size).toBeLessThanOrEqual(1);
      expect(new Set(b.target.map((j) => en[j]!.paragraph)).size).toBeLessThanOrEqual(1);
    }
  });

  it('reports progress a few dozen times at most, rising to 1', () => {
    const ru = fixture('akimat.ru.txt');
    const kk = fixture('akimat.kk.txt');
    const seen: number[] = [];
    alignSegments(ru, kk, { sourceLang: 'ru', targetLang: 'kk', onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.length).toBeLessThanOrEqual(40);
    expect(seen.at(-1)).toBe(1);
    for (let k = 1; k < seen.length; k += 1) expect(seen[k]!).toBeGreaterThanOrEqual(seen[k - 1]!);
  });

  it('aligns a long document in a band: a thousand segments with an omitted block', () => {
    const source: AlignSegment[] = [];
    const target: AlignSegment[] = [];
    for (let i = 0; i < 1000; i += 1) {
      const words = 4 + ((i * 7) % 13);
      source.push({ text: `Пункт ${i + 1}: ${'слово '.repeat(words)}конец.` });
      // Segments 400..429 are missing from the translation.
      if (i < 400 || i >= 430) target.push({ text: `Item ${i + 1}: ${'word '.repeat(words)}end.` });
    }
    const beads = alignSegments(source, target, { sourceLang: 'ru', targetLang: 'en' });
    expectCovering(beads, 1000, 970);
    const keys = new Set(beads.map(key));
    expect(keys.has('399:399')).toBe(true);
    expect(keys.has('430:400')).toBe(true);
    for (let i = 400; i < 430; i += 1) expect(keys.has(`${i}:`)).toBe(true);
  });
});
