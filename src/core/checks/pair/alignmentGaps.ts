import { alignSegments } from '../../align/align.ts';
import type { CheckInput } from '../CheckInput.ts';
import type { Finding, PairCheck, Span } from '../types.ts';
import { sourceSentences, targetSentences } from './sentenceCount.ts';

/**
 * A sentence of the source with no counterpart in the translation (omission), or a sentence of the translation with
 * no source (addition), inside one unit: the unit's sentences are aligned with the document aligner and its 1-0 and
 * 0-1 beads reported when it is reasonably sure of them. Where applying a document alignment recorded the gaps (a
 * unit the imported version had nothing for, sentences of it with no unit), those are reported instead: a whole
 * unit the version dropped is an omission, while a unit never translated is `empty-target`'s.
 *
 * Only units whose two sides have different numbers of sentences are aligned: a dropped or added sentence changes
 * the count, and the other units cost one scan for possible sentence ends.
 */

/** Lowest bead confidence reported: below it, a merge of two sentences into one is as likely. */
export const GAP_MIN_SCORE = 0.5;

type Sentence = { readonly text: string; readonly span: Span };

/** A stop, a question or exclamation mark or an ellipsis followed by white space: a possible sentence end. */
const MAYBE_END = /[.!?…]["»”’)\]]*\s/gu;

function possibleEnds(text: string): number {
  MAYBE_END.lastIndex = 0;
  let count = 0;
  while (MAYBE_END.exec(text) !== null) count += 1;
  return count;
}

function sentencesOf(text: string, sentences: readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  for (const sentence of sentences) {
    const start = text.indexOf(sentence, from);
    if (start < 0) continue;
    out.push({ text: sentence, span: { start, end: start + sentence.length } });
    from = start + sentence.length;
  }
  return out;
}

type Gaps = { readonly omitted: readonly Span[]; readonly added: readonly Span[] };
const NONE: Gaps = { omitted: [], added: [] };

/**
 * The unit's omitted source sentences and added target sentences, computed once for both checks. A unit left with
 * no source by aligning the source against its translation has recorded additions only.
 */
function gapsOf(input: CheckInput): Gaps {
  return input.memo('alignmentGaps', () => {
    const known = recordedGaps(input) ? alignedGaps(input) : NONE;
    if (known.omitted.length > 0 || known.added.length > 0) return known;
    if (!input.hasSource) return NONE;
    if (input.targetBlank) return NONE;
    return withinUnit(input);
  });
}

/** Whether applying an alignment left anything for alignedGaps to read (most units: nothing). */
function recordedGaps(input: CheckInput): boolean {
  return input.alignedAdded.length > 0 || input.alignedUntranslated.length > 0 || input.alignedOmitted;
}

/**
 * What applying an alignment recorded: a unit the version had nothing for is an omission while its text (less the
 * sentences that had no unit) stays blank; a sentence with no unit is an addition while the target still holds it.
 */
function alignedGaps(input: CheckInput): Gaps {
  const added: Span[] = [];
  let rest = input.target;
  let from = 0;
  for (const sentence of input.alignedAdded) {
    const text = sentence.trim();
    if (text === '') continue;
    const start = input.target.indexOf(text, from);
    if (start < 0) continue;
    const span = { start, end: start + text.length };
    added.push(span);
    rest = rest.slice(0, span.start) + ' '.repeat(text.length) + rest.slice(span.end);
    from = span.end;
  }
  const omitted: Span[] = [];
  from = 0;
  for (const sentence of input.alignedUntranslated) {
    const text = sentence.trim();
    if (text === '') continue;
    const start = input.source.indexOf(text, from);
    if (start < 0) continue;
    omitted.push({ start, end: start + text.length });
    from = start + text.length;
  }
  if (omitted.length === 0 && input.alignedOmitted && input.hasSource && rest.trim() === '') {
    const start = input.source.length - input.source.trimStart().length;
    omitted.push({ start, end: input.source.trimEnd().length });
  }
  return omitted.length === 0 && added.length === 0 ? NONE : { omitted, added };
}

/** Sentences of the source or the target with no counterpart inside the unit, found by aligning its sentences. */
function withinUnit(input: CheckInput): Gaps {
  // A dropped or added sentence takes its stop with it: the same number of possible ends on both sides means the
  // same number of sentences nearly always, and segmenting is not worth it.
  if (possibleEnds(input.source) === possibleEnds(input.target)) return NONE;
  const source = sentencesOf(input.source, sourceSentences(input));
  const target = sentencesOf(input.target, targetSentences(input));
  if (source.length === target.length || source.length === 0 || target.length === 0) return NONE;
  // The document's own length ratio, or 1 (Russian, English and Kazakh differ little in characters).
  const ratio = input.stats && input.stats.samples >= 5 ? Math.exp(input.stats.medianLogRatio) : 1;
  const beads = alignSegments(source, target, {
    sourceLang: input.sourceLang,
    targetLang: input.targetLang,
    lengthRatio: ratio,
  });
  const omitted: Span[] = [];
  const added: Span[] = [];
  for (const b of beads) {
    if (b.score < GAP_MIN_SCORE) continue;
    if (b.target.length === 0) for (const i of b.source) omitted.push(source[i]!.span);
    if (b.source.length === 0) for (const j of b.target) added.push(target[j]!.span);
  }
  return omitted.length === 0 && added.length === 0 ? NONE : { omitted, added };
}

export const omission: PairCheck = {
  id: 'omission',
  family: 'completeness',
  scope: 'pair',
  needsSource: true,
  severity: 'major',
  category: 'accuracy/omission',
  run: (input): Finding[] =>
    gapsOf(input).omitted.map((span) => ({ messageKey: 'checks.completeness.omission', source: [span] })),
};

export const addition: PairCheck = {
  id: 'addition',
  family: 'completeness',
  scope: 'pair',
  // A unit the source had nothing for, once the source was aligned against the translation, is all addition.
  needsSource: false,
  severity: 'major',
  category: 'accuracy/addition',
  run: (input): Finding[] =>
    gapsOf(input).added.map((span) => ({ messageKey: 'checks.completeness.addition', target: [span] })),
};
