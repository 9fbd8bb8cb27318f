// `npm run server`: the team server. Configured from the environment only: DATABASE_URL (without it, a
// PostgreSQL cluster is started in AUDARMA_DATA, default ./.audarma-server), PORT, HOST, ORIGINS.
// `npm run server -- users add NAME [--admin] --password-stdin` creates an account and exits.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { addUser } from './accounts.ts';
import { createApp, listen } from './app.ts';
import { readConfig } from './config.ts';
import { startLocalCluster, type LocalCluster } from './localCluster.ts';
import { migrate } from './migrate.ts';

const config = readConfig(process.env);
let cluster: LocalCluster | undefined;
let databaseUrl = config.databaseUrl;
if (!databaseUrl) {
  cluster = startLocalCluster(config.dataDir, Number(process.env.PGPORT ?? '4398'));
  databaseUrl = cluster.url;
  console.log(`PostgreSQL cluster in ${cluster.dir}`);
}
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
// An idle connection the database drops (a restart, an administrator) reaches the pool as an error: without a
// listener that would end the process. The pool opens a new connection for the next query.
pool.on('error', (error) => console.log(`database connection lost: ${error.message}`));
await migrate(pool, (line) => console.log(line));

const args = process.argv.slice(2);
if (args[0] === 'users' && args[1] === 'add' && args[2]) {
  if (!args.includes('--password-stdin')) {
    console.error('users add NAME [--admin] --password-stdin: the password is read from standard input.');
    process.exit(2);
  }
  const password = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  if (password.length < 8) {
    console.error('The password must have at least 8 characters.');
    process.exit(2);
  }
  const user = await addUser(pool, args[2], password, args.includes('--admin'));
  console.log(
    user ? `Added ${user.name}${user.admin ? ' (admin)' : ''}.` : `A user named ${args[2]} already exists.`,
  );
  await pool.end();
  cluster?.stop();
  process.exit(user ? 0 : 1);
}

const app = createApp({ pool, origins: config.origins, log: (line) => console.log(line) });
console.log(`Audarma server on ${await listen(app, config.port, config.host)}`);

const shutdown = () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => {
      cluster?.stop();
      process.exit(0);
    });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
