import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMIT } from '../../src/server/accounts.ts';
import { call, startTestServer, type TestServer } from './testServer.ts';

let server: TestServer;
let base: string;
const tokens: Record<string, string> = {};
let counter = 0;
const uid = (prefix: string) => `${prefix}-${++counter}`;

const rendering = (over: Record<string, unknown> = {}) => ({
  id: uid('chg'),
  kind: 'rendering',
  base: null,
  documentId: 'doc1',
  unitId: 'doc1:u1',
  lang: 'kk',
  action: 'edit',
  text: 'Полиция қызметі',
  state: 'edited',
  ...over,
});
const term = (over: Record<string, unknown> = {}) => ({
  id: uid('chg'),
  kind: 'term',
  base: null,
  entryId: 'entry1',
  lang: 'kk',
  text: 'полиция',
  status: 'proposed',
  ...over,
});

beforeAll(async () => {
  server = await startTestServer();
  base = server.base;
  for (const name of ['lead', 'revkk', 'termi', 'viewer', 'outsider']) await server.addUser(name);
  await server.addUser('admin', true);
  for (const name of ['lead', 'revkk', 'termi', 'viewer', 'outsider', 'admin'])
    tokens[name] = await server.signIn(name);
}, 120_000);

afterAll(async () => {
  await server?.stop();
}, 60_000);

/** A project led by `lead`, shared with a Kazakh reviewer, a terminologist and a viewer. */
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

const push = (project: string, who: string, changes: unknown[]) =>
  call(base, 'POST', `/api/projects/${project}/changes`, tokens[who], { changes });
const pull = (project: string, who: string, since = 0, limit = 500) =>
  call(base, 'GET', `/api/projects/${project}/changes?since=${since}&limit=${limit}`, tokens[who]);

describe('accounts and sessions', () => {
  it('signs in with the right password, sets an HttpOnly SameSite cookie, and the cookie authenticates', async () => {
    const res = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'viewer', password: 'correct horse battery' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^audarma_session=[^;]+; HttpOnly; SameSite=Lax; Path=\//);
    const me = await call(base, 'GET', '/api/session', undefined, undefined, {
      cookie: cookie.split(';')[0]!,
    });
    expect(me).toEqual({
      status: 200,
      body: { user: { id: expect.any(Number), name: 'viewer', admin: false } },
    });
  });

  it('refuses a wrong password and an unknown name alike, and a missing or signed-out session', async () => {
    const wrong = await call(base, 'POST', '/api/session', undefined, { name: 'viewer', password: 'nope' });
    const unknown = await call(base, 'POST', '/api/session', undefined, { name: 'nobody', password: 'nope' });
    expect(wrong).toEqual({ status: 401, body: { error: 'wrong-credentials' } });
    expect(unknown).toEqual(wrong);
    expect((await call(base, 'GET', '/api/session')).status).toBe(401);
    const token = await server.signIn('viewer');
    expect((await call(base, 'DELETE', '/api/session', token)).status).toBe(200);
    expect((await call(base, 'GET', '/api/session', token)).status).toBe(401);
  });

  it('stops accepting sign-ins for a name after repeated failures, even with the right password', async () => {
    await server.addUser('target');
    for (let i = 0; i < LOGIN_LIMIT; i++) {
      expect(
        (await call(base, 'POST', '/api/session', undefined, { name: 'target', password: `guess${i}` }))
          .status,
      ).toBe(401);
    }
    const right = await call(base, 'POST', '/api/session', undefined, {
      name: 'target',
      password: 'correct horse battery',
    });
    expect(right).toEqual({ status: 429, body: { error: 'too-many-attempts' } });
  }, 60_000);

  it('lets only an admin create accounts, and never twice with one name', async () => {
    const body = { name: 'newbie', password: 'long enough secret' };
    expect((await call(base, 'POST', '/api/users', tokens.lead, body)).status).toBe(403);
    expect((await call(base, 'POST', '/api/users', tokens.admin, body)).status).toBe(201);
    expect((await call(base, 'POST', '/api/users', tokens.admin, body)).status).toBe(409);
    expect(await server.signIn('newbie', 'long enough secret')).toMatch(/^[\w-]{43}$/);
  });
});

