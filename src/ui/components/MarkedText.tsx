import { useMemo, type ReactNode } from 'react';
import type { DiffSpan } from '../../core/review/diff.ts';
import { markPieces, type Mark } from '../../core/review/markup.ts';
import { CODE_CHARS, codeLabel, codeOf } from '../../core/text/codeTokens.ts';

/**
 * Text with its inline codes as chips. A chip holds the code's one character (hidden) and shows its label from
 * CSS, so offsets counted over text nodes stay those of the stored text.
 */
function withCodes(text: string): ReactNode {
  if (text.search(CODE_CHARS) === -1) return text;
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(CODE_CHARS)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const token = codeOf(m[0]);
    out.push(
      <span
        key={m.index}
        className="code-chip"
        role="img"
        aria-label={token ? codeLabel(token) : ''}
        data-label={token ? codeLabel(token) : ''}
      >
        {m[0]}
      </span>,
    );
    last = m.index + 1;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

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
            {withCodes(piece.text)}
          </mark>
        ) : (
          withCodes(piece.text)
        );
        if (piece.op === 'insert') return <ins key={i}>{body}</ins>;
        if (piece.op === 'delete') return <del key={i}>{body}</del>;
        return className ? body : <span key={i}>{withCodes(piece.text)}</span>;
      })}
    </span>
  );
}
