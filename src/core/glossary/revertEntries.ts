import type { EntryId } from '../model/ids.ts';
import type { Term, TermEntry } from '../model/term.ts';
import { ok, type Result } from '../result.ts';
import type { EntryChange } from './entryChange.ts';
import { failWith, type GlossaryProblem } from './glossaryProblem.ts';

/**
 * Undo and redo of glossary changes. A step keeps every entry it touched as it was before and after (null:
 * did not exist). Undoing writes the "before" side back, redoing the "after" side — each as a new change with
 * its own history records, so the history stays a true log of what happened. A step is refused when an
 * entry has changed since (in another tab, or by a later step that was not undone): nobody's work is lost.
 */
export type EntrySnapshot = ReadonlyMap<string, TermEntry | null>;

export type GlossaryStep = {
  /** i18n key naming the action ("glossary.undo.status"), with its parameters. */
  readonly label: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly before: EntrySnapshot;
  readonly after: EntrySnapshot;
};

/** Builds a step from the entries as they were and as they became (ids missing on one side did not exist). */
export function stepOf(
  label: string,
  before: readonly TermEntry[],
  after: readonly TermEntry[],
  params?: Readonly<Record<string, string | number>>,
): GlossaryStep {
  const ids = new Set([...before.map((e) => e.id as string), ...after.map((e) => e.id as string)]);
  const b = new Map(before.map((e) => [e.id as string, e]));
  const a = new Map(after.map((e) => [e.id as string, e]));
  return {
    label,
    ...(params ? { params } : {}),
    before: new Map([...ids].map((id) => [id, b.get(id) ?? null])),
    after: new Map([...ids].map((id) => [id, a.get(id) ?? null])),
  };
}

const termKey = (t: Pick<Term, 'lang' | 'text'>) => `${t.lang}\u0000${t.text}`;

/** What a reader of the entry sees: terms with their statuses, definition, note, part of speech. */
function content(entry: TermEntry | null | undefined): string {
  if (!entry) return '';
  return JSON.stringify([
    entry.terms.map((t) => [t.lang, t.text, t.status]),
    entry.definition ?? '',
    entry.note ?? '',
    entry.partOfSpeech ?? '',
  ]);
}

export function sameContent(a: TermEntry | null | undefined, b: TermEntry | null | undefined): boolean {
  return content(a) === content(b);
}

/** History records that take `from` to `to`, term by term and field by field. */
export function diffEntry(
  from: TermEntry,
  to: TermEntry,
  by: string,
  at: number,
  reason?: string,
): EntryChange[] {
  const base = { entryId: from.id, at, by, ...(reason ? { reason } : {}) };
  const changes: EntryChange[] = [];
  const old = new Map(from.terms.map((t) => [termKey(t), t]));
  const now = new Map(to.terms.map((t) => [termKey(t), t]));
  for (const [key, t] of old)
    if (!now.has(key))
      changes.push({ ...base, field: 'term', lang: t.lang, term: t.text, before: t.text, after: null });
  for (const [key, t] of now) {
    const was = old.get(key);
    if (!was)
      changes.push({ ...base, field: 'term', lang: t.lang, term: t.text, before: null, after: t.text });
    else if (was.status !== t.status)
      changes.push({
        ...base,
        field: 'status',
        lang: t.lang,
        term: t.text,
        before: was.status,
        after: t.status,
      });
  }
  for (const field of ['definition', 'note', 'partOfSpeech'] as const) {
    const before = from[field] ?? null;
    const after = to[field] ?? null;
    if (before !== after) changes.push({ ...base, field, before, after });
  }
  return changes;
}

/** A whole-entry event of a revert: the entry comes back, or goes again. */
export type RevertEvent = {
  readonly entryId: EntryId;
  readonly at: number;
  readonly by: string;
  readonly field: 'restored' | 'deleted';
  readonly before: string | null;
  readonly after: string | null;
  readonly reason: string;
};

export type RevertPlan = {
  readonly put: readonly TermEntry[];
  readonly remove: readonly EntryId[];
  readonly history: readonly (EntryChange | RevertEvent)[];
};

const listTerms = (e: TermEntry) => e.terms.map((t) => `${t.text} (${t.lang})`).join(', ');

/**
 * Takes the entries from `expected` (what the step left) to `target` (what it replaced), given what is stored
 * now. Refused with `glossary.undo.changedSince` when a stored entry is not what `expected` says. A term whose
 * status the revert changes records who reverted it and when.
 */
export function planRevert(
  current: ReadonlyMap<string, TermEntry>,
  expected: EntrySnapshot,
  target: EntrySnapshot,
  by: string,
  at: number,
  reason: string,
): Result<RevertPlan, GlossaryProblem> {
  const put: TermEntry[] = [];
  const remove: EntryId[] = [];
  const history: (EntryChange | RevertEvent)[] = [];
  for (const [id, want] of target) {
    const stored = current.get(id) ?? null;
    if (!sameContent(stored, expected.get(id) ?? null)) {
      const name = (stored ?? expected.get(id))?.terms[0]?.text ?? id;
      return failWith('glossary.undo.changedSince', `"${name}" has changed since; nothing was undone`, {
        term: name,
      });
    }
    if (want === null) {
      if (!stored) continue;
      remove.push(stored.id);
      history.push({
        entryId: stored.id,
        at,
        by,
        field: 'deleted',
        before: listTerms(stored),
        after: null,
        reason,
      });
      continue;
    }
    if (!stored) {
      put.push({ ...want, updatedAt: at });
      history.push({
        entryId: want.id,
        at,
        by,
        field: 'restored',
        before: null,
        after: listTerms(want),
        reason,
      });
      continue;
    }
    const changes = diffEntry(stored, want, by, at, reason);
    if (changes.length === 0) continue;
    const statusChanged = new Set(
      changes.filter((c) => c.field === 'status').map((c) => `${c.lang}\u0000${c.term}`),
    );
    put.push({
      ...want,
      terms: want.terms.map((t) => (statusChanged.has(termKey(t)) ? { ...t, setBy: by, setAt: at } : t)),
      updatedAt: at,
    });
    history.push(...changes);
  }
  return ok({ put, remove, history });
}
