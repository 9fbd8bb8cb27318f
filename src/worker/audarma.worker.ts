/// <reference lib="webworker" />
import { createJobs, type JobName } from './jobs.ts';
import type { JobMessage, JobRequest } from './protocol.ts';
import { spellerFor } from './speller.ts';

const jobs = createJobs(spellerFor);
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: JobMessage) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<JobRequest>) => {
  const { id, name, input } = event.data;
  const job = jobs[name as JobName] as
    ((input: unknown, progress: (f: number) => void) => unknown) | undefined;
  if (!job) {
    post({ id, type: 'error', message: `unknown job "${name}"` });
    return;
  }
  let last = -1;
  const progress = (fraction: number) => {
    // A few dozen progress messages at most: posting one per unit would cost more than the work.
    const step = Math.floor(fraction * 50);
    if (step !== last) {
      last = step;
      post({ id, type: 'progress', fraction });
    }
  };
  try {
    post({ id, type: 'done', output: await job(input, progress) });
  } catch (error) {
    post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
