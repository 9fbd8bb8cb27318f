// The team server's wire format, as the browser sees it. The server validates the same shape (src/server/schemas.ts).
import type { RenderingState, RevisionAction } from '../core/model/types.ts';
import type { TermStatus } from '../core/model/term.ts';

export type RenderingChange = {
  readonly id: string;
  readonly kind: 'rendering';
  /** Id of the change this one was built on (the last one seen or made for the rendering), or null. */
  readonly base: string | null;
  readonly documentId: string;
  readonly unitId: string;
  readonly lang: string;
  readonly action: RevisionAction;
  readonly text: string;
  readonly state: RenderingState;
  readonly note?: string;
};

export type TermChange = {
  readonly id: string;
  readonly kind: 'term';
  readonly base: string | null;
  readonly entryId: string;
  readonly lang: string;
  readonly text: string;
  readonly status: TermStatus;
};

export type Change = RenderingChange | TermChange;
/** What the workbench records: id and base are the sync module's business. */
export type LocalChange = Omit<RenderingChange, 'id' | 'base'> | Omit<TermChange, 'id' | 'base'>;

/** A local change waiting in the outbox: its id is made once; its base is settled when it is first pushed. */
export type QueuedChange = LocalChange & { readonly id: string; readonly base?: string | null };

/** A change as the server keeps it: author and time are the server's record, never the client's claim. */
export type ServerChange = Change & {
  readonly seq: number;
  readonly author: string;
  readonly at: number;
  readonly supersedes: number | null;
};

export type PushResult = {
  readonly id: string;
  readonly seq: number;
  readonly supersedes: number | null;
  readonly duplicate: boolean;
};

export const changeTarget = (c: LocalChange | Change): string =>
  c.kind === 'rendering' ? `rendering:${c.unitId}:${c.lang}` : `term:${c.entryId}:${c.lang}`;
