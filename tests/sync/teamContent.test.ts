// Shared content and review notes between two browsers' IndexedDBs (fake-indexeddb) through a real team server
// over a throwaway PostgreSQL cluster: the owner's project goes up whole and comes down whole in the other
// browser; comments, annotations, dismissed issues and settings travel through the outbox; a change the server
// refuses for the author's role is set aside while the rest goes on.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAudarmaDb, type AudarmaDb } from '../../src/storage/db.ts';
import { ensureDemoProject } from '../../src/storage/demo.ts';
import { importDocument, listDocuments, listUnits } from '../../src/storage/documents.ts';
import { applyActions, listRenderings, listRevisions } from '../../src/storage/renderings.ts';
import { getShare, loadSyncState, saveSyncState, shareLocally } from '../../src/storage/outbox.ts';
import { applyPulled } from '../../src/storage/pulled.ts';
import { addComment, listUnitComments, resolveThread, deleteComment } from '../../src/storage/comments.ts';
import { addAnnotation, deleteAnnotation, listUnitAnnotations } from '../../src/storage/annotations.ts';
import { dismissIssue, listDismissals } from '../../src/storage/dismissals.ts';
import { getCheckSettings, updateCheckSettings } from '../../src/storage/checkSettings.ts';
import { markUploaded, readShareUpload, storeShareDownload } from '../../src/storage/sharedContent.ts';
import { listEntries } from '../../src/storage/terms.ts';
import { saveEntry } from '../../src/storage/glossary.ts';
import { SyncClient } from '../../src/sync/SyncClient.ts';
import { TeamSync, type TeamSyncView } from '../../src/sync/TeamSync.ts';
import { signInToServer } from '../../src/sync/session.ts';
import {
  addMember,
  downloadContent,
  listServerProjects,
  shareProject,
  uploadContent,
} from '../../src/sync/teamApi.ts';
import { DEMO_DOCUMENT_ID, DEMO_PROJECT_ID } from '../../src/core/demo/project.ts';
import { documentId, renderingId, unitId } from '../../src/core/model/ids.ts';
import type { CommentChange } from '../../src/sync/protocol.ts';
import { PASSWORD, startTestServer, type TestServer } from '../server/testServer.ts';

const demo = readFileSync(
  new URL('../../src/demo/municipal-police-kazakhstan.en.txt', import.meta.url),
  'utf8',
);

let server: TestServer;
const tokens: Record<string, string> = {};
let counter = 0;

beforeAll(async () => {
  server = await startTestServer();
  for (const name of ['aigul', 'bolat']) {
    await server.addUser(name);
    const signed = await signInToServer(server.base, name, PASSWORD);
    if (!signed.ok) throw new Error(`sign-in failed: ${signed.reason}`);
    tokens[name] = signed.token;
  }
}, 120_000);

afterAll(async () => {
  await server?.stop();
}, 60_000);

/** The sync client of one browser for one project, over its IndexedDB, as the workbench's TeamSync builds it. */
function client(db: AudarmaDb, user: string, projectId = DEMO_PROJECT_ID) {
  return new SyncClient({
    server: server.base,
    projectId,
    user,
    token: tokens[user]!,
    store: {
      load: () => loadSyncState(db, projectId),
      save: (state, edit) => saveSyncState(db, projectId, state, edit),
    },
    apply: async (fresh, past) => {
      await applyPulled(db, fresh, past, projectId);
    },
  });
}

/**
 * Aigul's browser with the demo project, shared (and its content uploaded) with Bolat as a Kazakh reviewer; Bolat's
 * browser, which never had it, downloads it. The server is reset first, so every test starts from nothing.
 */
