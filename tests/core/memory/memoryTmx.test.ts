import { describe, expect, it } from 'vitest';
import { memoryFromTmx, memoryToTmx } from '../../../src/core/memory/memoryTmx.ts';
import type { MemoryEntry } from '../../../src/core/memory/types.ts';
import { concordance } from '../../../src/core/memory/concordance.ts';
import { exactRepeats } from '../../../src/core/memory/repeats.ts';
import type { Unit } from '../../../src/core/model/types.ts';

const entry = (source: string, target: string, at = 1): MemoryEntry => ({
  id: source,
  memoryId: 'p',
  sourceLang: 'ru',
  targetLang: 'en',
  source,
  target,
  createdBy: 'ann',
  createdAt: at,
  updatedBy: 'ann',
  updatedAt: at,
});

const options = { memoryId: 'shared', sourceLang: 'ru', targetLang: 'en', by: 'ann', at: 5 } as const;

describe('memory TMX', () => {
  it('round trips entries through TMX 1.4b', () => {
    const entries = [
      entry('Статья 10 & «закон».', 'Article 10 & "law".'),
      entry('Офис закрыт.', 'The office is closed.'),
    ];
    const tmx = memoryToTmx(entries, 'ru', 'en');
    expect(tmx).toContain('srclang="ru"');
    const back = memoryFromTmx(tmx, options);
    expect(back.ok && back.value.map((e) => [e.source, e.target])).toEqual([
      ['Статья 10 & «закон».', 'Article 10 & "law".'],
      ['Офис закрыт.', 'The office is closed.'],
    ]);
    expect(back.ok && back.value[1]?.context).toBe('Статья 10 & «закон».');
    if (back.ok) expect(memoryToTmx(back.value, 'ru', 'en')).toBe(tmx);
  });

  it('reads text around inline codes', () => {
    const tmx = `<?xml version="1.0"?><tmx version="1.4"><header srclang="ru" segtype="sentence" datatype="plaintext" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="ru"><seg>Нажмите <bpt i="1">&lt;b&gt;</bpt>ОК<ept i="1">&lt;/b&gt;</ept>.</seg></tuv><tuv xml:lang="en-GB"><seg>Press <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept>.</seg></tuv></tu>
</body></tmx>`;
    const read = memoryFromTmx(tmx, options);
    expect(read.ok && read.value.map((e) => [e.source, e.target])).toEqual([['Нажмите ОК.', 'Press OK.']]);
  });

  it('gives the inline codes back on export, and drops them only from a target edited since', () => {
    const tmx = `<?xml version="1.0"?><tmx version="1.4"><header srclang="ru" segtype="sentence" datatype="plaintext" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu><tuv xml:lang="ru"><seg>Нажмите <bpt i="1">&lt;b&gt;</bpt>ОК<ept i="1">&lt;/b&gt;</ept><ph x="2">{0}</ph>.</seg></tuv><tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept><ph x="2">{0}</ph>.</seg></tuv></tu>
</body></tmx>`;
    const read = memoryFromTmx(tmx, options);
    if (!read.ok) throw new Error(read.error.message);
    const out = memoryToTmx(read.value, 'ru', 'en');
    for (const code of ['<bpt i="1">&lt;b&gt;</bpt>', '<ept i="1">&lt;/b&gt;</ept>', '<ph x="2">{0}</ph>'])
      expect(out.split(code)).toHaveLength(3);
    const again = memoryFromTmx(out, options);
    expect(again.ok && memoryToTmx(again.value, 'ru', 'en')).toBe(out);
    // A target edited in the memory no longer matches its codes' places: it goes out as plain text.
    const edited = memoryToTmx([{ ...read.value[0]!, target: 'Click OK.' }], 'ru', 'en');
    expect(edited).toContain('<seg>Click OK.</seg>');
    expect(edited.split('<bpt')).toHaveLength(2);
  });

  it('says which language is missing', () => {
    const tmx = memoryToTmx([entry('Офис закрыт.', 'The office is closed.')], 'ru', 'en');
    const read = memoryFromTmx(tmx, { ...options, targetLang: 'kk' });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error.message).toContain('no kk text');
  });

  it('says where a broken file breaks', () => {
    const read = memoryFromTmx('<tmx version="1.4"><body></body></tmx>', options);
    expect(!read.ok && read.error.message).toContain('header');
  });
});

describe('concordance', () => {
  const entries = [
    entry('Офис закрыт в праздничные дни.', 'The office is closed on public holidays.', 1),
    entry('Музей закрыт по понедельникам.', 'The museum is closed on Mondays.', 2),
    entry('Библиотека открыта.', 'The library is open.', 3),
  ];
  it('finds a phrase in either language, case-insensitively, with its place', () => {
    const hits = concordance(entries, 'IS CLOSED');
    expect(hits.map((h) => h.entry.source)).toEqual([
      'Музей закрыт по понедельникам.',
      'Офис закрыт в праздничные дни.',
    ]);
    expect(hits[0]?.target).toEqual([{ start: 11, end: 20 }]);
    expect(concordance(entries, 'закрыт').length).toBe(2);
  });
  it('finds nothing for an absent phrase or a single letter', () => {
    expect(concordance(entries, 'bridge')).toEqual([]);
    expect(concordance(entries, 'o')).toEqual([]);
  });
});

describe('exactRepeats', () => {
  const unit = (index: number, source: string, mt = ''): Unit =>
    ({
      id: `u${index}`,
      documentId: 'd',
      index,
      paragraph: 0,
      kind: 'sentence',
      separator: '',
      source,
      mt: { en: mt },
    }) as unknown as Unit;
  it('groups identical sources, and machine text where there is no source', () => {
    expect(exactRepeats([unit(0, 'А.'), unit(1, 'Б.'), unit(2, 'А.')])).toEqual([[0, 2]]);
    expect(exactRepeats([unit(0, '', 'X.'), unit(1, '', 'Y.'), unit(2, '', 'X.')], 'en')).toEqual([[0, 2]]);
    expect(exactRepeats([unit(0, 'А.'), unit(1, 'Б.')])).toEqual([]);
  });
});
