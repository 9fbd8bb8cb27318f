// `npm run bench -- sync`: 20 simulated clients × 1,000 changes each against one server over a throwaway
// PostgreSQL cluster. One change in ten goes to units every client edits, so conflicts happen. Reports
// throughput, push latency and the time until every client holds the same texts as the server.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { addUser } from '../src/server/accounts.ts';
import { createApp, listen } from '../src/server/app.ts';
import { startLocalCluster } from '../src/server/localCluster.ts';
import { migrate } from '../src/server/migrate.ts';
import { SyncClient } from '../src/sync/SyncClient.ts';
import { signInToServer } from '../src/sync/session.ts';
import { memorySyncStore } from '../src/sync/syncState.ts';

// SYNC_CLIENTS and SYNC_CHANGES scale the run down (or up) on a busy machine; the defaults are the workload.
const CLIENTS = Number(process.env.SYNC_CLIENTS ?? 20);
const CHANGES = Number(process.env.SYNC_CHANGES ?? 1000);
const BATCH = 50;
const SHARED_UNITS = 20;
const PASSWORD = 'bench password';

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export async function bench(): Promise<Record<string, number | string>> {
  const parent = mkdtempSync(join(tmpdir(), 'audarma-bench-sync-'));
  chmodSync(parent, 0o755);
  const cluster = startLocalCluster(join(parent, 'data'), 4300 + Math.floor(Math.random() * 90));
  const pool = new pg.Pool({ connectionString: cluster.url, max: 10 });
  const server = createApp({ pool, origins: [], log: () => undefined });
  try {
    await migrate(pool);
    const base = await listen(server, 0, '127.0.0.1');
    const names = Array.from({ length: CLIENTS }, (_, i) => `client${i}`);
    const tokens: string[] = [];
    for (const name of names) {
      await addUser(pool, name, PASSWORD, false);
      const signed = await signInToServer(base, name, PASSWORD);
      if (!signed.ok) throw new Error(`sign-in failed for ${name}`);
      tokens.push(signed.token);
    }
    const project = 'bench';
    const lead = tokens[0]!;
    await fetch(`${base}/api/projects`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${lead}` },
      body: JSON.stringify({ id: project, name: 'Bench' }),
    });
    for (const name of names.slice(1)) {
      await fetch(`${base}/api/projects/${project}/members`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${lead}` },
        body: JSON.stringify({ user: name, role: 'reviewer', langs: ['kk'] }),
      });
    }
    const latencies: number[] = [];
    const clients = names.map((name, i) => {
      const texts = new Map<string, string>();
      const sync = new SyncClient({
        server: base,
        projectId: project,
        user: name,
        token: tokens[i]!,
        store: memorySyncStore(),
        apply: async (changes) => {
          for (const c of changes) if (c.kind === 'rendering') texts.set(c.unitId, c.text);
        },
        fetch: async (input, init) => {
          const started = performance.now();
          const res = await fetch(input, init);
          if (init?.method === 'POST') latencies.push(performance.now() - started);
          return res;
        },
      });
      return { name, sync, texts };
    });

    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        for (let n = 0; n < CHANGES; n++) {
          const unit = n % 10 === 0 ? `shared${n % SHARED_UNITS}` : `${client.name}-u${n}`;
          const text = `${client.name} ${n}`;
          client.texts.set(unit, text);
          await client.sync.record({
            kind: 'rendering',
            documentId: 'doc',
            unitId: unit,
            lang: 'kk',
            action: 'edit',
            text,
            state: 'edited',
          });
          if ((n + 1) % BATCH === 0) {
            const status = await client.sync.sync();
            if (status.kind !== 'synced' && status.kind !== 'conflict')
              throw new Error(`${client.name}: ${status.kind}`);
          }
        }
      }),
    );
    const pushed = performance.now();
    // Until every client has pulled everything: one more round each is enough, as nothing new is written.
    await Promise.all(clients.map((c) => c.sync.sync()));
    const converged = performance.now();

    const { rows } = await pool.query<{ target: string; text: string }>(
      `select c.target, c.payload->>'text' as text from heads h join changes c on c.seq = h.seq where h.project_id = $1`,
      [project],
    );
    const truth = new Map(rows.map((r) => [r.target.replace(/:kk$/, ''), r.text]));
    const same = clients.every(
      (c) => c.texts.size === truth.size && [...truth].every(([unit, text]) => c.texts.get(unit) === text),
    );
    const stored = await pool.query<{ n: string; superseded: string }>(
      'select count(*) as n, count(supersedes) as superseded from changes where project_id = $1',
      [project],
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    const total = CLIENTS * CHANGES;
    return {
      clients: CLIENTS,
      changesPerClient: CHANGES,
      changesStored: Number(stored.rows[0]!.n),
      supersededByConflict: Number(stored.rows[0]!.superseded),
      pushes: latencies.length,
      changesPerSecond: Math.round(total / ((pushed - started) / 1000)),
      pushP50: Math.round(quantile(sorted, 0.5)),
      pushP95: Math.round(quantile(sorted, 0.95)),
      convergence: Math.round(converged - pushed),
      allClientsEqual: same ? 'yes' : 'NO',
    };
  } finally {
    await server.close();
    await pool.end();
    cluster.stop();
    rmSync(parent, { recursive: true, force: true });
  }
}
