import type { Term, TermEntry, TermStatus } from '../model/term.ts';
import { ok, type Result } from '../result.ts';
import type { EntryEdit } from './entryChange.ts';
import { failWith, type GlossaryProblem } from './glossaryProblem.ts';

/**
 * Status changes a term may go through: any status to any other. Reversing a decision outright (approved ↔
 * forbidden) needs a reason, so that lifting a ban or banning an approved term is a deliberate, explained
 * step rather than a slip of the keyboard, without a detour through "proposed".
 */
export const STATUS_TRANSITIONS: Readonly<Record<TermStatus, readonly TermStatus[]>> = {
  proposed: ['approved', 'forbidden'],
  approved: ['proposed', 'forbidden'],
  forbidden: ['proposed', 'approved'],
};

export function canChangeStatus(from: TermStatus, to: TermStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** Whether the change reverses a decision and so must say why. */
export function needsReason(from: TermStatus, to: TermStatus): boolean {
  return (from === 'forbidden' && to === 'approved') || (from === 'approved' && to === 'forbidden');
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
  if (needsReason(term.status, to) && !reason?.trim()) {
    return failWith(
      'glossary.statusChange.needsReason',
      `a ${term.status} term becomes ${to} only with a reason`,
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
      ...(reason?.trim() ? { reason: reason.trim() } : {}),
    },
  });
}

/**
 * An entry's status as a summary of its terms' (each term keeps its own): `approved` when every language
 * it has holds an approved term (forbidden variants beside them are part of a settled entry), `forbidden`
 * when every term is forbidden, `proposed` while any language still waits for a decision.
 */
export type EntrySummary = {
  readonly status: TermStatus;
  /** Terms per status. */
  readonly terms: Readonly<Record<TermStatus, number>>;
  /** Languages with no approved term yet (only where the entry is not wholly forbidden). */
  readonly undecided: readonly string[];
};

export function entrySummary(entry: TermEntry): EntrySummary {
  const terms: Record<TermStatus, number> = { proposed: 0, approved: 0, forbidden: 0 };
  const langs = new Map<string, boolean>();
  for (const term of entry.terms) {
    terms[term.status] += 1;
    langs.set(term.lang, (langs.get(term.lang) ?? false) || term.status === 'approved');
  }
  const all = entry.terms.length;
  if (all > 0 && terms.forbidden === all) return { status: 'forbidden', terms, undecided: [] };
  const undecided = [...langs].filter(([, approved]) => !approved).map(([lang]) => lang);
  return { status: all > 0 && undecided.length === 0 ? 'approved' : 'proposed', terms, undecided };
}