async function twoBrowsers(
  beforeSharing?: (a: AudarmaDb) => Promise<void>,
  beforeUpload?: (a: AudarmaDb) => Promise<void>,
) {
  await server.pool.query('truncate projects, members, changes, heads cascade');
  const a = await openAudarmaDb(`content-a-${Date.now()}-${counter++}`);
  const b = await openAudarmaDb(`content-b-${Date.now()}-${counter++}`);
  await ensureDemoProject(a, demo, 'MT', 1000);
  await beforeSharing?.(a);
  await shareLocally(a, DEMO_PROJECT_ID, server.base, 'aigul');
  const project = await a.get('projects', DEMO_PROJECT_ID);
  const shared = await shareProject(server.base, tokens.aigul, { id: DEMO_PROJECT_ID, name: project!.name });
  expect(shared.ok).toBe(true);
  await addMember(server.base, tokens.aigul, DEMO_PROJECT_ID, {
    user: 'bolat',
    role: 'reviewer',
    langs: ['kk'],
  });
  await beforeUpload?.(a);
  const upload = await readShareUpload(a, DEMO_PROJECT_ID);
  expect(upload).not.toBeNull();
  expect((await uploadContent(server.base, tokens.aigul, DEMO_PROJECT_ID, upload!)).ok).toBe(true);
  await markUploaded(a, DEMO_PROJECT_ID, upload!);
  const got = await downloadContent(server.base, tokens.bolat, DEMO_PROJECT_ID);
  if (!got.ok) throw new Error(got.reason);
  expect(await storeShareDownload(b, got.value, server.base, 'bolat')).toBe(true);
  const units = await listUnits(a, DEMO_DOCUMENT_ID);
  return { a, b, units, syncA: client(a, 'aigul'), syncB: client(b, 'bolat') };
}

describe('a project shared whole', () => {
  it('reaches a browser that never had it: documents, units, renderings and glossary, in one piece', async () => {
    const { a, b } = await twoBrowsers();
    expect(await listDocuments(b, DEMO_PROJECT_ID)).toEqual(await listDocuments(a, DEMO_PROJECT_ID));
    const unitsA = await listUnits(a, DEMO_DOCUMENT_ID);
    expect(unitsA.length).toBeGreaterThan(40);
    expect(await listUnits(b, DEMO_DOCUMENT_ID)).toEqual(unitsA);
    for (const lang of ['en', 'kk'])
      expect(await listRenderings(b, DEMO_DOCUMENT_ID, lang)).toEqual(
        await listRenderings(a, DEMO_DOCUMENT_ID, lang),
      );
    const glossary = await listEntries(a, DEMO_PROJECT_ID);
    expect(glossary.length).toBeGreaterThan(0);
    expect(await listEntries(b, DEMO_PROJECT_ID)).toEqual(glossary);
    expect(await b.get('projects', DEMO_PROJECT_ID)).toEqual(await a.get('projects', DEMO_PROJECT_ID));
    // Stored once: a second download into the same browser keeps what is there.
    const again = await downloadContent(server.base, tokens.bolat, DEMO_PROJECT_ID);
    expect(again.ok && (await storeShareDownload(b, again.value, server.base, 'bolat'))).toBe(false);
    // The member's list says the project's content is there to download.
    const listed = await listServerProjects(server.base, tokens.bolat);
    expect(listed.ok && listed.value).toEqual([
      expect.objectContaining({ id: DEMO_PROJECT_ID, content: true }),
    ]);
  });

  it('uploads nothing twice, and a document added later alone', async () => {
    const { a } = await twoBrowsers();
    expect(await readShareUpload(a, DEMO_PROJECT_ID)).toBeNull();
    const id = documentId('added-later');
    await importDocument(a, {
      document: { id, projectId: DEMO_PROJECT_ID, name: 'Added later', createdAt: 5, unitCount: 1 },
      units: [
        {
          id: unitId('added-later:0'),
          documentId: id,
          index: 0,
          paragraph: 0,
          kind: 'sentence',
          separator: '',
          source: 'Полиция работает круглосуточно.',
          mt: { en: 'The police work around the clock.' },
        },
      ],
      author: 'MT',
      now: 5,
    });
    const upload = await readShareUpload(a, DEMO_PROJECT_ID);
    expect(upload?.project).toBeUndefined();
    expect(upload?.glossary).toEqual([]);
    expect(upload?.documents.map((d) => [d.document.id, d.units.length, d.renderings.length])).toEqual([
      [id, 1, 1],
    ]);
    expect((await uploadContent(server.base, tokens.aigul, DEMO_PROJECT_ID, upload!)).ok).toBe(true);
    await markUploaded(a, DEMO_PROJECT_ID, upload!);
    expect(await readShareUpload(a, DEMO_PROJECT_ID)).toBeNull();
    const got = await downloadContent(server.base, tokens.bolat, DEMO_PROJECT_ID);
    expect(got.ok && got.value.documents.map((d) => d.document.id)).toEqual([DEMO_DOCUMENT_ID, id]);
  });
});

