// A real throwaway PostgreSQL cluster and a real server on free ports, for one test file. No mock database.
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { addUser } from '../../src/server/accounts.ts';
import { createApp, listen } from '../../src/server/app.ts';
import { startLocalCluster } from '../../src/server/localCluster.ts';
import { migrate } from '../../src/server/migrate.ts';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

export type TestCluster = {
  readonly url: string;
  stop(): void;
};

/** A throwaway PostgreSQL cluster on a free port, in a temporary folder removed by `stop`. */
export async function startTestCluster(): Promise<TestCluster> {
  const parent = mkdtempSync(join(tmpdir(), 'audarma-pg-'));
  chmodSync(parent, 0o755);
  const cluster = startLocalCluster(join(parent, 'data'), await freePort());
  return {
    url: cluster.url,
    stop() {
      cluster.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

export type TestServer = {
  readonly base: string;
  readonly pool: pg.Pool;
  readonly logs: string[];
  signIn(name: string, password?: string): Promise<string>;
  addUser(name: string, admin?: boolean): Promise<void>;
  stop(): Promise<void>;
};

export const PASSWORD = 'correct horse battery';

/**
 * A server instance with a pool of its own, as a separate process would have. Over `shared` (several instances on
 * one database) it leaves the cluster running when it stops; without it, it starts and stops a cluster of its own.
 */
export async function startTestServer(
  options: { shared?: TestCluster; heartbeatMs?: number } = {},
): Promise<TestServer> {
  const cluster = options.shared ?? (await startTestCluster());
  const pool = new pg.Pool({ connectionString: cluster.url, max: 8 });
  const logs: string[] = [];
  // Connections not closed yet: the cluster is stopped only once none is, since stopping it tells each open one
  // that the server is going away, which reaches the process as an error event.
  const open = new Set<pg.Client>();
  pool.on('connect', (client) => {
    open.add(client);
    client.on('end', () => open.delete(client));
  });
  pool.on('error', (error) => logs.push(`database connection lost: ${error.message}`));
  await migrate(pool);
  const app = createApp({
    pool,
    origins: [],
    log: (line) => logs.push(line),
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
  });
  const base = await listen(app, 0, '127.0.0.1');
  return {
    base,
    pool,
    logs,
    async addUser(name, admin = false) {
      await addUser(pool, name, PASSWORD, admin);
    },
    async signIn(name, password = PASSWORD) {
      const res = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password }),
      });
      if (res.status !== 200) throw new Error(`sign-in of ${name} answered ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    },
    async stop() {
      await app.close();
      // end() resolves once the pool has let its connections go, not once they have closed.
      await pool.end();
      let late: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.all([...open].map((client) => new Promise((closed) => client.once('end', closed)))),
        new Promise((given) => (late = setTimeout(given, 5000))),
      ]);
      clearTimeout(late);
      for (const client of open) client.on('error', () => undefined);
      if (!options.shared) cluster.stop();
    },
  };
}

/** A JSON request with a bearer token; answers status and parsed body. */
export async function call(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
  // The answers' shapes are what the tests assert, so they are left untyped here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
