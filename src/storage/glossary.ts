import type { AudarmaDb, TermHistoryRow, TermRow } from './db.ts';
import { announceStored } from './changeFeed.ts';
import { TERM_OUTBOX_STORES, queueTermStatuses } from './outbox.ts';
import type { EntryChange, EntryField } from '../core/glossary/entryChange.ts';
import { planRevert, type GlossaryStep } from '../core/glossary/revertEntries.ts';
import type { GlossaryProblem } from '../core/glossary/glossaryProblem.ts';
import { changeTermStatus } from '../core/glossary/status.ts';
import type { Result } from '../core/result.ts';
import { entryId as toEntryId, type EntryId } from '../core/model/ids.ts';
import type { TermEntry, TermStatus } from '../core/model/term.ts';

/**
 * Glossary writes that must land together: an entry and the history record of its change, a bulk status
 * change over many entries, an import with its merges. Each public function is one IndexedDB transaction
 * over `terms` and `termHistory`; everything is computed before the transaction opens.
 */

/** What a history record is about: an entry field (see EntryChange) or the entry as a whole. */
export type HistoryChange = EntryField | 'created' | 'deleted' | 'imported' | 'restored';

/** One change as kept in `termHistory`; `before`/`after` are null where the value did not exist. */
export type HistoryRecord = {
  readonly id: number;
  readonly entryId: EntryId;
  readonly at: number;
  readonly by: string;
  readonly change: HistoryChange;
  readonly lang?: string;
  readonly term?: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly reason?: string;
};

/** A change to record: an EntryChange from the core, or a whole-entry event. */
export type ChangeToRecord =
  | EntryChange
  | {
      readonly entryId: EntryId;
      readonly at: number;
      readonly by: string;
      readonly field: 'created' | 'deleted' | 'imported' | 'restored';
      readonly before: string | null;
      readonly after: string | null;
      readonly reason?: string;
    };

/** The stored row: TermHistoryRow plus the optional term and reason it names (IndexedDB keeps any field). */
type StoredHistory = TermHistoryRow & {
  readonly lang?: string;
  readonly term?: string;
  readonly reason?: string;
};

const HISTORY_CHANGES: readonly HistoryChange[] = [
  'term',
  'status',
  'definition',
  'note',
  'partOfSpeech',
  'created',
  'deleted',
  'imported',
  'restored',
];

// Same keys as storage/terms.ts writes: lower-cased term texts for the byKey multi-entry index.
function toRow(entry: TermEntry): TermRow {
  const keys = [...new Set(entry.terms.map((t) => t.text.trim().toLowerCase()).filter(Boolean))];
  return { ...entry, keys };
}

function fromTermRow(row: TermRow): TermEntry {
  const { keys: _keys, ...entry } = row;
  return { ...entry, terms: entry.terms ?? [] };
}

function toStored(change: ChangeToRecord): StoredHistory {
  return {
    entryId: change.entryId,
    at: change.at,
    by: change.by,
    change: change.field,
    before: change.before ?? '',
    after: change.after ?? '',
    ...('lang' in change && change.lang !== undefined ? { lang: change.lang } : {}),
    ...('term' in change && change.term !== undefined ? { term: change.term } : {}),
    ...(change.reason !== undefined ? { reason: change.reason } : {}),
  };
}

function fromStored(row: StoredHistory): HistoryRecord {
  const change = HISTORY_CHANGES.find((c) => c === row.change) ?? 'note';
  return {
    id: row.id ?? 0,
    entryId: toEntryId(row.entryId),
    at: row.at,
    by: row.by,
    change,
    before: row.before === '' ? null : row.before,
    after: row.after === '' ? null : row.after,
    ...(row.lang !== undefined ? { lang: row.lang } : {}),
    ...(row.term !== undefined ? { term: row.term } : {}),
    ...(row.reason !== undefined ? { reason: row.reason } : {}),
  };
}

/** Everything one user action writes to the glossary. */
export type GlossaryWrite = {
  readonly put?: readonly TermEntry[];
  readonly remove?: readonly EntryId[];
  readonly history: readonly ChangeToRecord[];
};

