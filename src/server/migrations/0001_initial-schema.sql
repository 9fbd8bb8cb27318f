-- Up Migration
-- The schema as the server's first release created it. "if not exists" lets a database made by that release's
-- own migration runner adopt this history; its bookkeeping table is dropped at the end.
create table if not exists users (
  id bigserial primary key,
  name text not null unique,
  password_hash text not null,
  is_admin boolean not null default false,
  created_at timestamptz not null default now()
);
create table if not exists sessions (
  token_hash text primary key,
  user_id bigint not null references users on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create table if not exists login_failures (
  name text not null,
  at timestamptz not null default now()
);
create index if not exists login_failures_name_at on login_failures (name, at);
create table if not exists projects (
  id text primary key,
  name text not null,
  owner_id bigint not null references users,
  created_at timestamptz not null default now()
);
create table if not exists members (
  project_id text not null references projects on delete cascade,
  user_id bigint not null references users on delete cascade,
  role text not null check (role in ('lead', 'reviewer', 'terminologist', 'viewer')),
  langs text[] not null default '{}',
  primary key (project_id, user_id)
);
create table if not exists changes (
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
create index if not exists changes_project_seq on changes (project_id, seq);
create index if not exists changes_target on changes (project_id, kind, target, seq);
create table if not exists heads (
  project_id text not null references projects on delete cascade,
  kind text not null,
  target text not null,
  seq bigint not null references changes (seq),
  primary key (project_id, kind, target)
);
drop table if exists schema_migrations;

-- Down Migration
drop table heads;
drop table changes;
drop table members;
drop table projects;
drop table login_failures;
drop table sessions;
drop table users;
