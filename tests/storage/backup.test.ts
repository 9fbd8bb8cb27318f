import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openAudarmaDb, type AudarmaDb } from '../../src/storage/db.ts';
import { ensureDemoProject } from '../../src/storage/demo.ts';
import { listDocuments, listUnits } from '../../src/storage/documents.ts';
import { applyActions } from '../../src/storage/renderings.ts';
import {
  deleteDocumentCompletely,
  readProjectBundle,
  restoreProjectBundle,
} from '../../src/storage/backup.ts';
import { importDocument } from '../../src/storage/documents.ts';
import { buildDocument } from '../../src/core/model/document.ts';
import { documentId } from '../../src/core/model/ids.ts';
import { parseBundle, rekeyBundle, serialiseBundle } from '../../src/core/formats/backup.ts';
import { DEMO_DOCUMENT_ID, DEMO_PROJECT_ID } from '../../src/core/demo/project.ts';
import { renderingId } from '../../src/core/model/ids.ts';
import { canonicalBundle } from './snapshot.ts';

const demo = readFileSync(
  new URL('../../src/demo/municipal-police-kazakhstan.en.txt', import.meta.url),
  'utf8',
);
let counter = 0;
const freshDb = () => openAudarmaDb(`backup-${Date.now()}-${counter++}`);

/** The demo project with some of everything a backup must carry. */
async function busyDb(): Promise<AudarmaDb> {
  const db = await freshDb();
  await ensureDemoProject(db, demo, 'tester', 1000);
  const [u1, u2] = await listUnits(db, DEMO_DOCUMENT_ID, 0, 2);
  if (!u1 || !u2) throw new Error('demo has no units');
  const target = (u: typeof u1, lang: string) => ({ unitId: u.id, documentId: u.documentId, lang });
  await applyActions(
    db,
    target(u1, 'en'),
    [{ type: 'edit', text: 'Edited.' }, { type: 'approve' }],
    'ann',
    2000,
  );
  await applyActions(db, target(u2, 'kk'), [{ type: 'edit', text: 'Мәтін.' }], 'ann', 2100);
  await applyActions(db, target(u2, 'en'), [{ type: 'reject', reason: 'calque' }], 'bob', 2200);
  await db.put('comments', {
    id: 'c1',
    documentId: u1.documentId,
    unitId: u1.id,
    lang: 'en',
    author: 'ann',
    at: 2300,
    text: 'Check the term',
    open: 1,
  });
  await db.put('annotations', {
    id: 'a1',
    documentId: u2.documentId,
    unitId: u2.id,
    lang: 'en',
    start: 0,
    end: 2,
    quote: 'To',
    category: 'accuracy/mistranslation',
    severity: 'major',
    author: 'bob',
    at: 2400,
  });
  await db.put('dismissals', {
    id: `${renderingId(u1.id, 'en')}|numbers:1`,
    renderingId: renderingId(u1.id, 'en'),
    documentId: u1.documentId,
    issueKey: 'numbers:1',
    by: 'ann',
    at: 2500,
  });
  const [entry] = await db.getAllFromIndex('terms', 'byProject', DEMO_PROJECT_ID);
  if (!entry) throw new Error('demo has no glossary');
  await db.add('termHistory', {
    entryId: entry.id,
    at: 2600,
    by: 'ann',
    change: 'status',
    before: 'proposed',
    after: 'approved',
  });
  await db.put('settings', { key: 'checks.numbers', value: { on: true, severity: 'major' } });
  await db.put('memory', {
    id: 'tmx:shared.tmx:1',
    memoryId: 'tmx:shared.tmx',
    sourceLang: 'ru',
    targetLang: 'en',
    source: 'Статья 10',
    target: 'Article 10',
    sourceContent: ['Статья ', { kind: 'standalone', format: 'tmx', element: 'ph', attributes: [] }, '10'],
    createdBy: 'ann',
    createdAt: 2700,
    updatedBy: 'bob',
    updatedAt: 2800,
  });
  return db;
}