/** Writes entries, deletions and their history records in one transaction: all of them or none. */
export async function writeGlossary(db: AudarmaDb, write: GlossaryWrite): Promise<void> {
  const rows = (write.put ?? []).map(toRow);
  const history = write.history.map(toStored);
  const tx = db.transaction(['terms', 'termHistory', ...TERM_OUTBOX_STORES], 'readwrite');
  const requests: Promise<unknown>[] = [];
  try {
    const terms = tx.objectStore('terms');
    const log = tx.objectStore('termHistory');
    for (const row of rows) requests.push(terms.put(row));
    for (const id of write.remove ?? []) requests.push(terms.delete(id));
    for (const row of history) requests.push(log.add(row));
    requests.push(...(await queueTermStatuses(tx, write.put ?? [], write.history)));
    await Promise.all([...requests, tx.done]);
    announceStored({ origin: 'local', unitIds: [], glossary: true });
  } catch (error) {
    // A request that throws at once (a row without a key, a value that cannot be cloned) does not abort the
    // transaction by itself: abort it so the requests already queued are rolled back too.
    for (const request of [...requests, tx.done]) request.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw error;
  }
}

/** An entry with the changes that made it from what is stored. */
export async function saveEntry(
  db: AudarmaDb,
  entry: TermEntry,
  changes: readonly ChangeToRecord[],
): Promise<void> {
  await writeGlossary(db, { put: [entry], history: changes });
}

/** Deletes entries in one transaction; their history stays, closed by a 'deleted' record listing the terms. */
export async function deleteEntries(
  db: AudarmaDb,
  entries: readonly TermEntry[],
  by: string,
  at: number,
): Promise<void> {
  await writeGlossary(db, {
    remove: entries.map((e) => e.id),
    history: entries.map((entry) => ({
      entryId: entry.id,
      at,
      by,
      field: 'deleted' as const,
      before: entry.terms.map((t) => `${t.text} (${t.lang})`).join(', '),
      after: null,
    })),
  });
}

/** History of one entry, oldest first. */
export async function listEntryHistory(db: AudarmaDb, id: string): Promise<HistoryRecord[]> {
  const rows = (await db.getAllFromIndex('termHistory', 'byEntry', id)) as StoredHistory[];
  return rows.map(fromStored).sort((a, b) => a.at - b.at || a.id - b.id);
}

/**
 * Which terms a bulk status change touches: every term of the entry, those of one language, or the terms
 * named; `reason` goes with every change (and is required where a decision is reversed).
 */
export type BulkStatusScope = {
  readonly lang?: string;
  readonly terms?: readonly { readonly lang: string; readonly text: string }[];
  readonly reason?: string;
};

export type BulkStatusOutcome = {
  /** Terms whose status changed. */
  readonly changed: number;
  /** Terms already in the wanted status. */
  readonly unchanged: number;
  /** Terms the status rules refused (approved ↔ forbidden without a reason), with the rule's i18n key. */
  readonly refused: readonly {
    readonly entryId: EntryId;
    readonly term: string;
    readonly lang: string;
    readonly key: string;
  }[];
  /** The changed entries as they were and as they became: an undo step. */
  readonly before: readonly TermEntry[];
  readonly after: readonly TermEntry[];
};

/**
 * Plans a status change over many entries with the core's transition rules: no storage, no clock. Returns
 * the changed entries with one history record per changed term.
 */
export function planBulkStatus(
  entries: readonly TermEntry[],
  to: TermStatus,
  by: string,
  at: number,
  scope: BulkStatusScope = {},
): { readonly write: GlossaryWrite; readonly outcome: BulkStatusOutcome } {
  const put: TermEntry[] = [];
  const history: EntryChange[] = [];
  const refused: { entryId: EntryId; term: string; lang: string; key: string }[] = [];
  const before: TermEntry[] = [];
  let unchanged = 0;
  for (const original of entries) {
    let entry = original;
    for (const term of original.terms) {
      if (scope.lang !== undefined && term.lang !== scope.lang) continue;
      if (scope.terms && !scope.terms.some((r) => r.lang === term.lang && r.text === term.text)) continue;
      if (term.status === to) {
        unchanged += 1;
        continue;
      }
      const edit = changeTermStatus(entry, term, to, by, at, scope.reason);
      if (!edit.ok) {
        refused.push({ entryId: original.id, term: term.text, lang: term.lang, key: edit.error.key });
        continue;
      }
      entry = edit.value.entry;
      history.push(edit.value.change);
    }
    if (entry !== original) {
      put.push(entry);
      before.push(original);
    }
  }
  return {
    write: { put, history },
    outcome: { changed: history.length, unchanged, refused, before, after: put },
  };
}

