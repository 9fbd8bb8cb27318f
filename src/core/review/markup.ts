import type { DiffSpan } from './diff.ts';

/** A highlighted range of the current text, e.g. the evidence of a QA issue. `kind` becomes a CSS class. */
export type Mark = {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  readonly id?: string;
  /** What hovering the mark tells (a glossary entry, say). */
  readonly title?: string;
};

export type Piece = {
  readonly text: string;
  readonly op: DiffSpan['op'];
  /** Kinds of every mark covering this piece (deleted text is never marked: it is not in the current text). */
  readonly marks: readonly string[];
  readonly ids: readonly string[];
  readonly titles: readonly string[];
};

/**
 * Lays marks over the current text, or over a diff whose `equal` and `insert` spans spell the current text, and
 * cuts the text into pieces at every diff or mark boundary, so the UI can render both in one pass.
 */
export function markPieces(text: string, marks: readonly Mark[], diff?: readonly DiffSpan[]): Piece[] {
  const spans = diff ?? [{ op: 'equal' as const, text }];
  const cuts = new Set<number>();
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(text.length, m.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.end)));
  }
  const pieces: Piece[] = [];
  let offset = 0;
  for (const span of spans) {
    if (span.op === 'delete') {
      pieces.push({ text: span.text, op: 'delete', marks: [], ids: [], titles: [] });
      continue;
    }
    const end = offset + span.text.length;
    const inner = [...cuts].filter((c) => c > offset && c < end).sort((a, b) => a - b);
    let from = offset;
    for (const to of [...inner, end]) {
      const covering = marks.filter((m) => m.start < to && m.end > from && m.end > m.start);
      pieces.push({
        text: span.text.slice(from - offset, to - offset),
        op: span.op,
        marks: [...new Set(covering.map((m) => m.kind))],
        ids: covering.flatMap((m) => (m.id ? [m.id] : [])),
        titles: [...new Set(covering.flatMap((m) => (m.title ? [m.title] : [])))],
      });
      from = to;
    }
    offset = end;
  }
  return pieces.filter((p) => p.text !== '');
}
