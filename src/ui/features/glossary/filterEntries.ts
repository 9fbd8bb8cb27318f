import { findTerms, type TermIndex } from '../../../core/glossary/match.ts';
import { foldWord } from '../../../core/glossary/inflection.ts';
import { compileQuery, compiledMatchesTerm } from '../../../core/glossary/queryMatch.ts';
import { entrySummary } from '../../../core/glossary/status.ts';
import type { TermEntry, TermStatus } from '../../../core/model/term.ts';
import { KAZAKH_LATIN, termsIn } from './glossaryColumns.ts';
import type { Occurrence } from '../../../core/glossary/occurrences.ts';

export type GlossaryFilter = {
  readonly query: string;
  /** Entries with at least one term in this status (within `lang` when set). */
  readonly status?: TermStatus;
  /** Entries with a term in this language. */
  readonly lang?: string;
};

/** A column to sort by: a term language, or one of the entry's fields. */
export type SortKey = { readonly column: string; readonly descending: boolean };

const fold = (s: string) => foldWord(s, false);
const STATUS_ORDER: Readonly<Record<TermStatus, number>> = { proposed: 0, approved: 1, forbidden: 2 };

// Languages the query is read in: inflected forms are found through the term index in each of them.
const QUERY_LANGS = ['ru', 'kk', 'en', KAZAKH_LATIN];

// Entries are immutable: each one's folded texts are worked out once, not on every keystroke.
const haystacks = new WeakMap<TermEntry, string>();
function haystackOf(entry: TermEntry): string {
  let text = haystacks.get(entry);
  if (text === undefined) {
    text = [
      ...entry.terms.map((t) => t.text),
      ...termsIn(entry, KAZAKH_LATIN).map((t) => t.text),
      entry.definition ?? '',
      entry.note ?? '',
    ]
      .map(fold)
      .join('\u0001');
    haystacks.set(entry, text);
  }
  return text;
}

/**
 * Entries the query finds: any term (Kazakh Latin included), definition or note containing it, a term the
 * query is an inflected form of ("акимата" finds "аким", "Akims" finds "Akim"), or a multi-word term some
 * of whose words the query gives inflected ("участковых инспекторов", "полициясының").
 */
export function searchEntries(
  entries: readonly TermEntry[],
  index: TermIndex,
  query: string,
): Set<string> | undefined {
  const q = fold(query.trim());
  if (q === '') return undefined;
  const found = new Set<string>();
  const compiled = compileQuery(query);
  for (const lang of QUERY_LANGS) for (const hit of findTerms(index, query, lang)) found.add(hit.entryId);
  for (const entry of entries) {
    if (haystackOf(entry).includes(q)) found.add(entry.id);
    else if (entry.terms.some((t) => compiledMatchesTerm(compiled, t))) found.add(entry.id);
  }
  return found;
}

export function matchesFilter(entry: TermEntry, filter: GlossaryFilter): boolean {
  const terms = filter.lang === undefined ? entry.terms : termsIn(entry, filter.lang);
  if (terms.length === 0) return false;
  return filter.status === undefined || terms.some((t) => t.status === filter.status);
}

function sortValue(entry: TermEntry, column: string, occurrences: ReadonlyMap<string, Occurrence>) {
  switch (column) {
    case 'occurrences':
      return occurrences.get(entry.id)?.units.length ?? 0;
    case 'updated':
      return entry.updatedAt;
    case 'status':
      return STATUS_ORDER[entrySummary(entry).status];
    case 'definition':
      return entry.definition ?? '';
    case 'note':
      return entry.note ?? '';
    case 'partOfSpeech':
      return entry.partOfSpeech ?? '';
    default:
      return termsIn(entry, column)[0]?.text ?? '';
  }
}

export function sortEntries(
  entries: readonly TermEntry[],
  sort: SortKey,
  occurrences: ReadonlyMap<string, Occurrence>,
  locale: string,
): TermEntry[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const keyed = entries.map((entry) => ({ entry, value: sortValue(entry, sort.column, occurrences) }));
  keyed.sort((a, b) => {
    // Empty cells go last whichever the direction.
    if (a.value === '' || b.value === '') return Number(a.value === '') - Number(b.value === '');
    const order =
      typeof a.value === 'number' && typeof b.value === 'number'
        ? a.value - b.value
        : collator.compare(String(a.value), String(b.value));
    return sort.descending ? -order : order;
  });
  return keyed.map((k) => k.entry);
}

/** What the filter buttons count, all in entries (what the table shows), and the terms beside them. */
export type GlossaryCounts = {
  /** Entries in the language filter. */
  readonly entries: number;
  /** Entries with at least one term in each status: what pressing that status button shows. */
  readonly byStatus: Readonly<Record<TermStatus, number>>;
  /** Terms in those entries (within the language), and per status. */
  readonly terms: number;
  readonly termsByStatus: Readonly<Record<TermStatus, number>>;
};

export function statusCounts(entries: readonly TermEntry[], lang: string | undefined): GlossaryCounts {
  const byStatus: Record<TermStatus, number> = { proposed: 0, approved: 0, forbidden: 0 };
  const termsByStatus: Record<TermStatus, number> = { proposed: 0, approved: 0, forbidden: 0 };
  let count = 0;
  let terms = 0;
  for (const entry of entries) {
    const own = lang === undefined ? entry.terms : termsIn(entry, lang);
    if (own.length === 0) continue;
    count += 1;
    terms += own.length;
    for (const term of own) termsByStatus[term.status] += 1;
    for (const status of new Set(own.map((t) => t.status))) byStatus[status] += 1;
  }
  return { entries: count, byStatus, terms, termsByStatus };
}
