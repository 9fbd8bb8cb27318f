import type { Pool, PoolClient } from 'pg';
import { changeTarget, type Change } from './schemas.ts';

export type PushResult = {
  readonly id: string;
  readonly seq: number;
  /** The change this one displaced without having seen it (a conflict), or null. */
  readonly supersedes: number | null;
  /** True when the change had already arrived (a retried push): nothing was written again. */
  readonly duplicate: boolean;
};

export type StoredChange = Change & {
  readonly seq: number;
  readonly author: string;
  /** Server arrival time in ms since the epoch: the time of record, whatever the client's clock said. */
  readonly at: number;
  readonly supersedes: number | null;
};

/**
 * Writes a batch of changes in one transaction.
 *
 * Conflict rule: later arrival at the server wins. Each target (one rendering, or one term) has a head, the
 * last change that arrived for it. A change whose `base` is the head (or that is the first for its target)
 * simply follows it. A change whose `base` is not the head was made without seeing the head: it still
 * becomes the new head, and records in `supersedes` the head it displaced, so the displaced change's author
 * is told on their next pull. Nothing is deleted: both stay in the history.
 *
 * The project row is locked for the transaction, so the sequence numbers of one project are handed out and
 * committed in order; a pull by cursor therefore never skips a change that commits late.
 */
export async function pushChanges(
  pool: Pool,
  projectId: string,
  authorId: number,
  changes: readonly Change[],
): Promise<PushResult[] | { readonly error: 'id-taken'; readonly id: string }> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select 1 from projects where id = $1 for update', [projectId]);
    const results: PushResult[] = [];
    for (const change of changes) {
      const result = await pushOne(client, projectId, authorId, change);
      if ('error' in result) {
        await client.query('rollback');
        return result;
      }
      results.push(result);
    }
    await client.query('commit');
    return results;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function pushOne(
  client: PoolClient,
  projectId: string,
  authorId: number,
  change: Change,
): Promise<PushResult | { readonly error: 'id-taken'; readonly id: string }> {
  const existing = await client.query<{
    seq: string;
    supersedes: string | null;
    author_id: string;
    project_id: string;
  }>('select seq, supersedes, author_id, project_id from changes where id = $1', [change.id]);
  const found = existing.rows[0];
  if (found) {
    // The same client id from someone else (or for another project) is not a retry: refuse rather than guess.
    if (Number(found.author_id) !== authorId || found.project_id !== projectId) {
      return { error: 'id-taken', id: change.id };
    }
    return {
      id: change.id,
      seq: Number(found.seq),
      supersedes: nullableNumber(found.supersedes),
      duplicate: true,
    };
  }
  const target = changeTarget(change);
  const head = await client.query<{ seq: string; id: string }>(
    `select h.seq, c.id from heads h join changes c on c.seq = h.seq
      where h.project_id = $1 and h.kind = $2 and h.target = $3`,
    [projectId, change.kind, target],
  );
  const headRow = head.rows[0];
  const supersedes = headRow && headRow.id !== change.base ? Number(headRow.seq) : null;
  const { id, kind, base, ...payload } = change;
  const inserted = await client.query<{ seq: string }>(
    `insert into changes (id, project_id, kind, target, base_id, supersedes, payload, author_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning seq`,
    [id, projectId, kind, target, base, supersedes, payload, authorId],
  );
  const seq = Number(inserted.rows[0]!.seq);
  await client.query(
    `insert into heads (project_id, kind, target, seq) values ($1, $2, $3, $4)
     on conflict (project_id, kind, target) do update set seq = excluded.seq`,
    [projectId, kind, target, seq],
  );
  return { id, seq, supersedes, duplicate: false };
}

export async function pullChanges(
  pool: Pool,
  projectId: string,
  since: number,
  limit: number,
): Promise<{ readonly changes: StoredChange[]; readonly cursor: number; readonly more: boolean }> {
  const { rows } = await pool.query<{
    seq: string;
    id: string;
    kind: 'rendering' | 'term';
    base_id: string | null;
    supersedes: string | null;
    payload: Record<string, unknown>;
    author: string;
    received_at: Date;
  }>(
    `select c.seq, c.id, c.kind, c.base_id, c.supersedes, c.payload, u.name as author, c.received_at
       from changes c join users u on u.id = c.author_id
      where c.project_id = $1 and c.seq > $2
      order by c.seq limit $3`,
    [projectId, since, limit + 1],
  );
  const page = rows.slice(0, limit);
  const changes = page.map(
    (row) =>
      ({
        ...row.payload,
        id: row.id,
        kind: row.kind,
        base: row.base_id,
        seq: Number(row.seq),
        supersedes: nullableNumber(row.supersedes),
        author: row.author,
        at: row.received_at.getTime(),
      }) as StoredChange,
  );
  return { changes, cursor: changes.at(-1)?.seq ?? since, more: rows.length > limit };
}

const nullableNumber = (value: string | null): number | null => (value === null ? null : Number(value));
