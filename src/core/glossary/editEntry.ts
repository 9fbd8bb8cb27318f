import type { PartOfSpeech, TermEntry, TermStatus } from '../model/term.ts';
import { isLangCode } from '../model/lang.ts';
import { ok, type Result } from '../result.ts';
import type { EntryEdit } from './entryChange.ts';
import { failWith, type GlossaryProblem } from './glossaryProblem.ts';
import { findTermIndex, type TermRef } from './status.ts';

/**
 * Entry edits as pure functions: each returns the new entry and one history record, or a problem and no
 * change. Terms are compared case-insensitively within a language for duplicates ("Akim" and "akim" are
 * one term); the text is kept as typed.
 */
type Edit = Result<EntryEdit, GlossaryProblem>;

const sameTerm = (a: TermRef, b: TermRef) =>
  a.lang === b.lang && a.text.toLowerCase() === b.text.toLowerCase();

function checkAuthor(by: string): Result<true, GlossaryProblem> {
  return by.trim() === ''
    ? failWith('glossary.edit.noAuthor', 'an edit needs the name of who made it')
    : ok(true);
}

export function addTerm(
  entry: TermEntry,
  term: { readonly lang: string; readonly text: string; readonly status?: TermStatus },
  by: string,
  at: number,
): Edit {
  const author = checkAuthor(by);
  if (!author.ok) return author;
  const text = term.text.normalize('NFC').trim();
  if (text === '') return failWith('glossary.edit.emptyTerm', 'a term cannot be empty');
  if (!isLangCode(term.lang))
    return failWith('glossary.edit.badLang', `"${term.lang}" is not a language code`, { lang: term.lang });
  if (entry.terms.some((t) => sameTerm(t, { lang: term.lang, text }))) {
    return failWith('glossary.edit.duplicateTerm', `the entry already has "${text}" (${term.lang})`, {
      term: text,
      lang: term.lang,
    });
  }
  const added = { lang: term.lang, text, status: term.status ?? 'proposed', setBy: by, setAt: at };
  return ok({
    entry: { ...entry, terms: [...entry.terms, added], updatedAt: at },
    change: {
      entryId: entry.id,
      at,
      by,
      field: 'term',
      lang: term.lang,
      term: text,
      before: null,
      after: text,
    },
  });
}

export function removeTerm(entry: TermEntry, ref: TermRef, by: string, at: number): Edit {
  const author = checkAuthor(by);
  if (!author.ok) return author;
  const index = findTermIndex(entry, ref);
  if (index < 0)
    return failWith('glossary.edit.noSuchTerm', `the entry has no term "${ref.text}" (${ref.lang})`, {
      ...ref,
    });
  if (entry.terms.length === 1) {
    return failWith('glossary.edit.lastTerm', 'an entry keeps at least one term: delete the entry instead');
  }
  return ok({
    entry: { ...entry, terms: entry.terms.filter((_, i) => i !== index), updatedAt: at },
    change: {
      entryId: entry.id,
      at,
      by,
      field: 'term',
      lang: ref.lang,
      term: ref.text,
      before: ref.text,
      after: null,
    },
  });
}

/** Corrects a term's text; its status stays (a renamed approved term is still approved). */
export function renameTerm(entry: TermEntry, ref: TermRef, newText: string, by: string, at: number): Edit {
  const author = checkAuthor(by);
  if (!author.ok) return author;
  const index = findTermIndex(entry, ref);
  const term = entry.terms[index];
  if (!term)
    return failWith('glossary.edit.noSuchTerm', `the entry has no term "${ref.text}" (${ref.lang})`, {
      ...ref,
    });
  const text = newText.normalize('NFC').trim();
  if (text === '') return failWith('glossary.edit.emptyTerm', 'a term cannot be empty');
  if (text === term.text) return failWith('glossary.edit.unchanged', 'nothing changed', {});
  if (entry.terms.some((t, i) => i !== index && sameTerm(t, { lang: term.lang, text }))) {
    return failWith('glossary.edit.duplicateTerm', `the entry already has "${text}" (${term.lang})`, {
      term: text,
      lang: term.lang,
    });
  }
  return ok({
    entry: { ...entry, terms: entry.terms.map((t, i) => (i === index ? { ...t, text } : t)), updatedAt: at },
    change: {
      entryId: entry.id,
      at,
      by,
      field: 'term',
      lang: term.lang,
      term: text,
      before: term.text,
      after: text,
    },
  });
}

export type EntryTextField = 'definition' | 'note';

/** Sets or clears (empty value) the definition or note. */
export function setEntryText(
  entry: TermEntry,
  field: EntryTextField,
  value: string,
  by: string,
  at: number,
): Edit {
  const author = checkAuthor(by);
  if (!author.ok) return author;
  const before = entry[field] ?? null;
  const after = value.trim() === '' ? null : value;
  if (before === after) return failWith('glossary.edit.unchanged', 'nothing changed', {});
  const { [field]: _dropped, ...rest } = entry;
  return ok({
    entry: { ...rest, ...(after === null ? {} : { [field]: after }), updatedAt: at },
    change: { entryId: entry.id, at, by, field, before, after },
  });
}

export function setPartOfSpeech(
  entry: TermEntry,
  pos: PartOfSpeech | undefined,
  by: string,
  at: number,
): Edit {
  const author = checkAuthor(by);
  if (!author.ok) return author;
  const before = entry.partOfSpeech ?? null;
  const after = pos ?? null;
  if (before === after) return failWith('glossary.edit.unchanged', 'nothing changed', {});
  const { partOfSpeech: _dropped, ...rest } = entry;
  return ok({
    entry: { ...rest, ...(pos ? { partOfSpeech: pos } : {}), updatedAt: at },
    change: { entryId: entry.id, at, by, field: 'partOfSpeech', before, after },
  });
}
