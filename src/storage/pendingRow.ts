/** What kind of long write a pending marker stands for; `discard` is old data a finished restore left to remove. */
export type PendingKind = 'import' | 'restore' | 'restoreReplace' | 'alignment' | 'bulk' | 'discard';

/**
 * The marker of a write that spans several transactions. It is written before the first row of the write, and
 * removed in the transaction that makes the write visible. One left behind means the write never finished: its
 * rows are removed at the next start and the marker stays, with `interrupted` set, until the user has seen it.
 */
export type PendingRow = {
  readonly id: string;
  readonly kind: PendingKind;
  /** The document or project the user knows the write by. */
  readonly name: string;
  readonly startedAt: number;
  /** Documents whose rows (units, renderings, revisions, notes…) belong to this write only. */
  readonly documents: readonly string[];
  /** Glossary entries (and their history) that belong to this write only. */
  readonly entries: readonly string[];
  /** Set when the leftovers of an unfinished write were removed; the row is then a notice for the user. */
  readonly interrupted?: number;
};
