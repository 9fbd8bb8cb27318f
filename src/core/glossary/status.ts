import type { Term, TermEntry, TermStatus } from '../model/term.ts';
import { ok, type Result } from '../result.ts';
import type { EntryEdit } from './entryChange.ts';
import { failWith, type GlossaryProblem } from './glossaryProblem.ts';

/**
 * Status changes a term may go through. A proposal is decided (approved or forbidden); a decision can be
 * reopened (back to proposed). A forbidden term is never approved directly: it must be proposed again, so
 * that lifting a ban is a visible, separate step rather than a slip of the keyboard.
 */
export const STATUS_TRANSITIONS: Readonly<Record<TermStatus, readonly TermStatus[]>> = {
  proposed: ['approved', 'forbidden'],
  approved: ['proposed', 'forbidden'],
  forbidden: ['proposed'],
};

export function canChangeStatus(from: TermStatus, to: TermStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** Which term of an entry: its language and text (compared exactly). */
export type TermRef = { readonly lang: string; readonly text: string };

export function findTermIndex(entry: TermEntry, ref: TermRef): number {
  return entry.terms.findIndex((t) => t.lang === ref.lang && t.text === ref.text);
}

/**
 * Moves one term to a new status, recording who and when on the term and in the change record. Refuses an
 * unknown term, a missing author and any change STATUS_TRANSITIONS does not allow (including no change).
 */
export function changeTermStatus(
  entry: TermEntry,
  ref: TermRef,
  to: TermStatus,
  by: string,
  at: number,
  reason?: string,
): Result<EntryEdit, GlossaryProblem> {
  const index = findTermIndex(entry, ref);
  const term = entry.terms[index];
  if (!term)
    return failWith('glossary.edit.noSuchTerm', `the entry has no term "${ref.text}" (${ref.lang})`, {
      ...ref,
    });
  if (by.trim() === '')
    return failWith('glossary.edit.noAuthor', 'a status change needs the name of who made it');
  if (!canChangeStatus(term.status, to)) {
    return failWith(
      'glossary.statusChange.refused',
      `a ${term.status} term cannot become ${to}` +
        (term.status === to ? '' : ` (allowed: ${STATUS_TRANSITIONS[term.status].join(', ')})`),
      { from: term.status, to, term: term.text },
    );
  }
  const changed: Term = { ...term, status: to, setBy: by, setAt: at };
  const terms = entry.terms.map((t, i) => (i === index ? changed : t));
  return ok({
    entry: { ...entry, terms, updatedAt: at },
    change: {
      entryId: entry.id,
      at,
      by,
      field: 'status',
      lang: term.lang,
      term: term.text,
      before: term.status,
      after: to,
      ...(reason ? { reason } : {}),
    },
  });
}
