import {
  changeTarget,
  mayConflict,
  type Change,
  type LocalChange,
  type PushResult,
  type ServerChange,
} from './protocol.ts';
import type { Conflict, Refused, SyncState, SyncStore } from './syncState.ts';

export type SyncStatus =
  | { readonly kind: 'synced' }
  | { readonly kind: 'waiting'; readonly count: number }
  | { readonly kind: 'offline'; readonly waiting: number }
  | { readonly kind: 'conflict'; readonly count: number }
  /** Changes the server refused for this user's role: set aside, the rest synced. */
  | { readonly kind: 'not-allowed'; readonly count: number }
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'refused'; readonly code: string };

export type SyncOptions = {
  /** Server address, e.g. "http://127.0.0.1:4310". */
  readonly server: string;
  readonly projectId: string;
  readonly user: string;
  readonly store: SyncStore;
  /**
   * Applies changes from others to the local working copy (IndexedDB), in server order. `past` are changes from
   * others that lost to a later one here: they belong in the history only, so nothing anyone wrote is lost.
   */
  readonly apply: (changes: readonly ServerChange[], past: readonly ServerChange[]) => Promise<void>;
  /** A bearer token for Node clients; browsers leave it out and use the HttpOnly session cookie. */
  readonly token?: string;
  readonly fetch?: typeof fetch;
  readonly newId?: () => string;
};

const PUSH_BATCH = 500;
const PULL_PAGE = 1000;

class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(`${status} ${code}`);
  }
}

/**
 * The browser's side of team sync: local changes go to an outbox and are pushed when the server answers;
 * changes from others are pulled by cursor and handed to `apply`. The server decides order and authorship;
 * this module only keeps the bookkeeping that lets retries be harmless and conflicts be shown.
 */
export class SyncClient {
  private readonly options: SyncOptions;
  private readonly doFetch: typeof fetch;
  private queue: Promise<unknown> = Promise.resolve();
  private lastError: SyncStatus | null = null;

  constructor(options: SyncOptions) {
    this.options = options;
    this.doFetch = options.fetch ?? ((...args) => fetch(...args));
  }

  /** Records a local change in the outbox; it is built on the last change seen or made for the same target. */
  record(change: LocalChange): Promise<Change> {
    return this.serial(async () => {
      const state = await this.options.store.load();
      const target = changeTarget(change);
      const full = { ...change, id: this.newId(), base: state.heads[target] ?? null } as Change;
      await this.options.store.save(
        { ...state, heads: { ...state.heads, [target]: full.id } },
        { queued: [full] },
      );
      return full;
    });
  }

  /** Pushes the outbox, then pulls what others did. Never throws for network or server trouble: see status(). */
  sync(): Promise<SyncStatus> {
    return this.serial(async () => {
      try {
        await this.pushAll();
        await this.pullAll();
        this.lastError = null;
      } catch (error) {
        this.lastError = this.describe(error, (await this.options.store.load()).outbox.length);
      }
      return this.statusOf(await this.options.store.load());
    });
  }

  async status(): Promise<SyncStatus> {
    return this.statusOf(await this.options.store.load());
  }

  async conflicts(): Promise<readonly Conflict[]> {
    return (await this.options.store.load()).conflicts;
  }

  async refused(): Promise<readonly Refused[]> {
    return (await this.options.store.load()).refused;
  }

  /** The reviewer has seen a refused change: it is forgotten (it was never on the server). */
  forget(changeId: string): Promise<void> {
    return this.serial(async () => {
      const state = await this.options.store.load();
      await this.options.store.save({
        ...state,
        refused: state.refused.filter((r) => r.change.id !== changeId),
      });
    });
  }

  /**
   * Settles a conflict: 'theirs' accepts the winning change (already applied locally); 'mine' records my text
   * again as a new change built on theirs, so it wins knowingly and nobody is flagged.
   */
  resolve(target: string, choice: 'theirs' | 'mine'): Promise<void> {
    return this.serial(async () => {
      const state = await this.options.store.load();
      const conflict = state.conflicts.find((c) => c.target === target);
      if (!conflict) return;
      const rest = state.conflicts.filter((c) => c !== conflict);
      if (choice === 'theirs') {
        await this.options.store.save({ ...state, conflicts: rest });
        return;
      }
      const { id: _id, base: _base, seq: _seq, ...mine } = conflict.mine;
      const again = { ...mine, id: this.newId(), base: conflict.theirs.id } as Change;
      await this.options.store.save(
        { ...state, conflicts: rest, heads: { ...state.heads, [target]: again.id } },
        { queued: [again] },
      );
    });
  }

  private statusOf(state: SyncState): SyncStatus {
    if (this.lastError) return this.lastError;
    if (state.conflicts.length > 0) return { kind: 'conflict', count: state.conflicts.length };
    if (state.refused.length > 0) return { kind: 'not-allowed', count: state.refused.length };
    if (state.outbox.length > 0) return { kind: 'waiting', count: state.outbox.length };
    return { kind: 'synced' };
  }

