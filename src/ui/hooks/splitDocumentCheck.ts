import type { DocumentStats } from '../../core/checks/types.ts';
import type {
  CheckDocumentInput,
  CheckDocumentOutput,
  CheckSliceOutput,
} from '../../worker/jobs/checkDocument.ts';
import type { JobOptions, JobRunner } from './runJob.ts';

/**
 * Below this many pairs a document is checked by one worker: a second worker's first job loads the checks and
 * the dictionaries (about a second of its own), which a short document would wait for longer than it saves.
 */
export const SPLIT_MIN_PAIRS = 2000;

/** The document's length statistics, computed where the split is made (the slices need the whole document's). */
export type StatsOf = (pairs: CheckDocumentInput['pairs']) => Promise<DocumentStats>;

const statsOf: StatsOf = (pairs) =>
  import('../../core/checks/documentStats.ts').then(({ computeDocumentStats }) =>
    computeDocumentStats(pairs),
  );

/**
 * A whole-document check over the workers given: with one (or a short document), one `checkDocument` job; with
 * two, the pair checks run as two slices side by side (`checkSlice`, each with the whole document's statistics)
 * and the first worker then runs the document checks over both slices' outcomes (`completeDocument`), which gives
 * exactly checkDocument's answer. Progress is one fraction over both slices; aborting `options.signal` cancels
 * every part, and a part that fails (a worker died) cancels the other and fails the whole with its error.
 */
export async function splitDocumentCheck(
  runners: readonly JobRunner[],
  input: CheckDocumentInput,
  options: JobOptions = {},
  stats: StatsOf = statsOf,
): Promise<CheckDocumentOutput> {
  const [first, second] = runners;
  if (!first) throw new Error('no worker to check the document');
  if (!second || input.pairs.length < SPLIT_MIN_PAIRS)
    return first.run('checkDocument', input, options) as Promise<CheckDocumentOutput>;

  const { signal, onProgress } = options;
  const parts = new AbortController();
  const stop = () => parts.abort();
  if (signal?.aborted) stop();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const documentStats = await stats(input.pairs);
    const middle = Math.ceil(input.pairs.length / 2);
    const slices = [input.pairs.slice(0, middle), input.pairs.slice(middle)];
    const done = slices.map(() => 0);
    const report = () =>
      onProgress?.(
        done.reduce((sum, fraction, i) => sum + fraction * (slices[i]?.length ?? 0), 0) / input.pairs.length,
      );
    const outcomes = await Promise.all(
      [first, second].map((runner, i) =>
        (
          runner.run(
            'checkSlice',
            { ...input, pairs: slices[i], stats: documentStats },
            {
              signal: parts.signal,
              onProgress: (fraction) => {
                done[i] = fraction;
                report();
              },
            },
          ) as Promise<CheckSliceOutput>
        ).catch((error: unknown) => {
          parts.abort();
          throw error;
        }),
      ),
    );
    return (await first.run(
      'completeDocument',
      { ...input, stats: documentStats, outcomes: outcomes.flatMap((part) => part.outcomes) },
      { signal: parts.signal },
    )) as CheckDocumentOutput;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
