import { describe, expect, it } from 'vitest';
import { alignSegments } from '../../../src/core/align/align.ts';
import {
  alignPairsOf,
  glossaryAlignPairs,
  glossaryTermPairs,
} from '../../../src/core/align/glossaryPairs.ts';
import type { AlignSegment, Bead } from '../../../src/core/align/types.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { TermEntry, TermStatus } from '../../../src/core/model/term.ts';

let next = 0;
const entry = (...terms: [lang: string, text: string, status?: TermStatus][]): TermEntry => ({
  id: entryId(`e${(next += 1)}`),
  projectId: projectId('p'),
  terms: terms.map(([lang, text, status]) => ({ lang, text, status: status ?? 'approved' })),
  createdAt: 0,
  updatedAt: 0,
});

describe('glossaryTermPairs', () => {
  it.each<[string, TermEntry[], string, string, [string, string][]]>([
    ['an approved pair', [entry(['ru', 'паводок'], ['en', 'flood'])], 'ru', 'en', [['паводок', 'flood']]],
    [
      'the other way round when Russian is the imported side',
      [entry(['ru', 'паводок'], ['en', 'flood'])],
      'en',
      'ru',
      [['flood', 'паводок']],
    ],
    [
      'every approved synonym with every other',
      [entry(['ru', 'паводок'], ['ru', 'половодье'], ['en', 'flood'])],
      'ru',
      'en',
      [
        ['паводок', 'flood'],
        ['половодье', 'flood'],
      ],
    ],
    [
      'a Kazakh term in Cyrillic and in its 2021 Latin spelling',
      [entry(['ru', 'аким'], ['kk', 'Әкім'])],
      'ru',
      'kk',
      [
        ['аким', 'Әкім'],
        ['аким', 'Äkım'],
      ],
    ],
    [
      'a Kazakh term stored in Latin (kk-Latn)',
      [entry(['ru', 'аким'], ['kk-Latn', 'äkım'])],
      'ru',
      'kk',
      [['аким', 'äkım']],
    ],
    ['no proposed term', [entry(['ru', 'паводок'], ['en', 'flood', 'proposed'])], 'ru', 'en', []],
    ['no forbidden term', [entry(['ru', 'паводок'], ['en', 'high water', 'forbidden'])], 'ru', 'en', []],
    ['no pair with another language', [entry(['ru', 'паводок'], ['kk', 'су тасқыны'])], 'ru', 'en', []],
  ])('%s', (_name, entries, a, b, expected) => {
    expect(glossaryTermPairs(entries, a, b)).toEqual(expected);
  });
});

describe('alignPairsOf', () => {
  it.each<[string, [string, string][], string, string, [string, string][]]>([
    ['single words between Russian and English', [['паводок', 'flood']], 'ru', 'en', [['паводок', 'flood']]],
    ['either way round', [['flood', 'паводок']], 'en', 'ru', [['flood', 'паводок']]],
    ['single words between Russian and Kazakh', [['аким', 'әкім']], 'ru', 'kk', [['аким', 'әкім']]],
    [
      'hyphenated words',
      [['штаб-квартира', 'headquarters']],
      'ru',
      'en',
      [['штаб-квартира', 'headquarters']],
    ],
    ['not a multi-word term', [['участковый инспектор', 'district inspector']], 'ru', 'en', []],
    ['not a multi-word rendering of one word', [['паводок', 'high water']], 'ru', 'en', []],
    ['not between English and Kazakh', [['akim', 'әкім']], 'en', 'kk', []],
    ['not between other languages', [['Hütte', 'cabane']], 'de', 'fr', []],
  ])('seeds %s', (_name, pairs, a, b, seeds) => {
    const out = alignPairsOf(pairs, a, b);
    expect(out.seedPairs).toEqual(seeds);
    expect(out.termPairs).toEqual(pairs);
  });
});

// Sentences written for this test (not from any evaluation set). The third Russian sentence has no translation; with
// nothing the two sides share, the aligner leaves out the first one instead and shifts the next by one.
const RU: AlignSegment[] = [
  'Утром над рекой стоял густой туман.',
  'Весной паводок разрушил старый мост у деревни.',
  'Жители долго ждали помощи от властей района.',
  'Осенью мост восстановили сами добровольцы.',
].map((text) => ({ text }));
const EN: AlignSegment[] = [
  'In the morning a thick fog hung over the river.',
  'In spring the flood destroyed the old bridge by the village.',
  'In autumn the volunteers themselves rebuilt the bridge.',
].map((text) => ({ text }));

const keys = (beads: readonly Bead[]) => beads.map((b) => `${b.source.join(',')}:${b.target.join(',')}`);
const withGlossary = (entries: readonly TermEntry[]) =>
  alignSegments(RU, EN, { sourceLang: 'ru', targetLang: 'en', ...glossaryAlignPairs(entries, 'ru', 'en') });
const plain = alignSegments(RU, EN, { sourceLang: 'ru', targetLang: 'en' });

describe('a glossary in the alignment', () => {
  it('without it, the first sentence is left out and the rest shift (the mistake the glossary corrects)', () => {
    expect(keys(plain)).toEqual(['0:', '1:0', '2:1', '3:2']);
  });

  it.each([
    ['паводок → flood', [entry(['ru', 'паводок'], ['en', 'flood'])]],
    ['мост → bridge', [entry(['ru', 'мост'], ['en', 'bridge'])]],
    ['a synonym among others', [entry(['ru', 'половодье'], ['ru', 'паводок'], ['en', 'flood'])]],
  ])('an approved pair found in both texts puts the sentences back in step: %s', (_name, entries) => {
    const beads = keys(withGlossary(entries));
    expect(beads).toContain('0:0');
    expect(beads).toContain('3:2');
    expect(beads).not.toContain('0:');
  });

  it.each([
    ['a pair found in neither text', [entry(['ru', 'засуха'], ['en', 'drought'])]],
    ['a proposed rendering', [entry(['ru', 'паводок'], ['en', 'flood', 'proposed'])]],
    ['a forbidden rendering', [entry(['ru', 'паводок'], ['en', 'flood', 'forbidden'])]],
    ['a pair of other languages', [entry(['ru', 'паводок'], ['kk', 'тасқын'])]],
  ])('changes nothing: %s', (_name, entries) => {
    expect(withGlossary(entries)).toEqual(plain);
  });

  it('scores a Kazakh sentence the same whether or not the Latin spelling of its term is also given', () => {
    const ru = ['Аким встретился с жителями села.', 'Вопрос о дороге решат летом.'].map((text) => ({ text }));
    const kk = ['Әкім ауыл тұрғындарымен кездесті.', 'Жол мәселесі жазда шешіледі.'].map((text) => ({
      text,
    }));
    const align = (termPairs: [string, string][]) =>
      alignSegments(ru, kk, { sourceLang: 'ru', targetLang: 'kk', termPairs });
    const cyrillic = align([['аким', 'әкім']]);
    expect(
      align([
        ['аким', 'әкім'],
        ['аким', 'äkım'],
      ]),
    ).toEqual(cyrillic);
    // Each spelling counted as a term of its own would leave the Latin one an anchor the Kazakh sentence lacks.
    expect(cyrillic[0]).toMatchObject({ source: [0], target: [0] });
  });
});
