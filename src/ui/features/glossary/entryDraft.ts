import {
  addTerm,
  removeTerm,
  renameTerm,
  setEntryText,
  setPartOfSpeech,
} from '../../../core/glossary/editEntry.ts';
import type { EntryChange, EntryEdit } from '../../../core/glossary/entryChange.ts';
import { failWith, type GlossaryProblem } from '../../../core/glossary/glossaryProblem.ts';
import { changeTermStatus } from '../../../core/glossary/status.ts';
import { entryId, newId, type ProjectId } from '../../../core/model/ids.ts';
import type { PartOfSpeech, TermEntry, TermStatus } from '../../../core/model/term.ts';
import { ok, type Result } from '../../../core/result.ts';

/** One term row of the editor: `origin` is the index of the stored term it edits, if any; `status` as chosen. */
export type DraftTerm = {
  readonly lang: string;
  readonly text: string;
  readonly status?: TermStatus;
  readonly origin?: number;
};

/** The editor's state: what the form shows, before it becomes edits. */
export type EntryDraft = {
  readonly terms: readonly DraftTerm[];
  readonly definition: string;
  readonly note: string;
  readonly partOfSpeech: PartOfSpeech | '';
  /** Why statuses changed; required where a decision is reversed (approved ↔ forbidden). */
  readonly reason: string;
};

export function draftOf(entry: TermEntry): EntryDraft {
  return {
    terms: entry.terms.map((t, origin) => ({ lang: t.lang, text: t.text, status: t.status, origin })),
    definition: entry.definition ?? '',
    note: entry.note ?? '',
    partOfSpeech: entry.partOfSpeech ?? '',
    reason: '',
  };
}

/** A new entry's form: one empty term per language, or the terms given (an accepted candidate). */
export function newDraft(
  langs: readonly string[],
  prefill?: { readonly terms: readonly { lang: string; text: string }[]; readonly definition?: string },
): EntryDraft {
  const given = prefill?.terms.map((t) => ({ lang: t.lang, text: t.text })) ?? [];
  const missing = langs.filter((l) => !given.some((t) => t.lang === l)).map((lang) => ({ lang, text: '' }));
  return {
    terms: [...given, ...missing],
    definition: prefill?.definition ?? '',
    note: '',
    partOfSpeech: '',
    reason: '',
  };
}

type Step = (entry: TermEntry) => Result<EntryEdit, GlossaryProblem>;

/**
 * Turns the form into the core's edits, applied in order: renames and additions first, removals last (an entry
 * keeps at least one term), then definition, note and part of speech. Any refusal other than "nothing
 * changed" stops everything: the entry is saved whole or not at all.
 */
export function applyDraft(
  original: TermEntry | undefined,
  draft: EntryDraft,
  context: { readonly projectId: ProjectId; readonly by: string; readonly at: number },
): Result<{ readonly entry: TermEntry; readonly changes: readonly EntryChange[] }, GlossaryProblem> {
  const { by, at } = context;
  const start: TermEntry = original ?? {
    id: entryId(newId('entry')),
    projectId: context.projectId,
    terms: [],
    createdAt: at,
    updatedAt: at,
  };
  const steps: Step[] = [];
  const removals: Step[] = [];
  const statuses: Step[] = [];
  for (const row of draft.terms) {
    const text = row.text.trim();
    const before = row.origin === undefined ? undefined : original?.terms[row.origin];
    if (!before) {
      if (text)
        steps.push((e) => addTerm(e, { lang: row.lang, text, status: row.status ?? 'proposed' }, by, at));
      continue;
    }
    if (!text || row.lang !== before.lang) {
      removals.push((e) => removeTerm(e, before, by, at));
      if (text) steps.push((e) => addTerm(e, { lang: row.lang, text, status: before.status }, by, at));
    } else if (text !== before.text) {
      // Later renames see the texts earlier steps wrote: address the term by its current text.
      steps.push((e) => {
        const current = e.terms.find((t) => t.lang === before.lang && t.text === before.text);
        return renameTerm(e, current ?? before, text, by, at);
      });
    }
    if (text && row.lang === before.lang && row.status && row.status !== before.status) {
      const status = row.status;
      statuses.push((e) => changeTermStatus(e, { lang: row.lang, text }, status, by, at, draft.reason));
    }
  }
  steps.push(...statuses, ...removals);
  steps.push((e) => setEntryText(e, 'definition', draft.definition, by, at));
  steps.push((e) => setEntryText(e, 'note', draft.note, by, at));
  steps.push((e) => setPartOfSpeech(e, draft.partOfSpeech === '' ? undefined : draft.partOfSpeech, by, at));
  let entry = start;
  const changes: EntryChange[] = [];
  for (const step of steps) {
    const result = step(entry);
    if (!result.ok) {
      if (result.error.key === 'glossary.edit.unchanged') continue;
      return result;
    }
    entry = result.value.entry;
    changes.push(result.value.change);
  }
  if (entry.terms.length === 0) {
    return failWith('glossary.edit.noTerms', 'an entry needs at least one term');
  }
  return ok({ entry, changes });
}
