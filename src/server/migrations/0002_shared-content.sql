-- Up Migration
-- A shared project's content as its owner uploaded it: documents (units and the renderings' state at upload time)
-- and glossary entries. Later work on them travels as changes; these rows are where a new member starts from.
alter table projects add column meta jsonb;
create table documents (
  project_id text not null references projects on delete cascade,
  id text not null,
  document jsonb not null,
  units jsonb not null,
  renderings jsonb not null,
  uploaded_by bigint not null references users,
  uploaded_at timestamptz not null default now(),
  primary key (project_id, id)
);
create table glossary_entries (
  project_id text not null references projects on delete cascade,
  id text not null,
  entry jsonb not null,
  uploaded_by bigint not null references users,
  uploaded_at timestamptz not null default now(),
  primary key (project_id, id)
);
-- Comments, annotations, dismissed QA issues and check settings travel as changes too, and so does the news of a
-- document added to the project (its content is fetched from the table above).
alter table changes drop constraint changes_kind_check;
alter table changes add constraint changes_kind_check
  check (kind in ('rendering', 'term', 'comment', 'annotation', 'dismissal', 'settings', 'document'));

-- Down Migration
delete from changes where kind not in ('rendering', 'term');
alter table changes drop constraint changes_kind_check;
alter table changes add constraint changes_kind_check check (kind in ('rendering', 'term'));
drop table glossary_entries;
drop table documents;
alter table projects drop column meta;
