export type { AlignOptions, AlignSegment, Bead, BeadShape } from './types.ts';
export { alignSegments } from './align.ts';
export {
  strictPrecisionRecall,
  scoreCounts,
  poolScores,
  type AlignmentScores,
  type ScoreCounts,
} from './metrics.ts';
export { numberKeys, parseNumber, monthNumber } from './numbers.ts';
export { romanize, skeletonOf, translitMatch } from './romanize.ts';
export { composeRows, type ComposedRow } from './compose.ts';
export { scriptProblem, presegmentedLines, MAX_SEGMENT_CHARS, MAX_SEGMENTS, ALIGN_LANGS } from './input.ts';
