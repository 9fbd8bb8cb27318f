import type { DocumentStats } from '../../core/checks/types.ts';
import {
  documentPhasePairs,
  factsAt,
  issueLists,
  joinOutcomes,
  type PairOutcomes,
} from '../../core/checks/documentPhase.ts';
import type {
  CheckDocumentInput,
  CheckDocumentOutput,
  CheckSliceOutput,
  DocumentIssuesOutput,
} from '../../worker/jobs/checkDocument.ts';
import { JobError, SPLIT_MIN_PAIRS, type JobOptions, type JobRunner } from './runJob.ts';

export { SPLIT_MIN_PAIRS };

/**
 * The document's length statistics, computed where the split is made (the slices need the whole document's), with
 * each pair's length ratio they were taken from, which the slices then read rather than measure again.
 */
export type StatsOf = (
  pairs: CheckDocumentInput['pairs'],
) => Promise<{ readonly stats: DocumentStats; readonly logRatios: Float64Array }>;

const statsOf: StatsOf = (pairs) =>
  import('../../core/checks/documentStats.ts').then(({ computeDocumentStats, pairLogRatios }) => {
    const logRatios = pairLogRatios(pairs);
    return { stats: computeDocumentStats(pairs, logRatios), logRatios };
  });

/** Pairs per slice: small enough that a worker starting late still takes a share, large enough to be worth a message. */
export function sliceSize(pairs: number): number {
  return Math.min(5000, Math.max(500, Math.ceil(pairs / 16)));
}

/**
 * A whole-document check over the workers given: with one (or a short document), one `checkDocument` job; with
 * more, the pair checks run as slices (`checkSlice`, each with the whole document's statistics) that each worker
 * takes in turn from one queue, so that a worker still loading the checks and dictionaries takes less and never
 * holds the others up; the first worker then runs the document checks (`documentIssues`) over the pairs the
 * slices' facts pick (documentPhasePairs), and their issues are joined to the slices' here: exactly checkDocument's
 * answer. Progress is one fraction over all the
 * slices; aborting `options.signal` cancels every part, and a part that fails (a worker died) cancels the others
 * and fails the whole with its error.
 */
export async function splitDocumentCheck(
  runners: readonly JobRunner[],
  input: CheckDocumentInput,
  options: JobOptions = {},
  stats: StatsOf = statsOf,
): Promise<CheckDocumentOutput> {
  const [first] = runners;
  if (!first) throw new Error('no worker to check the document');
  if (runners.length < 2 || input.pairs.length < SPLIT_MIN_PAIRS)
    return first.run('checkDocument', input, options) as Promise<CheckDocumentOutput>;

  const { signal, onProgress } = options;
  const parts = new AbortController();
  const stop = () => parts.abort();
  if (signal?.aborted) stop();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const { stats: documentStats, logRatios } = await stats(input.pairs);
    const size = sliceSize(input.pairs.length);
    const slices: CheckDocumentInput['pairs'][] = [];
    for (let at = 0; at < input.pairs.length; at += size) slices.push(input.pairs.slice(at, at + size));
    const outcomes: PairOutcomes[] = [];
    const done = slices.map(() => 0);
    const report = () =>
      onProgress?.(
        done.reduce((sum, fraction, i) => sum + fraction * (slices[i]?.length ?? 0), 0) / input.pairs.length,
      );
    let next = 0;
    const { approvedTexts, ...rest } = input;
    const work = async (runner: JobRunner) => {
      // The approved texts go with a worker's first slice only: it keeps them for the slices that follow.
      let firstSlice = true;
      while (next < slices.length && !parts.signal.aborted) {
        const i = next++;
        const output = (await runner.run(
          'checkSlice',
          {
            ...rest,
            ...(firstSlice && approvedTexts ? { approvedTexts } : {}),
            pairs: slices[i],
            stats: documentStats,
            logRatios: logRatios.slice(i * size, (i + 1) * size),
          },
          {
            signal: parts.signal,
            onProgress: (fraction) => {
              done[i] = fraction;
              report();
            },
          },
        )) as CheckSliceOutput;
        firstSlice = false;
        outcomes[i] = output.outcomes;
        done[i] = 1;
        report();
      }
    };
    await Promise.all(
      runners.map((runner) =>
        work(runner).catch((error: unknown) => {
          parts.abort();
          throw error;
        }),
      ),
    );
    if (parts.signal.aborted) throw new JobError('cancelled', 'the job was cancelled');
    // The document checks see only the pairs that can take part in them; their issues join the slices' here.
    const all = joinOutcomes(outcomes);
    outcomes.length = 0;
    const picked = documentPhasePairs(all);
    const added = (await first.run(
      'documentIssues',
      {
        ...rest,
        pairs: picked.map((i) => input.pairs[i]!),
        stats: documentStats,
        facts: factsAt(all, picked),
      },
      { signal: parts.signal },
    )) as DocumentIssuesOutput;
    return {
      issues: [
        ...issueLists(
          input.pairs.map((pair) => pair.id),
          all,
          new Map(added.issues),
        ),
      ],
      stats: documentStats,
      documentChecks: added.documentChecks,
    };
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
