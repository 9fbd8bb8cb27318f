import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { readFileSync } from 'node:fs';
import { DB_VERSION, openAudarmaDb, upgrade, type AudarmaDb } from '../../src/storage/db.ts';
import { ensureDemoProject } from '../../src/storage/demo.ts';
import {
  CHUNK_SIZE,
  deleteDocumentRows,
  importDocument,
  listDocuments,
  listUnits,
} from '../../src/storage/documents.ts';
import { addComment, listDocumentComments } from '../../src/storage/comments.ts';
import { addAnnotation, listDocumentAnnotations } from '../../src/storage/annotations.ts';
import { applyAction, applyActions, listRenderings, listRevisions } from '../../src/storage/renderings.ts';
import { findEntriesByTerm, listEntries } from '../../src/storage/terms.ts';
import { DEMO_DOCUMENT_ID, DEMO_PROJECT_ID } from '../../src/core/demo/project.ts';
import { buildDocument } from '../../src/core/model/document.ts';
import { projectId, renderingId } from '../../src/core/model/ids.ts';

const demo = readFileSync(
  new URL('../../src/demo/municipal-police-kazakhstan.en.txt', import.meta.url),
  'utf8',
);
let counter = 0;
const freshDb = () => openAudarmaDb(`test-${Date.now()}-${counter++}`);

async function demoDb(): Promise<AudarmaDb> {
  const db = await freshDb();
  await ensureDemoProject(db, demo, 'tester', 1000);
  return db;
}

describe('demo project import', () => {
  it('stores the project, the document, every unit and an MT rendering with its import revision', async () => {
    const db = await demoDb();
    const [document] = await listDocuments(db, DEMO_PROJECT_ID);
    expect(document?.name).toBe('municipal-police-kazakhstan.en.txt');
    const units = await listUnits(db, DEMO_DOCUMENT_ID);
    expect(units).toHaveLength(document?.unitCount ?? -1);
    const english = await listRenderings(db, DEMO_DOCUMENT_ID, 'en');
    expect(english).toHaveLength(units.length);
    expect(english.every((r) => r.state === 'mt' && r.revision === 1)).toBe(true);
    expect(await listRenderings(db, DEMO_DOCUMENT_ID, 'kk')).toEqual([]);
    const first = units[0];
    if (!first) throw new Error('no units');
    const history = await listRevisions(db, renderingId(first.id, 'en'));
    expect(history.map((r) => [r.action, r.state, r.previousState])).toEqual([['import', 'mt', 'new']]);
  });

  it('is idempotent: a second start does not import again', async () => {
    const db = await demoDb();
    expect(await ensureDemoProject(db, demo, 'tester', 2000)).toBe(false);
    expect(await listDocuments(db, DEMO_PROJECT_ID)).toHaveLength(1);
  });

  it('seeds the glossary with the terms the article defines, findable by any language form', async () => {
    const db = await demoDb();
    const entries = await listEntries(db, DEMO_PROJECT_ID);
    expect(entries.map((e) => e.terms.find((t) => t.lang === 'en')?.text).sort()).toEqual([
      'Akim',
      'Akimat',
      'LPS',
      'Local police service',
      'MIA',
      'Maslikhat',
      'Ministry of Internal Affairs',
    ]);
    const [maslikhat] = await findEntriesByTerm(db, 'МӘСЛИХАТ');
    expect(maslikhat?.terms.find((t) => t.lang === 'ru')?.text).toBe('маслихат');
  });

  it('reads a range of units by index without loading the rest', async () => {
    const db = await demoDb();
    const page = await listUnits(db, DEMO_DOCUMENT_ID, 10, 5);
    expect(page.map((u) => u.index)).toEqual([10, 11, 12, 13, 14]);
  });
});

