import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Document, Project, Rendering, Revision, Unit } from '../core/model/types.ts';
import type { TermEntry } from '../core/model/term.ts';
import type { Annotation, Comment } from '../core/model/review.ts';
import type { PendingRow } from './pendingRow.ts';
import type { MemoryEntry } from '../core/memory/types.ts';
import type { OutboxRow, ShareRow } from './outboxRows.ts';

/** A term entry as stored: `keys` holds its lower-cased term texts for the multi-entry lookup index. */
export type TermRow = TermEntry & { readonly keys: readonly string[] };

export type TermHistoryRow = {
  readonly id?: number;
  readonly entryId: string;
  readonly at: number;
  readonly by: string;
  readonly change: string;
  readonly before: string;
  readonly after: string;
  /** The term a change was about, where it was about one term of the entry. */
  readonly lang?: string;
  readonly term?: string;
  readonly reason?: string;
};

/** A QA issue the reviewer marked "not an error" for one rendering. */
export type DismissalRow = {
  readonly id: string;
  readonly renderingId: string;
  readonly documentId: string;
  readonly issueKey: string;
  readonly by: string;
  readonly at: number;
};

export type SettingRow = { readonly key: string; readonly value: unknown };

export interface AudarmaSchema extends DBSchema {
  projects: { key: string; value: Project };
  documents: { key: string; value: Document; indexes: { byProject: string } };
  units: { key: string; value: Unit; indexes: { byDocument: [string, number] } };
  renderings: {
    key: string;
    value: Rendering;
    indexes: { byDocumentLang: [string, string]; byUnit: string };
  };
  revisions: {
    key: string;
    value: Revision;
    indexes: { byRendering: [string, number]; byDocument: string };
  };
  terms: { key: string; value: TermRow; indexes: { byProject: string; byKey: string } };
  termHistory: { key: number; value: TermHistoryRow; indexes: { byEntry: string } };
  settings: { key: string; value: SettingRow };
  dismissals: { key: string; value: DismissalRow; indexes: { byRendering: string; byDocument: string } };
  comments: { key: string; value: Comment; indexes: { byUnit: string; byDocumentOpen: [string, number] } };
  annotations: {
    key: string;
    value: Annotation;
    indexes: { byUnit: string; byDocumentLang: [string, string] };
  };
  /** Writes that span several transactions, while they run (and, once cleaned up, until the user has been told). */
  pending: { key: string; value: PendingRow };
  /** Translation memory: approved renderings (keyed by rendering id) and imported TMX entries. */
  memory: { key: string; value: MemoryEntry; indexes: { byMemory: string; byLangs: [string, string] } };
  /** Local changes of shared projects not yet accepted by the team server, oldest first. */
  outbox: { key: number; value: OutboxRow; indexes: { byProject: string } };
  /** Projects shared through a team server, with the sync bookkeeping (cursor, heads, conflicts). */
  shares: { key: string; value: ShareRow };
}

export type AudarmaDb = IDBPDatabase<AudarmaSchema>;

/** Changing the name loses every user's data; changing the version needs an upgrade step below. */
export const DB_NAME = 'audarma';
export const DB_VERSION = 6;
/** The version whose step adds the translation memory (after the pending markers of version 4). */
const MEMORY_VERSION = 5;
/** The version whose step adds the team sync outbox and shares. */
const SYNC_VERSION = 6;

export type DbEvents = {
  /** Another tab holds an older version open and our upgrade waits for it. */
  readonly onBlocked?: () => void;
  /** Another tab wants to upgrade: we close so it can, and the UI asks for a reload. */
  readonly onVersionChange?: () => void;
};

/**
 * Steps run in order from the version found on disk up to the one being opened. Each step only adds: data
 * written by an earlier version stays readable, which a test checks by opening a database of every earlier version.
 */
export function upgrade(
  db: IDBPDatabase<AudarmaSchema>,
  oldVersion: number,
  newVersion: number = DB_VERSION,
): void {
  if (oldVersion < 1 && newVersion >= 1) {
    db.createObjectStore('projects', { keyPath: 'id' });
    db.createObjectStore('documents', { keyPath: 'id' }).createIndex('byProject', 'projectId');
    db.createObjectStore('units', { keyPath: 'id' }).createIndex('byDocument', ['documentId', 'index']);
    const renderings = db.createObjectStore('renderings', { keyPath: 'id' });
    renderings.createIndex('byDocumentLang', ['documentId', 'lang']);
    renderings.createIndex('byUnit', 'unitId');
    const revisions = db.createObjectStore('revisions', { keyPath: 'id' });
    revisions.createIndex('byRendering', ['renderingId', 'number']);
    revisions.createIndex('byDocument', 'documentId');
  }
  if (oldVersion < 2 && newVersion >= 2) {
    const terms = db.createObjectStore('terms', { keyPath: 'id' });
    terms.createIndex('byProject', 'projectId');
    terms.createIndex('byKey', 'keys', { multiEntry: true });
    db.createObjectStore('termHistory', { keyPath: 'id', autoIncrement: true }).createIndex(
      'byEntry',
      'entryId',
    );
    db.createObjectStore('settings', { keyPath: 'key' });
    const dismissals = db.createObjectStore('dismissals', { keyPath: 'id' });
    dismissals.createIndex('byRendering', 'renderingId');
    dismissals.createIndex('byDocument', 'documentId');
  }
  if (oldVersion < 3 && newVersion >= 3) {
    const comments = db.createObjectStore('comments', { keyPath: 'id' });
    comments.createIndex('byUnit', 'unitId');
    comments.createIndex('byDocumentOpen', ['documentId', 'open']);
    const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
    annotations.createIndex('byUnit', 'unitId');
    annotations.createIndex('byDocumentLang', ['documentId', 'lang']);
  }
  if (oldVersion < 4 && newVersion >= 4) {
    db.createObjectStore('pending', { keyPath: 'id' });
  }
  if (oldVersion < MEMORY_VERSION && newVersion >= MEMORY_VERSION) addMemoryStore(db);
  if (oldVersion < SYNC_VERSION && newVersion >= SYNC_VERSION) {
    db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex(
      'byProject',
      'projectId',
    );
    db.createObjectStore('shares', { keyPath: 'projectId' });
  }
}

function addMemoryStore(db: IDBPDatabase<AudarmaSchema>): void {
  const memory = db.createObjectStore('memory', { keyPath: 'id' });
  memory.createIndex('byMemory', 'memoryId');
  memory.createIndex('byLangs', ['sourceLang', 'targetLang']);
}

export async function openAudarmaDb(name = DB_NAME, events: DbEvents = {}): Promise<AudarmaDb> {
  const db = await openDB<AudarmaSchema>(name, DB_VERSION, {
    upgrade: (database, oldVersion, newVersion) => upgrade(database, oldVersion, newVersion ?? DB_VERSION),
    blocked: () => events.onBlocked?.(),
    blocking: () => {
      db.close();
      events.onVersionChange?.();
    },
  });
  return db;
}

/** Asks the browser not to evict our data under storage pressure. Resolves false where it cannot. */
export async function requestPersistence(): Promise<boolean> {
  try {
    return (await globalThis.navigator?.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