describe('requests', () => {
  it('refuses a browser origin that is not allowed and answers loopback origins with CORS headers', async () => {
    const evil = await call(base, 'GET', '/api/health', undefined, undefined, {
      origin: 'https://evil.example',
    });
    expect(evil.status).toBe(403);
    const res = await fetch(`${base}/api/health`, { headers: { origin: 'http://localhost:5173' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('refuses bodies that are not JSON, have unknown fields, or are too large', async () => {
    expect((await call(base, 'POST', '/api/session', undefined, '{not json')).body.error).toBe(
      'invalid-body',
    );
    const extra = await call(base, 'POST', '/api/session', undefined, {
      name: 'lead',
      password: 'x',
      admin: true,
    });
    expect(extra.status).toBe(400);
    const big = await call(base, 'POST', '/api/session', undefined, {
      name: 'lead',
      password: 'x'.repeat(5 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
  });

  it('logs one line per request with method, path, status and duration', async () => {
    const before = server.logs.length;
    await call(base, 'GET', '/api/health');
    await call(base, 'GET', '/api/nowhere');
    expect(server.logs.slice(before)).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dT\S+ GET \/api\/health 200 \d+\.\dms$/),
      expect.stringMatching(/ GET \/api\/nowhere 404 /),
    ]);
  });
});

describe('projects and roles', () => {
  it('answers an unknown project and a project the user is not a member of alike', async () => {
    const id = await sharedProject();
    const foreign = await pull(id, 'outsider');
    const unknown = await pull('no-such-project', 'outsider');
    expect(foreign).toEqual({ status: 404, body: { error: 'not-found' } });
    expect(unknown).toEqual(foreign);
    expect((await push(id, 'outsider', [rendering()])).status).toBe(404);
    expect((await call(base, 'GET', `/api/projects/${id}/members`, tokens.outsider)).status).toBe(404);
    const listed = await call(base, 'GET', '/api/projects', tokens.outsider);
    expect(listed.body.projects.map((p: { id: string }) => p.id)).not.toContain(id);
  });

  it('lists members with their roles and languages, and lets only a lead share', async () => {
    const id = await sharedProject();
    const members = await call(base, 'GET', `/api/projects/${id}/members`, tokens.viewer);
    expect(members.body.members).toEqual([
      { user: 'lead', role: 'lead', langs: [] },
      { user: 'revkk', role: 'reviewer', langs: ['kk'] },
      { user: 'termi', role: 'terminologist', langs: [] },
      { user: 'viewer', role: 'viewer', langs: [] },
    ]);
    const byReviewer = await call(base, 'PUT', `/api/projects/${id}/members`, tokens.revkk, {
      user: 'outsider',
      role: 'lead',
    });
    expect(byReviewer.status).toBe(403);
    const badRole = await call(base, 'PUT', `/api/projects/${id}/members`, tokens.lead, {
      user: 'outsider',
      role: 'owner',
    });
    expect(badRole.status).toBe(400);
    const removed = await call(base, 'DELETE', `/api/projects/${id}/members/viewer`, tokens.lead);
    expect(removed.body.members.map((m: { user: string }) => m.user)).toEqual(['lead', 'revkk', 'termi']);
    expect((await pull(id, 'viewer')).status).toBe(404);
  });

  it('enforces roles on every write', async () => {
    const id = await sharedProject();
    const cases: [string, unknown, number][] = [
      ['viewer', rendering(), 403],
      ['viewer', term(), 403],
      ['revkk', rendering({ lang: 'en', text: 'Police service' }), 403],
      ['revkk', rendering({ action: 'approve', state: 'approved' }), 200],
      ['revkk', term({ status: 'approved' }), 403],
      ['revkk', term({ lang: 'en', text: 'police' }), 403],
      ['revkk', term(), 200],
      ['termi', term({ status: 'approved' }), 200],
      ['termi', rendering(), 403],
      ['lead', rendering({ lang: 'en', action: 'approve', state: 'approved', text: 'Police service' }), 200],
    ];
    for (const [who, change, status] of cases) {
      expect([who, change, (await push(id, who, [change])).status]).toEqual([who, change, status]);
    }
  });

  it('refuses a whole push when one change is not allowed, writing none of it', async () => {
    const id = await sharedProject();
    const res = await push(id, 'revkk', [rendering(), rendering({ lang: 'en' })]);
    expect(res.status).toBe(403);
    expect((await pull(id, 'lead')).body.changes).toEqual([]);
  });

  it('refuses a whole push when one change is malformed, writing none of it', async () => {
    const id = await sharedProject();
    const res = await push(id, 'lead', [rendering(), rendering({ state: 'perfect' })]);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([expect.objectContaining({ path: 'changes.1.state' })]);
    expect((await pull(id, 'lead')).body.changes).toEqual([]);
  });
});

describe('sync', () => {
  it('stamps author and time from the session, and refuses a client that claims them', async () => {
    const id = await sharedProject();
    const claimed = await push(id, 'revkk', [{ ...rendering(), author: 'lead', at: 0 }]);
    expect(claimed.status).toBe(400);
    const before = Date.now();
    expect((await push(id, 'revkk', [rendering({ action: 'approve', state: 'approved' })])).status).toBe(200);
    const [change] = (await pull(id, 'viewer')).body.changes;
    expect(change).toMatchObject({
      author: 'revkk',
      action: 'approve',
      state: 'approved',
      unitId: 'doc1:u1',
    });
    expect(change.at).toBeGreaterThanOrEqual(before - 1000);
    expect(change.at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('writes a retried push once and answers it with the same sequence numbers', async () => {
    const id = await sharedProject();
    const batch = [rendering(), rendering({ unitId: 'doc1:u2' })];
    const first = await push(id, 'revkk', batch);
    const retry = await push(id, 'revkk', batch);
    expect(first.body.results.map((r: { duplicate: boolean }) => r.duplicate)).toEqual([false, false]);
    expect(retry.body.results).toEqual(first.body.results.map((r: object) => ({ ...r, duplicate: true })));
    expect((await pull(id, 'lead')).body.changes).toHaveLength(2);
    const stolen = await push(id, 'lead', [batch[0]]);
    expect(stolen.status).toBe(409);
  });

  it('pulls by cursor in pages, in order, without repeating or skipping', async () => {
    const id = await sharedProject();
    const changes = Array.from({ length: 7 }, (_, i) => rendering({ unitId: `doc1:u${i}` }));
    await push(id, 'revkk', changes.slice(0, 4));
    await push(id, 'termi', [term()]);
    await push(id, 'revkk', changes.slice(4));
    const seen: string[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = (await pull(id, 'viewer', cursor, 3)).body;
      seen.push(...page.changes.map((c: { id: string }) => c.id));
      cursor = page.cursor;
      pages++;
      if (!page.more) break;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect((await pull(id, 'viewer', cursor)).body).toEqual({ changes: [], cursor, more: false });
  });

  it('keeps both of two concurrent edits of one rendering: the later arrival wins and names the one it superseded', async () => {
    const id = await sharedProject();
    const [start] = (await push(id, 'lead', [rendering({ text: 'v0' })])).body.results;
    const mine = await push(id, 'revkk', [rendering({ base: start.id, text: 'reviewer' })]);
    const theirs = await push(id, 'lead', [rendering({ base: start.id, text: 'lead' })]);
    expect(mine.body.results[0].supersedes).toBeNull();
    expect(theirs.body.results[0].supersedes).toBe(mine.body.results[0].seq);
    // A change made after seeing the head is a plain succession, not a conflict.
    const next = await push(id, 'revkk', [rendering({ base: theirs.body.results[0].id, text: 'agreed' })]);
    expect(next.body.results[0].supersedes).toBeNull();
    const history = (await pull(id, 'viewer')).body.changes.map(
      (c: { text: string; author: string; supersedes: number | null }) => [c.text, c.author, c.supersedes],
    );
    expect(history).toEqual([
      ['v0', 'lead', null],
      ['reviewer', 'revkk', null],
      ['lead', 'lead', mine.body.results[0].seq],
      ['agreed', 'revkk', null],
    ]);
  });

  it('takes two edits made in a row offline, pushed in one batch, as a succession and not a conflict', async () => {
    const id = await sharedProject();
    const first = rendering({ text: 'first' });
    const second = rendering({ base: first.id, text: 'second' });
    const res = await push(id, 'revkk', [first, second]);
    expect(res.body.results.map((r: { supersedes: number | null }) => r.supersedes)).toEqual([null, null]);
  });

  it('treats term status changes like renderings: concurrent ones are both kept, the later supersedes', async () => {
    const id = await sharedProject();
    const a = await push(id, 'termi', [term({ status: 'approved' })]);
    const b = await push(id, 'lead', [term({ status: 'forbidden' })]);
    expect(b.body.results[0].supersedes).toBe(a.body.results[0].seq);
  });

  it('loses no revision when many clients push to one rendering at once', async () => {
    const id = await sharedProject();
    const [start] = (await push(id, 'lead', [rendering({ text: 'v0' })])).body.results;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        push(id, i % 2 ? 'lead' : 'revkk', [rendering({ base: start.id, text: `edit ${i}` })]),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const changes = (await pull(id, 'viewer')).body.changes as { seq: number; supersedes: number | null }[];
    expect(changes).toHaveLength(21);
    // Exactly one edit followed v0 knowingly; every later arrival superseded the one just before it.
    const superseded = changes.slice(1).map((c) => c.supersedes);
    expect(superseded.filter((s) => s === null)).toHaveLength(1);
    expect(superseded.slice(1)).toEqual(changes.slice(1, -1).map((c) => c.seq));
  });
});