describe('editing and approving', () => {
  it('writes every change as a revision, numbered, with author, state and note', async () => {
    const db = await demoDb();
    const [, unit] = await listUnits(db, DEMO_DOCUMENT_ID, 0, 2);
    if (!unit) throw new Error('no unit');
    const target = { unitId: unit.id, documentId: DEMO_DOCUMENT_ID, lang: 'en' };
    expect((await applyAction(db, target, { type: 'edit', text: 'Go to contents' }, 'aigul', 2000)).ok).toBe(
      true,
    );
    expect((await applyAction(db, target, { type: 'reject', reason: 'not a link' }, 'erlan', 3000)).ok).toBe(
      true,
    );
    expect((await applyAction(db, target, { type: 'edit', text: 'Contents' }, 'aigul', 4000)).ok).toBe(true);
    const approved = await applyAction(db, target, { type: 'approve' }, 'erlan', 5000);
    expect(approved).toMatchObject({
      ok: true,
      rendering: { state: 'approved', text: 'Contents', revision: 5 },
    });
    const history = await listRevisions(db, renderingId(unit.id, 'en'));
    expect(history.map((r) => [r.number, r.action, r.state, r.author, r.note ?? ''])).toEqual([
      [1, 'import', 'mt', 'tester', ''],
      [2, 'edit', 'edited', 'aigul', ''],
      [3, 'reject', 'rejected', 'erlan', 'not a link'],
      [4, 'edit', 'edited', 'aigul', ''],
      [5, 'approve', 'approved', 'erlan', ''],
    ]);
  });

  it('approves a change in one step: the edit and the approval are two revisions written together', async () => {
    const db = await demoDb();
    const [unit] = await listUnits(db, DEMO_DOCUMENT_ID, 0, 1);
    if (!unit) throw new Error('no unit');
    const target = { unitId: unit.id, documentId: DEMO_DOCUMENT_ID, lang: 'kk' };
    const outcome = await applyActions(
      db,
      target,
      [{ type: 'edit', text: 'Мазмұны' }, { type: 'approve' }],
      'a',
      7,
    );
    expect(outcome).toMatchObject({
      ok: true,
      rendering: { state: 'approved', text: 'Мазмұны', revision: 2 },
    });
    const history = await listRevisions(db, renderingId(unit.id, 'kk'));
    expect(history.map((r) => [r.action, r.previousState, r.state])).toEqual([
      ['edit', 'new', 'edited'],
      ['approve', 'edited', 'approved'],
    ]);
  });

  it('refuses a whole batch when one step is refused', async () => {
    const db = await demoDb();
    const [unit] = await listUnits(db, DEMO_DOCUMENT_ID, 0, 1);
    if (!unit) throw new Error('no unit');
    const target = { unitId: unit.id, documentId: DEMO_DOCUMENT_ID, lang: 'kk' };
    const outcome = await applyActions(
      db,
      target,
      [{ type: 'edit', text: 'Мазмұны' }, { type: 'reopen' }],
      'a',
      7,
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'invalidTransition', from: 'edited', action: 'reopen' },
    });
    expect(await listRevisions(db, renderingId(unit.id, 'kk'))).toEqual([]);
  });

  it('creates a Kazakh rendering on first edit', async () => {
    const db = await demoDb();
    const [unit] = await listUnits(db, DEMO_DOCUMENT_ID, 0, 1);
    if (!unit) throw new Error('no unit');
    const target = { unitId: unit.id, documentId: DEMO_DOCUMENT_ID, lang: 'kk' };
    await applyAction(
      db,
      target,
      { type: 'edit', text: 'Қазақстан Республикасындағы муниципалдық полиция' },
      'a',
      1,
    );
    const [kk] = await listRenderings(db, DEMO_DOCUMENT_ID, 'kk');
    expect(kk).toMatchObject({
      state: 'edited',
      revision: 1,
      text: 'Қазақстан Республикасындағы муниципалдық полиция',
    });
  });

  it('refuses an invalid transition and writes nothing at all', async () => {
    const db = await demoDb();
    const [unit] = await listUnits(db, DEMO_DOCUMENT_ID, 0, 1);
    if (!unit) throw new Error('no unit');
    const target = { unitId: unit.id, documentId: DEMO_DOCUMENT_ID, lang: 'kk' };
    const outcome = await applyAction(db, target, { type: 'approve' }, 'a', 1);
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'invalidTransition', from: 'new', action: 'approve' },
    });
    expect(await listRenderings(db, DEMO_DOCUMENT_ID, 'kk')).toEqual([]);
    expect(await listRevisions(db, renderingId(unit.id, 'kk'))).toEqual([]);
  });

  it('keeps an approval atomic: when its revision cannot be written, the rendering is not changed either', async () => {
    const db = await demoDb();
    const [unit] = await listUnits(db, DEMO_DOCUMENT_ID, 0, 1);
    if (!unit) throw new Error('no unit');
    const id = renderingId(unit.id, 'en');
    // A stray row already holding the key of the next revision: history is never overwritten, so the write fails.
    await db.put('revisions', { ...(await listRevisions(db, id))[0]!, id: `${id}#2` as never, number: 99 });
    const outcome = applyAction(
      db,
      { unitId: unit.id, documentId: DEMO_DOCUMENT_ID, lang: 'en' },
      { type: 'approve' },
      'a',
      1,
    );
    await expect(outcome).rejects.toThrow();
    const rendering = (await listRenderings(db, DEMO_DOCUMENT_ID, 'en')).find((r) => r.unitId === unit.id);
    expect(rendering).toMatchObject({
      state: 'mt',
      revision: 1,
      text: 'Municipal police in the Republic of Kazakhstan',
    });
  });
});

