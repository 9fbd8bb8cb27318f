import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/server/http.ts';
import { call, startTestServer, type TestServer } from './testServer.ts';

// Shared content (documents and glossary uploaded whole) and the change kinds beyond renderings and terms,
// against a real throwaway PostgreSQL cluster.

let server: TestServer;
let base: string;
const tokens: Record<string, string> = {};
let counter = 0;
const uid = (prefix: string) => `${prefix}-${++counter}`;

beforeAll(async () => {
  server = await startTestServer();
  base = server.base;
  for (const name of ['lead', 'revkk', 'termi', 'viewer', 'outsider']) {
    await server.addUser(name);
    tokens[name] = await server.signIn(name);
  }
}, 120_000);

afterAll(async () => {
  await server?.stop();
}, 60_000);

async function sharedProject(): Promise<string> {
  const id = uid('proj');
  expect((await call(base, 'POST', '/api/projects', tokens.lead, { id, name: 'Police reform' })).status).toBe(
    201,
  );
  const add = async (user: string, role: string, langs: string[] = []) =>
    expect(
      (await call(base, 'PUT', `/api/projects/${id}/members`, tokens.lead, { user, role, langs })).status,
    ).toBe(200);
  await add('revkk', 'reviewer', ['kk']);
  await add('termi', 'terminologist');
  await add('viewer', 'viewer');
  return id;
}

const meta = { sourceLang: 'ru', targetLangs: ['en', 'kk'], createdAt: 1_700_000_000_000 };

function document(id: string, units = 2) {
  return {
    document: {
      id,
      projectId: 'local-id',
      name: `Document ${id}`,
      createdAt: 1_700_000_000_000,
      unitCount: units,
    },
    units: Array.from({ length: units }, (_, i) => ({
      id: `${id}:u${i}`,
      documentId: id,
      index: i,
      paragraph: 0,
      kind: 'sentence',
      separator: i === 0 ? '' : ' ',
      source: `Полиция ${i}.`,
      mt: { en: `Police ${i}.` },
    })),
    renderings: [
      {
        id: `${id}:u0:en`,
        unitId: `${id}:u0`,
        documentId: id,
        lang: 'en',
        text: 'Police 0.',
        state: 'approved',
        updatedAt: 1_700_000_000_000,
        updatedBy: 'Aigul',
        revision: 2,
      },
    ],
  };
}

const entry = (id: string) => ({
  id,
  projectId: 'local-id',
  terms: [
    { lang: 'ru', text: 'полиция', status: 'approved' },
    { lang: 'kk', text: 'полиция', status: 'proposed' },
  ],
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
});

const upload = (id: string, who: string, body: unknown) =>
  call(base, 'POST', `/api/projects/${id}/content`, tokens[who], body);
const download = (id: string, who: string) => call(base, 'GET', `/api/projects/${id}/content`, tokens[who]);
const push = (id: string, who: string, changes: unknown[]) =>
  call(base, 'POST', `/api/projects/${id}/changes`, tokens[who], { changes });
const pull = (id: string, who: string) =>
  call(base, 'GET', `/api/projects/${id}/changes?since=0`, tokens[who]);

