// What `audarma check` and its worker threads send each other. Kept compact: a structured clone copies every
// key of every object, so pairs go as three lists of strings and outcomes as columns (PairOutcomes) with the
// issues of the few pairs that have any.
import type { PairOutcomes } from '../../core/checks/index.ts';
import type { CheckJob } from './checkJob.ts';

/** What a thread is told when it starts, before the file is read: enough to load its speller meanwhile. */
export type ThreadStart = { readonly targetLang: string };

/** The run itself, sent once the file is read, with the first slices right behind it. */
export type JobMessage = { readonly job: CheckJob };

/** One slice of the document: pairs `slice * SLICE` onwards, as parallel lists. */
export type SliceRequest = {
  readonly slice: number;
  readonly ids: readonly string[];
  readonly sources: readonly string[];
  readonly targets: readonly string[];
};

/** The pair checks' outcome for one slice: its facts as three buffers, and the issues of the pairs with any. */
export type SliceReply = { readonly slice: number; readonly outcomes: PairOutcomes };
