import type { Change, QueuedChange } from '../sync/protocol.ts';
import type { Conflict, Refused } from '../sync/syncState.ts';

export type OutboxRow = {
  readonly seq?: number;
  readonly projectId: string;
  readonly change: QueuedChange;
};

/** A project shared through a team server: where, as whom, and how far this browser has pulled. */
export type ShareRow = {
  readonly projectId: string;
  readonly server: string;
  readonly user: string;
  readonly cursor: number;
  readonly heads: Readonly<Record<string, string>>;
  readonly mine: Readonly<Record<string, Change & { readonly seq: number }>>;
  readonly conflicts: readonly Conflict[];
  /** Changes the server refused for this user's role, set aside (absent in rows of schema version 6's first release). */
  readonly refused?: readonly Refused[];
  /** Documents and glossary entries of the project already on the server (kept there once by id). */
  readonly uploaded?: { readonly documents: readonly string[]; readonly entries: readonly string[] };
  readonly sent: Readonly<Record<string, number>>;
  /**
   * Ids of changes the content this browser downloaded already contains (made by the uploader before the upload
   * and pushed after it): when they are pulled they are not applied again. Each leaves the list when it arrives.
   */
  readonly reflected?: readonly string[];
  /**
   * Documents of the project this browser holds that the server refused to take from this user (adding documents
   * is the lead's): they stay in this browser, and their changes are not queued for a server that lacks them.
   */
  readonly localOnly?: readonly string[];
};
