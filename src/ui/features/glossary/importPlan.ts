import { addTerm, setEntryText, setPartOfSpeech } from '../../../core/glossary/editEntry.ts';
import { changeTermStatus } from '../../../core/glossary/status.ts';
import { foldWord } from '../../../core/glossary/inflection.ts';
import type { EntryEdit } from '../../../core/glossary/entryChange.ts';
import type { GlossaryProblem } from '../../../core/glossary/glossaryProblem.ts';
import { parseGlossaryCsv } from '../../../core/formats/glossaryCsv.ts';
import { parseTbx } from '../../../core/formats/tbx.ts';
import { entryId, newId, type ProjectId } from '../../../core/model/ids.ts';
import type { TermEntry, TermStatus } from '../../../core/model/term.ts';
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
  missingStatus: TermStatus = 'proposed',
): Result<TermEntry[], GlossaryProblem> {
  // A term the file gives no status arrives proposed (or as the terminologist chooses in the preview):
  // importing must not approve what nobody decided.
  return formatOf(fileName, text) === 'tbx'
    ? parseTbx(text, projectId, now, { missingStatus })
    : parseGlossaryCsv(text, projectId, now, {
        missingStatus,
        ...(fileName.toLowerCase().endsWith('.tsv') ? { delimiter: '\t' as const } : {}),
      });
}

const termKey = (lang: string, text: string) => `${lang.toLowerCase()}\u0000${foldWord(text.trim(), false)}`;

/** How an incoming entry differs from the existing one it matches. */
export type ImportDifference =
  | { readonly kind: 'newTerm'; readonly lang: string; readonly text: string; readonly status: TermStatus }
  | {
      readonly kind: 'status';
      readonly lang: string;
      readonly text: string;
      readonly existing: TermStatus;
      readonly incoming: TermStatus;
    }
  | {
      readonly kind: 'field';
      readonly field: 'definition' | 'note' | 'partOfSpeech';
      readonly existing: string;
      readonly incoming: string;
    };

/**
 * An incoming entry and its match: `new` (no existing entry shares an id or a term), `same` (the existing
 * entry already says everything the file says), `conflict` (it differs: terms the file adds, statuses or
 * texts the file gives otherwise).
 */
export type ImportRow = {
  readonly incoming: TermEntry;
  readonly existing?: TermEntry;
  readonly match: 'new' | 'same' | 'conflict';
  readonly differences: readonly ImportDifference[];
};

/** What to do with one row: add as a new entry, merge into the match (keeping its decisions), update the
 * match to what the file says (its statuses and texts win), or skip. */
export type RowChoice = 'add' | 'merge' | 'update' | 'skip';

export function choicesFor(row: ImportRow): readonly RowChoice[] {
  switch (row.match) {
    case 'new':
      return ['add', 'skip'];
    case 'same':
      return ['skip'];
    case 'conflict':
      return ['merge', 'update', 'add', 'skip'];
  }
}

export const defaultChoice = (row: ImportRow): RowChoice => choicesFor(row)[0] as RowChoice;

function differences(existing: TermEntry, incoming: TermEntry): ImportDifference[] {
  const found: ImportDifference[] = [];
  const byKey = new Map(existing.terms.map((t) => [termKey(t.lang, t.text), t]));
  for (const term of incoming.terms) {
    const own = byKey.get(termKey(term.lang, term.text));
    if (!own) found.push({ kind: 'newTerm', lang: term.lang, text: term.text, status: term.status });
    else if (own.status !== term.status)
      found.push({
        kind: 'status',
        lang: term.lang,
        text: own.text,
        existing: own.status,
        incoming: term.status,
      });
  }
  for (const field of ['definition', 'note', 'partOfSpeech'] as const) {
    const a = existing[field] ?? '';
    const b = incoming[field] ?? '';
    if (b !== '' && a !== b) found.push({ kind: 'field', field, existing: a, incoming: b });
  }
  return found;
}

