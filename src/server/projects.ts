import type { Pool } from 'pg';
import type { Membership, Role } from './roles.ts';

export async function createProject(pool: Pool, id: string, name: string, ownerId: number): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const inserted = await client.query(
      'insert into projects (id, name, owner_id) values ($1, $2, $3) on conflict (id) do nothing',
      [id, name, ownerId],
    );
    if (inserted.rowCount === 0) {
      await client.query('rollback');
      return false;
    }
    await client.query("insert into members (project_id, user_id, role) values ($1, $2, 'lead')", [
      id,
      ownerId,
    ]);
    await client.query('commit');
    return true;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function membership(pool: Pool, projectId: string, userId: number): Promise<Membership | null> {
  const { rows } = await pool.query<{ role: Role; langs: string[] }>(
    'select role, langs from members where project_id = $1 and user_id = $2',
    [projectId, userId],
  );
  return rows[0] ?? null;
}

/** The session's user and their membership of the project (null when not a member), in one round trip. */
export async function sessionMembership(
  pool: Pool,
  tokenHash: string,
  projectId: string,
): Promise<{ user: { id: number; name: string; admin: boolean }; member: Membership | null } | null> {
  const { rows } = await pool.query<{
    id: string;
    name: string;
    is_admin: boolean;
    role: Role | null;
    langs: string[] | null;
  }>(
    `select u.id, u.name, u.is_admin, m.role, m.langs
       from sessions s join users u on u.id = s.user_id
       left join members m on m.project_id = $2 and m.user_id = u.id
      where s.token_hash = $1 and s.expires_at > now()`,
    [tokenHash, projectId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    user: { id: Number(row.id), name: row.name, admin: row.is_admin },
    member: row.role ? { role: row.role, langs: row.langs ?? [] } : null,
  };
}

export async function listProjects(pool: Pool, userId: number) {
  // `content`: whether the project's documents are on the server, for a member to download.
  const { rows } = await pool.query<{
    id: string;
    name: string;
    role: Role;
    langs: string[];
    content: boolean;
  }>(
    `select p.id, p.name, m.role, m.langs, p.meta is not null as content
       from projects p join members m on m.project_id = p.id
      where m.user_id = $1 order by p.created_at`,
    [userId],
  );
  return rows;
}

export async function listMembers(pool: Pool, projectId: string) {
  const { rows } = await pool.query<{ user: string; role: Role; langs: string[] }>(
    `select u.name as user, m.role, m.langs from members m join users u on u.id = m.user_id
      where m.project_id = $1 order by u.name`,
    [projectId],
  );
  return rows;
}

export async function setMember(
  pool: Pool,
  projectId: string,
  userId: number,
  role: Role,
  langs: readonly string[],
) {
  await pool.query(
    `insert into members (project_id, user_id, role, langs) values ($1, $2, $3, $4)
     on conflict (project_id, user_id) do update set role = excluded.role, langs = excluded.langs`,
    [projectId, userId, role, langs],
  );
}

export async function removeMember(pool: Pool, projectId: string, userId: number): Promise<void> {
  await pool.query('delete from members where project_id = $1 and user_id = $2', [projectId, userId]);
}