describe('work done between sharing and the first upload', () => {
  it("is in the member's history once: the upload carries it, and its replay is skipped", async () => {
    let unit: ReturnType<typeof unitId> | undefined;
    let entryId = '';
    const { a, b, syncA, syncB } = await twoBrowsers(undefined, async (a) => {
      unit = (await listUnits(a, DEMO_DOCUMENT_ID, 0, 1))[0]!.id;
      // A term's status decided in the same moment: the glossary entry goes up with it.
      const entry = (await listEntries(a, DEMO_PROJECT_ID)).find((e) =>
        e.terms.some((t) => t.status !== 'forbidden'),
      )!;
      entryId = entry.id;
      const term = entry.terms.find((t) => t.status !== 'forbidden')!;
      await saveEntry(
        a,
        {
          ...entry,
          terms: entry.terms.map((t) =>
            t === term ? { ...t, status: 'forbidden', setBy: 'Aigul', setAt: 1500 } : t,
          ),
          updatedAt: 1500,
        },
        [
          {
            entryId: entry.id,
            at: 1500,
            by: 'Aigul',
            field: 'status',
            lang: term.lang,
            term: term.text,
            before: term.status,
            after: 'forbidden',
          },
        ],
      );
      await applyActions(
        a,
        { unitId: unit, documentId: DEMO_DOCUMENT_ID, lang: 'en' },
        [{ type: 'edit', text: 'Edited before the upload.' }],
        'Aigul',
        2000,
      );
    });
    const id = renderingId(unit!, 'en');
    const history = async (db: AudarmaDb) =>
      (await listRevisions(db, id)).map((r) => [r.number, r.action, r.text, r.author]);
    expect(await syncA.sync()).toEqual({ kind: 'synced' });
    expect(await syncB.sync()).toEqual({ kind: 'synced' });
    expect(await history(a)).toEqual([
      [1, 'import', expect.any(String), 'MT'],
      [2, 'edit', 'Edited before the upload.', 'Aigul'],
    ]);
    expect(await history(b)).toEqual(await history(a));
    expect(await b.get('renderings', id)).toEqual(await a.get('renderings', id));
    // The term's status came with its entry; its replay would have stamped it again with the server's name and time.
    expect(await b.get('terms', entryId)).toEqual(await a.get('terms', entryId));
    expect(await b.getAllFromIndex('termHistory', 'byEntry', entryId)).toEqual([]);
    expect((await getShare(b, DEMO_PROJECT_ID))?.reflected).toEqual([]);
    // What is done after the upload is replayed as ever, once, on top of the history that came with the project.
    await applyActions(
      a,
      { unitId: unit!, documentId: DEMO_DOCUMENT_ID, lang: 'en' },
      [{ type: 'approve' }],
      'Aigul',
      3000,
    );
    expect(await syncA.sync()).toEqual({ kind: 'synced' });
    expect(await syncB.sync()).toEqual({ kind: 'synced' });
    expect((await history(b)).map(([n, action, , author]) => [n, action, author])).toEqual([
      [1, 'import', 'MT'],
      [2, 'edit', 'Aigul'],
      [3, 'approve', 'aigul'],
    ]);
    expect((await b.get('renderings', id))?.state).toBe('approved');
  });
});