describe('shared content', () => {
  it('stores documents and glossary whole and gives them to every member, in the project it was shared to', async () => {
    const id = await sharedProject();
    const res = await upload(id, 'lead', {
      project: meta,
      documents: [document('d1', 3)],
      glossary: [entry('e1')],
    });
    expect(res).toEqual({ status: 200, body: { stored: { documents: 1, glossary: 1 } } });
    for (const who of ['lead', 'revkk', 'termi', 'viewer']) {
      const got = await download(id, who);
      expect(got.status).toBe(200);
      expect(got.body.project).toEqual({ id, name: 'Police reform', ...meta });
      expect(got.body.documents).toHaveLength(1);
      expect(got.body.documents[0].document).toMatchObject({ id: 'd1', projectId: id, unitCount: 3 });
      expect(got.body.documents[0].units.map((u: { source: string }) => u.source)).toEqual([
        'Полиция 0.',
        'Полиция 1.',
        'Полиция 2.',
      ]);
      expect(got.body.documents[0].renderings).toEqual([expect.objectContaining({ state: 'approved' })]);
      expect(got.body.glossary).toEqual([expect.objectContaining({ id: 'e1', projectId: id })]);
    }
    const listed = await call(base, 'GET', '/api/projects', tokens.revkk);
    expect(listed.body.projects).toEqual([expect.objectContaining({ id, content: true, role: 'reviewer' })]);
  });

  it('keeps a document sent twice once, and adds documents shared later', async () => {
    const id = await sharedProject();
    expect((await upload(id, 'lead', { project: meta, documents: [document('d1')] })).body.stored).toEqual({
      documents: 1,
      glossary: 0,
    });
    const again = await upload(id, 'lead', { documents: [document('d1')], glossary: [entry('e1')] });
    expect(again.body.stored).toEqual({ documents: 0, glossary: 1 });
    const later = await upload(id, 'lead', { documents: [document('d2')], glossary: [entry('e1')] });
    expect(later.body.stored).toEqual({ documents: 1, glossary: 0 });
    const got = await download(id, 'viewer');
    expect(got.body.documents.map((d: { document: { id: string } }) => d.document.id)).toEqual(['d1', 'd2']);
    expect(got.body.glossary).toHaveLength(1);
  });

  it('lets only the lead upload documents, the terminologist glossary entries, and nobody else anything', async () => {
    const id = await sharedProject();
    const cases: [string, unknown, number][] = [
      ['revkk', { project: meta, documents: [document('d1')] }, 403],
      ['termi', { documents: [document('d1')] }, 403],
      ['viewer', { glossary: [entry('e1')] }, 403],
      ['revkk', { glossary: [entry('e1')] }, 403],
      ['termi', { glossary: [entry('e1')] }, 200],
      ['lead', { project: meta, documents: [document('d1')] }, 200],
    ];
    for (const [who, body, status] of cases)
      expect([who, (await upload(id, who, body)).status]).toEqual([who, status]);
  });

  it('keeps the history of a document and the waiting changes its snapshot contains, as first uploaded', async () => {
    const id = await sharedProject();
    const revision = (number: number, over: Record<string, unknown> = {}) => ({
      id: `d1:u0:en#${number}`,
      renderingId: 'd1:u0:en',
      unitId: 'd1:u0',
      documentId: 'd1',
      lang: 'en',
      number,
      action: number === 1 ? 'import' : 'approve',
      text: 'Police 0.',
      state: number === 1 ? 'mt' : 'approved',
      previousState: number === 1 ? 'new' : 'mt',
      author: number === 1 ? 'MT' : 'Aigul',
      at: 1_700_000_000_000 + number,
      ...over,
    });
    const first = {
      ...document('d1'),
      revisions: [revision(1), revision(2)],
      reflects: ['aigul:approve-1'],
    };
    const bad: [unknown, string][] = [
      [
        { documents: [{ ...first, revisions: [revision(1, { documentId: 'd9' })] }] },
        'documents.0.revisions',
      ],
      [{ documents: [{ ...first, revisions: [revision(0)] }] }, 'documents.0.revisions.0.number'],
      [{ glossary: [entry('e1')], entryReflects: { e2: ['x'] } }, 'entryReflects'],
    ];
    for (const [body, path] of bad) {
      const res = await upload(id, 'lead', body);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.details).toEqual([expect.objectContaining({ path })]);
    }
    const stored = await upload(id, 'lead', {
      project: meta,
      documents: [first],
      glossary: [entry('e1'), entry('e2')],
      entryReflects: { e1: ['aigul:term-1'] },
    });
    expect(stored.status).toBe(200);
    // A retry that reflects more changes nothing: members start from the first upload, with what it contained.
    await upload(id, 'lead', { documents: [{ ...first, reflects: ['aigul:approve-1', 'aigul:later'] }] });
    const got = await download(id, 'revkk');
    expect(got.body.documents[0].revisions).toEqual([revision(1), revision(2)]);
    expect(got.body.documents[0].reflects).toEqual(['aigul:approve-1']);
    expect(got.body.entryReflects).toEqual({ e1: ['aigul:term-1'] });
    const one = await call(base, 'GET', `/api/projects/${id}/content?entry=e2`, tokens.revkk);
    expect([one.body.documents, one.body.entryReflects]).toEqual([[], {}]);
  });

  it('refuses a malformed upload whole with a 400 and stores none of it', async () => {
    const id = await sharedProject();
    const broken = document('d2');
    const bad = await upload(id, 'lead', {
      project: meta,
      documents: [document('d1'), { ...broken, units: [{ ...broken.units[0], kind: 'poem' }] }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'documents.1.units.0.kind' })]);
    const foreign = await upload(id, 'lead', {
      documents: [{ ...document('d3'), units: document('d4').units }],
    });
    expect(foreign.status).toBe(400);
    expect((await upload(id, 'lead', {})).status).toBe(400);
    expect((await upload(id, 'lead', { documents: [], extra: 1 })).status).toBe(400);
    expect((await download(id, 'lead')).body.documents).toEqual([]);
  });

  it('answers an unknown project and one the user is not a member of alike, and refuses the signed-out', async () => {
    const id = await sharedProject();
    await upload(id, 'lead', { project: meta, documents: [document('d1')] });
    const missing = await download('no-such-project', 'outsider');
    const forbidden = await download(id, 'outsider');
    expect(forbidden).toEqual(missing);
    expect(forbidden.status).toBe(404);
    expect((await upload(id, 'outsider', { glossary: [entry('e9')] })).status).toBe(404);
    expect((await call(base, 'GET', `/api/projects/${id}/content`)).status).toBe(401);
  });

  it('takes an upload larger than an ordinary request, within its own limit', async () => {
    const id = await sharedProject();
    const big = document('big', 30_000);
    const size = JSON.stringify({ project: meta, documents: [big] }).length;
    expect(size).toBeGreaterThan(MAX_BODY_BYTES);
    expect((await upload(id, 'lead', { project: meta, documents: [big] })).status).toBe(200);
    const got = await download(id, 'revkk');
    expect(got.body.documents[0].units).toHaveLength(30_000);
  });
});

