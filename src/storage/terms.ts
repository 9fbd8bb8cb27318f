import type { AudarmaDb, TermRow } from './db.ts';
import type { TermEntry } from '../core/model/term.ts';

/** The stored form of an entry: its term texts lower-cased in `keys` for the multi-entry index. */
export function toRow(entry: TermEntry): TermRow {
  const keys = [...new Set(entry.terms.map((t) => t.text.trim().toLowerCase()).filter(Boolean))];
  return { ...entry, keys };
}

export function fromRow(row: TermRow): TermEntry {
  const { keys: _keys, ...entry } = row;
  return { ...entry, terms: entry.terms ?? [] };
}

/** Writes entries in one transaction: a glossary import lands whole or not at all. */
export async function putEntries(db: AudarmaDb, entries: readonly TermEntry[]): Promise<void> {
  const tx = db.transaction('terms', 'readwrite');
  let writes: Promise<unknown>[];
  try {
    writes = entries.map((entry) => tx.store.put(toRow(entry)));
  } catch (error) {
    // A row IndexedDB refuses outright (no id, a value it cannot store) must not let the rows before it commit.
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await Promise.all([...writes, tx.done]);
}

export async function listEntries(db: AudarmaDb, projectId: string): Promise<TermEntry[]> {
  return (await db.getAllFromIndex('terms', 'byProject', projectId)).map(fromRow);
}

/** Entries having a term spelled exactly `text` (any case), through the multi-entry index. */
export async function findEntriesByTerm(db: AudarmaDb, text: string): Promise<TermEntry[]> {
  return (await db.getAllFromIndex('terms', 'byKey', text.trim().toLowerCase())).map(fromRow);
}
