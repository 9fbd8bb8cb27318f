import type { Finding, PairCheck } from '../types.ts';
import { touchesAny } from '../util/words.ts';
import { execAll } from '../../text/execAll.ts';
import {
  CLOSING,
  GAP,
  GLUED,
  hasAdjacent,
  MARK,
  MAY_BE_LETTER,
  OPENING,
  SPACE,
} from '../../text/hasAdjacent.ts';

// Two or more spaces between words (tabs and no-break spaces count); leading and trailing space is whitespace-edges'.
const DOUBLE = /(?<=\S)[ \u00a0\t]{2,}(?=\S)/gu;

export const doubleSpace: PairCheck = {
  id: 'double-space',
  family: 'spacing',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/punctuation',
  run(input) {
    const out: Finding[] = [];
    // Two gap characters in a row, or the pattern cannot match.
    if (!hasAdjacent(input.target, GAP, GAP)) return out;
    for (const m of execAll(DOUBLE, input.target)) {
      const span = { start: m.index, end: m.index + m[0].length };
      out.push({ messageKey: 'checks.spacing.double', target: [span], fix: { span, replacement: ' ' } });
    }
    return out;
  },
};

// A space before , . ; : ! ? that ends a word ("word ,"); ".NET" and " ..." (a trailing-off start) are left alone.
const BEFORE = /[ \u00a0]+(?:[,;!?]|[.:](?!\p{L}|\.\.))(?=[\s"'»”)\]]|$)/gu;
// A space just inside brackets: "( text )".
const INSIDE = /[([{][ \u00a0]+|(?<=\S)[ \u00a0]+[)\]}]/gu;

export const spaceBeforePunctuation: PairCheck = {
  id: 'space-before-punctuation',
  family: 'spacing',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/punctuation',
  run(input) {
    const out: Finding[] = [];
    const t = input.target;
    // Both patterns need a space next to their mark or bracket.
    const before = hasAdjacent(t, SPACE, MARK);
    if (!before && !hasAdjacent(t, OPENING, SPACE) && !hasAdjacent(t, SPACE, CLOSING)) return out;
    for (const m of before ? execAll(BEFORE, t) : []) {
      const spaces = m[0].replace(/[^ \u00a0]/gu, '').length;
      const span = { start: m.index, end: m.index + spaces };
      if (touchesAny(span, input.targetProtected)) continue;
      // "1 500 ." no, but "30 %" and an em-dash list are other rules; digits before "." are fine here too.
      out.push({
        messageKey: 'checks.spacing.beforePunctuation',
        params: { char: m[0].trim() },
        target: [span],
        fix: { span, replacement: '' },
      });
    }
    for (const m of execAll(INSIDE, t)) {
      const s = m[0].search(/[ \u00a0]/u);
      const len = m[0].replace(/[^ \u00a0]/gu, '').length;
      const span = { start: m.index + s, end: m.index + s + len };
      // "${ name }" and "{{ count }}" are placeholders written with inner spaces on purpose.
      if (touchesAny(span, input.targetProtected)) continue;
      out.push({
        messageKey: 'checks.spacing.insideBrackets',
        target: [span],
        fix: { span, replacement: '' },
      });
    }
    return out;
  },
};

// ",word" and "end.Next": a comma or semicolon glued to a letter, or a full stop glued to a capitalised word.
const MISSING = /(?<=\p{L})[,;](?=\p{L})|(?<=\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll})/gu;

export const missingSpace: PairCheck = {
  id: 'missing-space',
  family: 'spacing',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/punctuation',
  run(input) {
    const out: Finding[] = [];
    if (!hasAdjacent(input.target, GLUED, MAY_BE_LETTER)) return out;
    for (const m of execAll(MISSING, input.target)) {
      const span = { start: m.index, end: m.index + 1 };
      if (touchesAny(span, input.targetProtected)) continue;
      out.push({
        messageKey: 'checks.spacing.missingAfter',
        params: { char: m[0] },
        target: [span],
        fix: { span, replacement: `${m[0]} ` },
      });
    }
    return out;
  },
};

// String#trim removes exactly the characters \s matches: the white space before and after the text.
const lead = (s: string): string => s.slice(0, s.length - s.trimStart().length);
const trail = (s: string): string => s.slice(s.trimEnd().length);

export const whitespaceEdges: PairCheck = {
  id: 'whitespace-edges',
  family: 'spacing',
  scope: 'pair',
  needsSource: true,
  severity: 'minor',
  category: 'linguistic/punctuation',
  run(input) {
    const out: Finding[] = [];
    const t = input.target;
    if (lead(t) !== lead(input.source)) {
      const span = { start: 0, end: lead(t).length };
      out.push({
        messageKey: 'checks.spacing.leading',
        target: [span],
        fix: { span, replacement: lead(input.source) },
      });
    }
    if (trail(t) !== trail(input.source) && t.trim() !== '') {
      const span = { start: t.length - trail(t).length, end: t.length };
      out.push({
        messageKey: 'checks.spacing.trailing',
        target: [span],
        fix: { span, replacement: trail(input.source) },
      });
    }
    return out;
  },
};
