import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openAudarmaDb, type AudarmaDb } from '../../src/storage/db.ts';
import { ensureDemoProject } from '../../src/storage/demo.ts';
import { listUnits } from '../../src/storage/documents.ts';
import { listDocumentRevisions, listRenderings, listRevisions } from '../../src/storage/renderings.ts';
import { ALIGNMENT_NOTE, applyAlignment, planWrites, type UnitWrite } from '../../src/storage/alignment.ts';
import type { AlignRow } from '../../src/core/align/edit.ts';
import { DEMO_DOCUMENT_ID } from '../../src/core/demo/project.ts';
import { renderingId, revisionId } from '../../src/core/model/ids.ts';
import type { Unit } from '../../src/core/model/types.ts';

const demo = readFileSync(
  new URL('../../src/demo/municipal-police-kazakhstan.en.txt', import.meta.url),
  'utf8',
);
let counter = 0;

async function demoDb(): Promise<{ db: AudarmaDb; units: Unit[] }> {
  const db = await openAudarmaDb(`align-${Date.now()}-${counter++}`);
  await ensureDemoProject(db, demo, 'tester', 1000);
  return { db, units: await listUnits(db, DEMO_DOCUMENT_ID) };
}

const row = (pivot: number[], imported: string[], score = 0.8, manual = false): AlignRow => ({
  pivot,
  imported,
  score,
  ...(manual ? { manual } : {}),
});

describe('what each unit gets from an alignment', () => {
  it('pairs one-to-one rows with their units and scores', () => {
    const plan = planWrites([row([0], ['А.'], 0.9), row([1], ['Б.', 'В.'], 0.4)], 2);
    expect(plan.writes).toEqual([
      { index: 0, text: 'А.', alignScore: 0.9 },
      { index: 1, text: 'Б. В.', alignScore: 0.4 },
    ]);
    expect([plan.empty, plan.attached, plan.merged]).toEqual([0, 0, 0]);
  });

  it('gives the text of a row with several units to the first and leaves the others empty', () => {
    const plan = planWrites([row([0, 1], ['АБ.'], 0.7), row([2], [], 0.6)], 3);
    expect(plan.writes.map((w) => [w.text, w.alignScore])).toEqual([
      ['АБ.', 0.7],
      ['', 0.7],
      ['', 0.6],
    ]);
    expect([plan.empty, plan.merged]).toEqual([2, 1]);
  });

  it('joins sentences without a unit to the unit before them, lowering its confidence', () => {
    const plan = planWrites([row([0], ['А.'], 0.9), row([], ['Лишнее.'], 0.3), row([1], ['Б.'], 0.95)], 2);
    expect(plan.writes.map((w) => [w.text, w.alignScore])).toEqual([
      ['А. Лишнее.', 0.3],
      ['Б.', 0.95],
    ]);
    expect(plan.attached).toBe(1);
  });

  it('joins sentences before the first unit to that unit, recording them as added', () => {
    const plan = planWrites([row([], ['Заголовок.'], 0.5), row([0], ['А.'], 0.9)], 1);
    expect(plan.writes).toEqual([
      { index: 0, text: 'Заголовок. А.', alignScore: 0.5, added: ['Заголовок.'] },
    ]);
  });

  it('records which units the version left without a counterpart, which went to a neighbour and what was added', () => {
    const plan = planWrites(
      [row([0, 1], ['АБ.'], 0.7), row([2], [], 0.6), row([3], ['Г.'], 0.9), row([], ['Лишнее.'], 0.8)],
      4,
    );
    expect(plan.writes.map((w) => [w.text, w.gap, w.into, w.added])).toEqual([
      ['АБ.', undefined, undefined, undefined],
      ['', 'merged', 0, undefined],
      ['', 'omitted', undefined, undefined],
      ['Г. Лишнее.', undefined, undefined, ['Лишнее.']],
    ]);
  });

  it('counts rows fixed by hand as certain', () => {
    expect(planWrites([row([0], ['А.'], 0.1, true)], 1).writes).toEqual([
      { index: 0, text: 'А.', alignScore: 1 },
    ]);
  });
});

