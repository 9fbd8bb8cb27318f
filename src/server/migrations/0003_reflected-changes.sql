-- Up Migration
-- An upload is a snapshot of the owner's browser, which may already hold changes still waiting in its outbox: those
-- are pushed after the upload and would be replayed on top of the snapshot that contains them. Each document and
-- glossary entry keeps the ids of the changes its snapshot already reflects, so a member who starts from it skips
-- them; and a document keeps its history as it stood, so the member's history has every change once.
alter table documents add column revisions jsonb not null default '[]';
alter table documents add column reflects text[] not null default '{}';
alter table glossary_entries add column reflects text[] not null default '{}';

-- Down Migration
alter table glossary_entries drop column reflects;
alter table documents drop column reflects;
alter table documents drop column revisions;
