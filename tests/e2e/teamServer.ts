// A real team server for the journeys: a throwaway PostgreSQL cluster and the server's HTTP app on a free port,
// which a journey may stop and start again on the same port (as a server process that dies and comes back).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { addUser } from '../../src/server/accounts.ts';
import { createApp } from '../../src/server/app.ts';
import { startLocalCluster } from '../../src/server/localCluster.ts';
import { migrate } from '../../src/server/migrations.ts';
import { freePort, PASSWORD } from '../server/testServer.ts';

export { PASSWORD };

export type JourneyServer = {
  readonly base: string;
  readonly pool: pg.Pool;
  addUser(name: string): Promise<void>;
  /** Forgets every project and change (accounts stay), so each journey starts from an empty server. */
  reset(): Promise<void>;
  /** Stops the HTTP server, cutting open connections; the database stays. */
  stopHttp(): Promise<void>;
  startHttp(): Promise<void>;
  stop(): Promise<void>;
};

export async function startJourneyServer(): Promise<JourneyServer> {
  const parent = mkdtempSync(join(tmpdir(), 'audarma-journey-pg-'));
  chmodSync(parent, 0o755);
  const cluster = startLocalCluster(join(parent, 'data'), await freePort());
  const pool = new pg.Pool({ connectionString: cluster.url, max: 8 });
  await migrate(pool);
  let http: Server | null = null;
  let port = 0;
  const startHttp = async () => {
    const server = createApp({ pool, origins: [], log: () => undefined });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    http = server;
  };
  const stopHttp = async () => {
    const server = http;
    http = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  await startHttp();
  return {
    base: `http://127.0.0.1:${port}`,
    pool,
    addUser: async (name) => {
      await addUser(pool, name, PASSWORD, false);
    },
    reset: async () => {
      await pool.query('truncate projects, members, changes, heads cascade');
    },
    stopHttp,
    startHttp,
    stop: async () => {
      await stopHttp();
      await pool.end();
      cluster.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
