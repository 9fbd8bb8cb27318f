import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { addUser, findUserByName, signIn, signOut, userForToken, type User } from './accounts.ts';
import { HttpError, readCookie, readJson, sendJson } from './http.ts';
import { createProject, listMembers, listProjects, membership, removeMember, setMember } from './projects.ts';
import { mayWrite, type Membership } from './roles.ts';
import { memberBody, newProjectBody, newUserBody, pushBody, signInBody } from './schemas.ts';
import { pullChanges, pushChanges } from './sync.ts';

export const SESSION_COOKIE = 'audarma_session';

export type AppOptions = {
  readonly pool: Pool;
  /** Allowed browser origins; when empty, only loopback origins (http://localhost:*, http://127.0.0.1:*). */
  readonly origins: readonly string[];
  readonly log: (line: string) => void;
};

type Context = {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly options: AppOptions;
};

const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export function createApp(options: AppOptions): Server {
  return createServer((req, res) => {
    const started = performance.now();
    res.on('finish', () => {
      const ms = (performance.now() - started).toFixed(1);
      options.log(`${new Date().toISOString()} ${req.method} ${req.url} ${res.statusCode} ${ms}ms`);
    });
    handle(req, res, options).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (!res.headersSent) sendJson(res, error.status, { error: error.code, details: error.details });
        return;
      }
      options.log(`error ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
      else res.destroy();
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, options: AppOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://server');
  const origin = req.headers.origin;
  // Requests without an Origin come from tools, not browsers; a browser request from an unknown origin is refused.
  if (origin !== undefined) {
    const allowed = options.origins.length > 0 ? options.origins.includes(origin) : LOOPBACK.test(origin);
    if (!allowed) throw new HttpError(403, 'origin');
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('vary', 'Origin');
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, POST, PUT, DELETE',
      'access-control-allow-headers': 'content-type, authorization',
      'access-control-max-age': '600',
    });
    res.end();
    return;
  }
  const ctx: Context = { req, res, url, options };
  const parts = url.pathname
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent);
  const route = `${req.method} /${parts.map((p, i) => (i >= 2 && i % 2 === 0 ? ':' : p)).join('/')}`;
  switch (route) {
    case 'GET /api/health':
      return sendJson(res, 200, { ok: true });
    case 'POST /api/session':
      return postSession(ctx);
    case 'GET /api/session':
      return sendJson(res, 200, { user: await requireUser(ctx) });
    case 'DELETE /api/session':
      return deleteSession(ctx);
    case 'POST /api/users':
      return postUser(ctx);
    case 'GET /api/projects':
      return sendJson(res, 200, { projects: await listProjects(options.pool, (await requireUser(ctx)).id) });
    case 'POST /api/projects':
      return postProject(ctx);
    case 'GET /api/projects/:/members':
      return getMembers(ctx, parts[2]!);
    case 'PUT /api/projects/:/members':
      return putMember(ctx, parts[2]!);
    case 'DELETE /api/projects/:/members/:':
      return deleteMember(ctx, parts[2]!, parts[4]!);
    case 'GET /api/projects/:/changes':
      return getChanges(ctx, parts[2]!);
    case 'POST /api/projects/:/changes':
      return postChanges(ctx, parts[2]!);
    default:
      throw new HttpError(404, 'not-found');
  }
}

async function body<T extends z.ZodType>(ctx: Context, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await readJson(ctx.req));
  if (!parsed.success) {
    throw new HttpError(
      400,
      'invalid-body',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

function sessionToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  return readCookie(req, SESSION_COOKIE);
}

async function requireUser(ctx: Context): Promise<User> {
  const token = sessionToken(ctx.req);
  const user = token ? await userForToken(ctx.options.pool, token) : null;
  if (!user) throw new HttpError(401, 'signed-out');
  return user;
}

/** An unknown project and one the user is not a member of answer alike, so ids cannot be probed. */
async function requireMember(ctx: Context, projectId: string): Promise<{ user: User; member: Membership }> {
  const user = await requireUser(ctx);
  const member = await membership(ctx.options.pool, projectId, user.id);
  if (!member) throw new HttpError(404, 'not-found');
  return { user, member };
}

async function postSession(ctx: Context): Promise<void> {
  const { name, password } = await body(ctx, signInBody);
  const result = await signIn(ctx.options.pool, name, password);
  if (result === 'limited') throw new HttpError(429, 'too-many-attempts');
  if (!result) throw new HttpError(401, 'wrong-credentials');
  const cookie = `${SESSION_COOKIE}=${result.token}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${30 * 86400}`;
  sendJson(ctx.res, 200, { user: result.user, token: result.token }, { 'set-cookie': cookie });
}

async function deleteSession(ctx: Context): Promise<void> {
  const token = sessionToken(ctx.req);
  if (token) await signOut(ctx.options.pool, token);
  sendJson(
    ctx.res,
    200,
    { ok: true },
    { 'set-cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0` },
  );
}

