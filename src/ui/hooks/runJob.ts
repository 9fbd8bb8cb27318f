import type { JobInput, JobName, JobOutput, Jobs } from '../../worker/jobs.ts';
import type { JobMessage, JobRequest } from '../../worker/protocol.ts';

type Pending = {
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (fraction: number) => void;
};

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function theWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../../worker/audarma.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<JobMessage>) => {
    const message = event.data;
    const job = pending.get(message.id);
    if (!job) return;
    if (message.type === 'progress') job.onProgress?.(message.fraction);
    else {
      pending.delete(message.id);
      if (message.type === 'done') job.resolve(message.output);
      else job.reject(new Error(message.message));
    }
  };
  worker.onerror = (event) => {
    for (const job of pending.values()) job.reject(new Error(event.message || 'the worker stopped'));
    pending.clear();
    worker = undefined;
  };
  return worker;
}

let inlineJobs: Promise<Jobs> | undefined;

/** Where there is no Worker (jsdom tests), the same jobs run inline, without a speller. */
async function runInline(
  name: JobName,
  input: unknown,
  onProgress?: (fraction: number) => void,
): Promise<unknown> {
  inlineJobs ??= import('../../worker/jobs.ts').then(({ createJobs }) => createJobs(async () => undefined));
  const jobs = await inlineJobs;
  const job = jobs[name] as (input: unknown, progress: (f: number) => void) => unknown;
  return job(input, onProgress ?? (() => undefined));
}

/** Runs a heavy job off the main thread and resolves with its output; progress arrives as fractions 0…1. */
export function runJob<N extends JobName>(
  name: N,
  input: JobInput<N>,
  onProgress?: (fraction: number) => void,
): Promise<JobOutput<N>> {
  if (typeof Worker === 'undefined') return runInline(name, input, onProgress) as Promise<JobOutput<N>>;
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, {
      resolve: resolve as (output: unknown) => void,
      reject,
      ...(onProgress ? { onProgress } : {}),
    });
    const request: JobRequest = { id, name, input };
    theWorker().postMessage(request);
  });
}
