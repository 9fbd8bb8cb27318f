import type { Finding, PairCheck } from '../types.ts';
import { touchesAny } from '../util/words.ts';
import { execAll } from '../../text/execAll.ts';
import { isSpace } from '../../text/isSpace.ts';
import {
  HAS_DOUBLE_GAP,
  HAS_GLUED,
  HAS_SPACE_INSIDE,
  HAS_SPACE_MARK,
  targetMarks,
} from '../util/markScan.ts';

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
    if ((targetMarks(input).flags & HAS_DOUBLE_GAP) === 0) return out;
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
    const flags = targetMarks(input).flags;
    if ((flags & (HAS_SPACE_MARK | HAS_SPACE_INSIDE)) === 0) return out;
    for (const m of (flags & HAS_SPACE_MARK) !== 0 ? execAll(BEFORE, t) : []) {
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
    for (const m of (flags & HAS_SPACE_INSIDE) !== 0 ? execAll(INSIDE, t) : []) {
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
    if ((targetMarks(input).flags & HAS_GLUED) === 0) return out;
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

// String#trim removes exactly the characters isSpace accepts: the white space before and after the text.
function leadLength(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i += 1;
  return i;
}

function trailLength(s: string): number {
  let i = s.length;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i -= 1;
  return s.length - i;
}

/** Whether a's first (or last) `m` units are b's first (or last) `n`: compared by length first, sliced only then. */
const sameEdge = (a: string, m: number, b: string, n: number, atEnd: boolean): boolean =>
  m === n &&
  (m === 0 || (atEnd ? a.slice(a.length - m) === b.slice(b.length - n) : a.slice(0, m) === b.slice(0, n)));

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
    const s = input.source;
    const lead = leadLength(t);
    const sourceLead = leadLength(s);
    if (!sameEdge(t, lead, s, sourceLead, false)) {
      const span = { start: 0, end: lead };
      out.push({
        messageKey: 'checks.spacing.leading',
        target: [span],
        fix: { span, replacement: s.slice(0, sourceLead) },
      });
    }
    const trail = trailLength(t);
    const sourceTrail = trailLength(s);
    // lead < t.length: the target is not white space only.
    if (!sameEdge(t, trail, s, sourceTrail, true) && lead < t.length) {
      const span = { start: t.length - trail, end: t.length };
      out.push({
        messageKey: 'checks.spacing.trailing',
        target: [span],
        fix: { span, replacement: s.slice(s.length - sourceTrail) },
      });
    }
    return out;
  },
};