describe('applying an alignment', () => {
  it('writes Russian sources and scores into the units, and nothing else', async () => {
    const { db, units } = await demoDb();
    const writes: UnitWrite[] = units.map((u) => ({
      index: u.index,
      text: `Предложение ${u.index}.`,
      alignScore: 0.75,
    }));
    const result = await applyAlignment(db, {
      documentId: DEMO_DOCUMENT_ID,
      lang: 'ru',
      role: 'source',
      units,
      writes,
      author: 'tester',
      now: 2000,
      chunkSize: 7,
    });
    expect(result).toEqual({ units: units.length, imported: 0, edited: 0, kept: 0 });
    const after = await listUnits(db, DEMO_DOCUMENT_ID);
    expect(after.map((u) => u.source)).toEqual(units.map((u) => `Предложение ${u.index}.`));
    expect(after.every((u) => u.alignScore === 0.75)).toBe(true);
    expect(after.map((u) => u.mt)).toEqual(units.map((u) => u.mt));
    expect(await listDocumentRevisions(db, DEMO_DOCUMENT_ID)).toHaveLength(
      units.filter((u) => (u.mt.en ?? '').trim() !== '').length,
    );
  });

  it('imports Kazakh renderings with an import revision, then realigns them with edit revisions that keep history', async () => {
    const { db, units } = await demoDb();
    const base = {
      documentId: DEMO_DOCUMENT_ID,
      lang: 'kk',
      role: 'target' as const,
      units,
      author: 'tester',
    };
    const first = await applyAlignment(db, {
      ...base,
      writes: [
        { index: 0, text: 'Бірінші.', alignScore: 0.9 },
        { index: 1, text: 'Екінші.', alignScore: 0.4 },
        { index: 2, text: '' },
      ],
      now: 2000,
    });
    expect(first).toEqual({ units: 2, imported: 2, edited: 0, kept: 0 });
    const kk = await listRenderings(db, DEMO_DOCUMENT_ID, 'kk');
    expect(kk.map((r) => [r.text, r.state, r.revision])).toEqual([
      ['Бірінші.', 'imported', 1],
      ['Екінші.', 'imported', 1],
    ]);
    const second = await applyAlignment(db, {
      ...base,
      writes: [
        { index: 0, text: 'Бірінші. Екінші.', alignScore: 1 },
        { index: 1, text: '', alignScore: 1 },
      ],
      now: 3000,
    });
    expect(second).toEqual({ units: 2, imported: 0, edited: 1, kept: 1 });
    const history = await listRevisions(db, renderingId(units[0]!.id, 'kk'));
    expect(history.map((r) => [r.action, r.text, r.state, r.note])).toEqual([
      ['import', 'Бірінші.', 'imported', undefined],
      ['edit', 'Бірінші. Екінші.', 'edited', ALIGNMENT_NOTE],
    ]);
    // A text is never erased by an alignment: the second unit keeps its rendering.
    expect((await listRenderings(db, DEMO_DOCUMENT_ID, 'kk')).map((r) => r.text)).toEqual([
      'Бірінші. Екінші.',
      'Екінші.',
    ]);
  });

  it("keeps each language's alignment on the unit, with the lowest score as the unit's", async () => {
    const { db, units } = await demoDb();
    const base = {
      documentId: DEMO_DOCUMENT_ID,
      role: 'target' as const,
      units,
      author: 'tester',
      now: 2000,
    };
    await applyAlignment(db, {
      ...base,
      lang: 'kk',
      writes: [
        { index: 0, text: 'Бірінші. Артық.', alignScore: 0.9, added: ['Артық.'] },
        { index: 1, text: '', alignScore: 0.7, gap: 'omitted' },
      ],
    });
    await applyAlignment(db, {
      ...base,
      lang: 'ru',
      role: 'source',
      writes: [{ index: 0, text: 'Первое.', alignScore: 0.8 }],
    });
    const [first, second] = await listUnits(db, DEMO_DOCUMENT_ID);
    expect(first!.alignment).toEqual({ kk: { score: 0.9, added: ['Артық.'] }, ru: { score: 0.8 } });
    expect(first!.alignScore).toBe(0.8);
    expect(second!.alignment).toEqual({ kk: { score: 0.7, gap: 'omitted' } });
    // Aligning Kazakh again replaces its record: the gap and the added sentence are gone.
    await applyAlignment(db, {
      ...base,
      lang: 'kk',
      writes: [
        { index: 0, text: 'Бірінші.', alignScore: 1 },
        { index: 1, text: 'Екінші.', alignScore: 1 },
      ],
    });
    const [again, next] = await listUnits(db, DEMO_DOCUMENT_ID);
    expect(again!.alignment).toEqual({ kk: { score: 1 }, ru: { score: 0.8 } });
    expect(next!.alignment).toEqual({ kk: { score: 1 } });
    expect(next!.alignScore).toBe(1);
  });

  it('records the gaps of a source aligned against the English for the English, where its checks look', async () => {
    const { db, units } = await demoDb();
    const english = (k: number) => (units[k]!.mt.en ?? '').trim();
    const plan = planWrites(
      [
        row([0], ['Первое.'], 0.9),
        row([], ['Лишнее в оригинале.'], 0.5),
        row([1], [], 0.4),
        row([2], ['Третье.'], 0.95),
      ],
      3,
    );
    await applyAlignment(db, {
      documentId: DEMO_DOCUMENT_ID,
      lang: 'ru',
      role: 'source',
      pivotLang: 'en',
      units,
      writes: plan.writes,
      author: 'tester',
      now: 2000,
    });
    const [first, second, third] = await listUnits(db, DEMO_DOCUMENT_ID);
    // A source sentence with no unit: the English of the unit it joined lacks it.
    expect(first!.source).toBe('Первое. Лишнее в оригинале.');
    expect(first!.alignment).toEqual({
      ru: { score: 0.5, added: ['Лишнее в оригинале.'] },
      en: { score: 0.5, untranslated: ['Лишнее в оригинале.'] },
    });
    // A unit with no source sentence: its English has no source.
    expect(second!.alignment).toEqual({
      ru: { score: 0.4, gap: 'omitted' },
      en: { score: 0.4, added: [english(1)] },
    });
    expect(third!.alignment).toEqual({ ru: { score: 0.95 } });
  });

  it('puts every earlier chunk back when a later chunk fails', async () => {
    const { db, units } = await demoDb();
    // A revision already holding the id the 13th unit's import would take makes the third chunk fail.
    const clash = renderingId(units[12]!.id, 'kk');
    const planted = {
      id: revisionId(`${clash}#1`),
      renderingId: clash,
      unitId: units[12]!.id,
      documentId: DEMO_DOCUMENT_ID,
      lang: 'kk',
      number: 1,
      action: 'import' as const,
      text: 'бар',
      state: 'mt' as const,
      previousState: 'new' as const,
      author: 'other',
      at: 1500,
    };
    await db.put('revisions', planted);
    const before = await listUnits(db, DEMO_DOCUMENT_ID);
    const progress: number[] = [];
    await expect(
      applyAlignment(db, {
        documentId: DEMO_DOCUMENT_ID,
        lang: 'kk',
        role: 'target',
        units,
        writes: units.map((u) => ({ index: u.index, text: `Сөйлем ${u.index}.`, alignScore: 0.6 })),
        author: 'tester',
        now: 2000,
        chunkSize: 5,
        onProgress: (done) => progress.push(done),
      }),
    ).rejects.toThrow();
    expect(progress).toEqual([5, 10]);
    expect(await listRenderings(db, DEMO_DOCUMENT_ID, 'kk')).toEqual([]);
    expect((await listDocumentRevisions(db, DEMO_DOCUMENT_ID)).filter((r) => r.lang === 'kk')).toEqual([
      planted,
    ]);
    expect(await listUnits(db, DEMO_DOCUMENT_ID)).toEqual(before);
  });
});
