// The team server's wire format, as the browser sees it. The server validates the same shape (src/server/schemas.ts).
import type { RenderingState, RevisionAction } from '../core/model/types.ts';
import type { TermStatus } from '../core/model/term.ts';
import type { AnnotationMessage, MqmSeverity } from '../core/model/review.ts';
import type { CheckSettings } from '../core/checks/types.ts';

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

/** A comment written or withdrawn (by its id), or a unit's whole thread resolved or opened again. */
export type CommentChange =
  | {
      readonly id: string;
      readonly kind: 'comment';
      readonly base: string | null;
      readonly op: 'add';
      readonly commentId: string;
      readonly documentId: string;
      readonly unitId: string;
      readonly lang?: string;
      readonly text: string;
    }
  | {
      readonly id: string;
      readonly kind: 'comment';
      readonly base: string | null;
      readonly op: 'delete';
      readonly commentId: string;
      readonly documentId: string;
      readonly unitId: string;
      readonly lang?: string;
    }
  | {
      readonly id: string;
      readonly kind: 'comment';
      readonly base: string | null;
      readonly op: 'resolve' | 'reopen';
      readonly documentId: string;
      readonly unitId: string;
    };

/** An MQM annotation as it now stands (`put`: made or changed), or withdrawn. */
export type AnnotationChange =
  | {
      readonly id: string;
      readonly kind: 'annotation';
      readonly base: string | null;
      readonly op: 'put';
      readonly annotationId: string;
      readonly documentId: string;
      readonly unitId: string;
      readonly lang: string;
      readonly start: number;
      readonly end: number;
      readonly quote: string;
      readonly category: string;
      readonly severity: MqmSeverity;
      readonly note?: string;
      readonly fromCheck?: string;
      readonly message?: AnnotationMessage;
    }
  | {
      readonly id: string;
      readonly kind: 'annotation';
      readonly base: string | null;
      readonly op: 'delete';
      readonly annotationId: string;
      readonly documentId: string;
      readonly unitId: string;
      readonly lang: string;
    };

/** A QA issue of one rendering marked "not an error", or taken back. */
export type DismissalChange = {
  readonly id: string;
  readonly kind: 'dismissal';
  readonly base: string | null;
  readonly op: 'dismiss' | 'restore';
  readonly documentId: string;
  readonly unitId: string;
  readonly lang: string;
  readonly issueKey: string;
};

/** The project's check settings, whole: the later arrival wins. */
export type SettingsChange = {
  readonly id: string;
  readonly kind: 'settings';
  readonly base: string | null;
  readonly value: CheckSettings;
};

/** A document added to the shared project and uploaded: members who lack it fetch it. */
export type DocumentChange = {
  readonly id: string;
  readonly kind: 'document';
  readonly base: string | null;
  readonly documentId: string;
  readonly name: string;
};

export type Change =
  | RenderingChange
  | TermChange
  | CommentChange
  | AnnotationChange
  | DismissalChange
  | SettingsChange
  | DocumentChange;

type Local<T> = T extends unknown ? Omit<T, 'id' | 'base'> : never;
/** What the workbench records: id and base are the sync module's business. */
export type LocalChange = Local<Change>;

/** A local change waiting in the outbox: its id is made once; its base is settled when it is first pushed. */
export type QueuedChange = LocalChange & { readonly id: string; readonly base?: string | null };

/** A change as the server keeps it: author and time are the server's record, never the client's claim. */
export type ServerMeta = {
  readonly seq: number;
  readonly author: string;
  readonly at: number;
  readonly supersedes: number | null;
};
export type ServerChange = Change & ServerMeta;

export type PushResult = {
  readonly id: string;
  readonly seq: number;
  readonly supersedes: number | null;
  readonly duplicate: boolean;
};

/** What a change is about: later arrival wins per target, and a conflict is two changes of one target. */
export function changeTarget(c: LocalChange | Change): string {
  switch (c.kind) {
    case 'rendering':
      return `rendering:${c.unitId}:${c.lang}`;
    case 'term':
      return `term:${c.entryId}:${c.lang}`;
    case 'comment':
      return c.op === 'add' || c.op === 'delete' ? `comment:${c.commentId}` : `thread:${c.unitId}`;
    case 'annotation':
      return `annotation:${c.annotationId}`;
    case 'dismissal':
      return `dismissal:${c.unitId}:${c.lang}|${c.issueKey}`;
    case 'settings':
      return 'settings:checks';
    case 'document':
      return `document:${c.documentId}`;
  }
}

/** Only a rendering's text and a term's status are worth a reviewer's decision when two people changed them. */
export type ConflictingChange = RenderingChange | TermChange;
export const mayConflict = <T extends Change>(c: T): c is T & ConflictingChange =>
  c.kind === 'rendering' || c.kind === 'term';
