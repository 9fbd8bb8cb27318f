import { describe, expect, it } from 'vitest';
import type { InterchangeDocument } from '../../../src/core/formats/interchange.ts';
import { STATE_TABLE } from '../../../src/core/formats/states.ts';
import { readTmx, writeTmx } from '../../../src/core/formats/tmx.ts';
import { readXliff1, writeXliff1 } from '../../../src/core/formats/xliff1.ts';
import { readXliff2, writeXliff2 } from '../../../src/core/formats/xliff2.ts';
import { RENDERING_STATES, type RenderingState } from '../../../src/core/model/types.ts';

const STATES = RENDERING_STATES.filter((s) => s !== 'new');
const doc: InterchangeDocument = {
  sourceLang: 'ru',
  targetLangs: ['en'],
  format: 'text',
  units: STATES.map((state, i) => ({
    id: `u${i + 1}`,
    source: [`Исходный ${i}`],
    targets: { en: { content: [`Target ${i}`], state, notes: [] } },
    notes: [],
  })),
};
const states = (d: { ok: boolean; value?: InterchangeDocument }) =>
  d.ok ? d.value?.units.map((u) => u.targets.en?.state) : undefined;

describe('one state table for every format', () => {
  it('a rejected rendering asks for a new translation in both XLIFF versions', () => {
    expect(STATE_TABLE.rejected).toEqual({ xliff2: 'initial', xliff1: 'needs-translation' });
    expect(writeXliff2(doc)).toContain('<segment state="initial" subState="audarma:rejected">');
    expect(writeXliff1(doc)).toContain('<target state="needs-translation">Target 5</target>');
  });

  it.each([
    ['XLIFF 2', (d: InterchangeDocument) => readXliff2(writeXliff2(d))],
    ['XLIFF 1.2', (d: InterchangeDocument) => readXliff1(writeXliff1(d))],
    ['TMX', (d: InterchangeDocument) => readTmx(writeTmx(d))],
  ])('every state comes back from %s', (_name, roundTrip) => {
    expect(states(roundTrip(doc))).toEqual(STATES);
  });

  it('XLIFF 2 from other tools: base states without our subState map to their nearest', () => {
    const xml = (state: string) =>
      `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="en"><file id="f"><unit id="1"><segment state="${state}"><source>а</source><target>a</target></segment></unit></file></xliff>`;
    const got: Record<string, RenderingState | undefined> = {};
    for (const s of ['initial', 'translated', 'reviewed', 'final']) {
      const d = readXliff2(xml(s));
      got[s] = d.ok ? d.value.units[0]?.targets.en?.state : undefined;
    }
    expect(got).toEqual({ initial: 'mt', translated: 'edited', reviewed: 'reviewed', final: 'approved' });
  });
});

describe('TMX', () => {
  it('never writes an empty <seg/>: units without source and empty variants are left out', () => {
    const tmx = writeTmx({
      ...doc,
      targetLangs: ['en', 'kk'],
      units: [
        {
          id: 'a',
          source: [],
          targets: { en: { content: ['Only English'], state: 'approved', notes: [] } },
          notes: [],
        },
        {
          id: 'b',
          source: ['Оба'],
          targets: {
            en: { content: ['Both'], state: 'approved', notes: [] },
            kk: { content: [], state: 'new', notes: [] },
          },
          notes: [],
        },
      ],
    });
    expect(tmx).not.toMatch(/<seg\/>|<seg><\/seg>/);
    expect(tmx).not.toContain('Only English');
    expect(tmx).toContain('<seg>Оба</seg>');
    expect(tmx).not.toContain('xml:lang="kk"');
  });
});