const comment = (over: Record<string, unknown> = {}) => ({
  id: uid('chg'),
  kind: 'comment',
  base: null,
  op: 'add',
  commentId: uid('cmt'),
  documentId: 'd1',
  unitId: 'd1:u0',
  lang: 'kk',
  text: 'Қала полициясы ма, әлде жергілікті полиция ма?',
  ...over,
});
const annotation = (over: Record<string, unknown> = {}) => ({
  id: uid('chg'),
  kind: 'annotation',
  base: null,
  op: 'put',
  annotationId: uid('ann'),
  documentId: 'd1',
  unitId: 'd1:u0',
  lang: 'kk',
  start: 0,
  end: 7,
  quote: 'Полиция',
  category: 'accuracy/mistranslation',
  severity: 'major',
  ...over,
});
const dismissal = (over: Record<string, unknown> = {}) => ({
  id: uid('chg'),
  kind: 'dismissal',
  base: null,
  op: 'dismiss',
  documentId: 'd1',
  unitId: 'd1:u0',
  lang: 'kk',
  issueKey: 'numbers:0',
  ...over,
});
const settings = (over: Record<string, unknown> = {}) => ({
  id: uid('chg'),
  kind: 'settings',
  base: null,
  value: { disabled: ['spelling'], severity: { numbers: 'critical' } },
  ...over,
});

