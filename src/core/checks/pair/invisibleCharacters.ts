import type { Finding, PairCheck } from '../types.ts';
import { execAll } from '../../text/execAll.ts';
import { HAS_INVISIBLE, targetMarks } from '../util/markScan.ts';

/**
 * Characters that take no room on screen but change the text: zero-width space, non-joiner and joiner, word
 * joiner, byte-order mark, soft hyphen, direction marks, embeddings and isolates, invisible operators, and C0/C1
 * controls other than tab and line breaks. Copy-paste from web pages and PDFs leaves them in MT output; they
 * break search, spell checking and term matching.
 */
const INVISIBLE =
  /(?![\t\n\r])\p{Cc}|[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/gu;
// A zero-width joiner inside an emoji sequence (👩‍💻) is part of the picture.
const EMOJI = /\p{Extended_Pictographic}/u;

function codeOf(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export const invisibleCharacters: PairCheck = {
  id: 'invisible-character',
  family: 'spacing',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/punctuation',
  run(input) {
    const t = input.target;
    // The pair's character scan marks the same characters INVISIBLE matches.
    if ((targetMarks(input).flags & HAS_INVISIBLE) === 0) return [];
    const out: Finding[] = [];
    for (const m of execAll(INVISIBLE, t)) {
      const ch = m[0];
      if (ch === '\u200d' && EMOJI.test(t.charAt(m.index - 1) + t.slice(m.index + 1, m.index + 3))) continue;
      // The source has the same character: it was put there on purpose (a soft hyphen in a long word).
      if (input.hasSource && input.source.includes(ch)) continue;
      const span = { start: m.index, end: m.index + ch.length };
      out.push({
        messageKey: 'checks.spacing.invisible',
        params: { code: codeOf(ch) },
        target: [span],
        fix: { span, replacement: '' },
      });
    }
    return out;
  },
};
