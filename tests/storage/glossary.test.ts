import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openAudarmaDb, type AudarmaDb } from '../../src/storage/db.ts';
import {
  deleteEntries,
  listDismissedCandidates,
  listEntryHistory,
  saveEntry,
  setCandidatesDismissed,
  revertStep,
  setStatusBulk,
  writeGlossary,
} from '../../src/storage/glossary.ts';
import { stepOf } from '../../src/core/glossary/revertEntries.ts';
import { listEntries, putEntries } from '../../src/storage/terms.ts';
import { changeTermStatus } from '../../src/core/glossary/status.ts';
import { renameTerm } from '../../src/core/glossary/editEntry.ts';
import { entryId, projectId } from '../../src/core/model/ids.ts';
import type { TermEntry } from '../../src/core/model/term.ts';

const PROJECT = projectId('p1');
let counter = 0;
const dbName = () => `glossary-${Date.now()}-${counter++}`;

function entry(key: string, terms: [string, string, TermEntry['terms'][number]['status']][]): TermEntry {
  return {
    id: entryId(key),
    projectId: PROJECT,
    terms: terms.map(([lang, text, status]) => ({ lang, text, status })),
    createdAt: 1,
    updatedAt: 1,
  };
}

const akim = entry('akim', [
  ['en', 'Akim', 'proposed'],
  ['ru', 'аким', 'proposed'],
]);
const lps = entry('lps', [
  ['en', 'LPS', 'forbidden'],
  ['ru', 'МПС', 'approved'],
]);

async function seeded(): Promise<AudarmaDb> {
  const db = await openAudarmaDb(dbName());
  await putEntries(db, [akim, lps]);
  return db;
}

const statusOf = (entries: TermEntry[], id: string, text: string) =>
  entries.find((e) => e.id === id)?.terms.find((t) => t.text === text)?.status;