describe('comments, annotations, dismissals and settings as changes', () => {
  it('enforces each role on each kind', async () => {
    const id = await sharedProject();
    const cases: [string, unknown, number][] = [
      ['viewer', comment(), 403],
      ['viewer', annotation(), 403],
      ['viewer', dismissal(), 403],
      ['revkk', comment(), 200],
      ['revkk', comment({ lang: 'en' }), 403],
      ['revkk', comment({ lang: undefined }), 200],
      ['revkk', comment({ op: 'resolve', commentId: undefined, lang: undefined, text: undefined }), 200],
      ['revkk', annotation(), 200],
      ['revkk', annotation({ lang: 'en' }), 403],
      ['revkk', dismissal(), 200],
      ['revkk', dismissal({ lang: 'en' }), 403],
      ['revkk', settings(), 403],
      ['termi', comment({ lang: 'en' }), 200],
      ['termi', annotation({ category: 'terminology/inconsistent' }), 200],
      ['termi', annotation(), 403],
      ['termi', dismissal(), 403],
      ['termi', settings(), 403],
      ['lead', settings(), 200],
      ['lead', dismissal({ lang: 'en' }), 200],
    ];
    for (const [who, change, status] of cases)
      expect([who, change, (await push(id, who, [change])).status]).toEqual([who, change, status]);
  });

  it('names every refused change of a push, so the rest can be sent again', async () => {
    const id = await sharedProject();
    const allowed = comment();
    const refused = [comment({ lang: 'en' }), settings()];
    const res = await push(id, 'revkk', [refused[0], allowed, refused[1]]);
    expect(res.status).toBe(403);
    expect(res.body.details.ids).toEqual(refused.map((c) => c.id));
    expect((await pull(id, 'lead')).body.changes).toEqual([]);
    expect((await push(id, 'revkk', [allowed])).status).toBe(200);
  });

  it('lets a comment be withdrawn by its author or the lead only', async () => {
    const id = await sharedProject();
    const byLead = comment({ lang: undefined });
    const byReviewer = comment();
    expect((await push(id, 'lead', [byLead])).status).toBe(200);
    expect((await push(id, 'revkk', [byReviewer])).status).toBe(200);
    const withdraw = (c: { commentId: string; lang?: string }) =>
      comment({ op: 'delete', commentId: c.commentId, lang: c.lang, text: undefined });
    expect((await push(id, 'revkk', [withdraw(byLead)])).status).toBe(403);
    expect((await push(id, 'revkk', [withdraw(byReviewer)])).status).toBe(200);
    const fresh = comment();
    expect((await push(id, 'revkk', [fresh, withdraw(fresh)])).status).toBe(200);
    expect((await push(id, 'lead', [withdraw(comment())])).status).toBe(200);
  });

  it('judges an annotation withdrawn or changed by the annotation the server holds, not by the change', async () => {
    const id = await sharedProject();
    const withdraw = (a: { annotationId: string; lang: string }) => ({
      id: uid('chg'),
      kind: 'annotation',
      base: null,
      op: 'delete',
      annotationId: a.annotationId,
      documentId: 'd1',
      unitId: 'd1:u0',
      lang: a.lang,
    });
    const terminology = annotation({ category: 'terminology/wrong-term' });
    const accuracy = annotation({ category: 'accuracy/mistranslation' });
    const english = annotation({ lang: 'en', category: 'fluency/grammar' });
    expect((await push(id, 'lead', [terminology, accuracy, english])).status).toBe(200);
    // The delete carries no category: the server reads it from the annotation it holds.
    expect((await push(id, 'termi', [withdraw(terminology)])).status).toBe(200);
    expect((await push(id, 'termi', [withdraw(accuracy)])).status).toBe(403);
    // Nor can a terminologist relabel someone's accuracy mark as terminology to take it over.
    expect(
      (await push(id, 'termi', [{ ...accuracy, id: uid('chg'), category: 'terminology/wrong-term' }])).status,
    ).toBe(403);
    // A Kazakh reviewer cannot withdraw an English mark by claiming it is Kazakh.
    expect((await push(id, 'revkk', [withdraw({ ...english, lang: 'kk' })])).status).toBe(403);
    expect((await push(id, 'revkk', [withdraw(accuracy)])).status).toBe(200);
    // A terminology mark made and withdrawn in one push (offline work) is the terminologist's own.
    const own = annotation({ category: 'terminology/inconsistent', lang: 'en' });
    expect((await push(id, 'termi', [own, withdraw(own)])).status).toBe(200);
    // One the server never had shows no category: a terminologist may not send its withdrawal, a viewer nothing.
    expect((await push(id, 'termi', [withdraw(annotation())])).status).toBe(403);
    expect((await push(id, 'viewer', [withdraw(terminology)])).status).toBe(403);
  });

  it('refuses malformed changes of the new kinds with a 400', async () => {
    const id = await sharedProject();
    const bad: [unknown, string][] = [
      [comment({ text: '   ' }), 'changes.0.text'],
      [comment({ op: 'shout' }), 'changes.0.op'],
      [annotation({ severity: 'fatal' }), 'changes.0.severity'],
      [annotation({ start: -1 }), 'changes.0.start'],
      [dismissal({ issueKey: '' }), 'changes.0.issueKey'],
      [settings({ value: { englishSpelling: 'en-AU' } }), 'changes.0.value.englishSpelling'],
      [settings({ value: { disabled: 'all' } }), 'changes.0.value.disabled'],
    ];
    for (const [change, path] of bad) {
      const res = await push(id, 'lead', [change]);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.details).toEqual([expect.objectContaining({ path })]);
    }
    expect((await pull(id, 'lead')).body.changes).toEqual([]);
  });

  it('writes a retried push once, and pulls each kind back with its author from the session', async () => {
    const id = await sharedProject();
    const added = comment();
    const batch = [added, annotation(), dismissal()];
    const first = await push(id, 'revkk', batch);
    const second = await push(id, 'revkk', batch);
    expect(second.body.results.map((r: { seq: number }) => r.seq)).toEqual(
      first.body.results.map((r: { seq: number }) => r.seq),
    );
    expect(second.body.results.every((r: { duplicate: boolean }) => r.duplicate)).toBe(true);
    await push(id, 'lead', [settings()]);
    const pulled = (await pull(id, 'viewer')).body.changes;
    expect(pulled.map((c: { kind: string; author: string }) => [c.kind, c.author])).toEqual([
      ['comment', 'revkk'],
      ['annotation', 'revkk'],
      ['dismissal', 'revkk'],
      ['settings', 'lead'],
    ]);
    expect(pulled[0]).toMatchObject({ op: 'add', text: added.text, commentId: added.commentId });
    expect(pulled[3].value).toEqual({ disabled: ['spelling'], severity: { numbers: 'critical' } });
  });

  it('orders concurrent settings changes: the later arrival wins and names the one it superseded', async () => {
    const id = await sharedProject();
    const a = await push(id, 'lead', [settings()]);
    const b = await push(id, 'lead', [settings({ value: { disabled: [] } })]);
    expect(b.body.results[0].supersedes).toBe(a.body.results[0].seq);
  });
});

