import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openAudarmaDb, type AudarmaDb } from '../../src/storage/db.ts';
import { ensureDemoProject } from '../../src/storage/demo.ts';
import { listDocuments, listUnits } from '../../src/storage/documents.ts';
import { listRenderings, listRevisions } from '../../src/storage/renderings.ts';
import { importDocumentRows } from '../../src/storage/importDocumentRows.ts';
import { demoProject, DEMO_PROJECT_ID } from '../../src/core/demo/project.ts';
import { parseImport } from '../../src/worker/jobs/parseImport.ts';

const demo = readFileSync(
  new URL('../../src/demo/municipal-police-kazakhstan.en.txt', import.meta.url),
  'utf8',
);
let counter = 0;

async function demoDb(): Promise<AudarmaDb> {
  const db = await openAudarmaDb(`import-${Date.now()}-${counter++}`);
  await ensureDemoProject(db, demo, 'tester', 1000);
  return db;
}

function planned() {
  const csv = 'id,ru,en,kk\n1,Один.,One.,Бір.\n2,Два.,,Екі.\n';
  const out = parseImport(
    {
      fileName: 'n.csv',
      bytes: new TextEncoder().encode(csv),
      project: demoProject(1),
      author: 'a',
      now: 5,
      documentId: 'csvdoc',
    },
    () => undefined,
  );
  if (out.kind !== 'document') throw new Error('not a document');
  return out.rows;
}

describe('importing a planned document', () => {
  it('adds the document with its units, renderings and import revisions', async () => {
    const db = await demoDb();
    await importDocumentRows(db, planned());
    expect((await listDocuments(db, DEMO_PROJECT_ID)).map((d) => d.name).sort()).toEqual([
      'municipal-police-kazakhstan.en.txt',
      'n.csv',
    ]);
    expect((await listUnits(db, 'csvdoc')).map((u) => u.source)).toEqual(['Один.', 'Два.']);
    const kk = await listRenderings(db, 'csvdoc', 'kk');
    expect(kk.map((r) => r.text)).toEqual(['Бір.', 'Екі.']);
    expect((await listRevisions(db, kk[0]?.id ?? '')).map((v) => v.action)).toEqual(['import']);
  });

  it('refuses a second import of the same document and leaves the first intact', async () => {
    const db = await demoDb();
    await importDocumentRows(db, planned());
    await expect(importDocumentRows(db, planned())).rejects.toThrow('already in storage');
    expect(await listUnits(db, 'csvdoc')).toHaveLength(2);
  });

  it('removes what it wrote when a later transaction fails', async () => {
    const db = await demoDb();
    const rows = planned();
    // A comment whose id is taken makes the comments chunk fail after units and renderings are in.
    const broken = {
      ...rows,
      comments: [
        {
          id: 'dup',
          documentId: rows.document.id,
          unitId: rows.units[0]!.id,
          author: 'a',
          at: 1,
          text: 'x',
          open: 1 as const,
        },
        {
          id: 'dup',
          documentId: rows.document.id,
          unitId: rows.units[0]!.id,
          author: 'a',
          at: 1,
          text: 'y',
          open: 1 as const,
        },
      ],
    };
    await expect(importDocumentRows(db, broken)).rejects.toThrow();
    expect(await listUnits(db, 'csvdoc')).toEqual([]);
    expect(await listRenderings(db, 'csvdoc', 'kk')).toEqual([]);
    expect(await db.count('comments')).toBe(0);
    expect(await listDocuments(db, DEMO_PROJECT_ID)).toHaveLength(1);
  });
});
