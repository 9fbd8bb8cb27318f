import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openAudarmaDb } from '../../src/storage/db.ts';
import { ensureDemoProject } from '../../src/storage/demo.ts';
import { listUnits } from '../../src/storage/documents.ts';
import { applyActions, applyBulk, listRevisions, listUnitRenderings } from '../../src/storage/renderings.ts';
import { loadSyncState, saveSyncState, shareLocally } from '../../src/storage/outbox.ts';
import { applyPulled } from '../../src/storage/pulled.ts';
import { setStatusBulk } from '../../src/storage/glossary.ts';
import { listEntries } from '../../src/storage/terms.ts';
import { addComment, resolveThread } from '../../src/storage/comments.ts';
import { addAnnotation } from '../../src/storage/annotations.ts';
import { dismissIssue } from '../../src/storage/dismissals.ts';
import { updateCheckSettings } from '../../src/storage/checkSettings.ts';
import { DEMO_DOCUMENT_ID, DEMO_PROJECT_ID } from '../../src/core/demo/project.ts';
import { renderingId } from '../../src/core/model/ids.ts';
import type { QueuedChange, RenderingChange, ServerChange } from '../../src/sync/protocol.ts';

const asRendering = (c: QueuedChange) => c as RenderingChange;

const demo = readFileSync(
  new URL('../../src/demo/municipal-police-kazakhstan.en.txt', import.meta.url),
  'utf8',
);
let counter = 0;

async function demoDb(shared: boolean) {
  const db = await openAudarmaDb(`outbox-${Date.now()}-${counter++}`);
  await ensureDemoProject(db, demo, 'MT', 1000);
  if (shared) await shareLocally(db, DEMO_PROJECT_ID, 'http://127.0.0.1:1', 'aigul');
  const units = await listUnits(db, DEMO_DOCUMENT_ID, 1, 4);
  const target = (i: number) => ({ unitId: units[i]!.id, documentId: DEMO_DOCUMENT_ID, lang: 'en' });
  return { db, units, target };
}

const pulled = (over: Partial<ServerChange> & { unitId: string; seq: number }): ServerChange =>
  ({
    id: `other-${over.seq}`,
    kind: 'rendering',
    base: null,
    documentId: DEMO_DOCUMENT_ID,
    lang: 'en',
    action: 'approve',
    text: 'Go to contents',
    state: 'approved',
    author: 'bolat',
    at: 5000,
    supersedes: null,
    ...over,
  }) as ServerChange;

