import type { ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { addUser, findUserByName, signIn, signOut, userForToken, type User } from './accounts.ts';
import { ChangeFeed, latestSeq } from './changeFeed.ts';
import { frameworkError, HttpError, MAX_BODY_BYTES, MAX_CONTENT_BYTES, readCookie } from './http.ts';
import {
  createProject,
  listMembers,
  listProjects,
  membership,
  removeMember,
  sessionMembership,
  setMember,
} from './projects.ts';
import { tokenHash } from './password.ts';
import { mayWrite, type Membership, type WriteRequest } from './roles.ts';
import {
  contentBody,
  contentQuery,
  memberBody,
  newProjectBody,
  newUserBody,
  pushBody,
  signInBody,
  type Change,
} from './schemas.ts';
import { readContent, storeContent } from './content.ts';
import { pullChanges, pushChanges } from './sync.ts';
import { annotationsNotTheirs } from './annotationRights.ts';

export const SESSION_COOKIE = 'audarma_session';
/** How often an open event stream gets a comment line, so proxies and browsers keep it open. */
export const HEARTBEAT_MS = 15_000;

export type AppOptions = {
  readonly pool: Pool;
  /** Allowed browser origins; when empty, only loopback origins (http://localhost:*, http://127.0.0.1:*). */
  readonly origins: readonly string[];
  readonly log: (line: string) => void;
  readonly heartbeatMs?: number;
};

const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * The team server's HTTP API. It keeps no state of its own beyond open event streams: sessions, projects and
 * changes live in PostgreSQL, and news of changes travels through it, so any number of instances can serve one
 * database. `listen` starts it; `close` ends open streams and stops listening to the database.
 */
export function createApp(options: AppOptions): FastifyInstance {
  const { pool } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    // Project ids may be up to 200 characters (schemas.ts); the default of 100 would answer longer ones 404.
    routerOptions: { maxParamLength: 1000 },
    forceCloseConnections: true,
  });
  const feed = new ChangeFeed(pool, options.log);
  const streams = new Set<ServerResponse>();
  app.addHook('onReady', () => feed.start());
  app.addHook('preClose', (done) => {
    for (const stream of streams) stream.end();
    done();
  });
  app.addHook('onClose', () => feed.stop());

  const logLine = (request: FastifyRequest, status: number, ms: number) =>
    options.log(`${new Date().toISOString()} ${request.method} ${request.url} ${status} ${ms.toFixed(1)}ms`);
  app.addHook('onResponse', (request, reply, done) => {
    logLine(request, reply.statusCode, reply.elapsedTime);
    done();
  });

  // Requests without an Origin come from tools, not browsers; a browser request from an unknown origin is refused
  // before its body is read.
  app.addHook('onRequest', (request, reply, done) => {
    const origin = request.headers.origin;
    if (origin !== undefined) {
      const allowed = options.origins.length > 0 ? options.origins.includes(origin) : LOOPBACK.test(origin);
      if (!allowed) return done(new HttpError(403, 'origin'));
      void reply.headers({
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        vary: 'Origin',
      });
    }
    void reply.header('cache-control', 'no-store');
    done();
  });

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, _request, reply) => {
    const known = error instanceof HttpError ? error : frameworkError(error.code);
    if (known) {
      return reply
        .code(known.status)
        .send(
          known.details === undefined ? { error: known.code } : { error: known.code, details: known.details },
        );
    }
    options.log(`error ${error.stack ?? error.message}`);
    return reply.code(500).send({ error: 'internal' });
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not-found' }));

  app.options('/*', (_request, reply) =>
    reply
      .code(204)
      .headers({
        'access-control-allow-methods': 'GET, POST, PUT, DELETE',
        'access-control-allow-headers': 'content-type, authorization',
        'access-control-max-age': '600',
      })
      .send(),
  );

  const requireUser = async (request: FastifyRequest): Promise<User> => {
    const token = sessionToken(request);
    const user = token ? await userForToken(pool, token) : null;
    if (!user) throw new HttpError(401, 'signed-out');
    return user;
  };

  /** An unknown project and one the user is not a member of answer alike, so ids cannot be probed. */
  const requireMember = async (
    request: FastifyRequest,
    projectId: string,
  ): Promise<{ user: User; member: Membership }> => {
    const token = sessionToken(request);
    const found = token ? await sessionMembership(pool, tokenHash(token), projectId) : null;
    if (!found) throw new HttpError(401, 'signed-out');
    if (!found.member) throw new HttpError(404, 'not-found');
    return { user: found.user, member: found.member };
  };

  type Project = { Params: { id: string } };

  app.get('/api/health', async () => ({ ok: true }));

  app.post('/api/session', async (request, reply) => {
    const { name, password } = parse(request, signInBody);
    const result = await signIn(pool, name, password);
    if (result === 'limited') throw new HttpError(429, 'too-many-attempts');
    if (!result) throw new HttpError(401, 'wrong-credentials');
    void reply.header(
      'set-cookie',
      `${SESSION_COOKIE}=${result.token}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${30 * 86400}`,
    );
    return { user: result.user, token: result.token };
  });

  app.get('/api/session', async (request) => ({ user: await requireUser(request) }));

  app.delete('/api/session', async (request, reply) => {
    const token = sessionToken(request);
    if (token) await signOut(pool, token);
    void reply.header('set-cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0`);
    return { ok: true };
  });

  app.post('/api/users', async (request, reply) => {
    const user = await requireUser(request);
    if (!user.admin) throw new HttpError(403, 'forbidden');
    const { name, password, admin } = parse(request, newUserBody);
    const created = await addUser(pool, name, password, admin ?? false);
    if (!created) throw new HttpError(409, 'name-taken');
    return reply.code(201).send({ user: created });
  });

  app.get('/api/projects', async (request) => ({
    projects: await listProjects(pool, (await requireUser(request)).id),
  }));

  app.post('/api/projects', async (request, reply) => {
    const user = await requireUser(request);
    const { id, name } = parse(request, newProjectBody);
    if (!(await createProject(pool, id, name, user.id))) throw new HttpError(409, 'project-exists');
    return reply.code(201).send({ project: { id, name, role: 'lead', langs: [] } });
  });

  app.get<Project>('/api/projects/:id/members', async (request) => {
    await requireMember(request, request.params.id);
    return { members: await listMembers(pool, request.params.id) };
  });

  app.put<Project>('/api/projects/:id/members', async (request) => {
    const projectId = request.params.id;
    const { member } = await requireMember(request, projectId);
    const { user: name, role, langs } = parse(request, memberBody);
    if (!mayWrite(member, { kind: 'members' })) throw new HttpError(403, 'forbidden');
    const target = await findUserByName(pool, name);
    if (!target) throw new HttpError(404, 'unknown-user');
    await setMember(pool, projectId, target.id, role, langs);
    return { members: await listMembers(pool, projectId) };
  });

  app.delete<{ Params: { id: string; user: string } }>('/api/projects/:id/members/:user', async (request) => {
    const projectId = request.params.id;
    const { member } = await requireMember(request, projectId);
    if (!mayWrite(member, { kind: 'members' })) throw new HttpError(403, 'forbidden');
    const target = await findUserByName(pool, request.params.user);
    if (target) await removeMember(pool, projectId, target.id);
    return { members: await listMembers(pool, projectId) };
  });

  app.get<Project & { Querystring: { since?: string; limit?: string } }>(
    '/api/projects/:id/changes',
    async (request) => {
      await requireMember(request, request.params.id);
      const since = Number(request.query.since ?? '0');
      const limit = Number(request.query.limit ?? '500');
      if (!Number.isSafeInteger(since) || since < 0) throw new HttpError(400, 'invalid-query', 'since');
      if (!Number.isSafeInteger(limit) || limit < 1 || limit > 5000)
        throw new HttpError(400, 'invalid-query', 'limit');
      return pullChanges(pool, request.params.id, since, limit);
    },
  );

  app.post<Project>('/api/projects/:id/changes', async (request) => {
    const projectId = request.params.id;
    const { user, member } = await requireMember(request, projectId);
    const { changes } = parse(request, pushBody);
    // All or nothing: a change the role does not allow refuses the whole push, so a client never half-syncs. The
    // answer names every refused change, so the client can set them aside and send the rest again.
    // An annotation's withdrawal is judged below, by the annotation it withdraws.
    const denied = changes.filter(
      (c) => !(c.kind === 'annotation' && c.op === 'delete') && !mayWrite(member, writeRequest(c)),
    );
    if (member.role !== 'lead') {
      denied.push(...(await othersComments(pool, projectId, user.id, changes)));
      denied.push(...(await annotationsNotTheirs(pool, projectId, member, changes)));
    }
    if (denied.length > 0)
      throw new HttpError(403, 'forbidden', {
        id: denied[0]!.id,
        ids: [...new Set(denied.map((c) => c.id))],
      });
    const results = await pushChanges(pool, projectId, user.id, changes);
    if ('error' in results) throw new HttpError(409, results.error, { id: results.id });
    return { results };
  });

  // Documents are large: their upload may be bigger than other requests, but still has a limit.
  app.post<Project>('/api/projects/:id/content', { bodyLimit: MAX_CONTENT_BYTES }, async (request) => {
    const projectId = request.params.id;
    const { user, member } = await requireMember(request, projectId);
    const content = parse(request, contentBody);
    const needs: WriteRequest[] = [
      ...(content.project || content.documents.length > 0 ? [{ kind: 'documents' } as const] : []),
      ...(content.glossary.length > 0 ? [{ kind: 'glossary' } as const] : []),
    ];
    if (!needs.every((need) => mayWrite(member, need))) throw new HttpError(403, 'forbidden');
    return { stored: await storeContent(pool, projectId, user.id, content) };
  });

  app.get<Project>('/api/projects/:id/content', async (request) => {
    await requireMember(request, request.params.id);
    const query = contentQuery.safeParse(request.query);
    if (!query.success) throw new HttpError(400, 'invalid-query', query.error.issues[0]?.path.join('.'));
    const { document, entry } = query.data;
    // Naming some documents or entries reads only those; naming nothing reads everything.
    const content = await readContent(
      pool,
      request.params.id,
      document || entry ? { documents: document ?? [], entries: entry ?? [] } : {},
    );
    if (!content) throw new HttpError(404, 'not-found');
    return content;
  });

  app.get<Project>('/api/projects/:id/events', async (request, reply) => {
    const projectId = request.params.id;
    const { user } = await requireMember(request, projectId);
    openEventStream(request, reply, projectId, user.id);
  });

  /**
   * Server-sent events: `event: changes` with `data: {"seq":N}` once at the start (the latest sequence number) and
   * whenever any instance stores newer changes for the project; a comment line every `heartbeatMs`. At each
   * heartbeat the session and the membership are checked again: a member removed from the project, or signed
   * out, loses the stream within one heartbeat.
   */
  function openEventStream(
    request: FastifyRequest,
    reply: FastifyReply,
    projectId: string,
    userId: number,
  ): void {
    reply.hijack();
    const opened = performance.now();
    const res = reply.raw;
    const headers: Record<string, string> = {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    };
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (typeof value === 'string' && name.startsWith('access-control-')) headers[name] = value;
    }
    if (request.headers.origin !== undefined) headers.vary = 'Origin';
    res.writeHead(200, headers);
    res.write('retry: 3000\n\n');
    let last = -1;
    const send = (seq: number) => {
      if (seq <= last) return;
      last = seq;
      res.write(`event: changes\ndata: ${JSON.stringify({ seq })}\n\n`);
    };
    // Subscribed before the first read, so a change stored in between is told either way.
    const unsubscribe = feed.subscribe(projectId, send);
    const token = sessionToken(request);
    const stillAllowed = async () => {
      const user = token ? await userForToken(pool, token) : null;
      return user?.id === userId && (await membership(pool, projectId, userId)) !== null;
    };
    const heartbeat = setInterval(() => {
      stillAllowed().then(
        (allowed) => (allowed ? res.write(': heartbeat\n\n') : res.end()),
        () => res.write(': heartbeat\n\n'),
      );
    }, options.heartbeatMs ?? HEARTBEAT_MS);
    streams.add(res);
    res.on('close', () => {
      unsubscribe();
      clearInterval(heartbeat);
      streams.delete(res);
      logLine(request, 200, performance.now() - opened);
    });
    latestSeq(pool, projectId).then(send, (error: unknown) => {
      options.log(`error ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      res.end();
    });
  }

  return app;
}

/** What a change asks of its author's role. */
function writeRequest(c: Change): WriteRequest {
  switch (c.kind) {
    case 'rendering':
      return { kind: 'rendering', lang: c.lang };
    case 'term':
      return { kind: 'term', lang: c.lang, status: c.status };
    case 'comment':
      return { kind: 'comment', lang: c.op === 'add' || c.op === 'delete' ? c.lang : undefined };
    case 'annotation':
      return { kind: 'annotation', lang: c.lang, category: c.op === 'put' ? c.category : undefined };
    case 'dismissal':
      return { kind: 'dismissal', lang: c.lang };
    case 'settings':
      return { kind: 'settings' };
    case 'document':
      return { kind: 'documents' };
  }
}

/** Withdrawing a comment is its author's (or a lead's) call: deletes of comments someone else wrote. */
async function othersComments(
  pool: Pool,
  projectId: string,
  userId: number,
  changes: readonly Change[],
): Promise<Change[]> {
  const deletes = changes.filter((c) => c.kind === 'comment' && c.op === 'delete');
  if (deletes.length === 0) return [];
  const targets = deletes.map((c) => (c as { commentId: string }).commentId);
  const { rows } = await pool.query<{ target: string; author_id: string }>(
    `select target, author_id from changes
      where project_id = $1 and kind = 'comment' and target = any($2) and payload->>'op' = 'add'`,
    [projectId, targets],
  );
  const addedInBatch = new Set(
    changes.flatMap((c) => (c.kind === 'comment' && c.op === 'add' ? [c.commentId] : [])),
  );
  const author = new Map(rows.map((r) => [r.target, Number(r.author_id)]));
  return deletes.filter((c) => {
    const target = (c as { commentId: string }).commentId;
    const by = author.get(target);
    return by === undefined ? !addedInBatch.has(target) : by !== userId;
  });
}

function sessionToken(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  return readCookie(request.headers.cookie, SESSION_COOKIE);
}

/** Request bodies are checked whole by their schema; anything unexpected refuses the request with a 400. */
function parse<T extends z.ZodType>(request: FastifyRequest, schema: T): z.infer<T> {
  const parsed = schema.safeParse(request.body);
  if (!parsed.success) {
    throw new HttpError(
      400,
      'invalid-body',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

/** Starts answering on host:port (0 for a free port); answers the base URL, e.g. http://127.0.0.1:4310. */
export async function listen(app: FastifyInstance, port: number, host: string): Promise<string> {
  await app.listen({ port, host });
  const address = app.server.address();
  if (address === null || typeof address === 'string') return `http://${host}:${port}`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
