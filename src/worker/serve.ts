import type { JobMessage, JobRequest } from './protocol.ts';

type Job = (input: unknown, progress: (fraction: number) => void) => unknown;

/** What the worker needs of its global scope, so that the queue can be tested without a worker. */
export type Scope = {
  onmessage: ((event: MessageEvent<JobRequest>) => void) | null;
  postMessage(message: JobMessage): void;
};

class Cancelled extends Error {}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs the jobs asked for. Each starts a task after its request arrived, so that a cancel sent right after it (the
 * UI no longer needs the answer) is seen first and the job never starts; a running job that reports progress
 * stops at its next report once its cancel has arrived (a job that never yields is stopped by the UI restarting
 * the worker). Jobs interleave where they await (a speller loading, say), as they always did.
 */
export function serve(scope: Scope, jobs: Readonly<Record<string, Job>>): void {
  const cancelled = new Set<number>();
  const post = (message: JobMessage) => scope.postMessage(message);

  const run = async ({ id, name, input }: Extract<JobRequest, { type: 'run' }>) => {
    await nextTask();
    if (cancelled.delete(id)) {
      post({ id, type: 'cancelled' });
      return;
    }
    const job = jobs[name];
    if (!job) {
      post({ id, type: 'error', message: `unknown job "${name}"` });
      return;
    }
    post({ id, type: 'started' });
    let last = -1;
    const progress = (fraction: number) => {
      if (cancelled.has(id)) throw new Cancelled();
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
      if (error instanceof Cancelled || cancelled.has(id)) post({ id, type: 'cancelled' });
      else post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      cancelled.delete(id);
    }
  };

  scope.onmessage = (event) => {
    const message = event.data;
    if (message.type === 'cancel') cancelled.add(message.id);
    else if (message.type === 'ping') post({ id: message.id, type: 'pong' });
    else void run(message);
  };
}