  private describe(error: unknown, waiting: number): SyncStatus {
    if (error instanceof HttpStatusError) {
      if (error.status === 401) return { kind: 'signed-out' };
      if (error.status >= 500 || error.status === 429) return { kind: 'offline', waiting };
      return { kind: 'refused', code: error.code };
    }
    // fetch rejects with a TypeError when the server cannot be reached.
    return { kind: 'offline', waiting };
  }

  private async pushAll(): Promise<void> {
    for (;;) {
      const state = await this.options.store.load();
      // A change queued by the workbench gets its base now: the last change seen or made for its target. Pulls
      // leave targets with waiting changes alone, so this is the head the reviewer saw when making it.
      const heads = { ...state.heads };
      const batch = state.outbox.slice(0, PUSH_BATCH).map((queued) => {
        const target = changeTarget(queued);
        const change = { ...queued, base: queued.base !== undefined ? queued.base : (heads[target] ?? null) };
        heads[target] = change.id;
        return change as Change;
      });
      if (batch.length === 0) return;
      let results: PushResult[];
      try {
        ({ results } = await this.request<{ results: PushResult[] }>('POST', 'changes', { changes: batch }));
      } catch (error) {
        if (await this.setAside(error, batch)) continue;
        throw error;
      }
      const now = await this.options.store.load();
      const accepted = new Map(results.map((r) => [r.id, r]));
      const mine = { ...now.mine };
      const sent = { ...now.sent };
      for (const change of batch) {
        const result = accepted.get(change.id);
        if (!result) continue;
        mine[changeTarget(change)] = { ...change, seq: result.seq };
        sent[change.id] = result.seq;
      }
      const settled = { ...now.heads };
      for (const change of batch) if (accepted.has(change.id)) settled[changeTarget(change)] = change.id;
      await this.options.store.save({ ...now, heads: settled, mine, sent }, { sent: [...accepted.keys()] });
    }
  }

  /**
   * A push the server refused for the author's role names the changes it refused: those leave the outbox for the
   * refused list, and the rest is pushed again. Answers false when the refusal names none of the batch.
   */
  private async setAside(error: unknown, batch: readonly Change[]): Promise<boolean> {
    if (!(error instanceof HttpStatusError) || error.status !== 403) return false;
    const details = error.details as { ids?: unknown; id?: unknown } | undefined;
    const named = new Set(
      Array.isArray(details?.ids) ? details.ids : typeof details?.id === 'string' ? [details.id] : [],
    );
    const refused = batch.filter((c) => named.has(c.id));
    if (refused.length === 0) return false;
    const now = await this.options.store.load();
    const at = Date.now();
    await this.options.store.save(
      { ...now, refused: [...now.refused, ...refused.map((change) => ({ change, code: error.code, at }))] },
      { sent: refused.map((c) => c.id) },
    );
    return true;
  }

  private async pullAll(): Promise<void> {
    for (;;) {
      const state = await this.options.store.load();
      const page = await this.request<{ changes: ServerChange[]; cursor: number; more: boolean }>(
        'GET',
        `changes?since=${state.cursor}&limit=${PULL_PAGE}`,
      );
      const now = await this.options.store.load();
      const ownIds = new Set([
        ...now.outbox.map((c) => c.id),
        ...Object.values(now.mine).map((c) => c.id),
        ...Object.keys(now.sent),
      ]);
      const pending = new Set(now.outbox.map(changeTarget));
      // Every client ends with the change that arrived last at the server for each target. So a change older
      // than my own accepted one is history, not news, and a target with a local change still waiting keeps
      // it: that change will arrive later and win.
      const others = page.changes.filter((c) => !ownIds.has(c.id));
      const isFresh = (c: ServerChange) => {
        const target = changeTarget(c);
        return !pending.has(target) && (now.mine[target]?.seq ?? 0) < c.seq;
      };
      const fresh = others.filter(isFresh);
      const past = others.filter((c) => !isFresh(c));
      if (fresh.length > 0 || past.length > 0) await this.options.apply(fresh, past);
      const heads = { ...now.heads };
      let conflicts = [...now.conflicts];
      for (const change of fresh) {
        const target = changeTarget(change);
        const mine = now.mine[target];
        if (
          change.supersedes !== null &&
          mine?.seq === change.supersedes &&
          mayConflict(change) &&
          mayConflict(mine)
        ) {
          conflicts = [...conflicts.filter((c) => c.target !== target), { target, mine, theirs: change }];
        }
        heads[target] = change.id;
      }
      const sent = Object.fromEntries(Object.entries(now.sent).filter(([, seq]) => seq > page.cursor));
      await this.options.store.save({ ...now, cursor: page.cursor, heads, conflicts, sent });
      if (!page.more) return;
    }
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const { server, projectId, token } = this.options;
    const res = await this.doFetch(`${server}/api/projects/${encodeURIComponent(projectId)}/${path}`, {
      method,
      credentials: 'include',
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) {
      const answer = (await res.json().catch(() => ({}))) as { error?: string; details?: unknown };
      throw new HttpStatusError(res.status, answer.error ?? 'error', answer.details);
    }
    return (await res.json()) as T;
  }

  private newId(): string {
    return this.options.newId?.() ?? `${this.options.user}:${crypto.randomUUID()}`;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