describe('bulk import', () => {
  it('writes a document larger than one chunk and lists it only when complete', async () => {
    const db = await freshDb();
    const text = Array.from({ length: CHUNK_SIZE + 500 }, (_, i) => `Sentence number ${i} ends here.`).join(
      '\n',
    );
    const built = buildDocument({
      projectId: projectId('p1'),
      name: 'big',
      text,
      lang: 'en',
      role: 'mt',
      now: 1,
    });
    const progress: number[] = [];
    await importDocument(db, {
      document: built.document,
      units: built.units,
      author: 't',
      now: 1,
      onProgress: (d) => progress.push(d),
    });
    expect((await listUnits(db, built.document.id)).length).toBe(CHUNK_SIZE + 500);
    expect(progress.length).toBeGreaterThan(2);
    expect(await listDocuments(db, 'p1')).toHaveLength(1);
  });

  it('removes what it wrote when a later chunk fails: nothing stays half-imported', async () => {
    const db = await freshDb();
    const text = Array.from({ length: CHUNK_SIZE + 10 }, (_, i) => `Sentence ${i}.`).join('\n');
    const built = buildDocument({
      projectId: projectId('p2'),
      name: 'broken',
      text,
      lang: 'en',
      role: 'mt',
      now: 1,
    });
    // The last unit cannot be stored (its key is not a valid IndexedDB key), so the second chunk fails.
    const units = [
      ...built.units.slice(0, -1),
      { ...built.units.at(-1), id: undefined } as unknown as (typeof built.units)[number],
    ];
    await expect(
      importDocument(db, { document: built.document, units, author: 't', now: 1 }),
    ).rejects.toThrow();
    expect(await listUnits(db, built.document.id)).toEqual([]);
    expect(await listDocuments(db, 'p2')).toEqual([]);
  });
});

describe('deleting a document', () => {
  it('removes its units, renderings, revisions, comments and annotations, and nothing of other documents', async () => {
    const db = await demoDb();
    const [unit] = await listUnits(db, DEMO_DOCUMENT_ID, 0, 1);
    if (!unit) throw new Error('no unit');
    await addComment(db, { documentId: DEMO_DOCUMENT_ID, unitId: unit.id, author: 'a', text: 'why?', at: 1 });
    const annotation = await addAnnotation(db, {
      documentId: DEMO_DOCUMENT_ID,
      unitId: unit.id,
      lang: 'en',
      start: 0,
      end: 9,
      category: 'accuracy/mistranslation',
      severity: 'minor',
      author: 'a',
      at: 1,
    });
    expect(annotation.ok).toBe(true);
    await deleteDocumentRows(db, DEMO_DOCUMENT_ID);
    expect(await listUnits(db, DEMO_DOCUMENT_ID)).toEqual([]);
    expect(await listRenderings(db, DEMO_DOCUMENT_ID, 'en')).toEqual([]);
    expect(await db.getAllFromIndex('revisions', 'byDocument', DEMO_DOCUMENT_ID)).toEqual([]);
    expect(await listDocumentComments(db, DEMO_DOCUMENT_ID)).toEqual([]);
    expect(await listDocumentAnnotations(db, DEMO_DOCUMENT_ID)).toEqual([]);
    expect(await listEntries(db, DEMO_PROJECT_ID)).toHaveLength(7);
  });
});

describe('schema upgrade', () => {
  it.each([1, 2, 3, 4, 5])(
    `opens a version-%i database as version ${DB_VERSION} with its data intact and the new stores usable`,
    async (version) => {
      const name = `upgrade-${version}-${Date.now()}`;
      const old = await openDB(name, version, { upgrade: (db, from) => upgrade(db as never, from, version) });
      expect([...old.objectStoreNames]).toContain('revisions');
      if (version < 5) expect([...old.objectStoreNames]).not.toContain('memory');
      expect([...old.objectStoreNames]).not.toContain('outbox');
      if (version < 4) expect([...old.objectStoreNames]).not.toContain('pending');
      await old.put('projects', {
        id: 'p-old',
        name: 'Old project',
        sourceLang: 'ru',
        targetLangs: ['en'],
        createdAt: 1,
      });
      if (version >= 2) await old.put('settings', { key: 'k', value: version });
      if (version >= 3)
        await old.put('comments', {
          id: 'c',
          documentId: 'd',
          unitId: 'd:u',
          author: 'a',
          at: 1,
          text: 'kept',
          open: 1,
        });
      old.close();
      const db = await openAudarmaDb(name);
      expect(db.version).toBe(DB_VERSION);
      expect(await db.get('projects', 'p-old')).toMatchObject({ name: 'Old project' });
      if (version >= 2) expect(await db.get('settings', 'k')).toEqual({ key: 'k', value: version });
      if (version >= 3) expect(await db.get('comments', 'c')).toMatchObject({ text: 'kept' });
      expect([...db.objectStoreNames]).toEqual(
        expect.arrayContaining([
          'terms',
          'settings',
          'dismissals',
          'termHistory',
          'comments',
          'annotations',
          'pending',
          'memory',
          'outbox',
          'shares',
        ]),
      );
      await db.put('pending', {
        id: 'x',
        kind: 'import',
        name: 'n',
        startedAt: 1,
        documents: [],
        entries: [],
      });
      expect(await db.count('pending')).toBe(1);
    },
  );
});
