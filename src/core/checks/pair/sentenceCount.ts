import { splitSentences } from '../../text/segment.ts';
import { isSpace } from '../../text/isSpace.ts';
import type { CheckInput } from '../CheckInput.ts';
import type { PairCheck } from '../types.ts';

/** The source's sentences, by the same rules (abbreviations, initials) that segment documents; split once a pair. */
export function sourceSentences(input: CheckInput): readonly string[] {
  return input.memo('completeness:sourceSentences', (i) => splitSentences(i.source, i.sourceLang));
}

/** The target's sentences, as sourceSentences. */
export function targetSentences(input: CheckInput): readonly string[] {
  return input.memo('completeness:targetSentences', (i) => splitSentences(i.target, i.targetLang));
}

/** How many sentences a text has, line by line; a text of one line is split as a whole (and shared). */
function count(
  text: string,
  lang: string,
  whole: (input: CheckInput) => readonly string[],
  input: CheckInput,
): number {
  if (!text.includes('\n')) return text.trim() ? whole(input).length : 0;
  let n = 0;
  for (const line of text.split(/\n+/)) if (line.trim()) n += splitSentences(line, lang).length;
  return n;
}

function endsSentence(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026; // . ! ? …
}

/** Whether /[.!?…]\s+\S/u matches: a stop, then white space, then more text. Read by code, once. */
function hasBreak(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    if (!endsSentence(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < text.length && isSpace(text.charCodeAt(j))) j += 1;
    if (j > i + 1 && j < text.length) return true;
    // A stop followed by spaces to the end of the text: nothing after it anywhere further on either.
    if (j > i + 1) return false;
  }
  return false;
}

/**
 * Fewer sentences in the target than in the source: a sentence was dropped, or two were merged. Splitting a
 * long Russian sentence in two is good English, so more sentences is never reported.
 */
export const sentenceCount: PairCheck = {
  id: 'sentence-count',
  family: 'completeness',
  scope: 'pair',
  needsSource: true,
  severity: 'minor',
  category: 'accuracy/omission',
  run(input) {
    // One sentence cannot lose one; most pairs stop at this cheap test.
    if (!hasBreak(input.source)) return [];
    const s = count(input.source, input.sourceLang, sourceSentences, input);
    if (s < 2) return [];
    const t = count(input.target, input.targetLang, targetSentences, input);
    if (t >= s) return [];
    return [
      {
        messageKey: 'checks.completeness.sentenceCount',
        params: { source: s, target: t },
        target: [{ start: 0, end: input.target.length }],
      },
    ];
  },
};
