import type { Pool, PoolClient } from 'pg';
import { notifyStatement } from './changeFeed.ts';
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
 * committed in order; a pull by cursor therefore never skips a change that commits late. Pushes to one project
 * thus take turns, so the time under the lock is kept to three round trips (read, write, commit): the earlier
 * ids, the heads and the new sequence numbers are read in one statement, and the changes, the heads and the
 * notification are written in another.
 */
export async function pushChanges(
  pool: Pool,
  projectId: string,
  authorId: number,
  changes: readonly Change[],
): Promise<PushResult[] | { readonly error: 'id-taken'; readonly id: string }> {
  const client = await pool.connect();
  try {
    // One round trip for both; the id goes in as a quoted literal as a multi-statement query takes no parameters.
    await client.query(
      `begin; select 1 from projects where id = ${client.escapeLiteral(projectId)} for update`,
    );
    const results = await pushBatch(client, projectId, authorId, changes);
    await client.query('error' in results ? 'rollback' : 'commit');
    return results;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

type Known = { id: string; seq: string; supersedes: string | null; author_id: string; project_id: string };
type Head = { kind: string; target: string; seq: string; id: string };

async function pushBatch(
  client: PoolClient,
  projectId: string,
  authorId: number,
  changes: readonly Change[],
): Promise<PushResult[] | { readonly error: 'id-taken'; readonly id: string }> {
  // Sequence numbers are drawn for the whole batch, retries included: the gaps that leaves cost nothing, as
  // pulls go by "after this number", and it saves a round trip under the lock.
  const read = await client.query<{ known: Known[] | null; heads: Head[] | null; seqs: string[] }>(
    `select
       (select json_agg(c) from (select id, seq, supersedes, author_id, project_id from changes
          where id = any($1)) c) as known,
       (select json_agg(h) from (select h.kind, h.target, h.seq, c.id from heads h join changes c on c.seq = h.seq
          where h.project_id = $2 and h.target = any($3)) h) as heads,
       array(select nextval(pg_get_serial_sequence('changes', 'seq')) from generate_series(1, $4)) as seqs`,
    [changes.map((c) => c.id), projectId, [...new Set(changes.map(changeTarget))], changes.length],
  );
  const row = read.rows[0]!;
  const known = new Map((row.known ?? []).map((k) => [k.id, k]));
  for (const k of known.values()) {
    // The same client id from someone else (or for another project) is not a retry: refuse rather than guess.
    if (Number(k.author_id) !== authorId || k.project_id !== projectId)
      return { error: 'id-taken', id: k.id };
  }
  const fresh = changes.filter((c, i) => !known.has(c.id) && changes.findIndex((d) => d.id === c.id) === i);
  const key = (kind: string, target: string) => `${kind}\u0000${target}`;
  const heads = new Map<string, { seq: number; id: string }>();
  for (const h of row.heads ?? []) heads.set(key(h.kind, h.target), { seq: Number(h.seq), id: h.id });
  const seqs = row.seqs.map(Number).sort((a, b) => a - b);
  const written = new Map<string, PushResult>();
  const rows = fresh.map((change, i) => {
    const target = changeTarget(change);
    const head = heads.get(key(change.kind, target));
    const seq = seqs[i]!;
    const supersedes = head && head.id !== change.base ? head.seq : null;
    heads.set(key(change.kind, target), { seq, id: change.id });
    written.set(change.id, { id: change.id, seq, supersedes, duplicate: false });
    const { id: _id, kind: _kind, base: _base, ...payload } = change;
    return {
      seq,
      id: change.id,
      kind: change.kind,
      target,
      base: change.base,
      supersedes,
      payload: JSON.stringify(payload),
    };
  });
  if (rows.length > 0) {
    const last = [...new Map(rows.map((r) => [key(r.kind, r.target), r])).values()];
    // The notification is delivered by PostgreSQL to every instance's listeners when, and only if, this commits.
    await client.query(
      `with written as (
         insert into changes (seq, id, project_id, kind, target, base_id, supersedes, payload, author_id)
         select r.seq, r.id, $1, r.kind, r.target, r.base, r.supersedes, r.payload::jsonb, $2
           from unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[])
             as r(seq, id, kind, target, base, supersedes, payload)
          order by r.seq
         returning seq
       ), moved as (
         insert into heads (project_id, kind, target, seq)
         select $1, h.kind, h.target, h.seq from unnest($10::text[], $11::text[], $12::bigint[]) as h(kind, target, seq)
         on conflict (project_id, kind, target) do update set seq = excluded.seq
       )
       ${notifyStatement('$1', '(select max(seq) from written)')}`,
      [
        projectId,
        authorId,
        rows.map((r) => r.seq),
        rows.map((r) => r.id),
        rows.map((r) => r.kind),
        rows.map((r) => r.target),
        rows.map((r) => r.base),
        rows.map((r) => r.supersedes),
        rows.map((r) => r.payload),
        last.map((r) => r.kind),
        last.map((r) => r.target),
        last.map((r) => r.seq),
      ],
    );
  }
  return changes.map((change) => {
    const k = known.get(change.id);
    if (k)
      return {
        id: change.id,
        seq: Number(k.seq),
        supersedes: nullableNumber(k.supersedes),
        duplicate: true,
      };
    return written.get(change.id)!;
  });
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
    kind: Change['kind'];
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
