// A real team server for the journeys (a throwaway PostgreSQL cluster, as the server tests start it), reached
// through a TCP relay on a port of its own: stopping the relay cuts every open connection and refuses new ones,
// exactly as a server process that dies does to its clients, and starting it again brings the server back.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type pg from 'pg';
import { freePort, PASSWORD, startTestServer } from '../server/testServer.ts';

export { PASSWORD };

export type JourneyServer = {
  readonly base: string;
  readonly pool: pg.Pool;
  addUser(name: string): Promise<void>;
  /** Forgets every project and change (accounts stay), so each journey starts from an empty server. */
  reset(): Promise<void>;
  /** The server goes away: open connections are cut mid-request, new ones refused. */
  stopHttp(): Promise<void>;
  startHttp(): Promise<void>;
  stop(): Promise<void>;
};

export async function startJourneyServer(): Promise<JourneyServer> {
  const server = await startTestServer();
  const upstream = new URL(server.base);
  const port = await freePort();
  const sockets = new Set<Socket>();
  let relay: Server | null = null;
  const startHttp = async () => {
    const next = createServer((client) => {
      const target = connect(Number(upstream.port), upstream.hostname);
      for (const socket of [client, target]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(target).pipe(client);
      client.on('close', () => target.destroy());
      target.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => next.listen(port, '127.0.0.1', resolve));
    relay = next;
  };
  const stopHttp = async () => {
    const current = relay;
    relay = null;
    if (!current) return;
    const closed = new Promise<void>((resolve) => current.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  await startHttp();
  return {
    base: `http://127.0.0.1:${port}`,
    pool: server.pool,
    addUser: (name) => server.addUser(name),
    reset: async () => {
      await server.pool.query('truncate projects, members, changes, heads cascade');
    },
    stopHttp,
    startHttp,
    stop: async () => {
      await stopHttp();
      await server.stop();
    },
  };
}
