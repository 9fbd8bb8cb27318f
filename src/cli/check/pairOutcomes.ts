import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  checkPairsOfDocument,
  documentContext,
  type CheckPair,
  type PairOutcomes,
} from '../../core/checks/index.ts';
import { joinOutcomes } from '../../core/checks/documentPhase.ts';
import { baseContext, type CheckJob } from './checkJob.ts';
import type { SliceReply, SliceRequest, ThreadStart } from './threadMessages.ts';

/** Pairs per message: large enough that messaging costs little, small enough that both threads finish together. */
const SLICE = 1_000;
/** Below this a second thread costs more to start (its own speller, ~150 ms) than it saves. */
export const MIN_PAIRS_FOR_THREADS = 4_000;
/**
 * A file this large almost surely holds MIN_PAIRS_FOR_THREADS pairs (at most 50 bytes a pair): its threads are
 * started before it is read, so they load the checks and the speller while this thread reads.
 */
export const EARLY_START_BYTES = MIN_PAIRS_FOR_THREADS * 50;

/** The worker script beside the bundle; absent when the command runs from its TypeScript sources. */
function workerScript(): URL | undefined {
  const url = new URL('./checkWorker.mjs', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Whether pairOutcomes would use worker threads for this many pairs: otherwise this thread checks them all. */
function splitsOverThreads(pairs: number, threads: number): boolean {
  return threads >= 2 && pairs >= MIN_PAIRS_FOR_THREADS && workerScript() !== undefined;
}

/**
 * The worker threads of one check run (`threads` - 1 of them: this thread takes slices too, so N threads cost
 * N - 1 extra heaps, each with its own speller). Each is told only the target language when it starts, so it
 * can load what it needs while this thread reads the file; the run's settings and statistics follow with the
 * first slices.
 */
export class CheckThreads {
  readonly #workers: Worker[];
  #failure: Error | undefined;
  #onFailure: ((error: Error) => void) | undefined;
  #closing = false;

  private constructor(script: URL, count: number, start: ThreadStart) {
    this.#workers = Array.from({ length: count }, () => {
      const worker = new Worker(script, {
        workerData: start,
        // A slice leaves only garbage behind: a small old generation keeps each thread well under 100 MB. The
        // young one is half its usual size: since the checks allocate less per pair, 8 MB costs no measurable time
        // and keeps the whole run further under its 300 MiB (at 4 MB the thread collected too often).
        resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
      });
      worker.on('error', (error: unknown) =>
        this.#fail(error instanceof Error ? error : new Error(String(error))),
      );
      worker.on('exit', (code) => {
        if (!this.#closing) this.#fail(new Error(`a check thread stopped (exit code ${code})`));
      });
      return worker;
    });
  }

  /** The threads for a run over a file of `bytes` bytes, started now when the file is large enough to need them. */
  static early(threads: number, bytes: number, start: ThreadStart): CheckThreads | undefined {
    const script = workerScript();
    if (!script || threads < 2 || bytes < EARLY_START_BYTES) return undefined;
    return new CheckThreads(script, threads - 1, start);
  }

  static start(threads: number, start: ThreadStart): CheckThreads | undefined {
    const script = workerScript();
    return script && threads >= 2 ? new CheckThreads(script, threads - 1, start) : undefined;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#onFailure?.(error);
  }

  /**
   * The pair checks of the whole document over these threads and this one, which take slices as they become
   * free. Outcomes come back in pair order. Only ids and texts cross to the threads (the pairs of a table have
   * no alignment), and only the pairs with issues come back with theirs.
   */
  async outcomes(
    pairs: readonly CheckPair[],
    job: CheckJob,
    logRatios?: Float64Array,
  ): Promise<PairOutcomes> {
    const slices = Math.ceil(pairs.length / SLICE);
    const parts = new Array<PairOutcomes>(slices);
    let next = 0;
    let finished = 0;
    const take = (): number | undefined => (next < slices ? next++ : undefined);
    let failed = false;
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        failed = true;
        reject(error);
      };
      if (this.#failure) return fail(this.#failure);
      this.#onFailure = fail;
      const finish = () => {
        finished += 1;
        if (finished === slices) resolve();
      };
      const record = (reply: SliceReply) => {
        parts[reply.slice] = reply.outcomes;
        finish();
      };
      const send = (worker: Worker) => {
        const slice = take();
        if (slice === undefined) return;
        const part = pairs.slice(slice * SLICE, (slice + 1) * SLICE);
        const request: SliceRequest = {
          slice,
          ids: part.map((p) => p.id),
          sources: part.map((p) => p.source),
          targets: part.map((p) => p.target),
        };
        worker.postMessage(request);
      };
      for (const worker of this.#workers) {
        worker.on('message', (message: SliceReply) => {
          record(message);
          send(worker);
        });
        // The run and two slices at once, before this thread takes its own first slice (which builds this
        // thread's speller): the thread starts on them as soon as it has the run's context, and with two in
        // flight it never waits for the next one.
        worker.postMessage({ job });
        send(worker);
        send(worker);
      }
      void (async () => {
        const context = documentContext(await baseContext(job), job.stats);
        for (let slice = take(); slice !== undefined && !failed; slice = take()) {
          const from = slice * SLICE;
          parts[slice] = checkPairsOfDocument(pairs.slice(from, from + SLICE), context, job.settings, {
            ...(logRatios ? { logRatios: logRatios.subarray(from, from + SLICE) } : {}),
          });
          finish();
          // Lets the other threads' results in and their next slices out between two of this thread's.
          await new Promise((r) => setImmediate(r));
        }
      })().catch(fail);
    });
    return joinOutcomes(parts);
  }

  async close(): Promise<void> {
    this.#closing = true;
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

/**
 * The pair checks of a whole document: on this thread, or over `threads` threads (this one and worker threads,
 * `running` when they were started before the file was read). Outcomes come back in pair order whichever way
 * they were computed. `logRatios` are the pairs' length ratios the statistics were taken from (pairLogRatios):
 * the slices checked on this thread read them rather than measure the texts again.
 */
export async function pairOutcomes(
  pairs: readonly CheckPair[],
  job: CheckJob,
  threads: number,
  running?: CheckThreads,
  logRatios?: Float64Array,
): Promise<PairOutcomes> {
  const pool = splitsOverThreads(pairs.length, threads)
    ? (running ?? CheckThreads.start(threads, { targetLang: job.targetLang }))
    : undefined;
  if (!pool) {
    await running?.close();
    const context = documentContext(await baseContext(job), job.stats);
    return checkPairsOfDocument(pairs, context, job.settings, logRatios ? { logRatios } : {});
  }
  try {
    return await pool.outcomes(pairs, job, logRatios);
  } finally {
    await pool.close();
  }
}
