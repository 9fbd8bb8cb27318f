import { failWith, type GlossaryProblem } from '../glossary/glossaryProblem.ts';
import { entryId as toEntryId, newId, type EntryId, type ProjectId } from '../model/ids.ts';
import { isLangCode } from '../model/lang.ts';
import {
  TERM_STATUSES,
  type PartOfSpeech,
  type Term,
  type TermEntry,
  type TermStatus,
} from '../model/term.ts';
import { ok, type Result } from '../result.ts';
import { delimiterFor, parseTable, serialiseTable } from './csv.ts';

/**
 * Glossary CSV: one row per entry, one column per language ("ru", "en", "kk", "kk-Latn", …) plus optional
 * `status`, `note`, `definition`, `pos` and `id` columns.
 *  - A language cell may list several terms (synonyms, a forbidden variant) separated by "|"; a literal "|" or
 *    "\" inside a term is written "\|" or "\\".
 *  - `status` (approved | proposed | forbidden, default approved or `missingStatus`) applies to every term of the row; a
 *    `<lang>:status` column overrides it for that language, with one status per term ("approved|forbidden")
 *    or a single status for all of them. The writer adds such columns only where an entry needs them.
 *  - `id` keeps entry ids across an export and re-import; without it entries get new ids.
 * Who set a status and when is history, kept in the project, not in the CSV.
 */
export const GLOSSARY_CSV_FIELDS = ['id', 'status', 'pos', 'definition', 'note'] as const;
const PARTS_OF_SPEECH: readonly PartOfSpeech[] = [
  'noun',
  'verb',
  'adjective',
  'adverb',
  'properNoun',
  'other',
];
/** Column order the writer uses for languages it knows; others follow alphabetically. */
const LANG_ORDER = ['ru', 'en', 'kk', 'kk-Latn'];

export type GlossaryCsvOptions = {
  /** Languages the project accepts; a column for any other language is refused. */
  readonly langs?: readonly string[];
  readonly delimiter?: ',' | '\t' | ';';
  /** The status of a term the file gives none (default approved). */
  readonly missingStatus?: TermStatus;
};

type Column =
  | { readonly kind: 'lang'; readonly lang: string }
  | { readonly kind: 'langStatus'; readonly lang: string }
  | { readonly kind: 'field'; readonly field: (typeof GLOSSARY_CSV_FIELDS)[number] };

function splitTerms(cell: string): string[] {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i += 1) {
    const ch = cell[i] as string;
    if (ch === '\\' && (cell[i + 1] === '|' || cell[i + 1] === '\\')) {
      current += cell[i + 1];
      i += 1;
    } else if (ch === '|') {
      terms.push(current.trim());
      current = '';
    } else current += ch;
  }
  terms.push(current.trim());
  return terms.length === 1 && terms[0] === '' ? [] : terms;
}
const escapeTerm = (t: string): string => t.replace(/[\\|]/g, (c) => `\\${c}`);

function parseHeader(
  header: readonly string[],
  options: GlossaryCsvOptions,
  line: number,
): Result<Column[], GlossaryProblem> {
  const columns: Column[] = [];
  const seen = new Set<string>();
  const allowed = options.langs?.map((l) => l.toLowerCase());
  for (const raw of header) {
    const name = raw.trim();
    const key = name.toLowerCase();
    if (seen.has(key))
      return failWith(
        'glossary.csv.duplicateColumn',
        `column "${name}" appears twice`,
        { column: name },
        line,
      );
    seen.add(key);
    const field = GLOSSARY_CSV_FIELDS.find((f) => f === key);
    if (field) {
      columns.push({ kind: 'field', field });
      continue;
    }
    const statusOf = /^(.+):status$/i.exec(name);
    const lang = statusOf ? (statusOf[1] as string) : name;
    if (!isLangCode(lang) || (allowed && !allowed.includes(lang.toLowerCase()))) {
      return failWith(
        'glossary.csv.unknownColumn',
        `unknown column "${name}": expected a language code (such as ru, en, kk, kk-Latn) or one of ${GLOSSARY_CSV_FIELDS.join(', ')}`,
        { column: name },
        line,
      );
    }
    columns.push(statusOf ? { kind: 'langStatus', lang } : { kind: 'lang', lang });
  }
  for (const c of columns) {
    if (c.kind === 'langStatus' && !columns.some((o) => o.kind === 'lang' && o.lang === c.lang)) {
      return failWith(
        'glossary.csv.statusWithoutLang',
        `column "${c.lang}:status" has no "${c.lang}" column`,
        { lang: c.lang },
        line,
      );
    }
  }
  if (!columns.some((c) => c.kind === 'lang')) {
    return failWith(
      'glossary.csv.noLanguages',
      'the header names no language column (such as ru, en, kk)',
      {},
      line,
    );
  }
  return ok(columns);
}

