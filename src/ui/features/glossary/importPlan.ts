import { addTerm, setEntryText, setPartOfSpeech } from '../../../core/glossary/editEntry.ts';
import { foldWord } from '../../../core/glossary/inflection.ts';
import type { EntryEdit } from '../../../core/glossary/entryChange.ts';
import type { GlossaryProblem } from '../../../core/glossary/glossaryProblem.ts';
import { parseGlossaryCsv } from '../../../core/formats/glossaryCsv.ts';
import { parseTbx } from '../../../core/formats/tbx.ts';
import { entryId, newId, type ProjectId } from '../../../core/model/ids.ts';
import type { TermEntry } from '../../../core/model/term.ts';
import type { Result } from '../../../core/result.ts';
import type { ChangeToRecord, GlossaryWrite } from '../../../storage/glossary.ts';

export type GlossaryFormat = 'tbx' | 'csv';

/** TBX by extension (.tbx, .xml) or by content (starts with "<"); anything else is glossary CSV/TSV. */
export function formatOf(fileName: string, text: string): GlossaryFormat {
  if (/\.(tbx|xml)$/i.test(fileName)) return 'tbx';
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<')
    ? 'tbx'
    : 'csv';
}

export function parseGlossaryFile(
  fileName: string,
  text: string,
  projectId: ProjectId,
  now: number,
): Result<TermEntry[], GlossaryProblem> {
  return formatOf(fileName, text) === 'tbx'
    ? parseTbx(text, projectId, now)
    : parseGlossaryCsv(
        text,
        projectId,
        now,
        fileName.toLowerCase().endsWith('.tsv') ? { delimiter: '\t' } : {},
      );
}

const termKey = (lang: string, text: string) => `${lang.toLowerCase()}\u0000${foldWord(text.trim(), false)}`;

/** An incoming entry that matches an existing one: the same id, or a term in common. */
export type Duplicate = { readonly incoming: TermEntry; readonly existing: TermEntry };

export type ImportPreview = {
  readonly fresh: readonly TermEntry[];
  readonly duplicates: readonly Duplicate[];
};

export function previewImport(existing: readonly TermEntry[], incoming: readonly TermEntry[]): ImportPreview {
  const byId = new Map(existing.map((e) => [e.id as string, e]));
  const byTerm = new Map<string, TermEntry>();
  for (const e of existing)
    for (const t of e.terms) if (!byTerm.has(termKey(t.lang, t.text))) byTerm.set(termKey(t.lang, t.text), e);
  const fresh: TermEntry[] = [];
  const duplicates: Duplicate[] = [];
  for (const entry of incoming) {
    const match =
      byId.get(entry.id) ??
      entry.terms.map((t) => byTerm.get(termKey(t.lang, t.text))).find((e) => e !== undefined);
    if (match) duplicates.push({ incoming: entry, existing: match });
    else fresh.push(entry);
  }
  return { fresh, duplicates };
}

export type DuplicateChoice = 'merge' | 'skip';

export type ImportCounts = { readonly added: number; readonly merged: number; readonly skipped: number };

/**
 * What the import writes. New entries get ids of their own (a file's ids may be taken in another project);
 * merging adds the incoming entry's missing terms with their statuses and fills an empty definition, note or
 * part of speech. Existing terms and texts are never overwritten.
 */
export function planImport(
  preview: ImportPreview,
  choice: DuplicateChoice,
  context: { readonly projectId: ProjectId; readonly by: string; readonly at: number; readonly file: string },
): { readonly write: GlossaryWrite; readonly counts: ImportCounts } {
  const { by, at, file } = context;
  const put: TermEntry[] = [];
  const history: ChangeToRecord[] = [];
  for (const entry of preview.fresh) {
    const id = entryId(newId('entry'));
    put.push({
      ...entry,
      id,
      projectId: context.projectId,
      terms: entry.terms.map((t) => ({ ...t, setBy: t.setBy ?? by, setAt: t.setAt ?? at })),
      createdAt: at,
      updatedAt: at,
    });
    history.push({ entryId: id, at, by, field: 'imported', before: null, after: file });
  }
  let merged = 0;
  if (choice === 'merge') {
    const updated = new Map<string, TermEntry>();
    for (const { incoming, existing } of preview.duplicates) {
      let entry = updated.get(existing.id) ?? existing;
      const before = entry;
      for (const term of incoming.terms) {
        const edit = addTerm(entry, term, by, at);
        if (edit.ok) {
          entry = edit.value.entry;
          history.push({ ...edit.value.change, reason: file });
        }
      }
      const fills: ((e: TermEntry) => Result<EntryEdit, GlossaryProblem> | undefined)[] = [
        (e) =>
          !e.definition && incoming.definition
            ? setEntryText(e, 'definition', incoming.definition, by, at)
            : undefined,
        (e) => (!e.note && incoming.note ? setEntryText(e, 'note', incoming.note, by, at) : undefined),
        (e) =>
          !e.partOfSpeech && incoming.partOfSpeech
            ? setPartOfSpeech(e, incoming.partOfSpeech, by, at)
            : undefined,
      ];
      for (const fill of fills) {
        const edit = fill(entry);
        if (edit?.ok) {
          entry = edit.value.entry;
          history.push({ ...edit.value.change, reason: file });
        }
      }
      if (entry !== before) updated.set(existing.id, entry);
    }
    put.push(...updated.values());
    merged = preview.duplicates.length;
  }
  return {
    write: { put, history },
    counts: {
      added: preview.fresh.length,
      merged,
      skipped: choice === 'skip' ? preview.duplicates.length : 0,
    },
  };
}