describe('review notes through the outbox', () => {
  it('queues a comment of a shared project in the transaction that stores it; earlier ones go with the share', async () => {
    const db = await openAudarmaDb(`content-local-${Date.now()}-${counter++}`);
    await ensureDemoProject(db, demo, 'MT', 1000);
    const [unit] = await listUnits(db, DEMO_DOCUMENT_ID, 0, 1);
    await addComment(db, {
      documentId: DEMO_DOCUMENT_ID,
      unitId: unit!.id,
      author: 'A',
      text: 'Alone',
      at: 1,
    });
    expect(await db.count('outbox')).toBe(0);
    await shareLocally(db, DEMO_PROJECT_ID, 'http://127.0.0.1:1', 'aigul');
    const empty = await addComment(db, {
      documentId: DEMO_DOCUMENT_ID,
      unitId: unit!.id,
      author: 'A',
      text: ' ',
      at: 2,
    });
    expect(empty.ok).toBe(false);
    await addComment(db, {
      documentId: DEMO_DOCUMENT_ID,
      unitId: unit!.id,
      author: 'A',
      text: 'Shared',
      at: 3,
    });
    const { outbox } = await loadSyncState(db, DEMO_PROJECT_ID);
    expect(outbox.map((c) => [c.kind, (c as CommentChange & { text: string }).text])).toEqual([
      ['comment', 'Alone'],
      ['comment', 'Shared'],
    ]);
  });

  it('brings the discussion held before sharing: comments, a resolved thread, annotations, settings', async () => {
    const units = await (async () => {
      const probe = await openAudarmaDb(`content-probe-${Date.now()}-${counter++}`);
      await ensureDemoProject(probe, demo, 'MT', 1000);
      return listUnits(probe, DEMO_DOCUMENT_ID);
    })();
    const [first, second] = [units[1]!.id, units[2]!.id];
    const { b, syncA, syncB } = await twoBrowsers(async (a) => {
      const note = (unitId: typeof first, text: string, at: number) =>
        addComment(a, { documentId: DEMO_DOCUMENT_ID, unitId, author: 'Aigul', text, at });
      expect((await note(first, 'Әкімдік пе, әкімшілік пе?', 5)).ok).toBe(true);
      expect((await note(second, 'Settled with the ministry', 6)).ok).toBe(true);
      await resolveThread(a, second, 'Aigul', 7);
      const marked = await addAnnotation(a, {
        documentId: DEMO_DOCUMENT_ID,
        unitId: first,
        lang: 'en',
        start: 0,
        end: 2,
        category: 'accuracy/mistranslation',
        severity: 'minor',
        author: 'Aigul',
        at: 8,
      });
      expect(marked.ok).toBe(true);
      await updateCheckSettings(a, DEMO_PROJECT_ID, () => ({ englishSpelling: 'en-GB' }));
    });
    expect(await syncA.sync()).toEqual({ kind: 'synced' });
    expect(await syncB.sync()).toEqual({ kind: 'synced' });
    expect((await listUnitComments(b, first)).map((c) => [c.text, c.author, c.open])).toEqual([
      ['Әкімдік пе, әкімшілік пе?', 'aigul', 1],
    ]);
    expect((await listUnitComments(b, second)).map((c) => [c.text, c.open])).toEqual([
      ['Settled with the ministry', 0],
    ]);
    expect((await listUnitAnnotations(b, first)).map((x) => [x.category, x.severity])).toEqual([
      ['accuracy/mistranslation', 'minor'],
    ]);
    expect(await getCheckSettings(b, DEMO_PROJECT_ID)).toEqual({ englishSpelling: 'en-GB' });
  });

  it('brings a comment, its thread resolved and withdrawn, to the other browser with the server-recorded author', async () => {
    const { a, b, units, syncA, syncB } = await twoBrowsers();
    const unit = units[1]!;
    const added = await addComment(a, {
      documentId: DEMO_DOCUMENT_ID,
      unitId: unit.id,
      author: 'Aigul',
      text: 'Жергілікті полиция ма, әлде муниципалдық полиция ма?',
      at: 10,
    });
    expect(added.ok).toBe(true);
    expect(await syncA.sync()).toEqual({ kind: 'synced' });
    expect(await syncB.sync()).toEqual({ kind: 'synced' });
    const seen = await listUnitComments(b, unit.id);
    expect(seen.map((c) => [c.text, c.author, c.open])).toEqual([
      ['Жергілікті полиция ма, әлде муниципалдық полиция ма?', 'aigul', 1],
    ]);
    await resolveThread(b, unit.id, 'Bolat', 20);
    await syncB.sync();
    await syncA.sync();
    expect((await listUnitComments(a, unit.id)).map((c) => [c.open, c.resolvedBy])).toEqual([[0, 'bolat']]);
    await deleteComment(a, added.ok ? added.value.id : '');
    await syncA.sync();
    await syncB.sync();
    expect(await listUnitComments(b, unit.id)).toEqual([]);
  });

  it('brings annotations, dismissed issues and check settings across, and their removal', async () => {
    const { a, b, units, syncA, syncB } = await twoBrowsers();
    const unit = units[2]!;
    const text = (await b.get('renderings', renderingId(unit.id, 'kk')))?.text ?? '';
    const marked = await addAnnotation(b, {
      documentId: DEMO_DOCUMENT_ID,
      unitId: unit.id,
      lang: 'kk',
      start: 0,
      end: Math.min(4, text.length),
      category: 'accuracy/mistranslation',
      severity: 'major',
      note: 'Мағынасы бұрмаланған',
      author: 'Bolat',
      at: 30,
    });
    expect(marked.ok).toBe(true);
    await dismissIssue(b, {
      renderingId: renderingId(unit.id, 'kk'),
      documentId: DEMO_DOCUMENT_ID,
      issueKey: 'numbers:0',
      by: 'Bolat',
      at: 31,
    });
    await updateCheckSettings(a, DEMO_PROJECT_ID, (s) => ({ ...s, disabled: ['spelling'] }));
    expect(await syncA.sync()).toEqual({ kind: 'synced' });
    expect(await syncB.sync()).toEqual({ kind: 'synced' });
    await syncA.sync();
    expect(
      (await listUnitAnnotations(a, unit.id)).map((x) => [x.category, x.severity, x.note, x.author]),
    ).toEqual([['accuracy/mistranslation', 'major', 'Мағынасы бұрмаланған', 'bolat']]);
    expect((await listDismissals(a, DEMO_DOCUMENT_ID)).map((d) => [d.issueKey, d.by])).toEqual([
      ['numbers:0', 'bolat'],
    ]);
    expect(await getCheckSettings(b, DEMO_PROJECT_ID)).toEqual({ disabled: ['spelling'] });
    await deleteAnnotation(b, marked.ok ? marked.value.id : '');
    await syncB.sync();
    await syncA.sync();
    expect(await listUnitAnnotations(a, unit.id)).toEqual([]);
  });
});

