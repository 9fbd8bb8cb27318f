/**
 * A span being marked in a text by keyboard, as in a text editor: `anchor` stays where marking began, `focus`
 * moves. The marked span is between the two, whichever comes first.
 */
export type MarkSpan = { readonly anchor: number; readonly focus: number };

export type MarkMove = 'right' | 'left' | 'wordRight' | 'wordLeft';

const WORD = /[\p{L}\p{N}\p{M}]/u;

function isWord(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char);
}

/** Where the caret lands after a move from `at`; words are runs of letters, digits and marks. */
export function moveCaret(text: string, at: number, move: MarkMove): number {
  switch (move) {
    case 'right':
      return Math.min(text.length, at + 1);
    case 'left':
      return Math.max(0, at - 1);
    case 'wordRight': {
      let i = at;
      while (i < text.length && !isWord(text[i])) i += 1;
      while (i < text.length && isWord(text[i])) i += 1;
      return i;
    }
    case 'wordLeft': {
      let i = at;
      while (i > 0 && !isWord(text[i - 1])) i -= 1;
      while (i > 0 && isWord(text[i - 1])) i -= 1;
      return i;
    }
  }
}

/** Extends (moves the focus) or, without `extend`, moves the caret and collapses the span. */
export function moveMark(text: string, mark: MarkSpan, move: MarkMove, extend: boolean): MarkSpan {
  const focus = moveCaret(text, mark.focus, move);
  return extend ? { anchor: mark.anchor, focus } : { anchor: focus, focus };
}

/** The marked range, start before end; empty while only a caret. */
export function markRange(mark: MarkSpan): { readonly start: number; readonly end: number } {
  return { start: Math.min(mark.anchor, mark.focus), end: Math.max(mark.anchor, mark.focus) };
}
