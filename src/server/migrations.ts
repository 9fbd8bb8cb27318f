import type { Pool } from 'pg';

/**
 * Schema steps, applied in order and never edited once released: a change to the schema is a new step at the end.
 * Every instance runs `migrate` at start; the advisory lock makes concurrent starts wait for each other.
 */
export const MIGRATIONS: readonly string[] = [
  `create table users (
     id bigserial primary key,
     name text not null unique,
     password_hash text not null,
     is_admin boolean not null default false,
     created_at timestamptz not null default now()
   );
   create table sessions (
     token_hash text primary key,
     user_id bigint not null references users on delete cascade,
     created_at timestamptz not null default now(),
     expires_at timestamptz not null
   );
   create table login_failures (
     name text not null,
     at timestamptz not null default now()
   );
   create index login_failures_name_at on login_failures (name, at);
   create table projects (
     id text primary key,
     name text not null,
     owner_id bigint not null references users,
     created_at timestamptz not null default now()
   );
   create table members (
     project_id text not null references projects on delete cascade,
     user_id bigint not null references users on delete cascade,
     role text not null check (role in ('lead', 'reviewer', 'terminologist', 'viewer')),
     langs text[] not null default '{}',
     primary key (project_id, user_id)
   );
   create table changes (
     seq bigserial primary key,
     id text not null unique,
     project_id text not null references projects on delete cascade,
     kind text not null check (kind in ('rendering', 'term')),
     target text not null,
     base_id text,
     supersedes bigint references changes (seq),
     payload jsonb not null,
     author_id bigint not null references users,
     received_at timestamptz not null default clock_timestamp()
   );
   create index changes_project_seq on changes (project_id, seq);
   create index changes_target on changes (project_id, kind, target, seq);
   create table heads (
     project_id text not null references projects on delete cascade,
     kind text not null,
     target text not null,
     seq bigint not null references changes (seq),
     primary key (project_id, kind, target)
   );`,
];

const LOCK_KEY = 7_215_004_211;

export async function migrate(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(
      'create table if not exists schema_migrations (version int primary key, applied_at timestamptz not null default now())',
    );
    const { rows } = await client.query<{ v: number | null }>(
      'select max(version) as v from schema_migrations',
    );
    const current = rows[0]?.v ?? 0;
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      await client.query('begin');
      try {
        await client.query(MIGRATIONS[version - 1]!);
        await client.query('insert into schema_migrations (version) values ($1)', [version]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    }
    return MIGRATIONS.length;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
