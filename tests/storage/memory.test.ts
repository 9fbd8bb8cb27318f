import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openAudarmaDb, type AudarmaDb } from '../../src/storage/db.ts';
import { importDocument } from '../../src/storage/documents.ts';
import { applyActions, applyBulk } from '../../src/storage/renderings.ts';
import {
  deleteMemoryEntries,
  editMemoryEntry,
  importMemory,
  listMemory,
  listMemoryIds,
  memoryChangesSince,
  readMemoryLog,
} from '../../src/storage/memory.ts';
import { buildDocument } from '../../src/core/model/document.ts';
import { projectId, renderingId } from '../../src/core/model/ids.ts';
import type { Project, Unit } from '../../src/core/model/types.ts';

let counter = 0;
const project: Project = {
  id: projectId('p1'),
  name: 'Memory test',
  sourceLang: 'ru',
  targetLangs: ['en'],
  createdAt: 1,
};

async function setUp(): Promise<{ db: AudarmaDb; units: readonly Unit[] }> {
  const db = await openAudarmaDb(`memory-${Date.now()}-${counter++}`);
  const built = buildDocument({
    projectId: project.id,
    name: 'a.txt',
    text: 'Офис закрыт в праздничные дни. Музей открыт по субботам.',
    lang: 'ru',
    role: 'source',
    now: 1,
  });
  await importDocument(db, { ...built, project, author: 'ann', now: 1 });
  return { db, units: built.units };
}

const target = (unit: Unit) => ({ unitId: unit.id, documentId: unit.documentId, lang: 'en' });

describe('memory kept by approvals', () => {
  it('writes an entry with who and when in the approval itself', async () => {
    const { db, units } = await setUp();
    const [first, second] = units as [Unit, Unit];
    await applyActions(
      db,
      target(second),
      [{ type: 'edit', text: 'The museum opens on Saturdays.' }],
      'ann',
      5,
    );
    expect(await listMemory(db, ['p1'])).toEqual([]);
    await applyActions(db, target(second), [{ type: 'approve' }], 'bob', 10);
    const [entry] = await listMemory(db, ['p1']);
    expect(entry).toMatchObject({
      id: renderingId(second.id, 'en'),
      source: 'Музей открыт по субботам.',
      target: 'The museum opens on Saturdays.',
      sourceLang: 'ru',
      targetLang: 'en',
      context: first.source,
      createdBy: 'bob',
      createdAt: 10,
      updatedBy: 'bob',
      updatedAt: 10,
    });
  });

  it('updates the entry when an approved text changes, keeping the first approver', async () => {
    const { db, units } = await setUp();
    const first = units[0] as Unit;
    await applyActions(
      db,
      target(first),
      [{ type: 'edit', text: 'Office closed.' }, { type: 'approve' }],
      'ann',
      5,
    );
    await applyActions(
      db,
      target(first),
      [{ type: 'edit', text: 'The office is closed on public holidays.' }, { type: 'approve' }],
      'bob',
      9,
    );
    const entries = await listMemory(db, ['p1']);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      target: 'The office is closed on public holidays.',
      createdBy: 'ann',
      createdAt: 5,
      updatedBy: 'bob',
      updatedAt: 9,
    });
  });

  it('is not written when the approval is refused, and is removed when the approval is undone', async () => {
    const { db, units } = await setUp();
    const first = units[0] as Unit;
    const refused = await applyActions(db, target(first), [{ type: 'approve' }], 'ann', 5);
    expect(refused.ok).toBe(false);
    expect(await listMemory(db, ['p1'])).toEqual([]);
    await applyActions(db, target(first), [{ type: 'edit', text: 'Closed.' }, { type: 'approve' }], 'ann', 6);
    expect(await listMemory(db, ['p1'])).toHaveLength(1);
    await applyBulk(
      db,
      [{ target: target(first), actions: [{ type: 'revert', text: 'Closed.', state: 'edited' }] }],
      'ann',
      7,
    );
    expect(await listMemory(db, ['p1'])).toEqual([]);
  });

  it('records bulk approvals in the same transaction as each chunk', async () => {
    const { db, units } = await setUp();
    await applyBulk(
      db,
      units.map((unit, i) => ({
        target: target(unit),
        actions: [{ type: 'edit', text: `Text ${i}.` }, { type: 'approve' }],
      })),
      'ann',
      8,
    );
    expect((await listMemory(db, ['p1'])).map((e) => e.target).sort()).toEqual(['Text 0.', 'Text 1.']);
    // Every entry of the bulk is in the change log once, however its writes interleaved.
    const log = await readMemoryLog(db);
    expect(log.recent.map((c) => c.id).sort()).toEqual(units.map((u) => renderingId(u.id, 'en')).sort());
    expect(log.n).toBe(2);
  });

  it('tells a reader what changed since it last read: nothing, the changes, or everything', async () => {
    const { db, units } = await setUp();
    const [u1, u2] = units;
    if (!u1 || !u2) throw new Error('two units expected');
    const first = await memoryChangesSince(db, undefined);
    expect(first).toEqual({ kind: 'all', n: 0, entries: [] });
    await applyActions(db, target(u1), [{ type: 'edit', text: 'Closed.' }, { type: 'approve' }], 'ann', 2);
    await applyActions(db, target(u2), [{ type: 'edit', text: 'Open.' }, { type: 'approve' }], 'ann', 3);
    const some = await memoryChangesSince(db, 0);
    expect(some.kind === 'some' && some.changed.map((e) => e.target)).toEqual(['Closed.', 'Open.']);
    expect(await memoryChangesSince(db, 2)).toEqual({ kind: 'none', n: 2 });
    // Undoing an approval removes its entry: the reader is told the id is gone.
    await applyActions(db, target(u2), [{ type: 'revert', text: 'Open.', state: 'edited' }], 'ann', 4);
    const removed = await memoryChangesSince(db, 2);
    expect(removed).toMatchObject({ kind: 'some', n: 3, changed: [], removed: [renderingId(u2.id, 'en')] });
    // A counter from another database (ahead of this log) is answered with everything.
    expect((await memoryChangesSince(db, 99)).kind).toBe('all');
  });
});

