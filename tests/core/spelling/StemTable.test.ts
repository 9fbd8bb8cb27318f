import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AffixLexicon } from '../../../src/core/spelling/AffixLexicon.ts';
import { StemTable } from '../../../src/core/spelling/StemTable.ts';
import { loadKazakhEvalSet } from './kazakhEvaluation.ts';

const read = (path: string) => readFileSync(path, 'utf8');

describe('StemTable', () => {
  it('finds every stem of a map, with its flags, and nothing else', () => {
    const table = StemTable.fromMap(
      new Map([
        ['қызмет', 'AB'],
        ['полиция', 'C'],
        ['әкім', ''],
      ]),
    );
    expect([table.get('қызмет'), table.get('полиция'), table.get('әкім')]).toEqual(['AB', 'C', '']);
    expect([table.has('қызме'), table.has('полициялар'), table.get('')]).toEqual([false, false, undefined]);
    expect(table.size).toBe(3);
  });

  it('answers the same while its hash map is filled slice by slice, and after', () => {
    const map = new Map(Array.from({ length: 50 }, (_, i) => [`stem${i}`, `F${i}`] as const));
    const table = StemTable.fromCompiled(StemTable.fromMap(map).compiled())!;
    const answers = () => [table.get('stem7'), table.get('stem49'), table.has('stem50'), table.get('stem')];
    const before = answers();
    expect(before).toEqual(['F7', 'F49', false, undefined]);
    expect(table.warm(20)).toBe(false);
    expect(answers()).toEqual(before);
    expect(table.warm(20)).toBe(false);
    expect(table.warm(20)).toBe(true);
    expect(answers()).toEqual(before);
    expect(table.warm(20)).toBe(true);
  });

  it('refuses a damaged compiled text instead of misreading it', () => {
    expect(StemTable.fromCompiled('қызмет\nполиция')).toBeUndefined();
    expect(StemTable.fromCompiled('қызмет\nполиция\u0000AB')).toBeUndefined();
  });

  it('a compiled Kazakh dictionary answers every word as the .dic does', () => {
    const aff = read('dictionaries/kk_KZ/kk_KZ.aff');
    const fromDic = new AffixLexicon(aff, read('dictionaries/kk_KZ/kk_KZ.dic'));
    const table = StemTable.fromCompiled(fromDic.compile());
    expect(table).toBeDefined();
    const compiled = new AffixLexicon(aff, table!);
    expect(compiled.size).toBe(fromDic.size);
    const words = loadKazakhEvalSet().flatMap((r) => r.target.match(/\p{L}+/gu) ?? []);
    words.push('Республикасындағы', 'полициясының', 'Республикасындагы', 'Казакстан');
    expect(words.length).toBeGreaterThan(900);
    const differ = words.filter((w) => compiled.correct(w) !== fromDic.correct(w));
    expect(differ).toEqual([]);
    expect(compiled.restore('Республикасындагы')).toEqual(fromDic.restore('Республикасындагы'));
    expect(compiled.correct('полициясының')).toBe(true);
  });
});
