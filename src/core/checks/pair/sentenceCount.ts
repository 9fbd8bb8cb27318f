import { splitSentences } from '../../text/segment.ts';
import type { CheckInput } from '../CheckInput.ts';
import type { PairCheck } from '../types.ts';

/** The source's sentences, by the same rules (abbreviations, initials) that segment documents; split once a pair. */
export function sourceSentences(input: CheckInput): readonly string[] {
  return input.memo('completeness:sourceSentences', splitSource);
}

const splitSource = (input: CheckInput) => splitSentences(input.source, input.sourceLang);
const splitTarget = (input: CheckInput) => splitSentences(input.target, input.targetLang);

/** The target's sentences, as sourceSentences. */
export function targetSentences(input: CheckInput): readonly string[] {
  return input.memo('completeness:targetSentences', splitTarget);
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
