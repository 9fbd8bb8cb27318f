import type { DiffSpan } from '../../core/review/diff.ts';

/** Renders diff spans computed by core: deletions struck through, insertions underlined. */
export function DiffView({ spans, label }: { readonly spans: readonly DiffSpan[]; readonly label: string }) {
  return (
    <span className="diff" aria-label={label}>
      {spans.map((span, i) =>
        span.op === 'insert' ? (
          <ins key={i}>{span.text}</ins>
        ) : span.op === 'delete' ? (
          <del key={i}>{span.text}</del>
        ) : (
          <span key={i}>{span.text}</span>
        ),
      )}
    </span>
  );
}