describe('project backup in storage', () => {
  it('backs up, restores into an empty database and backs up again to the same bundle', async () => {
    const db = await busyDb();
    const bundle = await readProjectBundle(db, DEMO_PROJECT_ID, 3000);
    expect(bundle.comments).toHaveLength(1);
    expect(bundle.annotations).toHaveLength(1);
    expect(bundle.dismissals).toHaveLength(1);
    expect(bundle.termHistory).toHaveLength(1);
    expect(bundle.revisions.filter((r) => r.action !== 'import')).toHaveLength(4);
    // The approval's own entry and the imported memory's.
    expect(bundle.memory.map((m) => m.memoryId).sort()).toEqual([DEMO_PROJECT_ID, 'tmx:shared.tmx']);
    const parsed = parseBundle(serialiseBundle(bundle));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const empty = await freshDb();
    const progress: number[] = [];
    await restoreProjectBundle(empty, parsed.value, 'new', (done, total) => progress.push(done / total));
    expect(progress.at(-1)).toBe(1);
    const again = await readProjectBundle(empty, DEMO_PROJECT_ID, 3000);
    expect(again).toEqual(bundle);
    expect(serialiseBundle(again)).toBe(serialiseBundle(bundle));
  });

  it('replace: a restore over the same project gives back the state of the backup', async () => {
    const db = await busyDb();
    const bundle = await readProjectBundle(db, DEMO_PROJECT_ID, 3000);
    const [u1] = await listUnits(db, DEMO_DOCUMENT_ID, 0, 1);
    if (!u1) throw new Error('no unit');
    await applyActions(
      db,
      { unitId: u1.id, documentId: u1.documentId, lang: 'kk' },
      [{ type: 'edit', text: 'Кейін.' }],
      'x',
      4000,
    );
    await db.put('comments', {
      id: 'c2',
      documentId: u1.documentId,
      unitId: u1.id,
      author: 'x',
      at: 4000,
      text: 'later',
      open: 1,
    });
    const units = await db.count('units');
    await restoreProjectBundle(db, bundle, 'replace');
    // The documents are stored under new ids (the old rows stay until the new ones are listed); content is equal.
    const after = await readProjectBundle(db, DEMO_PROJECT_ID, 3000);
    expect(canonicalBundle(after)).toEqual(canonicalBundle(bundle));
    expect(after.project).toEqual(bundle.project);
    // Nothing of the replaced documents is left.
    expect(await db.count('units')).toBe(units);
    expect(await db.count('comments')).toBe(1);
    expect(await db.count('termHistory')).toBe(1);
    expect(await db.getAll('pending')).toEqual([]);
    // The project's memory is the backup's again: one approval, one imported entry, nothing of the old ids.
    expect(await db.count('memory')).toBe(2);
  });

  it('keep both: a rekeyed copy lands next to the original, which stays as it was', async () => {
    const db = await busyDb();
    const bundle = await readProjectBundle(db, DEMO_PROJECT_ID, 3000);
    const copy = rekeyBundle(bundle, { name: 'Copy' });
    await restoreProjectBundle(db, copy, 'new');
    expect((await db.getAll('projects')).map((p) => p.name).sort()).toEqual([
      'Copy',
      'Municipal police in the Republic of Kazakhstan',
    ]);
    expect(await readProjectBundle(db, DEMO_PROJECT_ID, 3000)).toEqual(bundle);
    const restored = await readProjectBundle(db, copy.project.id, 3000);
    expect(restored.units.map((u) => u.source)).toEqual(bundle.units.map((u) => u.source));
    expect(restored.renderings).toHaveLength(bundle.renderings.length);
    expect(restored.termHistory).toHaveLength(1);
    // The copy has the approval's memory entry under its own ids; the imported memory is one, shared.
    const own = restored.memory.filter((m) => m.memoryId === copy.project.id);
    expect(own.map((m) => m.target)).toEqual(['Edited.']);
    expect(own[0]?.unitId).toBe(restored.units[0]?.id);
    expect(await db.count('memory')).toBe(3);
    // Both histories are there: the copy's row got a key of its own.
    expect(await db.count('termHistory')).toBe(2);
  });

  it('refuses to write a project that exists under "new"', async () => {
    const db = await busyDb();
    const bundle = await readProjectBundle(db, DEMO_PROJECT_ID, 3000);
    await expect(restoreProjectBundle(db, bundle, 'new')).rejects.toThrow('already in storage');
  });

  it('a failure part-way leaves nothing behind, and a failed replace puts the old project back', async () => {
    const db = await busyDb();
    const bundle = await readProjectBundle(db, DEMO_PROJECT_ID, 3000);
    const failing = (real: AudarmaDb, after: number): AudarmaDb => {
      let calls = 0;
      return new Proxy(real, {
        get(target, key) {
          if (key === 'transaction')
            return (...args: Parameters<AudarmaDb['transaction']>) => {
              calls += 1;
              if (calls === after) throw new DOMException('disk full', 'QuotaExceededError');
              return target.transaction(...args);
            };
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    };
    const empty = await freshDb();
    await expect(restoreProjectBundle(failing(empty, 3), bundle, 'new')).rejects.toMatchObject({
      failure: 'quota',
    });
    for (const store of [
      'projects',
      'documents',
      'units',
      'renderings',
      'revisions',
      'terms',
      'termHistory',
    ] as const)
      expect(await empty.count(store)).toBe(0);
    const changed = rekeyBundle(bundle, { name: 'Other' });
    const sameId = { ...changed, project: { ...changed.project, id: bundle.project.id } };
    const replacement = {
      ...sameId,
      documents: sameId.documents.map((d) => ({ ...d, projectId: bundle.project.id })),
      terms: sameId.terms.map((t) => ({ ...t, projectId: bundle.project.id })),
    };
    await expect(restoreProjectBundle(failing(db, 6), replacement, 'replace')).rejects.toThrow('disk full');
    expect(await readProjectBundle(db, DEMO_PROJECT_ID, 3000)).toEqual(bundle);
    expect(await listDocuments(db, DEMO_PROJECT_ID)).toHaveLength(1);
  });

  it('replaces a project whose document ids share a prefix, leaving no row of the old ones', async () => {
    const db = await busyDb();
    const text = Array.from({ length: 300 }, (_, i) => `Предложение ${i}.`).join(' ');
    for (const id of ['big', 'big:2']) {
      const built = buildDocument({
        projectId: DEMO_PROJECT_ID,
        name: id,
        text,
        lang: 'ru',
        role: 'source',
        now: 1,
        id: documentId(id),
      });
      await importDocument(db, { document: built.document, units: built.units, author: 'a', now: 1 });
    }
    const bundle = await readProjectBundle(db, DEMO_PROJECT_ID, 3000);
    const before = { units: await db.count('units'), revisions: await db.count('revisions') };
    await restoreProjectBundle(db, bundle, 'replace');
    expect(canonicalBundle(await readProjectBundle(db, DEMO_PROJECT_ID, 3000))).toEqual(
      canonicalBundle(bundle),
    );
    expect({ units: await db.count('units'), revisions: await db.count('revisions') }).toEqual(before);
    expect(await listUnits(db, 'big')).toEqual([]);
    expect(await listUnits(db, 'big:2')).toEqual([]);
  });

  it('deletes large documents by id range without touching a document whose id shares the prefix', async () => {
    const db = await busyDb();
    const text = Array.from({ length: 300 }, (_, i) => `Предложение ${i}.`).join(' ');
    for (const id of ['big', 'big:2']) {
      const built = buildDocument({
        projectId: DEMO_PROJECT_ID,
        name: id,
        text,
        lang: 'ru',
        role: 'source',
        now: 1,
        id: documentId(id),
      });
      await importDocument(db, { document: built.document, units: built.units, author: 'a', now: 1 });
    }
    // "big:2:" holds only its own rows: one range deletion; "big:" holds both documents: key by key.
    await deleteDocumentCompletely(db, 'big:2');
    expect(await listUnits(db, 'big:2')).toEqual([]);
    expect(await listUnits(db, 'big')).toHaveLength(300);
    await deleteDocumentCompletely(db, 'big');
    expect(await listUnits(db, 'big')).toEqual([]);
    expect(await db.count('units')).toBe(75);
  });
});
