import { useMemo } from 'react';
import type { DiffSpan } from '../../core/review/diff.ts';
import { markPieces, type Mark } from '../../core/review/markup.ts';

/**
 * Text with highlighted evidence (QA issues, terms) and, when given, a diff against another text, rendered
 * in one pass from pieces computed by core.
 */
export function MarkedText(props: {
  readonly text: string;
  readonly marks: readonly Mark[];
  readonly diff?: readonly DiffSpan[];
  readonly label?: string;
}) {
  const { text, marks, diff, label } = props;
  const pieces = useMemo(() => markPieces(text, marks, diff), [text, marks, diff]);
  return (
    <span className={diff ? 'diff' : undefined} aria-label={label}>
      {pieces.map((piece, i) => {
        const className = piece.marks.map((kind) => `mark-${kind}`).join(' ');
        const body = className ? (
          <mark
            key={i}
            className={className}
            data-issues={piece.ids.join(' ') || undefined}
            title={piece.titles.join('\n') || undefined}
          >
            {piece.text}
          </mark>
        ) : (
          piece.text
        );
        if (piece.op === 'insert') return <ins key={i}>{body}</ins>;
        if (piece.op === 'delete') return <del key={i}>{body}</del>;
        return className ? body : <span key={i}>{piece.text}</span>;
      })}
    </span>
  );
}
