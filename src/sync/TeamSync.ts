import type { AudarmaDb } from '../storage/db.ts';
import { onStored } from '../storage/changeFeed.ts';
import { listLocalOnly, loadSyncState, markLocalOnly, saveSyncState } from '../storage/outbox.ts';
import type { ShareRow } from '../storage/outboxRows.ts';
import { applyPulled } from '../storage/pulled.ts';
import { applyActions } from '../storage/renderings.ts';
import {
  markUploaded,
  missingContent,
  readShareUpload,
  storeSharedAdditions,
  type ShareUpload,
} from '../storage/sharedContent.ts';
import { saveEntry } from '../storage/glossary.ts';
import { SyncClient, type SyncStatus } from './SyncClient.ts';
import type { Conflict, Refused } from './syncState.ts';
import { downloadContent, uploadContent } from './teamApi.ts';
import type { ServerChange } from './protocol.ts';
import type { EntryId } from '../core/model/ids.ts';

/** How often to pull when the server's event stream is not connected (and to retry while offline). */
export const POLL_MS = 2000;
/** With the event stream connected a pull still runs now and then, in case an event was missed. */
const LIVE_POLL_MS = 30_000;
/** A burst of local writes (typing, a bulk approval) goes out as one push. */
const PUSH_DELAY_MS = 200;
/** An event stream the server closed for good (an older server without it) is tried again after this. */
const RELISTEN_MS = 15_000;

export type TeamSyncView = {
  readonly status: SyncStatus;
  readonly conflicts: readonly Conflict[];
  /** Local changes the server refused for this user's role, set aside. */
  readonly refused: readonly Refused[];
  /** Documents of the project in this browser only: the server does not take documents from this user's role. */
  readonly localOnly: readonly { readonly id: string; readonly name: string }[];
};

/**
 * Keeps one shared project of this browser in step with the team server: pushes the outbox soon after each local
 * write, pulls when the server announces new changes (server-sent events) or, without them, every few seconds.
 * Tabs of one browser take turns through a Web Lock, so they never push the same outbox at once.
 */
export class TeamSync {
  private readonly client: SyncClient;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private source: EventSource | undefined;
  private live = false;
  private running = false;
  private again = false;
  private stopped = false;
  private readonly cleanups: (() => void)[] = [];
  /** What the server refused to take from this user (documents: not the lead), not offered again this session. */
  private readonly uploadRefused = { documents: false, glossary: false };

  constructor(
    private readonly db: AudarmaDb,
    private readonly share: ShareRow,
    private readonly onView: (view: TeamSyncView) => void,
    /** A bearer token where there is no session cookie (Node); browsers leave it out. */
    private readonly token?: string,
  ) {
    this.client = new SyncClient({
      server: share.server,
      projectId: share.projectId,
      user: share.user,
      ...(token ? { token } : {}),
      store: {
        load: () => loadSyncState(db, share.projectId),
        save: (state, edit) => saveSyncState(db, share.projectId, state, edit),
      },
      apply: async (fresh, past) => {
        await this.fetchMissing([...fresh, ...past]);
        await applyPulled(db, fresh, past, share.projectId);
      },
    });
  }