describe('a change the server refuses for the role', () => {
  it('is set aside and shown, and the rest of the outbox goes on', async () => {
    const { a, b, units, syncA, syncB } = await twoBrowsers();
    const unit = units[3]!;
    // Bolat reviews Kazakh only: an English comment and an English dismissal are not his to make.
    await addComment(b, {
      documentId: DEMO_DOCUMENT_ID,
      unitId: unit.id,
      lang: 'en',
      author: 'B',
      text: 'English?',
      at: 1,
    });
    await addComment(b, {
      documentId: DEMO_DOCUMENT_ID,
      unitId: unit.id,
      lang: 'kk',
      author: 'B',
      text: 'Қазақша',
      at: 2,
    });
    await dismissIssue(b, {
      renderingId: renderingId(unit.id, 'en'),
      documentId: DEMO_DOCUMENT_ID,
      issueKey: 'numbers:0',
      by: 'B',
      at: 3,
    });
    expect(await syncB.sync()).toEqual({ kind: 'not-allowed', count: 2 });
    const state = await loadSyncState(b, DEMO_PROJECT_ID);
    expect(state.outbox).toEqual([]);
    expect(state.refused.map((r) => [r.change.kind, r.code])).toEqual([
      ['comment', 'forbidden'],
      ['dismissal', 'forbidden'],
    ]);
    await syncA.sync();
    expect((await listUnitComments(a, unit.id)).map((c) => c.text)).toEqual(['Қазақша']);
    // Later work still goes through; once read, the refused changes are forgotten.
    await addComment(b, {
      documentId: DEMO_DOCUMENT_ID,
      unitId: unit.id,
      lang: 'kk',
      author: 'B',
      text: 'Тағы',
      at: 4,
    });
    expect(await syncB.sync()).toEqual({ kind: 'not-allowed', count: 2 });
    for (const refused of state.refused) await syncB.forget(refused.change.id);
    expect(await syncB.status()).toEqual({ kind: 'synced' });
  });

  it('sets aside what a revoked role no longer allows', async () => {
    const { b, units, syncB } = await twoBrowsers();
    await addComment(b, {
      documentId: DEMO_DOCUMENT_ID,
      unitId: units[0]!.id,
      lang: 'kk',
      author: 'B',
      text: 'Бірінші',
      at: 1,
    });
    expect(await syncB.sync()).toEqual({ kind: 'synced' });
    await addMember(server.base, tokens.aigul, DEMO_PROJECT_ID, { user: 'bolat', role: 'viewer', langs: [] });
    await addComment(b, {
      documentId: DEMO_DOCUMENT_ID,
      unitId: units[0]!.id,
      lang: 'kk',
      author: 'B',
      text: 'Екінші',
      at: 2,
    });
    expect(await syncB.sync()).toEqual({ kind: 'not-allowed', count: 1 });
    expect((await loadSyncState(b, DEMO_PROJECT_ID)).outbox).toEqual([]);
  });
});

