import { describe, expect, it } from 'vitest';
import { KeyVocabulary, extractSide } from '../../../src/core/align/features.ts';
import { DEFAULT_LEXICON, learnWordPairs, type LexiconParams } from '../../../src/core/align/lexicon.ts';
import type { PathStep } from '../../../src/core/align/dp.ts';

// Made-up one-to-one documents of twenty sentences: "зерно" / "grain" in four of them, inflected two ways on the
// Russian side; "урожай" / "harvest" and "crop" (two renderings of one word) in four others; the rest a report line
// too frequent to learn from.
const PAIRS: [string, string][] = [
  ['Экспорт зерна вырос.', 'Grain exports grew.'],
  ['Склад забит зерном.', 'Stores are full of grain.'],
  ['Цены зерна упали.', 'Grain prices fell.'],
  ['Вагоны гружены зерном.', 'Wagons carry grain.'],
  ['Урожай на участке 4 убран.', 'Harvest on plot 4 is over.'],
  ['Фермеры увезли урожай домой.', 'Farmers brought the harvest home.'],
  ['Урожай фермы 6 известен.', 'Crop yields at farm 6 are known.'],
  ['Поздний урожай собрали.', 'A late crop was gathered.'],
];

function documents() {
  const ru = PAIRS.map((p) => p[0]);
  const en = PAIRS.map((p) => p[1]);
  for (let k = 8; k < 20; k += 1) {
    ru.push(`Отчёт номер ${k} готов.`);
    en.push(`Report number ${k} is ready.`);
  }
  return { ru, en };
}

function learned(params: Partial<LexiconParams>): string[] {
  const { ru, en } = documents();
  const vocab = new KeyVocabulary();
  const src = extractSide(
    ru.map((text) => ({ text })),
    'ru',
    vocab,
    [],
  );
  const tgt = extractSide(
    en.map((text) => ({ text })),
    'en',
    vocab,
    [],
  );
  const path: PathStep[] = ru.map((_, k) => ({ i0: k, j0: k, a: 1, b: 1 }));
  const result = learnWordPairs(src, tgt, path, vocab, { ...DEFAULT_LEXICON, ...params });
  if (!result) return [];
  const names = new Set<string>();
  for (const id of result.src.keyIds) {
    const name = vocab.name(id);
    if (name.startsWith('l:')) names.add(name.slice(2).replace('\u0000', '→'));
  }
  return [...names].sort();
}

describe('learnWordPairs: word pairs from a first alignment', () => {
  it('pairs words that keep occurring in the same beads, not those in too many', () => {
    const pairs = learned({});
    expect(pairs).toContain('урожай→harvest');
    expect(pairs.some((p) => p.startsWith('отчёт→'))).toBe(false);
  });

  it('counts inflected forms apart by default, and together by their stems', () => {
    const forms = learned({}).filter((p) => p.endsWith('→grain'));
    expect(forms).toHaveLength(1);
    expect(['зерна→grain', 'зерном→grain']).toContain(forms[0]);
    expect(learned({ stem: 4 })).toContain('зерн→grai');
  });

  it('links a word to one partner by competitive linking, to more when allowed', () => {
    expect(learned({}).filter((p) => p.startsWith('урожай→'))).toEqual(['урожай→harvest']);
    expect(learned({ links: 2 }).filter((p) => p.startsWith('урожай→'))).toEqual([
      'урожай→crop',
      'урожай→harvest',
    ]);
  });
});
