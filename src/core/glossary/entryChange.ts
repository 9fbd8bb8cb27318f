import type { EntryId } from '../model/ids.ts';
import type { TermEntry } from '../model/term.ts';

/** What an edit touched: one term (its text or status) or a field of the entry. */
export type EntryField = 'term' | 'status' | 'definition' | 'note' | 'partOfSpeech';

/**
 * One change to a glossary entry, kept as history. `before`/`after` are the old and new values (null when
 * the term or field did not exist before / no longer exists). For 'term' and 'status' changes `lang` and
 * `term` name the term (its text after the change, or before it when removed).
 * Adding a term: field 'term', before null, after its text. Removing: before its text, after null.
 * Renaming: before and after texts. Status: before and after statuses.
 */
export type EntryChange = {
  readonly entryId: EntryId;
  readonly at: number;
  readonly by: string;
  readonly field: EntryField;
  readonly lang?: string;
  readonly term?: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly reason?: string;
};

/** An edited entry together with the history record of the edit. */
export type EntryEdit = { readonly entry: TermEntry; readonly change: EntryChange };