describe('keeping mine on a term-status conflict', () => {
  it('writes my status again through the outbox, and settles the conflict', async () => {
    const db = await openAudarmaDb(`content-keep-${Date.now()}-${counter++}`);
    await ensureDemoProject(db, demo, 'MT', 1000);
    await shareLocally(db, DEMO_PROJECT_ID, 'http://127.0.0.1:1', 'aigul');
    const entry = (await listEntries(db, DEMO_PROJECT_ID)).find((e) => e.terms.length > 0)!;
    const term = entry.terms[0]!;
    const base = { kind: 'term' as const, base: null, entryId: entry.id, lang: term.lang, text: term.text };
    const mine = { ...base, id: 'mine-1', status: 'approved' as const, seq: 1 };
    const theirs = {
      ...base,
      id: 'theirs-1',
      status: 'forbidden' as const,
      seq: 2,
      author: 'bolat',
      at: 50,
      supersedes: 1,
    };
    // Theirs arrived later and is what this browser holds now.
    await applyPulled(db, [theirs], [], DEMO_PROJECT_ID);
    const state = await loadSyncState(db, DEMO_PROJECT_ID);
    const target = `term:${entry.id}:${term.lang}`;
    await saveSyncState(db, DEMO_PROJECT_ID, { ...state, conflicts: [{ target, mine, theirs }] });
    const views: TeamSyncView[] = [];
    const share = (await getShare(db, DEMO_PROJECT_ID))!;
    const sync = new TeamSync(db, share, (view) => views.push(view));
    await sync.keepMine((await loadSyncState(db, DEMO_PROJECT_ID)).conflicts[0]!, 'Aigul');
    const after = (await listEntries(db, DEMO_PROJECT_ID)).find((e) => e.id === entry.id)!;
    expect(after.terms.find((t) => t.lang === term.lang && t.text === term.text)?.status).toBe('approved');
    const { outbox, conflicts } = await loadSyncState(db, DEMO_PROJECT_ID);
    expect(outbox.map((c) => (c.kind === 'term' ? [c.entryId, c.text, c.status] : c.kind))).toEqual([
      [entry.id, term.text, 'approved'],
    ]);
    expect(conflicts).toEqual([]);
    expect(views.at(-1)?.status).toEqual({ kind: 'waiting', count: 1 });
  });
});