export function previewImport(existing: readonly TermEntry[], incoming: readonly TermEntry[]): ImportRow[] {
  const byId = new Map(existing.map((e) => [e.id as string, e]));
  const byTerm = new Map<string, TermEntry>();
  for (const e of existing)
    for (const t of e.terms) if (!byTerm.has(termKey(t.lang, t.text))) byTerm.set(termKey(t.lang, t.text), e);
  return incoming.map((entry) => {
    const match =
      byId.get(entry.id) ??
      entry.terms.map((t) => byTerm.get(termKey(t.lang, t.text))).find((e) => e !== undefined);
    if (!match) return { incoming: entry, match: 'new', differences: [] };
    const found = differences(match, entry);
    return {
      incoming: entry,
      existing: match,
      match: found.length === 0 ? 'same' : 'conflict',
      differences: found,
    };
  });
}

export type ImportCounts = {
  readonly added: number;
  readonly merged: number;
  readonly updated: number;
  readonly skipped: number;
};

type Context = {
  readonly projectId: ProjectId;
  readonly by: string;
  readonly at: number;
  readonly file: string;
};

/** The row's changes applied to `entry`: missing terms (and, updating, the file's statuses and texts). */
function mergeInto(
  entry: TermEntry,
  row: ImportRow,
  update: boolean,
  context: Context,
  history: ChangeToRecord[],
): TermEntry {
  const { by, at, file } = context;
  let current = entry;
  const apply = (edit: Result<EntryEdit, GlossaryProblem> | undefined) => {
    if (edit?.ok) {
      current = edit.value.entry;
      history.push({ ...edit.value.change, reason: edit.value.change.reason ?? file });
    }
  };
  for (const d of row.differences) {
    if (d.kind === 'newTerm')
      apply(addTerm(current, { lang: d.lang, text: d.text, status: d.status }, by, at));
    else if (d.kind === 'status' && update)
      apply(changeTermStatus(current, { lang: d.lang, text: d.text }, d.incoming, by, at, file));
    else if (d.kind === 'field' && (update || d.existing === '')) {
      if (d.field === 'partOfSpeech') apply(setPartOfSpeech(current, row.incoming.partOfSpeech, by, at));
      else apply(setEntryText(current, d.field, d.incoming, by, at));
    }
  }
  return current;
}

/**
 * What the import writes, row by row as chosen. New entries get ids of their own (a file's ids may be taken
 * in another project); merging adds the incoming entry's missing terms with their statuses and fills an
 * empty definition, note or part of speech; updating also takes the file's statuses and texts, each change
 * recorded with the file as its reason. Returns the entries as they were, for undo.
 */
export function planImport(
  rows: readonly ImportRow[],
  choices: readonly RowChoice[],
  context: Context,
): { readonly write: GlossaryWrite; readonly counts: ImportCounts; readonly before: readonly TermEntry[] } {
  const { by, at, file } = context;
  const put: TermEntry[] = [];
  const history: ChangeToRecord[] = [];
  const updated = new Map<string, TermEntry>();
  const originals = new Map<string, TermEntry>();
  const counts = { added: 0, merged: 0, updated: 0, skipped: 0 };
  for (const [i, row] of rows.entries()) {
    const choice = choices[i] ?? defaultChoice(row);
    if (choice === 'skip' || (choice !== 'add' && !row.existing)) {
      counts.skipped += 1;
      continue;
    }
    if (choice === 'add') {
      const id = entryId(newId('entry'));
      put.push({
        ...row.incoming,
        id,
        projectId: context.projectId,
        terms: row.incoming.terms.map((t) => ({ ...t, setBy: t.setBy ?? by, setAt: t.setAt ?? at })),
        createdAt: at,
        updatedAt: at,
      });
      history.push({ entryId: id, at, by, field: 'imported', before: null, after: file });
      counts.added += 1;
      continue;
    }
    const existing = row.existing as TermEntry;
    if (!originals.has(existing.id)) originals.set(existing.id, existing);
    const entry = mergeInto(updated.get(existing.id) ?? existing, row, choice === 'update', context, history);
    updated.set(existing.id, entry);
    counts[choice === 'update' ? 'updated' : 'merged'] += 1;
  }
  for (const [id, entry] of updated) if (entry !== originals.get(id)) put.push(entry);
  return {
    write: { put, history },
    counts,
    before: [...originals.values()].filter((e) => updated.get(e.id) !== e),
  };
}
