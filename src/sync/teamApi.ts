/** Sharing calls of the team server. The token is kept in memory only; browsers also send the session cookie. */
import type { ShareDownload, ShareUpload } from '../storage/sharedContent.ts';
export type TeamRole = 'lead' | 'reviewer' | 'terminologist' | 'viewer';
export type Member = { readonly user: string; readonly role: TeamRole; readonly langs: readonly string[] };
export type TeamAnswer<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

async function send<T>(
  server: string,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  doFetch: typeof fetch = fetch,
): Promise<{ status: number; body: T | { error?: string } } | null> {
  try {
    const res = await doFetch(`${server}${path}`, {
      method,
      credentials: 'include',
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as T };
  } catch {
    return null;
  }
}

/** Puts the local project on the server (once; sharing again is fine) and answers its members. */
export async function shareProject(
  server: string,
  token: string | undefined,
  project: { readonly id: string; readonly name: string },
): Promise<TeamAnswer<readonly Member[]>> {
  const created = await send(server, token, 'POST', '/api/projects', project);
  if (!created) return { ok: false, reason: 'unreachable' };
  if (created.status !== 201 && created.status !== 409) return { ok: false, reason: errorOf(created.body) };
  return listMembers(server, token, project.id);
}

export async function listMembers(
  server: string,
  token: string | undefined,
  projectId: string,
): Promise<TeamAnswer<readonly Member[]>> {
  const answer = await send<{ members: Member[] }>(
    server,
    token,
    'GET',
    `/api/projects/${encodeURIComponent(projectId)}/members`,
  );
  if (!answer) return { ok: false, reason: 'unreachable' };
  if (answer.status !== 200) return { ok: false, reason: errorOf(answer.body) };
  return { ok: true, value: (answer.body as { members: Member[] }).members };
}

export async function addMember(
  server: string,
  token: string | undefined,
  projectId: string,
  member: Member,
): Promise<TeamAnswer<readonly Member[]>> {
  const answer = await send<{ members: Member[] }>(
    server,
    token,
    'PUT',
    `/api/projects/${encodeURIComponent(projectId)}/members`,
    member,
  );
  if (!answer) return { ok: false, reason: 'unreachable' };
  if (answer.status !== 200) return { ok: false, reason: errorOf(answer.body) };
  return { ok: true, value: (answer.body as { members: Member[] }).members };
}

const errorOf = (body: unknown): string => (body as { error?: string }).error ?? 'error';

/** A project on the server this user is a member of; `content` when its documents are there to download. */
export type ServerProject = {
  readonly id: string;
  readonly name: string;
  readonly role: TeamRole;
  readonly langs: readonly string[];
  readonly content: boolean;
};

export async function listServerProjects(
  server: string,
  token: string | undefined,
): Promise<TeamAnswer<readonly ServerProject[]>> {
  const answer = await send<{ projects: ServerProject[] }>(server, token, 'GET', '/api/projects');
  if (!answer) return { ok: false, reason: 'unreachable' };
  if (answer.status !== 200) return { ok: false, reason: errorOf(answer.body) };
  return { ok: true, value: (answer.body as { projects: ServerProject[] }).projects };
}

/** Sends documents and glossary entries the server does not have yet; answers false when it refused them. */
export async function uploadContent(
  server: string,
  token: string | undefined,
  projectId: string,
  upload: ShareUpload,
  doFetch: typeof fetch = fetch,
): Promise<TeamAnswer<true>> {
  const answer = await send(
    server,
    token,
    'POST',
    `/api/projects/${encodeURIComponent(projectId)}/content`,
    upload,
    doFetch,
  );
  if (!answer) return { ok: false, reason: 'unreachable' };
  if (answer.status !== 200) return { ok: false, reason: errorOf(answer.body) };
  return { ok: true, value: true };
}

/** The whole project as the server has it: languages, documents with units and renderings, glossary. */
export async function downloadContent(
  server: string,
  token: string | undefined,
  projectId: string,
  /** Only these documents and glossary entries (added since the project was downloaded). */
  only?: { readonly documents: readonly string[]; readonly entries: readonly string[] },
): Promise<TeamAnswer<ShareDownload>> {
  const query = only
    ? `?${[
        ...only.documents.map((id) => `document=${encodeURIComponent(id)}`),
        ...only.entries.map((id) => `entry=${encodeURIComponent(id)}`),
      ].join('&')}`
    : '';
  const answer = await send<ShareDownload>(
    server,
    token,
    'GET',
    `/api/projects/${encodeURIComponent(projectId)}/content${query}`,
  );
  if (!answer) return { ok: false, reason: 'unreachable' };
  if (answer.status !== 200) return { ok: false, reason: errorOf(answer.body) };
  return { ok: true, value: answer.body as ShareDownload };
}
