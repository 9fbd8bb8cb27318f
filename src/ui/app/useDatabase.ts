import { useEffect, useState } from 'react';
import { openAudarmaDb, requestPersistence, type AudarmaDb } from '../../storage/db.ts';
import { DEMO_DOCUMENT_ID, DEMO_PROJECT_ID } from '../../core/demo/ids.ts';
import { recoverPending, type PendingRow } from '../../storage/pending.ts';
import { classifyStorageError, type StorageFailure } from '../../storage/errors.ts';

export type DatabaseState =
  | { readonly status: 'opening' }
  | { readonly status: 'blocked' }
  | { readonly status: 'versionChange' }
  | { readonly status: 'failed'; readonly failure: StorageFailure; readonly message: string }
  | {
      readonly status: 'open';
      readonly db: AudarmaDb;
      /** Long writes that were cut short (a reload, a closed tab, a crash), cleaned up at this start. */
      readonly interrupted: readonly PendingRow[];
    };

/** The demo article, or a loader for it. */
export type DemoText = string | (() => Promise<string>);

/** Whether the demo project is to be seeded: the condition ensureDemoProject checks, read before loading it. */
async function demoMissing(db: AudarmaDb): Promise<boolean> {
  return !(await db.getKey('projects', DEMO_PROJECT_ID)) && !(await db.getKey('documents', DEMO_DOCUMENT_ID));
}

/**
 * Opens IndexedDB, cleans up after writes that were cut short, seeds the demo project on first start and reports
 * the states a user must see.
 */
export function useDatabase(name: string, demoText: DemoText, author: string): DatabaseState {
  const [state, setState] = useState<DatabaseState>({ status: 'opening' });
  useEffect(() => {
    let cancelled = false;
    let opened: AudarmaDb | undefined;
    const update = (next: DatabaseState) => {
      if (!cancelled) setState(next);
    };
    (async () => {
      const db = await openAudarmaDb(name, {
        onBlocked: () => update({ status: 'blocked' }),
        onVersionChange: () => update({ status: 'versionChange' }),
      });
      opened = db;
      // Leftovers of writes that never finished go first: the demo's own import may be one of them.
      const interrupted = await recoverPending(db, Date.now());
      // The demo (its article and the code that imports it) is loaded on a first start only.
      if (await demoMissing(db)) {
        const [{ ensureDemoProject }, text] = await Promise.all([
          import('../../storage/demo.ts'),
          typeof demoText === 'string' ? demoText : demoText(),
        ]);
        await ensureDemoProject(db, text, author, Date.now());
      }
      void requestPersistence();
      update({ status: 'open', db, interrupted });
    })().catch((error: unknown) => {
      const failure = classifyStorageError(error);
      update({ status: 'failed', failure: failure.failure, message: failure.message });
    });
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [name, demoText, author]);
  return state;
}
