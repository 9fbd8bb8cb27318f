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
 * Runs jobs one at a time, in the order asked. Before each job the worker lets the messages already sent arrive,
 * so that a job cancelled while queued never starts; a running job that reports progress stops at its next report
 * once its cancel has arrived (a job that never yields is stopped by the UI restarting the worker).
 */
export function serve(scope: Scope, jobs: Readonly<Record<string, Job>>): void {
  const queue: Extract<JobRequest, { type: 'run' }>[] = [];
  const cancelled = new Set<number>();
  let busy = false;
  const post = (message: JobMessage) => scope.postMessage(message);

  const pump = async () => {
    busy = true;
    while (queue.length > 0) {
      await nextTask();
      const request = queue.shift();
      if (!request) break;
      const { id, name, input } = request;
      if (cancelled.delete(id)) {
        post({ id, type: 'cancelled' });
        continue;
      }
      const job = jobs[name];
      if (!job) {
        post({ id, type: 'error', message: `unknown job "${name}"` });
        continue;
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
    }
    busy = false;
  };

  scope.onmessage = (event) => {
    const message = event.data;
    if (message.type === 'cancel') {
      cancelled.add(message.id);
      return;
    }
    queue.push(message);
    if (!busy) void pump();
  };
}
