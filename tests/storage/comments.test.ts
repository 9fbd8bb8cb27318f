import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openAudarmaDb, type AudarmaDb } from '../../src/storage/db.ts';
import {
  addComment,
  deleteComment,
  listDocumentComments,
  listOpenComments,
  listUnitComments,
  MAX_COMMENT_LENGTH,
  reopenThread,
  resolveThread,
  type NewComment,
} from '../../src/storage/comments.ts';
import { documentId, unitId } from '../../src/core/model/ids.ts';

let counter = 0;
const freshDb = (): Promise<AudarmaDb> => openAudarmaDb(`comments-${Date.now()}-${counter++}`);
const doc = documentId('d1');
const u1 = unitId('d1:u1');
const u2 = unitId('d1:u2');
const comment = (over: Partial<NewComment>): NewComment => ({
  documentId: doc,
  unitId: u1,
  author: 'aigerim',
  text: 'Is «аким» a term here?',
  at: 1000,
  ...over,
});

describe('comments', () => {
  it('keeps a thread per unit in time order and lists open comments per document', async () => {
    const db = await freshDb();
    await addComment(db, comment({ at: 3000, text: 'Yes, see the glossary.', author: 'dana' }));
    await addComment(db, comment({ at: 1000, lang: 'kk' }));
    await addComment(db, comment({ unitId: u2, at: 2000, text: 'Date format?' }));
    await addComment(db, comment({ documentId: documentId('d2'), unitId: unitId('d2:u1') }));
    const thread = await listUnitComments(db, u1);
    expect(thread.map((c) => [c.author, c.text, c.lang])).toEqual([
      ['aigerim', 'Is «аким» a term here?', 'kk'],
      ['dana', 'Yes, see the glossary.', undefined],
    ]);
    expect(thread.every((c) => c.open === 1)).toBe(true);
    expect((await listOpenComments(db, doc)).map((c) => c.text)).toEqual([
      'Is «аким» a term here?',
      'Date format?',
      'Yes, see the glossary.',
    ]);
  });

  it('resolves a whole thread at once and reopens it', async () => {
    const db = await freshDb();
    await addComment(db, comment({ at: 1000 }));
    await addComment(db, comment({ at: 2000 }));
    await addComment(db, comment({ unitId: u2, at: 1500 }));
    expect(await resolveThread(db, u1, 'dana', 5000)).toBe(2);
    expect((await listUnitComments(db, u1)).map((c) => [c.open, c.resolvedBy, c.resolvedAt])).toEqual([
      [0, 'dana', 5000],
      [0, 'dana', 5000],
    ]);
    expect((await listOpenComments(db, doc)).map((c) => c.unitId)).toEqual([u2]);
    expect(await listDocumentComments(db, doc)).toHaveLength(3);
    expect(await resolveThread(db, u1, 'dana', 6000)).toBe(0);
    expect(await reopenThread(db, u1)).toBe(2);
    const reopened = await listUnitComments(db, u1);
    expect(reopened.map((c) => c.open)).toEqual([1, 1]);
    expect(reopened.some((c) => 'resolvedBy' in c)).toBe(false);
  });

  it('a new comment on a resolved thread is open', async () => {
    const db = await freshDb();
    await addComment(db, comment({ at: 1000 }));
    await resolveThread(db, u1, 'dana', 2000);
    await addComment(db, comment({ at: 3000, text: 'Reopening: the date is wrong.' }));
    expect((await listOpenComments(db, doc)).map((c) => c.text)).toEqual(['Reopening: the date is wrong.']);
  });

  it('refuses empty and overlong text, saying which unit', async () => {
    const db = await freshDb();
    const empty = await addComment(db, comment({ text: '   ' }));
    expect(!empty.ok && empty.error.message).toBe('comment on unit d1:u1: the text is empty');
    const long = await addComment(db, comment({ text: 'x'.repeat(MAX_COMMENT_LENGTH + 1) }));
    expect(!long.ok && long.error.message).toMatch(/5001 characters, at most 5000/);
    expect(await listDocumentComments(db, doc)).toEqual([]);
  });

  it('deletes one comment', async () => {
    const db = await freshDb();
    const added = await addComment(db, comment({ id: 'c1' }));
    expect(added.ok).toBe(true);
    await deleteComment(db, 'c1');
    expect(await listUnitComments(db, u1)).toEqual([]);
  });
});
