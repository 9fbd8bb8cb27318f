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
    for (const { document, units, renderings } of content.documents) {
      const inserted = await client.query(
        `insert into documents (project_id, id, document, units, renderings, uploaded_by)
         values ($1, $2, $3, $4, $5, $6) on conflict (project_id, id) do nothing`,
        [
          projectId,
          document.id,
          JSON.stringify({ ...document, projectId }),
          JSON.stringify(units),
          JSON.stringify(renderings),
          userId,
        ],
      );
      documents += inserted.rowCount ?? 0;
    }
    let glossary = 0;
    if (content.glossary.length > 0) {
      const inserted = await client.query(
        `insert into glossary_entries (project_id, id, entry, uploaded_by)
         select $1, e.id, e.entry::jsonb, $2 from unnest($3::text[], $4::text[]) as e(id, entry)
         on conflict (project_id, id) do nothing`,
        [
          projectId,
          userId,
          content.glossary.map((e) => e.id),
          content.glossary.map((e) => JSON.stringify({ ...e, projectId })),
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
  readonly documents: readonly { document: unknown; units: unknown[]; renderings: unknown[] }[];
  readonly glossary: readonly unknown[];
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
  }>(
    `select
       (select coalesce(p.meta, '{}'::jsonb) || jsonb_build_object('id', p.id, 'name', p.name)
          from projects p where p.id = $1) as project,
       (select json_agg(json_build_object('document', d.document, 'units', d.units, 'renderings', d.renderings)
          order by d.uploaded_at, d.id) from documents d
          where d.project_id = $1 and ($2::text[] is null or d.id = any($2))) as documents,
       (select json_agg(g.entry order by g.uploaded_at, g.id) from glossary_entries g
          where g.project_id = $1 and ($3::text[] is null or g.id = any($3))) as glossary`,
    [projectId, only.documents ?? null, only.entries ?? null],
  );
  const row = rows[0];
  if (!row?.project) return null;
  return { project: row.project, documents: row.documents ?? [], glossary: row.glossary ?? [] };
}