describe('the outbox of a shared project', () => {
  it('gets nothing while the project is not shared', async () => {
    const { db, target } = await demoDb(false);
    await applyActions(db, target(0), [{ type: 'approve' }], 'aigul', 2);
    expect(await db.count('outbox')).toBe(0);
  });

  it('takes the discussion so far with a first share: comments, their resolution, annotations, dismissals, settings', async () => {
    const { db, units } = await demoDb(false);
    const [first, second] = [units[0]!.id, units[1]!.id];
    const add = (unitId: typeof first, text: string, at: number) =>
      addComment(db, { documentId: DEMO_DOCUMENT_ID, unitId, lang: 'en', author: 'aigul', at, text });
    expect((await add(first, 'Is "local police" the ministry term?', 10)).ok).toBe(true);
    expect((await add(second, 'Checked against the law', 11)).ok).toBe(true);
    await resolveThread(db, second, 'aigul', 12);
    expect(
      (
        await addAnnotation(db, {
          documentId: DEMO_DOCUMENT_ID,
          unitId: second,
          lang: 'en',
          start: 0,
          end: 2,
          category: 'accuracy/mistranslation',
          severity: 'minor',
          author: 'aigul',
          at: 13,
        })
      ).ok,
    ).toBe(true);
    await dismissIssue(db, {
      renderingId: renderingId(first, 'en'),
      documentId: DEMO_DOCUMENT_ID,
      issueKey: 'length-long|0',
      by: 'aigul',
      at: 14,
    });
    await updateCheckSettings(db, DEMO_PROJECT_ID, () => ({ englishSpelling: 'en-GB' }));
    expect(await db.count('outbox')).toBe(0);

    await shareLocally(db, DEMO_PROJECT_ID, 'http://127.0.0.1:1', 'aigul');
    const { outbox } = await loadSyncState(db, DEMO_PROJECT_ID);
    const summary = outbox.map((c) => {
      const { id: _id, ...rest } = c as QueuedChange & Record<string, unknown>;
      return [
        rest['kind'],
        rest['op'] ?? null,
        rest['unitId'] ?? null,
        rest['text'] ?? rest['issueKey'] ?? null,
      ];
    });
    expect(summary).toEqual([
      ['comment', 'add', first, 'Is "local police" the ministry term?'],
      ['comment', 'add', second, 'Checked against the law'],
      ['comment', 'resolve', second, null],
      ['annotation', 'put', second, null],
      ['dismissal', 'dismiss', first, 'length-long|0'],
      ['settings', null, null, null],
    ]);
    expect(outbox.at(-1)).toMatchObject({ kind: 'settings', value: { englishSpelling: 'en-GB' } });

    // Sharing again queues nothing twice.
    await shareLocally(db, DEMO_PROJECT_ID, 'http://127.0.0.1:1', 'aigul');
    expect((await loadSyncState(db, DEMO_PROJECT_ID)).outbox).toHaveLength(6);
  });

  it('gets one change per revision, written with it; a refused write queues nothing', async () => {
    const { db, target, units } = await demoDb(true);
    await applyActions(
      db,
      target(0),
      [{ type: 'edit', text: 'Go to contents' }, { type: 'approve' }],
      'aigul',
      2,
    );
    const stale = await applyActions(db, target(0), [{ type: 'edit', text: 'x' }], 'aigul', 3, {
      revision: 1,
    });
    expect(stale.ok).toBe(false);
    const { outbox } = await loadSyncState(db, DEMO_PROJECT_ID);
    expect(outbox.map(asRendering).map((c) => [c.kind, c.action, c.text, c.state])).toEqual([
      ['rendering', 'edit', 'Go to contents', 'edited'],
      ['rendering', 'approve', 'Go to contents', 'approved'],
    ]);
    expect(outbox[0]).toMatchObject({ unitId: units[0]!.id, documentId: DEMO_DOCUMENT_ID, lang: 'en' });
    expect(new Set(outbox.map((c) => c.id)).size).toBe(2);
  });

  it('gets a bulk change whole, in its transaction', async () => {
    const { db, target } = await demoDb(true);
    const items = [0, 1, 2].map((i) => ({ target: target(i), actions: [{ type: 'approve' as const }] }));
    const result = await applyBulk(db, items, 'aigul', 2);
    expect(result.changed).toHaveLength(3);
    expect((await loadSyncState(db, DEMO_PROJECT_ID)).outbox.map((c) => asRendering(c).action)).toEqual([
      'approve',
      'approve',
      'approve',
    ]);
  });

  it('loses the changes the server accepted and keeps the rest, in order', async () => {
    const { db, target } = await demoDb(true);
    for (const i of [0, 1, 2]) await applyActions(db, target(i), [{ type: 'approve' }], 'aigul', 2);
    const state = await loadSyncState(db, DEMO_PROJECT_ID);
    const [first, second, third] = state.outbox;
    await saveSyncState(db, DEMO_PROJECT_ID, { ...state, cursor: 7 }, { sent: [second!.id] });
    const after = await loadSyncState(db, DEMO_PROJECT_ID);
    expect(after.cursor).toBe(7);
    expect(after.outbox.map((c) => c.id)).toEqual([first!.id, third!.id]);
  });
});

