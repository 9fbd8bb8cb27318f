import type { IDBPTransaction, StoreNames } from 'idb';
import type { AudarmaDb, AudarmaSchema } from './db.ts';

export const docRange = (id: string) => IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
export const langRange = (id: string) => IDBKeyRange.bound([id, ''], [id, '\uffff']);

export const DOCUMENT_STORES = [
  'documents',
  'units',
  'renderings',
  'revisions',
  'comments',
  'annotations',
  'dismissals',
] as const;

type DeleteTx = IDBPTransaction<AudarmaSchema, StoreNames<AudarmaSchema>[], 'readwrite'>;

/** Issues the deletion of every row of a document (comments and annotations included) into `out`. */
async function deleteDocumentIn(tx: DeleteTx, id: string, out: Promise<unknown>[]): Promise<void> {
  const keys = await Promise.all([
    tx.objectStore('units').index('byDocument').getAllKeys(docRange(id)),
    tx.objectStore('renderings').index('byDocumentLang').getAllKeys(langRange(id)),
    tx.objectStore('revisions').index('byDocument').getAllKeys(id),
    tx.objectStore('comments').index('byDocumentOpen').getAllKeys(docRange(id)),
    tx.objectStore('annotations').index('byDocumentLang').getAllKeys(langRange(id)),
    tx.objectStore('dismissals').index('byDocument').getAllKeys(id),
  ]);
  const stores = ['units', 'renderings', 'revisions', 'comments', 'annotations', 'dismissals'] as const;
  out.push(tx.objectStore('documents').delete(id));
  // Ids made by Audarma start with "<document id>:" (unit, rendering, revision); when every key of a store
  // does and the range holds nothing else, one range deletion replaces a few hundred thousand single ones.
  const prefix = IDBKeyRange.bound(`${id}:`, `${id}:\uffff`);
  for (const [i, store] of stores.entries()) {
    const list = keys[i] ?? [];
    const ranged =
      list.length > 100 &&
      list.every((k) => typeof k === 'string' && k.startsWith(`${id}:`)) &&
      (await tx.objectStore(store).count(prefix)) === list.length;
    if (ranged) out.push(tx.objectStore(store).delete(prefix));
    // Pushed one by one: spreading a few hundred thousand keys into a call overflows the stack.
    else for (const k of list) out.push(tx.objectStore(store).delete(k));
  }
}

/** Removes a document with every row of it, in one transaction. */
export async function deleteDocumentCompletely(db: AudarmaDb, documentId: string): Promise<void> {
  const tx: DeleteTx = db.transaction([...DOCUMENT_STORES] as StoreNames<AudarmaSchema>[], 'readwrite');
  const deletions: Promise<unknown>[] = [];
  await deleteDocumentIn(tx, documentId, deletions);
  await Promise.all(deletions);
  await tx.done;
}

/** Removes glossary entries with their history, in one transaction. */
export async function deleteEntriesCompletely(db: AudarmaDb, entryIds: readonly string[]): Promise<void> {
  if (entryIds.length === 0) return;
  const tx = db.transaction(['terms', 'termHistory'], 'readwrite');
  const history = tx.objectStore('termHistory');
  const deletions: Promise<unknown>[] = [];
  for (const id of entryIds) {
    deletions.push(tx.objectStore('terms').delete(id));
    for (const key of await history.index('byEntry').getAllKeys(id)) deletions.push(history.delete(key));
  }
  await Promise.all([...deletions, tx.done]);
}