  start(): void {
    this.cleanups.push(
      onStored((change) => {
        if (change.origin !== 'pulled') this.soon(PUSH_DELAY_MS);
      }),
    );
    const online = () => this.soon(0);
    globalThis.addEventListener?.('online', online);
    this.cleanups.push(() => globalThis.removeEventListener?.('online', online));
    this.listen();
    this.soon(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.source?.close();
    for (const cleanup of this.cleanups) cleanup();
  }

  /**
   * One round now (upload what is missing, push, pull), without waiting for the timer or the server's news; answers
   * where the project then stands.
   */
  async syncNow(): Promise<TeamSyncView> {
    await this.run();
    return this.view();
  }

  /** Accepts the change that won (it is already the rendering's text): the conflict is settled. */
  async takeTheirs(conflict: Conflict): Promise<void> {
    await this.client.resolve(conflict.target, 'theirs');
    await this.report();
  }

  /**
   * Writes my version again, on top of theirs, so it wins knowingly: a rendering's text and state, or a term's
   * status. The write goes through the outbox as any other change; their revision stays in the history.
   */
  async keepMine(conflict: Conflict, author: string): Promise<void> {
    const mine = conflict.mine;
    if (mine.kind === 'rendering') {
      await applyActions(
        this.db,
        { unitId: mine.unitId as never, documentId: mine.documentId, lang: mine.lang },
        [{ type: 'revert', text: mine.text, state: mine.state }],
        author,
        Date.now(),
      );
    } else {
      const row = await this.db.get('terms', mine.entryId);
      if (row) {
        const { keys: _keys, ...entry } = row;
        const now = Date.now();
        const current = entry.terms.find((t) => t.lang === mine.lang && t.text === mine.text);
        const term = { lang: mine.lang, text: mine.text, status: mine.status, setBy: author, setAt: now };
        await saveEntry(
          this.db,
          {
            ...entry,
            terms: current ? entry.terms.map((t) => (t === current ? term : t)) : [...entry.terms, term],
            updatedAt: now,
          },
          [
            {
              entryId: mine.entryId as EntryId,
              at: now,
              by: author,
              field: 'status',
              lang: mine.lang,
              term: mine.text,
              before: current?.status ?? null,
              after: mine.status,
            },
          ],
        );
      }
    }
    await this.client.resolve(conflict.target, 'theirs');
    await this.report();
  }

  /** The reviewer has read that a change was not allowed: it is no longer shown. */
  async forgetRefused(refused: Refused): Promise<void> {
    await this.client.forget(refused.change.id);
    await this.report();
  }

  private async report(): Promise<void> {
    this.onView(await this.view());
  }

  private async view(status?: SyncStatus): Promise<TeamSyncView> {
    return {
      status: status ?? (await this.client.status()),
      conflicts: await this.client.conflicts(),
      refused: await this.client.refused(),
      localOnly: await listLocalOnly(this.db, this.share.projectId),
    };
  }

  /**
   * Documents and glossary entries of the project the server does not have yet (all of them when it was just
   * shared, a document added since) go up before changes that may refer to them. Later additions go in two parts,
   * as the server takes documents from a lead only and glossary entries from a terminologist too. Documents it
   * refuses stay in this browser, marked so, and their changes are not queued for it. Trouble here never stops the
   * sync: the upload is tried again on the next round.
   */
  private async uploadMissing(): Promise<void> {
    const upload = await readShareUpload(this.db, this.share.projectId);
    if (!upload) return;
    const { documents, glossary, entryReflects } = upload;
    const parts: ShareUpload[] = upload.project
      ? this.uploadRefused.documents
        ? []
        : [upload]
      : [
          ...(documents.length > 0 && !this.uploadRefused.documents ? [{ documents, glossary: [] }] : []),
          ...(glossary.length > 0 && !this.uploadRefused.glossary
            ? [{ documents: [], glossary, ...(entryReflects ? { entryReflects } : {}) }]
            : []),
        ];
    for (const part of parts) {
      const answer = await uploadContent(this.share.server, this.token, this.share.projectId, part);
      if (answer.ok) {
        await markUploaded(this.db, this.share.projectId, part);
        // Members who already hold the project hear of a document added since as a change, and fetch it. The
        // first upload needs none: members download the project whole.
        if (!part.project)
          for (const { document } of part.documents)
            await this.client.record({ kind: 'document', documentId: document.id, name: document.name });
      } else if (answer.reason === 'forbidden') {
        if (part.project || part.documents.length > 0) this.uploadRefused.documents = true;
        if (part.glossary.length > 0) this.uploadRefused.glossary = true;
        // A project refused whole is one this user does not lead (the lead's copy is on the server): nothing of it
        // is marked. A document added to the shared project and refused stays here.
        if (!part.project && part.documents.length > 0)
          await markLocalOnly(
            this.db,
            this.share.projectId,
            part.documents.map((d) => d.document.id),
          );
      }
    }
  }

  /**
   * Documents and glossary entries that pulled changes name but this browser lacks (added to the project after it
   * was downloaded) are fetched and stored first, so the changes land on them. Pulled in seq order after the
   * upload, they carry every change made since.
   */
  private async fetchMissing(changes: readonly ServerChange[]): Promise<void> {
    const documentIds = new Set<string>();
    const entryIds = new Set<string>();
    for (const change of changes) {
      if (change.kind === 'term') entryIds.add(change.entryId);
      else if (change.kind !== 'settings') documentIds.add(change.documentId);
    }
    const missing = await missingContent(this.db, [...documentIds], [...entryIds]);
    if (missing.documents.length === 0 && missing.entries.length === 0) return;
    const answer = await downloadContent(this.share.server, this.token, this.share.projectId, missing);
    if (answer.ok) await storeSharedAdditions(this.db, this.share.projectId, answer.value);
  }

  private soon(delay: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run().catch(this.unlessStopped), delay);
  }

  /**
   * A round the timer started that fails after the sync stopped (the project closed, its database with it) has no
   * one to tell; any other failure is left to surface.
   */
  private readonly unlessStopped = (error: unknown): void => {
    if (!this.stopped) throw error;
  };

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    let status: SyncStatus;
    try {
      status = await withLock(`audarma-sync:${this.share.projectId}`, async () => {
        await this.uploadMissing().catch(() => undefined);
        return this.client.sync();
      });
      if (!this.stopped) this.onView(await this.view(status));
    } finally {
      this.running = false;
    }
    if (this.again) {
      this.again = false;
      this.soon(0);
      return;
    }
    this.soon(this.live && status.kind !== 'offline' ? LIVE_POLL_MS : POLL_MS);
  }

  private listen(): void {
    if (this.stopped || typeof EventSource === 'undefined') return;
    const url = `${this.share.server}/api/projects/${encodeURIComponent(this.share.projectId)}/events`;
    const source = new EventSource(url, { withCredentials: true });
    this.source = source;
    source.addEventListener('open', () => {
      this.live = true;
      this.soon(0);
    });
    source.addEventListener('changes', () => this.soon(0));
    source.addEventListener('error', () => {
      this.live = false;
      // The browser reconnects by itself after a dropped stream; a refused one (no such endpoint) stays closed.
      if (source.readyState === EventSource.CLOSED) {
        const retry = setTimeout(() => this.listen(), RELISTEN_MS);
        this.cleanups.push(() => clearTimeout(retry));
      }
    });
  }
}

/** Runs `work` holding a Web Lock where the browser has them (two tabs never sync one project at once). */
function withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request(name, work) as Promise<T>) : work();
}
