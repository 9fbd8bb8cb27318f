import { splitSentences } from '../../text/segment.ts';
import type { PairCheck } from '../types.ts';

/** Sentences of a text, by the same rules (abbreviations, initials) that segment documents. */
function count(text: string, lang: string): number {
  let n = 0;
  for (const line of text.split(/\n+/)) if (line.trim()) n += splitSentences(line, lang).length;
  return n;
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
    if (!/[.!?…]\s+\S/u.test(input.source)) return [];
    const s = count(input.source, input.sourceLang);
    if (s < 2) return [];
    const t = count(input.target, input.targetLang);
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