function parseStatus(value: string, line: number): Result<TermStatus | undefined, GlossaryProblem> {
  const v = value.trim().toLowerCase();
  if (v === '') return ok(undefined);
  const status = TERM_STATUSES.find((s) => s === v);
  if (!status) {
    return failWith(
      'glossary.csv.badStatus',
      `unknown status "${value}": use approved, proposed or forbidden`,
      { status: value },
      line,
    );
  }
  return ok(status);
}

/** Entries from glossary CSV (or TSV); on any error nothing is returned, and the error names its line. */
export function parseGlossaryCsv(
  text: string,
  projectId: ProjectId,
  now: number,
  options: GlossaryCsvOptions = {},
): Result<TermEntry[], GlossaryProblem> {
  const table = parseTable(text, options.delimiter ?? delimiterFor('', text));
  if (!table.ok)
    return failWith(
      'glossary.csv.malformed',
      table.error.message,
      { reason: table.error.message },
      table.error.line,
    );
  const headerLine = (text
    .replace(/^\uFEFF/, '')
    .match(/^(?:[ \t]*\r?\n)*/)?.[0]
    .split('\n').length ?? 1) as number;
  const columns = parseHeader(table.value.header, options, headerLine);
  if (!columns.ok) return columns;
  const entries: TermEntry[] = [];
  const byTerms = new Map<string, number>();
  const ids = new Set<string>();
  for (const row of table.value.rows) {
    const { line, cells } = row;
    const get = (field: string) =>
      cells[columns.value.findIndex((c) => c.kind === 'field' && c.field === field)];
    const rowStatus = parseStatus(get('status') ?? '', line);
    if (!rowStatus.ok) return rowStatus;
    const terms: Term[] = [];
    for (const [i, column] of columns.value.entries()) {
      if (column.kind !== 'lang') continue;
      const texts = splitTerms(cells[i] ?? '');
      if (texts.some((t) => t === '')) {
        return failWith(
          'glossary.csv.emptyTerm',
          `an empty term in column "${column.lang}"`,
          { lang: column.lang },
          line,
        );
      }
      const statusIndex = columns.value.findIndex((c) => c.kind === 'langStatus' && c.lang === column.lang);
      const statusCells = statusIndex >= 0 ? (cells[statusIndex] ?? '').split('|') : [''];
      if (statusCells.length !== 1 && statusCells.length !== texts.length) {
        return failWith(
          'glossary.csv.statusCount',
          `column "${column.lang}:status" has ${statusCells.length} statuses for ${texts.length} terms`,
          { lang: column.lang, statuses: statusCells.length, terms: texts.length },
          line,
        );
      }
      for (const [k, termText] of texts.entries()) {
        const own = parseStatus(statusCells[statusCells.length === 1 ? 0 : k] ?? '', line);
        if (!own.ok) return own;
        terms.push({
          lang: column.lang,
          text: termText,
          status: own.value ?? rowStatus.value ?? options.missingStatus ?? 'approved',
        });
      }
    }
    if (terms.length === 0)
      return failWith('glossary.csv.noTerms', 'the row has no term in any language', {}, line);
    const keys = terms.map((t) => `${t.lang.toLowerCase()}\u0000${t.text.toLowerCase()}`);
    const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
    if (repeated !== undefined) {
      const term = terms[keys.indexOf(repeated)] as Term;
      return failWith(
        'glossary.csv.repeatedTerm',
        `the term "${term.text}" (${term.lang}) is listed twice`,
        { term: term.text, lang: term.lang },
        line,
      );
    }
    const signature = [...keys].sort().join('\u0001');
    const earlier = byTerms.get(signature);
    if (earlier !== undefined) {
      return failWith(
        'glossary.csv.duplicateEntry',
        `duplicate entry: the same terms as on line ${earlier}`,
        { earlier },
        line,
      );
    }
    byTerms.set(signature, line);
    const posText = (get('pos') ?? '').trim();
    const pos = PARTS_OF_SPEECH.find((p) => p.toLowerCase() === posText.toLowerCase().replace(/[\s_-]/g, ''));
    if (posText && !pos) {
      return failWith(
        'glossary.csv.badPos',
        `unknown part of speech "${posText}": use ${PARTS_OF_SPEECH.join(', ')}`,
        { pos: posText },
        line,
      );
    }
    const idText = (get('id') ?? '').trim();
    if (idText && ids.has(idText))
      return failWith('glossary.csv.duplicateId', `the id "${idText}" is used twice`, { id: idText }, line);
    if (idText) ids.add(idText);
    const id: EntryId = idText ? toEntryId(idText) : toEntryId(newId('entry'));
    const definition = get('definition') ?? '';
    const note = get('note') ?? '';
    entries.push({
      id,
      projectId,
      terms,
      ...(definition ? { definition } : {}),
      ...(note ? { note } : {}),
      ...(pos ? { partOfSpeech: pos } : {}),
      createdAt: now,
      updatedAt: now,
    });
  }
  return ok(entries);
}

