import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DiffSpan } from '../../core/review/diff.ts';
import { markPieces, type Mark } from '../../core/review/markup.ts';
import { selectionOffsets, selectOffsets, type TextSpan } from './textSelection.ts';
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

type Pieces = ReturnType<typeof markPieces>;

/**
 * Text with highlighted evidence (QA issues, terms) and, when given, a diff against another text, rendered
 * in one pass from pieces computed by core.
 *
 * New marks (checks finishing, the word diff arriving) replace the text's nodes, which would end a drag across the
 * text that is selecting a span: while a mouse button pressed in the text is down, the marks shown stay as they
 * were; on release the new ones are shown and the span the reviewer selected is selected again.
 */
export function MarkedText(props: {
  readonly text: string;
  readonly marks: readonly Mark[];
  readonly diff?: readonly DiffSpan[];
  readonly label?: string;
}) {
  const { text, marks, diff, label } = props;
  const fresh = useMemo(() => markPieces(text, marks, diff), [text, marks, diff]);
  const [held, setHeld] = useState<{ readonly pieces: Pieces; readonly text: string } | undefined>();
  const pieces = held?.pieces ?? fresh;
  const root = useRef<HTMLSpanElement>(null);
  const reselect = useRef<{ readonly span: TextSpan; readonly text: string } | undefined>(undefined);
  // Set while a button pressed in the text is down: what ends the hold (the mouseup listener, then its timer).
  const holding = useRef<{ up: () => void; timer?: ReturnType<typeof setTimeout> } | undefined>(undefined);

  const hold = (button: number) => {
    if (button !== 0 || holding.current) return;
    const kept = { pieces, text };
    setHeld(kept);
    const done = () => {
      holding.current = undefined;
      // Read before the nodes change; the text must still be the same for the offsets to mean the same span.
      const span = selectionOffsets(root.current);
      reselect.current = span ? { span, text: kept.text } : undefined;
      setHeld(undefined);
    };
    // The click that follows the mouseup must find the nodes it was pressed on (else the browser sends none): the
    // new marks wait until the mouseup and its click have been handled.
    const up = () => {
      window.removeEventListener('mouseup', up, true);
      if (holding.current) holding.current.timer = setTimeout(done, 0);
    };
    holding.current = { up };
    window.addEventListener('mouseup', up, true);
  };
  useEffect(
    () => () => {
      const current = holding.current;
      if (!current) return;
      window.removeEventListener('mouseup', current.up, true);
      clearTimeout(current.timer);
    },
    [],
  );
  useLayoutEffect(() => {
    const again = reselect.current;
    if (held || !again) return;
    reselect.current = undefined;
    if (again.text === text && root.current) selectOffsets(root.current, again.span);
  }, [held, text]);

  return (
    <span
      ref={root}
      className={diff ? 'diff' : undefined}
      aria-label={label}
      onMouseDown={(event) => hold(event.button)}
    >
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
