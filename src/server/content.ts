import type { Pool } from 'pg';
import type { ContentBody } from './schemas.ts';

export type StoredContent = {
  readonly documents: number;
  readonly glossary: number;
};

/**
 * Stores uploaded content in one transaction: the project's languages, documents and glossary entries. A
 * document or entry already there (a retried upload, the same document shared twice) is kept as it was: later
 * work on it travels as changes, so the first upload is where every member starts from. Answers how many rows
 * were new.
 */
export async function storeContent(
  pool: Pool,
  projectId: string,
  userId: number,
  content: ContentBody,
): Promise<StoredContent> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    if (content.project)
      await client.query('update projects set meta = $2 where id = $1', [
        projectId,
        JSON.stringify(content.project),
      ]);
    let documents = 0;
    for (const { document, units, renderings, revisions, reflects } of content.documents) {
      const inserted = await client.query(
        `insert into documents (project_id, id, document, units, renderings, revisions, reflects, uploaded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (project_id, id) do nothing`,
        [
          projectId,
          document.id,
          JSON.stringify({ ...document, projectId }),
          JSON.stringify(units),
          JSON.stringify(renderings),
          JSON.stringify(revisions),
          reflects,
          userId,
        ],
      );
      documents += inserted.rowCount ?? 0;
    }
    let glossary = 0;
    if (content.glossary.length > 0) {
      const inserted = await client.query(
        `insert into glossary_entries (project_id, id, entry, reflects, uploaded_by)
         select $1, e.id, e.entry::jsonb, array(select jsonb_array_elements_text(e.reflects::jsonb)), $2
           from unnest($3::text[], $4::text[], $5::text[]) as e(id, entry, reflects)
         on conflict (project_id, id) do nothing`,
        [
          projectId,
          userId,
          content.glossary.map((e) => e.id),
          content.glossary.map((e) => JSON.stringify({ ...e, projectId })),
          content.glossary.map((e) => JSON.stringify(content.entryReflects[e.id] ?? [])),
        ],
      );
      glossary = inserted.rowCount ?? 0;
    }
    await client.query('commit');
    return { documents, glossary };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export type ProjectContent = {
  readonly project: Record<string, unknown> & { readonly id: string; readonly name: string };
  readonly documents: readonly {
    document: unknown;
    units: unknown[];
    renderings: unknown[];
    revisions: unknown[];
    /** Changes the document's snapshot already contains: a member starting from it does not replay them. */
    reflects: string[];
  }[];
  readonly glossary: readonly unknown[];
  /** The same for the glossary entries read, by entry id (entries that reflect none are left out). */
  readonly entryReflects: Readonly<Record<string, string[]>>;
};

/**
 * Everything a member needs to open the project, read in one snapshot so documents and entries agree; or only the
 * documents and entries named (a document added later, an entry a term change refers to).
 */
export async function readContent(
  pool: Pool,
  projectId: string,
  only: { readonly documents?: readonly string[]; readonly entries?: readonly string[] } = {},
): Promise<ProjectContent | null> {
  const { rows } = await pool.query<{
    project: ProjectContent['project'];
    documents: ProjectContent['documents'] | null;
    glossary: unknown[] | null;
    entry_reflects: Record<string, string[]> | null;
  }>(
    `select
       (select coalesce(p.meta, '{}'::jsonb) || jsonb_build_object('id', p.id, 'name', p.name)
          from projects p where p.id = $1) as project,
       (select json_agg(json_build_object('document', d.document, 'units', d.units, 'renderings', d.renderings,
                 'revisions', d.revisions, 'reflects', d.reflects)
          order by d.uploaded_at, d.id) from documents d
          where d.project_id = $1 and ($2::text[] is null or d.id = any($2))) as documents,
       (select json_agg(g.entry order by g.uploaded_at, g.id) from glossary_entries g
          where g.project_id = $1 and ($3::text[] is null or g.id = any($3))) as glossary,
       (select json_object_agg(g.id, g.reflects) from glossary_entries g
          where g.project_id = $1 and ($3::text[] is null or g.id = any($3)) and cardinality(g.reflects) > 0)
         as entry_reflects`,
    [projectId, only.documents ?? null, only.entries ?? null],
  );
  const row = rows[0];
  if (!row?.project) return null;
  return {
    project: row.project,
    documents: row.documents ?? [],
    glossary: row.glossary ?? [],
    entryReflects: row.entry_reflects ?? {},
  };
}