function langOrder(a: string, b: string): number {
  const ia = LANG_ORDER.indexOf(a);
  const ib = LANG_ORDER.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? LANG_ORDER.length : ia) - (ib < 0 ? LANG_ORDER.length : ib);
  return a.localeCompare(b);
}

/**
 * The status written in a row's `status` column: the one most of its terms have, ties going to the first in
 * TERM_STATUSES order (not term order, which an import regroups by language).
 */
function rowStatus(entry: TermEntry): TermStatus {
  const count = (s: TermStatus) => entry.terms.filter((t) => t.status === s).length;
  let best: TermStatus = 'approved';
  for (const s of TERM_STATUSES) if (count(s) > count(best)) best = s;
  return best;
}

export type GlossaryCsvWriteOptions = { readonly ids?: boolean; readonly delimiter?: ',' | '\t' | ';' };

/** Writes entries as glossary CSV; parseGlossaryCsv reads back the same terms, statuses and fields. */
export function serialiseGlossaryCsv(
  entries: readonly TermEntry[],
  options: GlossaryCsvWriteOptions = {},
): string {
  const langs = [...new Set(entries.flatMap((e) => e.terms.map((t) => t.lang)))].sort(langOrder);
  const statusLangs = langs.filter((lang) =>
    entries.some((e) => {
      const status = rowStatus(e);
      return e.terms.some((t) => t.lang === lang && t.status !== status);
    }),
  );
  const header = [
    ...(options.ids ? ['id'] : []),
    ...langs.flatMap((l) => (statusLangs.includes(l) ? [l, `${l}:status`] : [l])),
    'status',
    'pos',
    'definition',
    'note',
  ];
  const rows = entries.map((e) => {
    const status = rowStatus(e);
    const cells: string[] = options.ids ? [e.id] : [];
    for (const lang of langs) {
      const terms = e.terms.filter((t) => t.lang === lang);
      cells.push(terms.map((t) => escapeTerm(t.text)).join('|'));
      if (statusLangs.includes(lang)) {
        cells.push(terms.every((t) => t.status === status) ? '' : terms.map((t) => t.status).join('|'));
      }
    }
    cells.push(status, e.partOfSpeech ?? '', e.definition ?? '', e.note ?? '');
    return cells;
  });
  return serialiseTable(header, rows, options.delimiter ?? ',');
}
