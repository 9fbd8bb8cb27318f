import type { TermEntry, TermStatus } from '../model/term.ts';
import { primaryLang } from '../model/lang.ts';
import { buildTermIndex, findTerms } from './match.ts';

/** One unit's texts: its source and, per target language, the text under review (rendering, else MT). */
export type ConcordanceInput = {
  readonly unit: number;
  readonly source: string;
  readonly targets: readonly { readonly lang: string; readonly text: string }[];
};

export type Span = { readonly start: number; readonly end: number };

/**
 * How one target rendered the entry: with an approved term, with only a proposed or a forbidden one, or not
 * at all although the source has the term (`missing`).
 */
export type RenderingVerdict = 'approved' | 'proposed' | 'forbidden' | 'missing';

export type ConcordanceRow = {
  readonly unit: number;
  readonly source: string;
  readonly sourceSpans: readonly Span[];
  readonly renderings: readonly {
    readonly lang: string;
    readonly text: string;
    readonly spans: readonly Span[];
    /** The entry's terms found, as written in the glossary. */
    readonly terms: readonly string[];
    readonly verdict: RenderingVerdict;
  }[];
  /** Whether any rendering deviates from the approved terms. */
  readonly deviates: boolean;
};

// A forbidden term in a rendering is a deviation even beside an approved one.
const RANK: Readonly<Record<TermStatus, number>> = { forbidden: 3, approved: 2, proposed: 1 };

/**
 * The concordance of one entry: every unit where it occurs (in the source or a rendering, inflected forms
 * included) and how each target rendered it there — the term used, or none. Rows that deviate from the
 * approved terms (a proposed or forbidden term, or nothing where the source has the term) are marked.
 */
export function concordance(
  entry: TermEntry,
  sourceLang: string,
  units: readonly ConcordanceInput[],
): ConcordanceRow[] {
  const index = buildTermIndex([entry]);
  const rows: ConcordanceRow[] = [];
  for (const u of units) {
    const sourceSpans = u.source
      ? findTerms(index, u.source, sourceLang)
          .filter((h) => primaryLang(h.lang) === primaryLang(sourceLang))
          .map(({ start, end }) => ({ start, end }))
      : [];
    const renderings = u.targets.map(({ lang, text }) => {
      const hits = findTerms(index, text, lang).filter((h) => primaryLang(h.lang) === primaryLang(lang));
      const best = hits.reduce<TermStatus | undefined>(
        (b, h) => (b === undefined || RANK[h.term.status] > RANK[b] ? h.term.status : b),
        undefined,
      );
      const verdict: RenderingVerdict | undefined =
        best ?? (sourceSpans.length > 0 && text.trim() !== '' ? 'missing' : undefined);
      return {
        lang,
        text,
        spans: hits.map(({ start, end }) => ({ start, end })),
        terms: [...new Set(hits.map((h) => h.term.text))],
        verdict,
      };
    });
    const shown = renderings.filter(
      (r): r is (typeof renderings)[number] & { verdict: RenderingVerdict } => r.verdict !== undefined,
    );
    if (sourceSpans.length === 0 && shown.length === 0) continue;
    rows.push({
      unit: u.unit,
      source: u.source,
      sourceSpans,
      renderings: shown,
      deviates: shown.some((r) => r.verdict !== 'approved'),
    });
  }
  return rows;
}
