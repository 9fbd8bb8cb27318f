// Several server instances over one database: the server holds no state of its own, migrations run once however
// many instances start together, and news of changes reaches event streams on every instance.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR, MIGRATIONS_TABLE } from '../../src/server/migrate.ts';
import { hashScryptLegacy } from '../../src/server/password.ts';
import { openEvents } from './events.ts';
import {
  call,
  PASSWORD,
  startTestCluster,
  startTestServer,
  type TestCluster,
  type TestServer,
} from './testServer.ts';

let cluster: TestCluster;
let a: TestServer;
let b: TestServer;
const tokens: Record<string, { a: string; b: string }> = {};
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

beforeAll(async () => {
  cluster = await startTestCluster();
  // Both start at once: each migrates the same empty database at start.
  [a, b] = await Promise.all([
    startTestServer({ shared: cluster, heartbeatMs: 200 }),
    startTestServer({ shared: cluster, heartbeatMs: 200 }),
  ]);
  for (const name of ['lead', 'revkk', 'outsider']) {
    await a.addUser(name);
    tokens[name] = { a: await a.signIn(name), b: await b.signIn(name) };
  }
}, 120_000);

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  cluster?.stop();
}, 60_000);

async function sharedProject(): Promise<string> {
  const id = uid('proj');
  expect((await call(a.base, 'POST', '/api/projects', tokens.lead!.a, { id, name: 'Police' })).status).toBe(
    201,
  );
  const shared = await call(b.base, 'PUT', `/api/projects/${id}/members`, tokens.lead!.b, {
    user: 'revkk',
    role: 'reviewer',
    langs: ['kk'],
  });
  expect(shared.status).toBe(200);
  return id;
}

