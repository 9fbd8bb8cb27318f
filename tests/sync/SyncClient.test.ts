// The sync module against a real server over a real throwaway PostgreSQL cluster: two (or three) clients, each
// with its own store, standing in for browsers with separate IndexedDBs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../src/sync/SyncClient.ts';
import { signInToServer } from '../../src/sync/session.ts';
import type { RenderingChange, ServerChange } from '../../src/sync/protocol.ts';
import { memorySyncStore } from '../../src/sync/syncState.ts';
import { call, PASSWORD, startTestServer, type TestServer } from '../server/testServer.ts';

let server: TestServer;
const tokens: Record<string, string> = {};
let projects = 0;

beforeAll(async () => {
  server = await startTestServer();
  for (const name of ['anna', 'bolat', 'outsider']) {
    await server.addUser(name);
    const signed = await signInToServer(server.base, name, PASSWORD);
    if (!signed.ok) throw new Error(`sign-in failed: ${signed.reason}`);
    tokens[name] = signed.token;
  }
}, 120_000);

afterAll(async () => {
  await server?.stop();
}, 60_000);

/** A working copy: the texts a browser would hold in IndexedDB, keyed by unit and language. */
type Peer = { sync: SyncClient; texts: Map<string, string>; applied: ServerChange[]; online: boolean };

function peer(name: string, projectId: string): Peer {
  const texts = new Map<string, string>();
  const applied: ServerChange[] = [];
  const state: Peer = { sync: undefined as unknown as SyncClient, texts, applied, online: true };
  state.sync = new SyncClient({
    server: server.base,
    projectId,
    user: name,
    token: tokens[name]!,
    store: memorySyncStore(),
    fetch: (input, init) =>
      state.online ? fetch(input, init) : Promise.reject(new TypeError('fetch failed')),
    apply: async (changes) => {
      for (const c of changes) {
        applied.push(c);
        if (c.kind === 'rendering') texts.set(`${c.unitId}:${c.lang}`, c.text);
      }
    },
  });
  return state;
}

/** Edits a rendering locally: the working copy and the outbox, as the workbench does. */
async function edit(p: Peer, unit: string, text: string, action: 'edit' | 'approve' = 'edit') {
  p.texts.set(`${unit}:kk`, text);
  await p.sync.record({
    kind: 'rendering',
    documentId: 'doc',
    unitId: unit,
    lang: 'kk',
    action,
    text,
    state: action === 'approve' ? 'approved' : 'edited',
  });
}

async function sharedProject(): Promise<string> {
  const id = `project-${++projects}`;
  await call(server.base, 'POST', '/api/projects', tokens.anna, { id, name: 'Police' });
  await call(server.base, 'PUT', `/api/projects/${id}/members`, tokens.anna, {
    user: 'bolat',
    role: 'reviewer',
    langs: ['kk'],
  });
  return id;
}