describe('changes pulled from the team server', () => {
  it('become the rendering and a revision by their author at the server time, queuing nothing', async () => {
    const { db, units } = await demoDb(true);
    const unitIds = await applyPulled(db, [pulled({ unitId: units[0]!.id, seq: 4 })], []);
    expect(unitIds).toEqual([units[0]!.id]);
    const [rendering] = (await listUnitRenderings(db, [units[0]!.id])).filter((r) => r.lang === 'en');
    expect(rendering).toMatchObject({
      text: 'Go to contents',
      state: 'approved',
      updatedBy: 'bolat',
      revision: 2,
    });
    const history = await listRevisions(db, renderingId(units[0]!.id, 'en'));
    expect(history.map((r) => [r.action, r.author, r.at])).toEqual([
      ['import', 'MT', 1000],
      ['approve', 'bolat', 5000],
    ]);
    expect(await db.count('outbox')).toBe(0);
  });

  it('keep a change that lost to a later one in the history only', async () => {
    const { db, units, target } = await demoDb(true);
    await applyActions(db, target(0), [{ type: 'edit', text: 'Mine' }], 'aigul', 2);
    await applyPulled(
      db,
      [],
      [pulled({ unitId: units[0]!.id, seq: 4, text: 'Theirs', action: 'edit', state: 'edited' })],
    );
    const [rendering] = (await listUnitRenderings(db, [units[0]!.id])).filter((r) => r.lang === 'en');
    expect(rendering).toMatchObject({ text: 'Mine', revision: 3 });
    const history = await listRevisions(db, renderingId(units[0]!.id, 'en'));
    expect(history.map((r) => r.text)).toEqual(['To pass to contents', 'Mine', 'Theirs']);
    // The next local write numbers its revision after the pulled one.
    expect((await applyActions(db, target(0), [{ type: 'approve' }], 'aigul', 3)).ok).toBe(true);
  });

  it('leave out documents this browser does not hold', async () => {
    const { db } = await demoDb(true);
    expect(
      await applyPulled(
        db,
        [pulled({ unitId: 'elsewhere:u1', documentId: 'elsewhere', seq: 1 } as never)],
        [],
      ),
    ).toEqual([]);
  });
});

describe('term statuses of a shared project', () => {
  it('queue one term change per status changed, in the glossary write, and none when not shared', async () => {
    const { db: alone } = await demoDb(false);
    const [entry] = await listEntries(alone, DEMO_PROJECT_ID);
    await setStatusBulk(alone, [entry!.id], 'forbidden', 'dana', 5, { lang: 'en' });
    expect(await alone.count('outbox')).toBe(0);
    const { db } = await demoDb(true);
    await setStatusBulk(db, [entry!.id], 'forbidden', 'dana', 5, { lang: 'en', reason: 'calque' });
    const { outbox } = await loadSyncState(db, DEMO_PROJECT_ID);
    const english = entry!.terms.filter((t) => t.lang === 'en' && t.status !== 'forbidden');
    expect(outbox.map((c) => (c.kind === 'term' ? [c.entryId, c.lang, c.text, c.status] : c.kind))).toEqual(
      english.map((t) => [entry!.id, 'en', t.text, 'forbidden']),
    );
  });

  it('pulled from another reviewer set the term, with a history record by that reviewer', async () => {
    const { db } = await demoDb(true);
    const [entry] = await listEntries(db, DEMO_PROJECT_ID);
    const term = entry!.terms.find((t) => t.lang === 'en')!;
    const change = {
      id: 'other-9',
      kind: 'term',
      base: null,
      entryId: entry!.id,
      lang: 'en',
      text: term.text,
      status: 'forbidden',
      seq: 9,
      author: 'dana',
      at: 7000,
      supersedes: null,
    } as ServerChange;
    await applyPulled(db, [change], []);
    const [after] = (await listEntries(db, DEMO_PROJECT_ID)).filter((e) => e.id === entry!.id);
    expect(after!.terms.find((t) => t.lang === 'en' && t.text === term.text)).toMatchObject({
      status: 'forbidden',
      setBy: 'dana',
      setAt: 7000,
    });
    const history = await db.getAllFromIndex('termHistory', 'byEntry', entry!.id);
    expect(history.at(-1)).toMatchObject({
      by: 'dana',
      change: 'status',
      after: 'forbidden',
      term: term.text,
    });
    expect(await db.count('outbox')).toBe(0);
  });
});