describe('post-editing memory', () => {
  it('keeps the machine translation an approval corrected, with no source', async () => {
    const db = await openAudarmaDb(`memory-mt-${Date.now()}-${counter++}`);
    const built = buildDocument({
      projectId: project.id,
      name: 'mt.txt',
      text: 'Office is closed in festive days.',
      lang: 'en',
      role: 'mt',
      now: 1,
    });
    await importDocument(db, { ...built, project, author: 'ann', now: 1 });
    const unit = built.units[0] as Unit;
    await applyActions(
      db,
      target(unit),
      [{ type: 'edit', text: 'The office is closed on public holidays.' }, { type: 'approve' }],
      'ann',
      3,
    );
    const [entry] = await listMemory(db, ['p1']);
    expect(entry).toMatchObject({
      source: '',
      mt: 'Office is closed in festive days.',
      target: 'The office is closed on public holidays.',
    });
  });
});

describe('imported memories', () => {
  const entry = (id: string) => ({
    id,
    memoryId: 'shared',
    sourceLang: 'ru',
    targetLang: 'en',
    source: 'Офис закрыт.',
    target: 'Office closed.',
    createdBy: 'ann',
    createdAt: 1,
    updatedBy: 'ann',
    updatedAt: 1,
  });
  it('imports, lists, edits and prunes', async () => {
    const { db } = await setUp();
    await importMemory(db, [entry('s:1'), entry('s:2')]);
    expect(await listMemoryIds(db)).toEqual(new Map([['shared', 2]]));
    const edited = await editMemoryEntry(db, 's:1', 'The office is closed.', 'bob', 4);
    expect(edited).toMatchObject({
      target: 'The office is closed.',
      updatedBy: 'bob',
      updatedAt: 4,
      createdBy: 'ann',
    });
    await deleteMemoryEntries(db, ['s:2']);
    expect((await listMemory(db, ['shared'])).map((e) => e.id)).toEqual(['s:1']);
    expect(await editMemoryEntry(db, 'missing', 'x', 'bob', 5)).toBeUndefined();
  });
});