describe('glossary storage', () => {
  it('writes an edited entry and its history record in one transaction over both stores', async () => {
    const db = await seeded();
    const edit = changeTermStatus(akim, { lang: 'en', text: 'Akim' }, 'approved', 'dana', 50);
    if (!edit.ok) throw new Error(edit.error.message);
    const spy = vi.spyOn(db, 'transaction');
    await saveEntry(db, edit.value.entry, [edit.value.change]);
    expect(spy.mock.calls.map((c) => c[0])).toEqual([['terms', 'termHistory', 'shares', 'outbox']]);
    spy.mockRestore();
    expect(statusOf(await listEntries(db, PROJECT), 'akim', 'Akim')).toBe('approved');
    const history = await listEntryHistory(db, 'akim');
    expect(history.map((h) => [h.change, h.lang, h.term, h.before, h.after, h.by, h.at])).toEqual([
      ['status', 'en', 'Akim', 'proposed', 'approved', 'dana', 50],
    ]);
  });

  it('writes nothing when one record of the batch fails: the entry keeps its old text', async () => {
    const db = await seeded();
    const edit = renameTerm(akim, { lang: 'en', text: 'Akim' }, 'Akimm', 'dana', 60);
    if (!edit.ok) throw new Error(edit.error.message);
    const broken = { ...edit.value.change, before: (() => 'x') as unknown as string };
    await expect(saveEntry(db, edit.value.entry, [broken])).rejects.toThrow();
    const entries = await listEntries(db, PROJECT);
    expect(entries.find((e) => e.id === 'akim')?.terms.map((t) => t.text)).toEqual(['Akim', 'аким']);
    expect(await listEntryHistory(db, 'akim')).toEqual([]);
  });

  it('changes statuses in bulk, one history record per changed term, refusing forbidden → approved without a reason', async () => {
    const db = await seeded();
    const outcome = await setStatusBulk(db, ['akim', 'lps'], 'approved', 'dana', 70);
    expect(outcome.changed).toBe(2);
    expect(outcome.unchanged).toBe(1);
    expect(outcome.refused).toEqual([
      { entryId: 'lps', term: 'LPS', lang: 'en', key: 'glossary.statusChange.needsReason' },
    ]);
    expect(outcome.before.map((e) => e.id)).toEqual(['akim']);
    const entries = await listEntries(db, PROJECT);
    expect(statusOf(entries, 'akim', 'Akim')).toBe('approved');
    expect(statusOf(entries, 'akim', 'аким')).toBe('approved');
    expect(statusOf(entries, 'lps', 'LPS')).toBe('forbidden');
    expect(entries.find((e) => e.id === 'akim')?.terms[0]).toMatchObject({ setBy: 'dana', setAt: 70 });
    expect((await listEntryHistory(db, 'akim')).map((h) => h.term)).toEqual(['Akim', 'аким']);
    expect(await listEntryHistory(db, 'lps')).toEqual([]);
  });

  it('limits a bulk change to one language when asked', async () => {
    const db = await seeded();
    const outcome = await setStatusBulk(db, ['akim'], 'forbidden', 'dana', 80, { lang: 'ru' });
    expect(outcome.changed).toBe(1);
    const entries = await listEntries(db, PROJECT);
    expect(statusOf(entries, 'akim', 'аким')).toBe('forbidden');
    expect(statusOf(entries, 'akim', 'Akim')).toBe('proposed');
  });

  it('deletes entries and keeps their history, closed by a deletion record', async () => {
    const db = await seeded();
    await setStatusBulk(db, ['akim'], 'approved', 'dana', 90);
    await deleteEntries(db, [akim], 'dana', 100);
    expect((await listEntries(db, PROJECT)).map((e) => e.id)).toEqual(['lps']);
    const history = await listEntryHistory(db, 'akim');
    expect(history.map((h) => h.change)).toEqual(['status', 'status', 'deleted']);
    expect(history.at(-1)?.before).toBe('Akim (en), аким (ru)');
  });

  it('writes imported entries together with their import records', async () => {
    const db = await seeded();
    const fresh = entry('new-1', [['en', 'Maslikhat', 'approved']]);
    await writeGlossary(db, {
      put: [fresh],
      history: [{ entryId: fresh.id, at: 5, by: 'dana', field: 'imported', before: null, after: 'g.tbx' }],
    });
    expect((await listEntries(db, PROJECT)).map((e) => e.id).sort()).toEqual(['akim', 'lps', 'new-1']);
    expect((await listEntryHistory(db, 'new-1')).map((h) => [h.change, h.before, h.after])).toEqual([
      ['imported', null, 'g.tbx'],
    ]);
  });

  it('keeps dismissed candidates per project across a reopen, and restores them', async () => {
    const name = dbName();
    const db = await openAudarmaDb(name);
    await setCandidatesDismissed(db, 'p1', ['en:republic of kazakhstan', 'en:rk']);
    await setCandidatesDismissed(db, 'p2', ['en:other']);
    db.close();
    const again = await openAudarmaDb(name);
    expect(await listDismissedCandidates(again, 'p1')).toEqual(['en:republic of kazakhstan', 'en:rk']);
    expect(await setCandidatesDismissed(again, 'p1', ['en:rk'], false)).toEqual([
      'en:republic of kazakhstan',
    ]);
    expect(await listDismissedCandidates(again, 'p2')).toEqual(['en:other']);
  });

  it('lifts a ban in one step when a reason is given, and records the reason', async () => {
    const db = await seeded();
    const outcome = await setStatusBulk(db, ['lps'], 'approved', 'dana', 75, { reason: 'ministry order 12' });
    expect([outcome.changed, outcome.refused]).toEqual([1, []]);
    expect(statusOf(await listEntries(db, PROJECT), 'lps', 'LPS')).toBe('approved');
    expect((await listEntryHistory(db, 'lps')).map((h) => [h.before, h.after, h.reason])).toEqual([
      ['forbidden', 'approved', 'ministry order 12'],
    ]);
  });

  it('changes only the terms named', async () => {
    const db = await seeded();
    await setStatusBulk(db, ['akim'], 'forbidden', 'dana', 76, { terms: [{ lang: 'en', text: 'Akim' }] });
    const entries = await listEntries(db, PROJECT);
    expect([statusOf(entries, 'akim', 'Akim'), statusOf(entries, 'akim', 'аким')]).toEqual([
      'forbidden',
      'proposed',
    ]);
  });

  it('undoes and redoes a bulk status change, each with history records', async () => {
    const db = await seeded();
    const outcome = await setStatusBulk(db, ['akim', 'lps'], 'forbidden', 'dana', 70, { reason: 'wrong' });
    const step = stepOf('glossary.undo.status', outcome.before, outcome.after);
    const undone = await revertStep(db, step, 'undo', 'erlan', 80);
    expect(undone.ok).toBe(true);
    let entries = await listEntries(db, PROJECT);
    expect(entries.find((e) => e.id === 'akim')?.terms.map((t) => t.status)).toEqual([
      'proposed',
      'proposed',
    ]);
    expect(entries.find((e) => e.id === 'akim')?.terms[0]).toMatchObject({ setBy: 'erlan', setAt: 80 });
    expect(statusOf(entries, 'lps', 'МПС')).toBe('approved');
    expect(
      (await listEntryHistory(db, 'akim')).map((h) => [h.by, h.before, h.after, h.reason ?? '']),
    ).toEqual([
      ['dana', 'proposed', 'forbidden', 'wrong'],
      ['dana', 'proposed', 'forbidden', 'wrong'],
      ['erlan', 'forbidden', 'proposed', 'undo'],
      ['erlan', 'forbidden', 'proposed', 'undo'],
    ]);
    const redone = await revertStep(db, step, 'redo', 'erlan', 90);
    expect(redone.ok).toBe(true);
    entries = await listEntries(db, PROJECT);
    expect(statusOf(entries, 'akim', 'аким')).toBe('forbidden');
  });

  it('refuses to undo over a later change, writing nothing', async () => {
    const db = await seeded();
    const outcome = await setStatusBulk(db, ['akim'], 'approved', 'dana', 70);
    await setStatusBulk(db, ['akim'], 'forbidden', 'erlan', 75, { lang: 'ru', reason: 'calque' });
    const result = await revertStep(db, stepOf('x', outcome.before, outcome.after), 'undo', 'dana', 80);
    expect(result.ok || result.error.key).toBe('glossary.undo.changedSince');
    expect(statusOf(await listEntries(db, PROJECT), 'akim', 'Akim')).toBe('approved');
    expect((await listEntryHistory(db, 'akim')).length).toBe(3);
  });

  it('undoes a deletion by restoring the entry, and an addition by deleting it', async () => {
    const db = await seeded();
    await deleteEntries(db, [akim], 'dana', 100);
    const undone = await revertStep(db, stepOf('glossary.undo.delete', [akim], []), 'undo', 'dana', 110);
    expect(undone.ok).toBe(true);
    expect((await listEntries(db, PROJECT)).map((e) => e.id).sort()).toEqual(['akim', 'lps']);
    expect((await listEntryHistory(db, 'akim')).map((h) => h.change)).toEqual(['deleted', 'restored']);
    const added = entry('new-2', [['en', 'Oblast', 'proposed']]);
    await saveEntry(db, added, []);
    await revertStep(db, stepOf('glossary.undo.add', [], [added]), 'undo', 'dana', 120);
    expect((await listEntries(db, PROJECT)).map((e) => e.id).sort()).toEqual(['akim', 'lps']);
  });
});
