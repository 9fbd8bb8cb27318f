import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  checkPairsOfDocument,
  documentContext,
  type CheckPair,
  type PairOutcome,
} from '../../core/checks/index.ts';
import { baseContext, type CheckJob } from './checkJob.ts';

/** Pairs per message: large enough that messaging costs little, small enough that both threads finish together. */
const SLICE = 1_000;
/** Below this a second thread costs more to start (its own speller, ~150 ms) than it saves. */
export const MIN_PAIRS_FOR_THREADS = 4_000;

/** The worker script beside the bundle; absent when the command runs from its TypeScript sources. */
function workerScript(): URL | undefined {
  const url = new URL('./checkWorker.mjs', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Whether pairOutcomes would use worker threads for this many pairs: otherwise one checkDocument does it all. */
export function splitsOverThreads(pairs: number, threads: number): boolean {
  return threads >= 2 && pairs >= MIN_PAIRS_FOR_THREADS && workerScript() !== undefined;
}

/**
 * The pair checks of a whole document: on this thread, or over `threads` threads (this one and worker threads)
 * that take slices as they become free. Outcomes come back in pair order whichever way they were computed.
 */
export async function pairOutcomes(
  pairs: readonly CheckPair[],
  job: CheckJob,
  threads: number,
): Promise<PairOutcome[]> {
  const script = workerScript();
  if (!script || !splitsOverThreads(pairs.length, threads)) {
    return checkPairsOfDocument(pairs, documentContext(await baseContext(job), job.stats), job.settings);
  }
  const slices = Math.ceil(pairs.length / SLICE);
  const done: (PairOutcome[] | undefined)[] = new Array<PairOutcome[] | undefined>(slices);
  let next = 0;
  let finished = 0;
  const take = (): number | undefined => (next < slices ? next++ : undefined);
  const sliceOf = (slice: number) => pairs.slice(slice * SLICE, (slice + 1) * SLICE);
  // This thread takes slices too, so N threads cost N - 1 extra heaps (each with its own speller), not N.
  const workers = Array.from(
    { length: Math.min(threads - 1, slices) },
    () =>
      new Worker(script, {
        workerData: job,
        // A slice leaves only garbage behind: a small old generation keeps each thread well under 100 MB. The
        // young one is left at its usual size: at 4 MB the thread spent a fifth of its time collecting.
        resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
      }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: Error) => {
        failed = true;
        reject(error);
      };
      const record = (slice: number, outcomes: PairOutcome[]) => {
        done[slice] = outcomes;
        finished += 1;
        if (finished === slices) resolve();
      };
      const send = (worker: Worker) => {
        const slice = take();
        if (slice !== undefined) worker.postMessage({ slice, pairs: sliceOf(slice) });
      };
      for (const worker of workers) {
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (finished < slices) fail(new Error(`a check thread stopped (exit code ${code})`));
        });
        worker.on('message', (message: 'ready' | { slice: number; outcomes: PairOutcome[] }) => {
          if (message === 'ready') {
            // Two slices in flight, so the thread never waits for the next one.
            send(worker);
            send(worker);
            return;
          }
          record(message.slice, message.outcomes);
          send(worker);
        });
      }
      void (async () => {
        const context = documentContext(await baseContext(job), job.stats);
        for (let slice = take(); slice !== undefined && !failed; slice = take()) {
          record(slice, checkPairsOfDocument(sliceOf(slice), context, job.settings));
          // Lets the other threads' results in and their next slices out between two of this thread's.
          await new Promise((r) => setImmediate(r));
        }
      })().catch(fail);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return done.flatMap((outcomes) => outcomes ?? []);
}