describe('a document added to a shared project later', () => {
  it('reaches a member who already holds the project, with the work done on it since', async () => {
    const { a, b } = await twoBrowsers();
    const shareOf = async (db: AudarmaDb) => (await getShare(db, DEMO_PROJECT_ID))!;
    const teamA = new TeamSync(a, await shareOf(a), () => undefined, tokens.aigul);
    const teamB = new TeamSync(b, await shareOf(b), () => undefined, tokens.bolat);
    // Stopped: no timers or event streams, only the rounds the test asks for.
    teamA.stop();
    teamB.stop();
    const id = documentId('added-later');
    const unit = unitId('added-later:0');
    await importDocument(a, {
      document: { id, projectId: DEMO_PROJECT_ID, name: 'Added later', createdAt: 5, unitCount: 1 },
      units: [
        {
          id: unit,
          documentId: id,
          index: 0,
          paragraph: 0,
          kind: 'sentence',
          separator: '',
          source: 'Полиция работает круглосуточно.',
          mt: { en: 'The police work around the clock.' },
        },
      ],
      author: 'MT',
      now: 5,
    });
    await teamA.syncNow();
    await applyActions(
      a,
      { unitId: unit, documentId: id, lang: 'en' },
      [{ type: 'edit', text: 'Police work day and night.' }, { type: 'approve' }],
      'Aigul',
      6,
    );
    await teamA.syncNow();
    expect(await b.get('documents', id)).toBeUndefined();
    await teamB.syncNow();
    expect((await b.get('documents', id))?.name).toBe('Added later');
    expect((await listUnits(b, id)).map((u) => u.source)).toEqual(['Полиция работает круглосуточно.']);
    expect(await b.get('renderings', renderingId(unit, 'en'))).toMatchObject({
      text: 'Police work day and night.',
      state: 'approved',
      updatedBy: 'aigul',
    });
    // A member's own upload is refused (documents are the lead's), and nothing of it is left waiting.
    expect((await loadSyncState(b, DEMO_PROJECT_ID)).outbox).toEqual([]);
  });
});

describe('a document a member adds to a shared project', () => {
  it('stays in their browser, marked so, and none of its work is queued for a server that lacks it', async () => {
    const { a, b } = await twoBrowsers();
    const shareOf = async (db: AudarmaDb) => (await getShare(db, DEMO_PROJECT_ID))!;
    const teamB = new TeamSync(b, await shareOf(b), () => undefined, tokens.bolat);
    const teamA = new TeamSync(a, await shareOf(a), () => undefined, tokens.aigul);
    teamA.stop();
    teamB.stop();
    const id = documentId('bolat-notes');
    const unit = unitId('bolat-notes:0');
    await importDocument(b, {
      document: { id, projectId: DEMO_PROJECT_ID, name: 'Bolat’s reference', createdAt: 5, unitCount: 1 },
      units: [
        {
          id: unit,
          documentId: id,
          index: 0,
          paragraph: 0,
          kind: 'sentence',
          separator: '',
          source: 'Полиция работает круглосуточно.',
          mt: { kk: 'Полиция тәулік бойы жұмыс істейді.' },
        },
      ],
      author: 'MT',
      now: 5,
    });
    // Made before the first round: queued, as for any document of a shared project, until the server says no.
    await applyActions(b, { unitId: unit, documentId: id, lang: 'kk' }, [{ type: 'approve' }], 'Bolat', 6);
    expect(await teamB.syncNow()).toMatchObject({
      status: { kind: 'synced' },
      localOnly: [{ id, name: 'Bolat’s reference' }],
      refused: [],
    });
    expect((await loadSyncState(b, DEMO_PROJECT_ID)).outbox).toEqual([]);
    // Later work on it is not queued either; work on the shared document still is.
    await applyActions(b, { unitId: unit, documentId: id, lang: 'kk' }, [{ type: 'reopen' }], 'Bolat', 7);
    await addComment(b, { documentId: id, unitId: unit, author: 'Bolat', text: 'For me only', at: 8 });
    const [shared] = await listUnits(b, DEMO_DOCUMENT_ID, 0, 1);
    await addComment(b, {
      documentId: DEMO_DOCUMENT_ID,
      unitId: shared!.id,
      lang: 'kk',
      author: 'Bolat',
      text: 'For the team',
      at: 9,
    });
    expect((await loadSyncState(b, DEMO_PROJECT_ID)).outbox.map((c) => c.kind)).toEqual(['comment']);
    const view = await teamB.syncNow();
    await teamA.syncNow();
    const { rows } = await server.pool.query<{ kind: string; document: string | null }>(
      `select kind, payload->>'documentId' as document from changes where project_id = $1`,
      [DEMO_PROJECT_ID],
    );
    expect(rows).toEqual([{ kind: 'comment', document: DEMO_DOCUMENT_ID }]);
    expect(await a.get('documents', id)).toBeUndefined();
    expect(view.localOnly).toEqual([{ id, name: 'Bolat’s reference' }]);
  });
});
