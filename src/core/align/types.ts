/** One segment to align: its text and, where known, the paragraph it belongs to (paragraph numbers rise in order). */
export type AlignSegment = { readonly text: string; readonly paragraph?: number };

/**
 * One alignment bead: source and target segment indices (0-based, ascending, contiguous). `[]` on one side is an
 * omission (1-0) or an insertion (0-1). `score` in [0, 1] is the aligner's confidence that this bead is right.
 */
export type Bead = {
  readonly source: readonly number[];
  readonly target: readonly number[];
  readonly score: number;
};

export type AlignOptions = {
  readonly sourceLang: string;
  readonly targetLang: string;
  /** Approved glossary renderings (source term, target term); each occurrence on both sides is strong evidence. */
  readonly termPairs?: readonly (readonly [string, string])[];
  /**
   * A bilingual dictionary (source word, target word), from outside the document: each pair found in two segments is
   * a shared key, like a word pair learned from the document itself.
   */
  readonly seedPairs?: readonly (readonly [string, string])[];
  /**
   * Target length ÷ source length (non-blank characters) known from elsewhere, for texts too short to estimate it
   * from (the sentences of one unit): without it the ratio of the two totals is used, which an omission distorts.
   */
  readonly lengthRatio?: number;
  /** Called with 0..1 a few dozen times at most. */
  readonly onProgress?: (fraction: number) => void;
};

/** A bead without a score (gold alignments, for instance). */
export type BeadShape = { readonly source: readonly number[]; readonly target: readonly number[] };
