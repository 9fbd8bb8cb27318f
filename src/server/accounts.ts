import type { Pool } from 'pg';
import { hashPassword, needsRehash, newSessionToken, tokenHash, verifyPassword } from './password.ts';

export type User = { readonly id: number; readonly name: string; readonly admin: boolean };

const SESSION_DAYS = 30;
/** Failed sign-ins allowed per user name in the window before further attempts are refused. */
export const LOGIN_LIMIT = 10;
const LOGIN_WINDOW = '15 minutes';

export async function addUser(
  pool: Pool,
  name: string,
  password: string,
  admin: boolean,
): Promise<User | null> {
  const hash = await hashPassword(password);
  const { rows } = await pool.query<{ id: string }>(
    'insert into users (name, password_hash, is_admin) values ($1, $2, $3) on conflict (name) do nothing returning id',
    [name, hash, admin],
  );
  return rows[0] ? { id: Number(rows[0].id), name, admin } : null;
}

export async function findUserByName(pool: Pool, name: string): Promise<User | null> {
  const { rows } = await pool.query<{ id: string; name: string; is_admin: boolean }>(
    'select id, name, is_admin from users where name = $1',
    [name],
  );
  const row = rows[0];
  return row ? { id: Number(row.id), name: row.name, admin: row.is_admin } : null;
}

/** A session token, 'limited' when too many attempts failed lately, or null for a wrong name or password. */
export async function signIn(
  pool: Pool,
  name: string,
  password: string,
): Promise<{ token: string; user: User } | 'limited' | null> {
  const recent = await pool.query<{ n: string }>(
    `select count(*) as n from login_failures where name = $1 and at > now() - interval '${LOGIN_WINDOW}'`,
    [name],
  );
  if (Number(recent.rows[0]?.n ?? 0) >= LOGIN_LIMIT) return 'limited';
  const { rows } = await pool.query<{ id: string; name: string; is_admin: boolean; password_hash: string }>(
    'select id, name, is_admin, password_hash from users where name = $1',
    [name],
  );
  const row = rows[0];
  // An unknown name costs the same hash as a wrong password, so timing does not tell which names exist.
  const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
  if (!row || !ok) {
    await pool.query('insert into login_failures (name) values ($1)', [name]);
    return null;
  }
  if (needsRehash(row.password_hash)) {
    // An account from before Argon2id moves to it the first time its password is known.
    await pool.query('update users set password_hash = $2 where id = $1', [
      row.id,
      await hashPassword(password),
    ]);
  }
  const token = newSessionToken();
  await pool.query(
    `insert into sessions (token_hash, user_id, expires_at) values ($1, $2, now() + interval '${SESSION_DAYS} days')`,
    [tokenHash(token), row.id],
  );
  return { token, user: { id: Number(row.id), name: row.name, admin: row.is_admin } };
}

export async function userForToken(pool: Pool, token: string): Promise<User | null> {
  const { rows } = await pool.query<{ id: string; name: string; is_admin: boolean }>(
    `select u.id, u.name, u.is_admin from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and s.expires_at > now()`,
    [tokenHash(token)],
  );
  const row = rows[0];
  return row ? { id: Number(row.id), name: row.name, admin: row.is_admin } : null;
}

export async function signOut(pool: Pool, token: string): Promise<void> {
  await pool.query('delete from sessions where token_hash = $1', [tokenHash(token)]);
}

let dummy: Promise<string> | undefined;
/** A hash of nothing anyone knows, with the current parameters, to verify against for unknown names. */
const dummyHash = () => (dummy ??= hashPassword(newSessionToken()));