/**
 * Changes the status of the entries' terms in one transaction that reads them first, so quick successive
 * changes (p then a) each see the one before; refused terms are left as they are.
 */
export async function setStatusBulk(
  db: AudarmaDb,
  ids: readonly string[],
  to: TermStatus,
  by: string,
  at: number,
  scope: BulkStatusScope = {},
): Promise<BulkStatusOutcome> {
  const tx = db.transaction(['terms', 'termHistory', ...TERM_OUTBOX_STORES], 'readwrite');
  const terms = tx.objectStore('terms');
  const rows = await Promise.all(ids.map((id) => terms.get(id)));
  const entries = rows.filter((row): row is TermRow => row !== undefined).map(fromTermRow);
  const { write, outcome } = planBulkStatus(entries, to, by, at, scope);
  const log = tx.objectStore('termHistory');
  await Promise.all([
    ...(write.put ?? []).map((entry) => terms.put(toRow(entry))),
    ...write.history.map((change) => log.add(toStored(change))),
    ...(await queueTermStatuses(tx, write.put ?? [], write.history)),
    tx.done,
  ]);
  announceStored({ origin: 'local', unitIds: [], glossary: true });
  return outcome;
}

/**
 * Undoes (`'undo'`: back to the step's before side) or redoes a step in one transaction that reads the
 * entries first; refused, writing nothing, when any of them changed since.
 */
export async function revertStep(
  db: AudarmaDb,
  step: GlossaryStep,
  direction: 'undo' | 'redo',
  by: string,
  at: number,
): Promise<Result<{ readonly entries: readonly TermEntry[] }, GlossaryProblem>> {
  const [expected, target] = direction === 'undo' ? [step.after, step.before] : [step.before, step.after];
  const tx = db.transaction(['terms', 'termHistory', ...TERM_OUTBOX_STORES], 'readwrite');
  const terms = tx.objectStore('terms');
  const ids = [...target.keys()];
  const rows = await Promise.all(ids.map((id) => terms.get(id)));
  const current = new Map(
    rows
      .filter((row): row is TermRow => row !== undefined)
      .map((row) => [row.id as string, fromTermRow(row)]),
  );
  const plan = planRevert(current, expected, target, by, at, direction);
  if (!plan.ok) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return plan;
  }
  const log = tx.objectStore('termHistory');
  await Promise.all([
    ...plan.value.put.map((entry) => terms.put(toRow(entry))),
    ...plan.value.remove.map((id) => terms.delete(id)),
    ...plan.value.history.map((change) => log.add(toStored(change))),
    ...(await queueTermStatuses(tx, plan.value.put, plan.value.history)),
    tx.done,
  ]);
  announceStored({ origin: 'local', unitIds: [], glossary: true });
  return { ok: true, value: { entries: plan.value.put } };
}

/** Candidates the reviewer dismissed are kept per project in the settings store under this key. */
export const dismissedCandidatesKey = (projectId: string): string =>
  `glossary.dismissedCandidates.${projectId}`;

/** How a candidate is recognised again after a new extraction: language and lower-cased text. */
export const candidateKey = (lang: string, text: string): string =>
  `${lang}:${text.normalize('NFC').trim().toLowerCase()}`;

export async function listDismissedCandidates(db: AudarmaDb, projectId: string): Promise<string[]> {
  const row = await db.get('settings', dismissedCandidatesKey(projectId));
  return Array.isArray(row?.value) ? row.value.filter((v): v is string => typeof v === 'string') : [];
}

/** Adds (or with `dismissed: false` removes) candidate keys in one read-modify-write transaction. */
export async function setCandidatesDismissed(
  db: AudarmaDb,
  projectId: string,
  keys: readonly string[],
  dismissed = true,
): Promise<string[]> {
  const key = dismissedCandidatesKey(projectId);
  const tx = db.transaction('settings', 'readwrite');
  const row = await tx.store.get(key);
  const current = new Set(
    Array.isArray(row?.value) ? row.value.filter((v): v is string => typeof v === 'string') : [],
  );
  for (const k of keys) {
    if (dismissed) current.add(k);
    else current.delete(k);
  }
  const value = [...current].sort();
  await tx.store.put({ key, value });
  await tx.done;
  return value;
}
