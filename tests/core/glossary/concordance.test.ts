import { describe, expect, it } from 'vitest';
import { concordance } from '../../../src/core/glossary/concordance.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { TermEntry } from '../../../src/core/model/term.ts';

const inspector: TermEntry = {
  id: entryId('inspector'),
  projectId: projectId('p'),
  terms: [
    { lang: 'ru', text: 'участковый инспектор', status: 'approved' },
    { lang: 'en', text: 'district police inspector', status: 'approved' },
    { lang: 'en', text: 'precinct inspector', status: 'proposed' },
    { lang: 'en', text: 'local cop', status: 'forbidden' },
    { lang: 'kk', text: 'учаскелік инспектор', status: 'approved' },
  ],
  createdAt: 0,
  updatedAt: 0,
};

const show = (text: string, spans: readonly { start: number; end: number }[]) =>
  spans.map((s) => text.slice(s.start, s.end));

describe('term concordance', () => {
  const rows = concordance(inspector, 'ru', [
    {
      unit: 1,
      source: 'Участковых инспекторов стало больше.',
      targets: [
        { lang: 'en', text: 'There are more district police inspectors.' },
        { lang: 'kk', text: 'Учаскелік инспекторлар көбейді.' },
      ],
    },
    {
      unit: 2,
      source: 'Участковый инспектор пришёл.',
      targets: [
        { lang: 'en', text: 'The precinct inspector came.' },
        { lang: 'kk', text: 'Ол келді.' },
      ],
    },
    { unit: 3, source: 'Погода хорошая.', targets: [{ lang: 'en', text: 'The weather is fine.' }] },
    { unit: 4, source: '', targets: [{ lang: 'en', text: 'A local cop and a district police inspector.' }] },
  ]);

  it('lists the units where the entry occurs, with the inflected spans', () => {
    expect(rows.map((r) => r.unit)).toEqual([1, 2, 4]);
    expect(show(rows[0]!.source, rows[0]!.sourceSpans)).toEqual(['Участковых инспекторов']);
    const kk = rows[0]!.renderings.find((r) => r.lang === 'kk')!;
    expect(show(kk.text, kk.spans)).toEqual(['Учаскелік инспекторлар']);
  });

  it('says how each target rendered it and marks the rows that deviate', () => {
    expect(rows.map((r) => [r.unit, r.renderings.map((x) => `${x.lang}:${x.verdict}`), r.deviates])).toEqual([
      [1, ['en:approved', 'kk:approved'], false],
      [2, ['en:proposed', 'kk:missing'], true],
      [4, ['en:forbidden'], true],
    ]);
    expect(rows[1]!.renderings[0]!.terms).toEqual(['precinct inspector']);
  });
});
