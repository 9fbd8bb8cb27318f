import type { DocumentId, ProjectId, RenderingId, RevisionId, UnitId } from './ids.ts';
import type { Lang } from './lang.ts';
import type { InlineCode } from '../formats/interchange.ts';

export type Project = {
  readonly id: ProjectId;
  readonly name: string;
  /** Language of the original text (Russian for the demo). */
  readonly sourceLang: Lang;
  /** Languages reviewed against the source, in column order. */
  readonly targetLangs: readonly Lang[];
  /** Language of the machine translation shipped with documents, if any. */
  readonly mtLang?: Lang;
  readonly createdAt: number;
};

export type Document = {
  readonly id: DocumentId;
  readonly projectId: ProjectId;
  readonly name: string;
  readonly createdAt: number;
  readonly unitCount: number;
  /**
   * The file the document was imported from, where its format keeps a structure of its own (XLIFF): exporting
   * "as the original" writes this file back with only targets, states and notes changed.
   */
  readonly original?: OriginalFile;
};

export type OriginalFile = {
  /** Interchange format the file was read as (`xliff-2.2`, `xliff-1.2`…). */
  readonly format: string;
  readonly fileName: string;
  /** The file's XML as read (serialised from its parsed tree). */
  readonly text: string;
};

/** Where a unit stands in its original file: file id, unit id, and the segment's index within that unit. */
export type UnitOrigin = { readonly file: string; readonly unit: string; readonly segment: number };

/** How a unit came out of segmentation: headings and list items are units of their own. */
export type UnitKind = 'sentence' | 'heading' | 'listItem';

/**
 * One language's alignment of one unit. `omitted`: the aligned version had no counterpart for the unit (a 1-0
 * bead), so an empty text is a dropped sentence, not one still to translate. `merged`: the version rendered this
 * unit together with another one, whose text is in unit `into` (an n:1 row).
 */
export type UnitAlignment = {
  readonly score?: number;
  readonly gap?: 'omitted' | 'merged';
  /** Index of the unit that holds the merged text. */
  readonly into?: number;
  /** Sentences of the version with no unit of their own (0-1 beads), joined to this unit's text. */
  readonly added?: readonly string[];
  /**
   * Sentences of the source with nothing in this language, joined to the unit's source: recorded when the source
   * itself was aligned against this language's text.
   */
  readonly untranslated?: readonly string[];
};

/** One aligned row of a document. */
export type Unit = {
  readonly id: UnitId;
  readonly documentId: DocumentId;
  /** Position in the document, 0-based and dense. */
  readonly index: number;
  /** Paragraph the unit belongs to; units of one paragraph share it. */
  readonly paragraph: number;
  readonly kind: UnitKind;
  /**
   * Text that stood between the previous unit and this one in the original ("" for the first unit,
   * " " inside a paragraph, "\n" or "\n\n" between paragraphs): exporting joins separator + text.
   */
  readonly separator: string;
  /** Source-language segment ("" until a source is imported). */
  readonly source: string;
  /** Machine translation per language, read-only once imported. */
  readonly mt: Readonly<Record<Lang, string>>;
  /** Alignment confidence in [0, 1] where the row came from the aligner: the lowest of its languages'. */
  readonly alignScore?: number;
  /** What the last alignment of each language left this unit with (its confidence, a gap, added sentences). */
  readonly alignment?: Readonly<Record<Lang, UnitAlignment>>;
  /** The unit's place in the document's original file, when it has one. */
  readonly origin?: UnitOrigin;
  /**
   * What the inline codes in the unit's texts stand for, by code key ("1", "/1", "2/"; see text/codeTokens):
   * the element as read from the file, written back on export.
   */
  readonly codes?: Readonly<Record<string, InlineCode>>;
};

/**
 * `new` is the state of a rendering that has never had text. It is never stored on a revision
 * except as the state a rendering came from. `mt` is machine translation nobody has confirmed; `imported` is a
 * translation brought in from a file of people's work (an aligned version), not yet reviewed here.
 */
export type RenderingState = 'new' | 'mt' | 'imported' | 'edited' | 'reviewed' | 'approved' | 'rejected';
export const RENDERING_STATES: readonly RenderingState[] = [
  'new',
  'mt',
  'imported',
  'edited',
  'reviewed',
  'approved',
  'rejected',
];

/** A target-language text under review. */
export type Rendering = {
  readonly id: RenderingId;
  readonly unitId: UnitId;
  readonly documentId: DocumentId;
  readonly lang: Lang;
  readonly text: string;
  readonly state: RenderingState;
  readonly updatedAt: number;
  readonly updatedBy: string;
  /** Number of revisions written for this rendering. */
  readonly revision: number;
  /** Why it was rejected, while it is rejected (the note of the rejecting revision). */
  readonly reason?: string;
};

export type RevisionAction =
  'import' | 'edit' | 'review' | 'approve' | 'reject' | 'reopen' | 'restore' | 'revert';

/** One change of text or state, kept forever. */
export type Revision = {
  readonly id: RevisionId;
  readonly renderingId: RenderingId;
  readonly unitId: UnitId;
  readonly documentId: DocumentId;
  readonly lang: Lang;
  /** 1-based, dense per rendering. */
  readonly number: number;
  readonly action: RevisionAction;
  readonly text: string;
  readonly state: RenderingState;
  readonly previousState: RenderingState;
  readonly author: string;
  readonly at: number;
  /** Reason given for a rejection, or a note for the change. */
  readonly note?: string;
};
