import type { AudarmaDb, DismissalRow } from './db.ts';

/** Marks one QA issue of a rendering "not an error"; re-checks keep it hidden while its id stays the same. */
export async function dismissIssue(
  db: AudarmaDb,
  input: {
    readonly renderingId: string;
    readonly documentId: string;
    readonly issueKey: string;
    readonly by: string;
    readonly at: number;
  },
): Promise<DismissalRow> {
  const row: DismissalRow = { id: `${input.renderingId}|${input.issueKey}`, ...input };
  await db.put('dismissals', row);
  return row;
}

/** Takes a "not an error" back. */
export async function restoreIssue(db: AudarmaDb, renderingId: string, issueKey: string): Promise<void> {
  await db.delete('dismissals', `${renderingId}|${issueKey}`);
}

export async function listDismissals(db: AudarmaDb, documentId: string): Promise<DismissalRow[]> {
  return db.getAllFromIndex('dismissals', 'byDocument', documentId);
}

export async function listRenderingDismissals(db: AudarmaDb, renderingId: string): Promise<DismissalRow[]> {
  return db.getAllFromIndex('dismissals', 'byRendering', renderingId);
}