describe('a document added later', () => {
  it('is told to members as a change, by the lead only, and read alone by its id', async () => {
    const id = await sharedProject();
    await upload(id, 'lead', {
      project: meta,
      documents: [document('d1')],
      glossary: [entry('e1'), entry('e2')],
    });
    await upload(id, 'lead', { documents: [document('d2')] });
    const news = { id: uid('chg'), kind: 'document', base: null, documentId: 'd2', name: 'Document d2' };
    expect((await push(id, 'revkk', [{ ...news, id: uid('chg') }])).status).toBe(403);
    expect((await push(id, 'lead', [news])).status).toBe(200);
    expect((await pull(id, 'viewer')).body.changes).toEqual([
      expect.objectContaining({ kind: 'document', documentId: 'd2', author: 'lead' }),
    ]);
    const one = await call(base, 'GET', `/api/projects/${id}/content?document=d2`, tokens.viewer);
    expect(one.body.documents.map((d: { document: { id: string } }) => d.document.id)).toEqual(['d2']);
    expect(one.body.glossary).toEqual([]);
    const entries = await call(base, 'GET', `/api/projects/${id}/content?entry=e2&entry=e1`, tokens.viewer);
    expect(entries.body.documents).toEqual([]);
    expect(entries.body.glossary.map((e: { id: string }) => e.id)).toEqual(['e1', 'e2']);
    const bad = await call(base, 'GET', `/api/projects/${id}/content?documents=d2`, tokens.viewer);
    expect(bad.status).toBe(400);
  });
});
