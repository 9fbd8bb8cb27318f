import { describe, expect, it } from 'vitest';
import { alignSegments } from '../../../src/core/align/align.ts';
import { beadConfidence, type BeadEvidence } from '../../../src/core/align/confidence.ts';
import type { AlignSegment, Bead } from '../../../src/core/align/types.ts';
import { beadKey, heldOutPairs } from '../../../scripts/align-gold.ts';

const RU = [
  'В Туркестане открылась новая школа на 1200 мест.',
  'Её построили за 14 месяцев по программе «Комфортная школа».',
  'В здании есть бассейн, обсерватория и три спортивных зала.',
  'Стоимость строительства составила 9,6 млрд тенге.',
  'Первыми учениками стали дети из микрорайона Оңтүстік.',
  'Директором назначена Гульмира Сапарова, выпускница КазНУ.',
  'Всего в регионе до 2027 года построят 48 таких школ.',
  'Родители довольны: раньше детям приходилось ездить в соседний посёлок.',
  'Автобус теперь нужен только ученикам из двух дальних аулов.',
  'Аким области пообещал открыть рядом детский сад.',
  'Его строительство начнётся весной.',
];
const EN = [
  'A new school for 1,200 pupils has opened in Turkestan.',
  'It was built in 14 months under the Comfortable School programme.',
  'The building has a swimming pool, an observatory and three sports halls.',
  'Construction cost 9.6 billion tenge.',
  'The first pupils are children from the Ontustik district.',
  'Gulmira Saparova, a graduate of KazNU, has been appointed head.',
  'In all, 48 such schools will be built in the region by 2027.',
  'Parents are pleased: their children used to travel to a neighbouring village.',
  'Now only pupils from two remote auls need the bus.',
  'The regional akim promised to open a kindergarten nearby.',
  'Its construction will begin in spring.',
];

const seg = (texts: readonly string[]): AlignSegment[] => texts.map((text) => ({ text, paragraph: 0 }));
const keys = (beads: readonly Bead[]) => beads.map(beadKey);
const scoreOf = (beads: readonly Bead[], key: string) => beads.find((b) => beadKey(b) === key)?.score;

describe('omissions and insertions are beads of their own', () => {
  it('aligns the complete translation one to one', () => {
    const beads = alignSegments(seg(RU), seg(EN), { sourceLang: 'ru', targetLang: 'en' });
    expect(keys(beads)).toEqual(RU.map((_, i) => `${i}:${i}`));
  });

  it('finds a source sentence left out of the translation (1-0), not merged into a neighbour', () => {
    const en = EN.filter((_, j) => j !== 3);
    const beads = alignSegments(seg(RU), seg(en), { sourceLang: 'ru', targetLang: 'en' });
    expect(keys(beads)).toContain('3:');
    expect(keys(beads)).toContain('2:2');
    expect(keys(beads)).toContain('4:3');
  });

  it('finds a translation with no source (0-1), not merged into a neighbour', () => {
    const en = [
      ...EN.slice(0, 4),
      'The furniture was paid for by a private sponsor whose name the officials did not disclose to reporters.',
      ...EN.slice(4),
    ];
    const beads = alignSegments(seg(RU), seg(en), { sourceLang: 'ru', targetLang: 'en' });
    expect(keys(beads)).toContain(':4');
    expect(keys(beads)).toContain('3:3');
    expect(keys(beads)).toContain('4:5');
  });

  it('scores a short added sentence that it cannot tell from a split as uncertain', () => {
    const en = [...EN.slice(0, 4), 'Officials did not say who paid for the furniture.', ...EN.slice(4)];
    const beads = alignSegments(seg(RU), seg(en), { sourceLang: 'ru', targetLang: 'en' });
    const around = beads.filter((b) => b.target.includes(4) || b.target.includes(3));
    expect(around.length).toBeGreaterThan(0);
    for (const b of around) if (!(b.source.length === 0)) expect(b.score).toBeLessThan(0.6);
  });

  it('gives the same bead less confidence when its numbers disagree', () => {
    const right = alignSegments(seg(RU), seg(EN), { sourceLang: 'ru', targetLang: 'en' });
    const en = [...EN];
    en[3] = 'Construction cost 6.9 billion tenge.';
    const wrong = alignSegments(seg(RU), seg(en), { sourceLang: 'ru', targetLang: 'en' });
    expect(scoreOf(wrong, '3:3')).toBeLessThan(scoreOf(right, '3:3')! - 0.04);
    // The beads around it keep their confidence.
    expect(scoreOf(wrong, '1:1')).toBeGreaterThan(0.8);
  });
});

describe('beadConfidence', () => {
  const base: BeadEvidence = { posterior: 0.95, source: 1, target: 1, anchorsOneSide: 0, lengthDelta: 0.5 };
  const cases: [string, Partial<BeadEvidence>][] = [
    ['an anchor on one side only', { anchorsOneSide: 1 }],
    ['lengths that disagree', { lengthDelta: 3 }],
    ['a lower posterior', { posterior: 0.6 }],
    ['an omission', { target: 0 }],
  ];
  it.each(cases)('is lower for %s', (_, change) => {
    expect(beadConfidence({ ...base, ...change })).toBeLessThan(beadConfidence(base));
  });
  it('stays within 0..1 and keeps a sure, consistent bead above 0.9', () => {
    expect(beadConfidence({ ...base, posterior: 1, lengthDelta: 0 })).toBeGreaterThan(0.9);
    expect(
      beadConfidence({ ...base, posterior: 0, anchorsOneSide: 9, lengthDelta: 40 }),
    ).toBeGreaterThanOrEqual(0);
  });
});

describe('held-out documents (tests/fixtures/align/heldout, never tuned on)', () => {
  it.each(heldOutPairs().map((p) => [p.name, p] as const))('%s: bead F1 ≥ 0.8', (_, pair) => {
    const beads = alignSegments(pair.source, pair.target, {
      sourceLang: pair.sourceLang,
      targetLang: pair.targetLang,
    });
    const gold = new Set(pair.gold.map(beadKey));
    const right = beads.filter((b) => gold.has(beadKey(b))).length;
    const p = right / beads.length;
    const r = right / pair.gold.length;
    expect((2 * p * r) / (p + r)).toBeGreaterThanOrEqual(0.8);
  });
});
