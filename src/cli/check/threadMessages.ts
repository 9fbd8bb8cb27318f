// What `audarma check` and its worker threads send each other. Kept compact: a structured clone copies every
// key of every object, so pairs go as three lists of strings and outcomes as a byte per pair plus the issues
// of the few pairs that have any.
import type { Issue } from '../../core/checks/index.ts';
import type { CheckJob } from './checkJob.ts';

/** What a thread is told when it starts, before the file is read: enough to load its speller meanwhile. */
export type ThreadStart = { readonly targetLang: string };

/** The run itself, sent once the file is read; the thread answers 'ready'. */
export type JobMessage = { readonly job: CheckJob };

/** One slice of the document: pairs `slice * SLICE` onwards, as parallel lists. */
export type SliceRequest = {
  readonly slice: number;
  readonly ids: readonly string[];
  readonly sources: readonly string[];
  readonly targets: readonly string[];
};

/**
 * The pair checks' outcome for a slice: each pair's untranslated verdict (encodeVerdict), and the issues of
 * the pairs that have any, `issues[k]` belonging to pair `found[k]` of the slice (ascending).
 */
export type SliceReply = {
  readonly slice: number;
  readonly verdicts: Uint8Array;
  readonly found: readonly number[];
  readonly issues: readonly Issue[][];
};

export type ThreadReply = 'ready' | SliceReply;

/** undefined (not asked) → 0, false → 1, true → 2. */
export function encodeVerdict(verdict: boolean | undefined): number {
  return verdict === undefined ? 0 : verdict ? 2 : 1;
}

export function decodeVerdict(code: number): boolean | undefined {
  return code === 0 ? undefined : code === 2;
}