describe('two instances over one database', () => {
  it('applied each migration once although both instances migrated at the same time', async () => {
    const { rows } = await a.pool.query<{ name: string }>(`select name from ${MIGRATIONS_TABLE} order by id`);
    expect(rows.map((r) => r.name)).toEqual([
      '0001_initial-schema',
      '0002_shared-content',
      '0003_reflected-changes',
    ]);
    expect(await migrate(b.pool)).toEqual([]);
  });

  it('adopts a database made by the earlier hand-written runner, keeping its rows', async () => {
    await a.pool.query('create database legacy');
    const pool = new pg.Pool({ connectionString: cluster.url.replace(/\/postgres$/, '/legacy'), max: 2 });
    try {
      const initial = readFileSync(`${MIGRATIONS_DIR}/0001_initial-schema.sql`, 'utf8')
        .split('-- Down Migration')[0]!
        .replace(/if not exists /g, '')
        .replace('drop table if exists schema_migrations;', '');
      await pool.query(initial);
      await pool.query(
        'create table schema_migrations (version int primary key, applied_at timestamptz not null default now())',
      );
      await pool.query('insert into schema_migrations (version) values (1)');
      await pool.query("insert into users (name, password_hash) values ('old', 'scrypt$x')");
      expect(await migrate(pool)).toEqual([
        '0001_initial-schema',
        '0002_shared-content',
        '0003_reflected-changes',
      ]);
      expect((await pool.query('select name from users')).rows).toEqual([{ name: 'old' }]);
      expect((await pool.query("select to_regclass('schema_migrations') as t")).rows).toEqual([{ t: null }]);
      expect(await migrate(pool)).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it('serves a change pushed to one instance from the other, and a session made on one works on both', async () => {
    const id = await sharedProject();
    const change = rendering({ text: 'Полиция қызметі A' });
    const pushed = await call(a.base, 'POST', `/api/projects/${id}/changes`, tokens.revkk!.a, {
      changes: [change],
    });
    expect(pushed.status).toBe(200);
    const pulled = await call(b.base, 'GET', `/api/projects/${id}/changes?since=0`, tokens.revkk!.a);
    expect(pulled.status).toBe(200);
    expect(pulled.body.changes).toEqual([
      expect.objectContaining({ id: change.id, text: 'Полиция қызметі A', author: 'revkk' }),
    ]);
    // A retry of the same push sent to the other instance is recognised, not written twice.
    const retried = await call(b.base, 'POST', `/api/projects/${id}/changes`, tokens.revkk!.b, {
      changes: [change],
    });
    expect(retried.body.results).toEqual([{ ...pushed.body.results[0], duplicate: true }]);
  });
});

describe('server-sent events', () => {
  it('tells a subscriber on one instance of a push made on the other, with the latest sequence number', async () => {
    const id = await sharedProject();
    const first = await call(a.base, 'POST', `/api/projects/${id}/changes`, tokens.lead!.a, {
      changes: [rendering()],
    });
    const stream = await openEvents(`${a.base}/api/projects/${id}/events`, {
      authorization: `Bearer ${tokens.revkk!.a}`,
    });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      // On opening: the latest sequence number, so a client that missed something while away pulls at once.
      expect(await stream.next()).toEqual({
        event: 'changes',
        data: JSON.stringify({ seq: first.body.results[0].seq }),
      });
      const pushed = await call(b.base, 'POST', `/api/projects/${id}/changes`, tokens.revkk!.b, {
        changes: [rendering({ unitId: 'doc1:u2' }), rendering({ unitId: 'doc1:u3' })],
      });
      expect(pushed.status).toBe(200);
      expect(await stream.next()).toEqual({
        event: 'changes',
        data: JSON.stringify({ seq: pushed.body.results[1].seq }),
      });
    } finally {
      stream.close();
    }
  });

  it('says nothing of other projects, nor of a retried push that stored nothing new', async () => {
    const id = await sharedProject();
    const other = await sharedProject();
    const change = rendering();
    await call(a.base, 'POST', `/api/projects/${id}/changes`, tokens.lead!.a, { changes: [change] });
    const stream = await openEvents(`${b.base}/api/projects/${id}/events`, {
      authorization: `Bearer ${tokens.revkk!.b}`,
    });
    try {
      await stream.next();
      await call(a.base, 'POST', `/api/projects/${other}/changes`, tokens.lead!.a, {
        changes: [rendering()],
      });
      await call(a.base, 'POST', `/api/projects/${id}/changes`, tokens.lead!.a, { changes: [change] });
      await expect(stream.next(1500)).rejects.toThrow(/no event/);
      const later = await call(a.base, 'POST', `/api/projects/${id}/changes`, tokens.lead!.a, {
        changes: [rendering()],
      });
      expect(JSON.parse((await stream.next()).data)).toEqual({ seq: later.body.results[0].seq });
    } finally {
      stream.close();
    }
  });

  it('sends a comment heartbeat while nothing happens', async () => {
    const id = await sharedProject();
    const stream = await openEvents(`${a.base}/api/projects/${id}/events`, {
      authorization: `Bearer ${tokens.lead!.a}`,
    });
    try {
      expect(await stream.next()).toEqual({ event: 'changes', data: '{"seq":0}' });
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(stream.comments.filter((c) => c === ': heartbeat').length).toBeGreaterThanOrEqual(2);
    } finally {
      stream.close();
    }
  });

  it('authenticates by cookie as well as by bearer token, and refuses a signed-out request', async () => {
    const id = await sharedProject();
    const byCookie = await openEvents(`${b.base}/api/projects/${id}/events`, {
      cookie: `audarma_session=${tokens.revkk!.a}`,
      origin: 'http://localhost:5173',
    });
    try {
      expect(byCookie.status).toBe(200);
      expect(byCookie.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(byCookie.headers.get('access-control-allow-credentials')).toBe('true');
      expect((await byCookie.next()).event).toBe('changes');
    } finally {
      byCookie.close();
    }
    const signedOut = await openEvents(`${b.base}/api/projects/${id}/events`);
    expect([signedOut.status, signedOut.refusal]).toEqual([401, { error: 'signed-out' }]);
    const evil = await openEvents(`${b.base}/api/projects/${id}/events`, {
      authorization: `Bearer ${tokens.revkk!.b}`,
      origin: 'https://evil.example',
    });
    expect(evil.status).toBe(403);
  });

  it('answers an unknown project and one the user is not a member of alike', async () => {
    const id = await sharedProject();
    const auth = { authorization: `Bearer ${tokens.outsider!.a}` };
    const foreign = await openEvents(`${a.base}/api/projects/${id}/events`, auth);
    const unknown = await openEvents(`${a.base}/api/projects/no-such-project/events`, auth);
    expect([foreign.status, foreign.refusal]).toEqual([404, { error: 'not-found' }]);
    expect([unknown.status, unknown.refusal]).toEqual([foreign.status, foreign.refusal]);
  });

  it('ends the stream of a member removed from the project, or signed out, at the next heartbeat', async () => {
    const id = await sharedProject();
    const removed = await openEvents(`${a.base}/api/projects/${id}/events`, {
      authorization: `Bearer ${tokens.revkk!.a}`,
    });
    const token = await b.signIn('lead');
    const signedOut = await openEvents(`${b.base}/api/projects/${id}/events`, {
      authorization: `Bearer ${token}`,
    });
    const kept = await openEvents(`${b.base}/api/projects/${id}/events`, {
      authorization: `Bearer ${tokens.lead!.b}`,
    });
    try {
      await Promise.all([removed.next(), signedOut.next(), kept.next()]);
      expect((await call(b.base, 'DELETE', `/api/projects/${id}/members/revkk`, tokens.lead!.b)).status).toBe(
        200,
      );
      expect((await call(a.base, 'DELETE', '/api/session', token)).status).toBe(200);
      const within = (ms: number) => new Promise((resolve) => setTimeout(() => resolve('still open'), ms));
      expect(await Promise.race([removed.ended.then(() => 'ended'), within(3000)])).toBe('ended');
      expect(await Promise.race([signedOut.ended.then(() => 'ended'), within(3000)])).toBe('ended');
      expect(await Promise.race([kept.ended.then(() => 'ended'), within(600)])).toBe('still open');
    } finally {
      removed.close();
      signedOut.close();
      kept.close();
    }
  });

  it('ends open streams when the instance closes', async () => {
    const c = await startTestServer({ shared: cluster });
    const id = await sharedProject();
    const token = await c.signIn('lead');
    const stream = await openEvents(`${c.base}/api/projects/${id}/events`, {
      authorization: `Bearer ${token}`,
    });
    await stream.next();
    await c.stop();
    const open = new Promise((resolve) => setTimeout(() => resolve('still open'), 3000));
    expect(await Promise.race([stream.ended.then(() => 'ended'), open])).toBe('ended');
    stream.close();
  });
});

describe('passwords', () => {
  it('stores Argon2id hashes, still accepts an scrypt hash from before and replaces it at sign-in', async () => {
    const { rows } = await a.pool.query<{ password_hash: string }>(
      "select password_hash from users where name = 'lead'",
    );
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await a.addUser('veteran');
    await a.pool.query("update users set password_hash = $1 where name = 'veteran'", [
      await hashScryptLegacy(PASSWORD),
    ]);
    const wrong = await call(b.base, 'POST', '/api/session', undefined, {
      name: 'veteran',
      password: 'wrong one',
    });
    expect(wrong.status).toBe(401);
    expect(await b.signIn('veteran')).toMatch(/^[\w-]{43}$/);
    const after = await a.pool.query<{ password_hash: string }>(
      "select password_hash from users where name = 'veteran'",
    );
    expect(after.rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(await a.signIn('veteran')).toMatch(/^[\w-]{43}$/);
  });
});
