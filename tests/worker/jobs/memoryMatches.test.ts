import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  memoryConcordanceJob,
  memoryExportJob,
  memoryMatchesJob,
  memorySearchJob,
  memorySummaryJob,
} from '../../../src/worker/jobs/memoryMatches.ts';
import type { MemoryEntry } from '../../../src/core/memory/types.ts';
import type { Unit } from '../../../src/core/model/types.ts';
import { openAudarmaDb } from '../../../src/storage/db.ts';
import {
  deleteMemory,
  deleteMemoryEntries,
  editMemoryEntry,
  importMemory,
  readMemoryLog,
} from '../../../src/storage/memory.ts';

const entry = (id: string, memoryId: string, source: string, target: string): MemoryEntry => ({
  id,
  memoryId,
  sourceLang: 'ru',
  targetLang: 'en',
  source,
  target,
  context: 'Часы работы.',
  createdBy: 'ann',
  createdAt: 1,
  updatedBy: 'ann',
  updatedAt: 1,
});
const unit = (index: number, source: string) =>
  ({
    id: `d2:u${index}`,
    documentId: 'd2',
    index,
    paragraph: 0,
    kind: 'sentence',
    separator: '',
    source,
    mt: {},
  }) as unknown as Unit;

let n = 0;
const freshDb = () => openAudarmaDb(`worker-memory-${Date.now()}-${n++}`);

describe('memory jobs in the worker', () => {
  it('read the stored memory themselves and follow every later change', async () => {
    const db = await freshDb();
    await importMemory(db, [
      entry('p:1', 'p', 'Офис закрыт в праздничные дни.', 'The office is closed on holidays.'),
    ]);
    const ask = {
      db: db.name,
      sourceLang: 'ru',
      unit: unit(1, 'Офис закрыт в праздничные дни.'),
      lang: 'en',
    };
    const targets = async (previous?: Unit) =>
      (await memoryMatchesJob({ ...ask, ...(previous ? { previous } : {}) })).matches.map((m) => [
        m.score,
        m.item.target,
      ]);
    expect(await targets()).toEqual([[100, 'The office is closed on holidays.']]);
    expect(await targets(unit(0, 'Часы работы.'))).toEqual([[101, 'The office is closed on holidays.']]);

    // An edit, a new entry and a removal made after the first read all show in the next look-up.
    await editMemoryEntry(db, 'p:1', 'The office is closed on public holidays.', 'bob', 2);
    await importMemory(db, [
      entry('tmx:a.tmx:1', 'tmx:a.tmx', 'Офис закрыт в выходные дни.', 'Closed at weekends.'),
    ]);
    expect(await targets()).toEqual([
      [100, 'The office is closed on public holidays.'],
      [expect.any(Number), 'Closed at weekends.'],
    ]);
    await deleteMemoryEntries(db, ['p:1']);
    expect((await targets()).map(([, target]) => target)).toEqual(['Closed at weekends.']);
    expect((await readMemoryLog(db)).n).toBe(4);

    expect(
      (await memoryConcordanceJob({ db: db.name, phrase: 'выходные' })).map((h) => h.entry.target),
    ).toEqual(['Closed at weekends.']);
    const summary = await memorySummaryJob({ db: db.name, projectId: 'p', sourceLang: 'ru', lang: 'en' });
    expect(summary).toEqual({ imported: [{ id: 'tmx:a.tmx', count: 1 }], own: 0, total: 1 });
    await deleteMemory(db, 'tmx:a.tmx');
    expect(await targets()).toEqual([]);
  });

  it('a reader far behind the change log reads the whole memory again', async () => {
    const db = await freshDb();
    const ask = { db: db.name, sourceLang: 'ru', unit: unit(1, 'Статья 10 применяется.'), lang: 'en' };
    await importMemory(db, [entry('p:0', 'p', 'Статья 12 применяется.', 'Article 12 applies.')]);
    expect((await memoryMatchesJob(ask)).matches).toHaveLength(1);
    // More changes at once than the log keeps: only the count is left, so the next read is a full one.
    const many = Array.from({ length: 1200 }, (_, i) =>
      entry(`p:${i + 1}`, 'p', `Пункт ${i} отменён.`, `Item ${i}.`),
    );
    await importMemory(db, many);
    expect((await readMemoryLog(db)).recent).toEqual([]);
    expect(
      (await memoryMatchesJob({ ...ask, unit: unit(1, 'Пункт 7 отменён.') })).matches[0]?.score,
    ).toBeGreaterThan(90);
    const latest = await memorySearchJob({ db: db.name, phrase: '', memoryId: 'p', limit: 5 });
    expect(latest).toHaveLength(5);
  });

  it('exports the project memory of one language as TMX', async () => {
    const db = await freshDb();
    await importMemory(db, [
      entry('p:1', 'p', 'Офис закрыт.', 'The office is closed.'),
      entry('tmx:x:1', 'tmx:x', 'Не наше.', 'Not ours.'),
    ]);
    const tmx = await memoryExportJob({ db: db.name, projectId: 'p', sourceLang: 'ru', lang: 'en' });
    expect(tmx).toContain('The office is closed.');
    expect(tmx).not.toContain('Not ours.');
  });
});
