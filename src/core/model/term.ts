import type { EntryId, ProjectId } from './ids.ts';
import type { Lang } from './lang.ts';

export type TermStatus = 'proposed' | 'approved' | 'forbidden';
export const TERM_STATUSES: readonly TermStatus[] = ['proposed', 'approved', 'forbidden'];

export type PartOfSpeech = 'noun' | 'verb' | 'adjective' | 'adverb' | 'properNoun' | 'other';

/** One term of a concept in one language. `lang` may be "kk-Latn" for the Kazakh Latin form. */
export type Term = {
  readonly lang: Lang;
  readonly text: string;
  readonly status: TermStatus;
  readonly setBy?: string;
  readonly setAt?: number;
};

/** A concept with its terms in every language. */
export type TermEntry = {
  readonly id: EntryId;
  readonly projectId: ProjectId;
  readonly terms: readonly Term[];
  readonly definition?: string;
  readonly note?: string;
  readonly partOfSpeech?: PartOfSpeech;
  readonly createdAt: number;
  readonly updatedAt: number;
};
