// The document checks as the app runs them on a machine with two cores or more: the app's own split
// (splitDocumentCheck: pair checks in slices over the workers, then the document checks over their outcomes)
// driving the app's own check jobs, here in Node worker threads rather than Web Workers.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CheckPair } from '../src/core/checks/index.ts';
import type { TermEntry } from '../src/core/model/term.ts';
import type { JobOptions, JobRunner } from '../src/ui/hooks/runJob.ts';
import { splitDocumentCheck } from '../src/ui/hooks/splitDocumentCheck.ts';
import type { CheckDocumentOutput } from '../src/worker/jobs/checkDocument.ts';
import type { SplitReply, SplitRequest } from './checksSplitWorker.ts';

type Waiting = {
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly options: JobOptions;
};

/** One worker thread behind the JobRunner interface the app's split is written against. */
function threadRunner(): JobRunner & { close(): Promise<number> } {
  // tsx's loader hooks do not reach worker threads: the thread registers them before loading its script.
  const script = new URL('./checksSplitWorker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
  const worker = new Worker(boot, { eval: true });
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  worker.on('message', (reply: SplitReply) => {
    const job = waiting.get(reply.id);
    if (!job) return;
    if ('progress' in reply) job.options.onProgress?.(reply.progress);
    else {
      waiting.delete(reply.id);
      job.resolve(reply.output);
    }
  });
  worker.on('error', (error: Error) => {
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  });
  return {
    run(name, input, options = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, options });
        worker.postMessage({ id, name, input } satisfies SplitRequest);
      });
    },
    close: () => worker.terminate(),
  };
}

/** Workers the app would use here: one per core, at most two. */
export function splitWorkers(): number {
  return Math.min(2, availableParallelism());
}

/**
 * Wall time of one whole-document check split over warm workers (each has already checked a small document, as
 * the app's workers have once a project is open), with the issues it found, to set beside checkDocument's.
 */
export async function splitCheckMs(
  pairs: readonly CheckPair[],
  entries: readonly TermEntry[],
): Promise<{ wallMs: number; issues: number; workers: number }> {
  const runners = Array.from({ length: splitWorkers() }, threadRunner);
  try {
    const input = (p: readonly CheckPair[]) => ({
      pairs: p,
      sourceLang: 'ru',
      targetLang: 'en',
      entries,
      spelling: true,
    });
    await splitDocumentCheck(runners, input(pairs.slice(0, 4_000)));
    const t0 = performance.now();
    const output = (await splitDocumentCheck(runners, input(pairs))) as CheckDocumentOutput;
    const wallMs = performance.now() - t0;
    let issues = 0;
    for (const [, list] of output.issues) issues += list.length;
    return { wallMs, issues, workers: runners.length };
  } finally {
    await Promise.all(runners.map((r) => r.close()));
  }
}
