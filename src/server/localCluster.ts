import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Debian's PostgreSQL binaries (`apt-get install postgresql`); the newest installed major version is used. */
export function findPostgresBin(): string | null {
  for (const version of ['17', '16', '15', '14']) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    if (existsSync(`${dir}/pg_ctl`)) return dir;
  }
  return null;
}

/** Installs Debian's postgresql when it is missing and this process may (root with apt-get); else explains. */
export function ensurePostgresBin(): string {
  const found = findPostgresBin();
  if (found) return found;
  const root = process.getuid?.() === 0;
  if (root && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  const installed = findPostgresBin();
  if (!installed) {
    throw new Error(
      'PostgreSQL binaries not found in /usr/lib/postgresql/*/bin: run `apt-get install postgresql`.',
    );
  }
  return installed;
}

export type LocalCluster = { readonly url: string; readonly dir: string; stop(): void };

/**
 * Starts (creating it the first time) a PostgreSQL cluster in `dir` listening on 127.0.0.1:`port` only, with
 * trust authentication for the one user "audarma". PostgreSQL refuses to run as root, so as root the cluster
 * belongs to the `postgres` system user that Debian's package creates.
 */
export function startLocalCluster(dir: string, port: number): LocalCluster {
  const bin = ensurePostgresBin();
  const abs = resolve(dir);
  const root = process.getuid?.() === 0;
  const as = (cmd: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' })
      : execFileSync(cmd, args, { stdio: 'pipe' });
  if (!existsSync(`${abs}/PG_VERSION`)) {
    mkdirSync(abs, { recursive: true });
    if (root) {
      const ids = execFileSync('id', ['-u', 'postgres']).toString().trim();
      const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
      chownSync(abs, Number(ids), Number(gid));
    }
    chmodSync(abs, 0o700);
    as(`${bin}/initdb`, ['-D', abs, '-A', 'trust', '-U', 'audarma', '-E', 'UTF8', '--no-sync']);
  }
  as(`${bin}/pg_ctl`, [
    '-D',
    abs,
    '-l',
    `${abs}/server.log`,
    '-o',
    `-p ${port} -k ${abs} -c listen_addresses=127.0.0.1 -c fsync=on`,
    '-w',
    'start',
  ]);
  return {
    url: `postgres://audarma@127.0.0.1:${port}/postgres`,
    dir: abs,
    stop: () => {
      as(`${bin}/pg_ctl`, ['-D', abs, '-m', 'fast', '-w', 'stop']);
    },
  };
}