describe('SyncClient', () => {
  it('brings an approval by one reviewer to the other, stamped with the approver', async () => {
    const project = await sharedProject();
    const anna = peer('anna', project);
    const bolat = peer('bolat', project);
    await edit(anna, 'u1', 'Полиция реформасы', 'approve');
    expect(await anna.sync.status()).toEqual({ kind: 'waiting', count: 1 });
    expect(await anna.sync.sync()).toEqual({ kind: 'synced' });
    expect(await bolat.sync.sync()).toEqual({ kind: 'synced' });
    expect(bolat.texts.get('u1:kk')).toBe('Полиция реформасы');
    expect(bolat.applied).toEqual([
      expect.objectContaining({ author: 'anna', action: 'approve', state: 'approved' }),
    ]);
    // Anna's own change does not come back to her as someone else's.
    await anna.sync.sync();
    expect(anna.applied).toEqual([]);
  });

  it('keeps 50 edits made offline and delivers all of them once back online', async () => {
    const project = await sharedProject();
    const anna = peer('anna', project);
    const bolat = peer('bolat', project);
    bolat.online = false;
    for (let i = 0; i < 50; i++) await edit(bolat, `u${i}`, `мәтін ${i}`);
    expect(await bolat.sync.sync()).toEqual({ kind: 'offline', waiting: 50 });
    bolat.online = true;
    expect(await bolat.sync.sync()).toEqual({ kind: 'synced' });
    await anna.sync.sync();
    expect(anna.texts.size).toBe(50);
    expect(anna.texts.get('u49:kk')).toBe('мәтін 49');
    expect(anna.applied.every((c) => c.author === 'bolat')).toBe(true);
  });

  it('neither loses nor doubles a push whose answer was lost on the way back', async () => {
    const project = await sharedProject();
    const anna = peer('anna', project);
    let dropAnswer = true;
    const bolat = new SyncClient({
      server: server.base,
      projectId: project,
      user: 'bolat',
      token: tokens.bolat!,
      store: memorySyncStore(),
      apply: async () => undefined,
      // The server receives and commits the push, but the answer never reaches the client.
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (dropAnswer && init?.method === 'POST') {
          dropAnswer = false;
          throw new TypeError('connection reset');
        }
        return res;
      },
    });
    for (const text of ['бір', 'екі']) {
      await bolat.record({
        kind: 'rendering',
        documentId: 'doc',
        unitId: text,
        lang: 'kk',
        action: 'edit',
        text,
        state: 'edited',
      });
    }
    expect(await bolat.sync()).toEqual({ kind: 'offline', waiting: 2 });
    expect(await bolat.sync()).toEqual({ kind: 'synced' });
    await anna.sync.sync();
    expect(anna.applied.map((c) => (c as RenderingChange).text)).toEqual(['бір', 'екі']);
  });

  it('flags a superseded edit with both texts; taking theirs clears it, and every copy ends the same', async () => {
    const project = await sharedProject();
    const anna = peer('anna', project);
    const bolat = peer('bolat', project);
    await edit(anna, 'u1', 'бастапқы');
    await anna.sync.sync();
    await bolat.sync.sync();
    anna.online = false;
    bolat.online = false;
    await edit(anna, 'u1', 'Аннаның нұсқасы');
    await edit(bolat, 'u1', 'Болаттың нұсқасы');
    anna.online = true;
    bolat.online = true;
    expect(await anna.sync.sync()).toEqual({ kind: 'synced' });
    // Bolat's edit arrives later and wins; Anna is told her edit was superseded.
    expect(await bolat.sync.sync()).toEqual({ kind: 'synced' });
    expect(await anna.sync.sync()).toEqual({ kind: 'conflict', count: 1 });
    const [conflict] = await anna.sync.conflicts();
    expect([conflict?.mine.text, conflict?.theirs.text, conflict?.theirs.author]).toEqual([
      'Аннаның нұсқасы',
      'Болаттың нұсқасы',
      'bolat',
    ]);
    expect(anna.texts.get('u1:kk')).toBe('Болаттың нұсқасы');
    expect(bolat.texts.get('u1:kk')).toBe('Болаттың нұсқасы');
    await anna.sync.resolve(conflict!.target, 'theirs');
    expect(await anna.sync.sync()).toEqual({ kind: 'synced' });
    // Both revisions stay in the server's history.
    const history = (await call(server.base, 'GET', `/api/projects/${project}/changes`, tokens.anna)).body
      .changes;
    expect(history.map((c: RenderingChange) => c.text)).toEqual([
      'бастапқы',
      'Аннаның нұсқасы',
      'Болаттың нұсқасы',
    ]);
  });

  it('lets the superseded reviewer keep their own text, which then wins without a new conflict', async () => {
    const project = await sharedProject();
    const anna = peer('anna', project);
    const bolat = peer('bolat', project);
    await edit(anna, 'u1', 'A');
    await anna.sync.sync();
    await edit(bolat, 'u1', 'B');
    await bolat.sync.sync();
    expect(await anna.sync.sync()).toEqual({ kind: 'conflict', count: 1 });
    const [conflict] = await anna.sync.conflicts();
    await anna.sync.resolve(conflict!.target, 'mine');
    anna.texts.set('u1:kk', conflict!.mine.text);
    expect(await anna.sync.sync()).toEqual({ kind: 'synced' });
    expect(await bolat.sync.sync()).toEqual({ kind: 'synced' });
    expect(bolat.texts.get('u1:kk')).toBe('A');
  });

  it('tells a user who is not a member that the project cannot be synced, and shows them nothing', async () => {
    const project = await sharedProject();
    const anna = peer('anna', project);
    await edit(anna, 'u1', 'құпия');
    await anna.sync.sync();
    const outsider = peer('outsider', project);
    expect(await outsider.sync.sync()).toEqual({ kind: 'refused', code: 'not-found' });
    expect(outsider.applied).toEqual([]);
  });

  it('gives changes queued by the workbench their base at push, chained per target, and each id once', async () => {
    const project = await sharedProject();
    const store = memorySyncStore();
    const past: ServerChange[] = [];
    const fresh: ServerChange[] = [];
    const anna = new SyncClient({
      server: server.base,
      projectId: project,
      user: 'anna',
      token: tokens.anna!,
      store,
      apply: async (changes, lost) => {
        fresh.push(...changes);
        past.push(...lost);
      },
    });
    const queued = (id: string, text: string) =>
      ({
        id,
        kind: 'rendering',
        documentId: 'doc',
        unitId: 'u1',
        lang: 'kk',
        action: 'edit',
        text,
        state: 'edited',
      }) as const;
    // Written the way the workbench writes: straight into the outbox, without a base.
    await store.save(await store.load(), { queued: [queued('a-1', 'бір'), queued('a-2', 'екі')] });
    expect(await anna.sync()).toEqual({ kind: 'synced' });
    const { rows } = await server.pool.query(
      'select id, base_id from changes where project_id = $1 order by seq',
      [project],
    );
    expect(rows).toEqual([
      { id: 'a-1', base_id: null },
      { id: 'a-2', base_id: 'a-1' },
    ]);
    // Neither of Anna's own changes came back to her as someone else's, not even the one a later one replaced.
    expect([...fresh, ...past]).toEqual([]);
    expect((await store.load()).sent).toEqual({});
  });

  it('hands a change that lost to a later local one to the history, not to the working copy', async () => {
    const project = await sharedProject();
    const anna = peer('anna', project);
    const past: ServerChange[] = [];
    const bolat = new SyncClient({
      server: server.base,
      projectId: project,
      user: 'bolat',
      token: tokens.bolat!,
      store: memorySyncStore(),
      apply: async (changes, lost) => {
        expect(changes).toEqual([]);
        past.push(...lost);
      },
    });
    await edit(anna, 'u1', 'Аннаның мәтіні');
    await bolat.record({
      kind: 'rendering',
      documentId: 'doc',
      unitId: 'u1',
      lang: 'kk',
      action: 'edit',
      text: 'Болаттың мәтіні',
      state: 'edited',
    });
    await anna.sync.sync();
    await bolat.sync();
    expect(past).toEqual([expect.objectContaining({ author: 'anna', text: 'Аннаның мәтіні' })]);
  });
});
