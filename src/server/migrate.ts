import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import type { Pool } from 'pg';

/**
 * Schema steps are SQL files in ./migrations, applied in the order of their number by node-pg-migrate and never
 * edited once released: a change to the schema is a new file. Every instance migrates at start; node-pg-migrate's
 * advisory lock (in "wait" mode) makes concurrent starts queue, so the second finds nothing left to do.
 */
const here = new URL('./migrations', import.meta.url);
// Under a browser-like test environment (jsdom) module URLs are not file URLs; the checkout's folder is meant then.
export const MIGRATIONS_DIR =
  here.protocol === 'file:' ? fileURLToPath(here) : resolve('src/server/migrations');
export const MIGRATIONS_TABLE = 'pgmigrations';

/** Applies what is missing; answers the names of the steps this call applied. */
export async function migrate(pool: Pool, log: (line: string) => void = () => undefined): Promise<string[]> {
  const client = await pool.connect();
  try {
    const applied = await runner({
      dbClient: client,
      dir: MIGRATIONS_DIR,
      direction: 'up',
      migrationsTable: MIGRATIONS_TABLE,
      advisoryLockMode: 'wait',
      singleTransaction: true,
      checkOrder: true,
      logger: { debug: () => undefined, info: log, warn: log, error: log },
    });
    return applied.map((m) => m.name);
  } finally {
    client.release();
  }
}
