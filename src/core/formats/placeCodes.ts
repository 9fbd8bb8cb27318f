import { normaliseContent, plainText, type Content, type Inline, type InlineCode } from './interchange.ts';

/**
 * Puts the inline codes of `reference` (a target as it came in, or the source where there was no target) into
 * `text`, a plain-text rendering edited in the workbench. Every code is kept, in its order, so paired codes stay
 * paired and nested as they were. Codes in the unchanged start and end of the text keep their places exactly;
 * codes inside the changed middle are placed at the same proportion of it, moved to the nearest word boundary.
 * A text equal to the reference's plain text gets the reference back unchanged.
 */
export function placeCodes(reference: Content, text: string): Content {
  const ref = normaliseContent(reference);
  const plain = plainText(ref);
  if (plain === text) return ref;
  const codes: { at: number; code: InlineCode }[] = [];
  let pos = 0;
  for (const part of ref) {
    if (typeof part === 'string') pos += part.length;
    else if (part.element === 'cp' && part.format === 'xliff2') pos += plainText([part]).length;
    else codes.push({ at: pos, code: part });
  }
  if (codes.length === 0) return text === '' ? [] : [text];
  let prefix = 0;
  const max = Math.min(plain.length, text.length);
  while (prefix < max && plain[prefix] === text[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < max - prefix && plain[plain.length - 1 - suffix] === text[text.length - 1 - suffix])
    suffix += 1;
  const oldEnd = plain.length - suffix;
  const newEnd = text.length - suffix;
  // An opening code goes before a word, a closing one after a word, a placeholder at either.
  const boundaries = {
    open: wordBoundaries(text, prefix, newEnd, 'start'),
    close: wordBoundaries(text, prefix, newEnd, 'end'),
    standalone: wordBoundaries(text, prefix, newEnd, 'any'),
  };
  const place = (at: number, kind: InlineCode['kind']): number => {
    if (at <= prefix) return at;
    if (at >= oldEnd) return at - oldEnd + newEnd;
    const scaled = prefix + ((at - prefix) * (newEnd - prefix)) / (oldEnd - prefix);
    return nearest(boundaries[kind], scaled);
  };
  const out: Inline[] = [];
  let cursor = 0;
  let last = 0;
  for (const { at, code } of codes) {
    // Never before an earlier code: the mapping is monotone, this only guards rounding.
    const to = Math.max(last, place(at, code.kind));
    if (to > cursor) out.push(text.slice(cursor, to));
    cursor = Math.max(cursor, to);
    last = to;
    out.push(code);
  }
  if (cursor < text.length) out.push(text.slice(cursor));
  return normaliseContent(out);
}

/** Offsets in [from, to] where a word starts, ends, or either; both ends of the range are always in. */
function wordBoundaries(text: string, from: number, to: number, which: 'start' | 'end' | 'any'): number[] {
  const out = [from];
  for (let i = from + 1; i < to; i += 1) {
    const spaceBefore = /\s/.test(text[i - 1] ?? '');
    const spaceAfter = /\s/.test(text[i] ?? '');
    if (spaceBefore === spaceAfter) continue;
    const starts = spaceBefore && !spaceAfter;
    if (which === 'any' || (which === 'start') === starts) out.push(i);
  }
  if (to > from) out.push(to);
  return out;
}

function nearest(sorted: readonly number[], x: number): number {
  let best = sorted[0] ?? x;
  for (const b of sorted) if (Math.abs(b - x) < Math.abs(best - x)) best = b;
  return best;
}