async function postUser(ctx: Context): Promise<void> {
  const user = await requireUser(ctx);
  if (!user.admin) throw new HttpError(403, 'forbidden');
  const { name, password, admin } = await body(ctx, newUserBody);
  const created = await addUser(ctx.options.pool, name, password, admin ?? false);
  if (!created) throw new HttpError(409, 'name-taken');
  sendJson(ctx.res, 201, { user: created });
}

async function postProject(ctx: Context): Promise<void> {
  const user = await requireUser(ctx);
  const { id, name } = await body(ctx, newProjectBody);
  if (!(await createProject(ctx.options.pool, id, name, user.id))) throw new HttpError(409, 'project-exists');
  sendJson(ctx.res, 201, { project: { id, name, role: 'lead', langs: [] } });
}

async function getMembers(ctx: Context, projectId: string): Promise<void> {
  await requireMember(ctx, projectId);
  sendJson(ctx.res, 200, { members: await listMembers(ctx.options.pool, projectId) });
}

async function putMember(ctx: Context, projectId: string): Promise<void> {
  const { member } = await requireMember(ctx, projectId);
  const { user: name, role, langs } = await body(ctx, memberBody);
  if (!mayWrite(member, { kind: 'members' })) throw new HttpError(403, 'forbidden');
  const target = await findUserByName(ctx.options.pool, name);
  if (!target) throw new HttpError(404, 'unknown-user');
  await setMember(ctx.options.pool, projectId, target.id, role, langs);
  sendJson(ctx.res, 200, { members: await listMembers(ctx.options.pool, projectId) });
}

async function deleteMember(ctx: Context, projectId: string, name: string): Promise<void> {
  const { member } = await requireMember(ctx, projectId);
  if (!mayWrite(member, { kind: 'members' })) throw new HttpError(403, 'forbidden');
  const target = await findUserByName(ctx.options.pool, name);
  if (target) await removeMember(ctx.options.pool, projectId, target.id);
  sendJson(ctx.res, 200, { members: await listMembers(ctx.options.pool, projectId) });
}

async function getChanges(ctx: Context, projectId: string): Promise<void> {
  await requireMember(ctx, projectId);
  const since = Number(ctx.url.searchParams.get('since') ?? '0');
  const limit = Number(ctx.url.searchParams.get('limit') ?? '500');
  if (!Number.isSafeInteger(since) || since < 0) throw new HttpError(400, 'invalid-query', 'since');
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 5000)
    throw new HttpError(400, 'invalid-query', 'limit');
  sendJson(ctx.res, 200, await pullChanges(ctx.options.pool, projectId, since, limit));
}

async function postChanges(ctx: Context, projectId: string): Promise<void> {
  const { user, member } = await requireMember(ctx, projectId);
  const { changes } = await body(ctx, pushBody);
  // All or nothing: one change the role does not allow refuses the whole push, so a client never half-syncs.
  const denied = changes.find(
    (c) =>
      !mayWrite(
        member,
        c.kind === 'rendering'
          ? { kind: 'rendering', lang: c.lang }
          : { kind: 'term', lang: c.lang, status: c.status },
      ),
  );
  if (denied) throw new HttpError(403, 'forbidden', { id: denied.id });
  const results = await pushChanges(ctx.options.pool, projectId, user.id, changes);
  if ('error' in results) throw new HttpError(409, results.error, { id: results.id });
  sendJson(ctx.res, 200, { results });
}
