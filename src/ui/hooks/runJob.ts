import type { JobInput, JobName, JobOutput, Jobs } from '../../worker/jobs.ts';
import type { JobMessage, JobRequest } from '../../worker/protocol.ts';

/**
 * Below this many pairs a document is checked by one worker: a second worker's first job loads the checks and
 * the dictionaries (about a second of its own), which a short document would wait for longer than it saves.
 */
export const SPLIT_MIN_PAIRS = 2000;

/** Why a job ended without an answer: the worker died (and was restarted), or the job was cancelled. */
export type JobFailureReason = 'crashed' | 'cancelled';

export class JobError extends Error {
  constructor(
    readonly reason: JobFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'JobError';
  }
}

export const isCancelled = (error: unknown): boolean =>
  error instanceof JobError && error.reason === 'cancelled';

/** What the runner needs of a Worker. */
export type WorkerLike = {
  onmessage: ((event: MessageEvent<JobMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: JobRequest): void;
  terminate(): void;
};

export type JobOptions = {
  readonly onProgress?: (fraction: number) => void;
  /** Aborting cancels the job: its promise rejects at once with a `cancelled` JobError. */
  readonly signal?: AbortSignal;
};

/**
 * How often the runner pings the worker while jobs wait on it, and how long it waits for any sign of life (a
 * pong, progress, an answer) before taking the worker for dead: a worker that was terminated or hangs in an
 * endless loop sends no error event. The budget is generous, as a job that never yields cannot answer a ping
 * (progress messages count as life).
 */
export type Heartbeat = { readonly everyMs: number; readonly budgetMs: number };
const HEARTBEAT: Heartbeat = { everyMs: 5000, budgetMs: 30_000 };

type Pending = {
  readonly request: Extract<JobRequest, { type: 'run' }>;
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (fraction: number) => void;
};

export type JobRunner = {
  run(name: string, input: unknown, options?: JobOptions): Promise<unknown>;
};

/**
 * Sends jobs to a worker and routes its answers. When the worker dies (an error event, a message it could not
 * read), every job waiting on it fails with a `crashed` JobError, so that no progress bar waits for ever, and the
 * next job starts a new worker. A cancelled job that the worker is running and that does not stop within
 * `graceMs` (it never yields: a pathological input, say) is stopped by restarting the worker; the other jobs
 * waiting on the old worker are sent again to the new one (jobs are pure: running one twice is harmless).
 * While jobs are pending the worker is pinged (see Heartbeat); one that gives no sign of life within the budget
 * is stopped, its jobs fail with a `crashed` JobError that says so, and the next job starts a new worker.
 */
export function createJobRunner(
  makeWorker: () => WorkerLike,
  graceMs = 1500,
  heartbeat: Heartbeat = HEARTBEAT,
): JobRunner {
  let worker: WorkerLike | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  /** Jobs the worker has started and not yet answered. */
  const running = new Set<number>();
  let lastHeard = 0;
  let pinger: ReturnType<typeof setInterval> | undefined;
  let nextPing = 1;

  /** Pings while jobs are pending; stops when none is. */
  const watch = () => {
    if (pending.size === 0) {
      if (pinger !== undefined) clearInterval(pinger);
      pinger = undefined;
      return;
    }
    if (pinger !== undefined) return;
    lastHeard = Date.now();
    pinger = setInterval(() => {
      if (pending.size === 0 || !worker) return watch();
      const silent = Date.now() - lastHeard;
      if (silent > heartbeat.budgetMs) {
        fail(
          `the worker stopped answering (nothing for ${Math.round(silent / 1000)} s); its jobs were stopped and it starts again for the next one`,
        );
        return;
      }
      try {
        worker.postMessage({ type: 'ping', id: nextPing++ });
      } catch {
        // A worker that cannot be sent a message will not answer: the budget runs out.
      }
    }, heartbeat.everyMs);
  };

  const fail = (message: string) => {
    const jobs = [...pending.values()];
    pending.clear();
    running.clear();
    stop();
    watch();
    for (const job of jobs) job.reject(new JobError('crashed', message));
  };

  const stop = () => {
    if (!worker) return;
    const dead = worker;
    worker = undefined;
    dead.onmessage = null;
    dead.onerror = null;
    dead.onmessageerror = null;
    dead.terminate();
  };

  const start = (): WorkerLike => {
    if (worker) return worker;
    const created = makeWorker();
    worker = created;
    lastHeard = Date.now();
    created.onmessage = (event) => {
      const message = event.data;
      lastHeard = Date.now();
      if (message.type === 'pong') return;
      if (message.type === 'started') {
        running.add(message.id);
        return;
      }
      const job = pending.get(message.id);
      if (message.type !== 'progress') running.delete(message.id);
      if (!job) return;
      if (message.type === 'progress') job.onProgress?.(message.fraction);
      else {
        pending.delete(message.id);
        watch();
        if (message.type === 'done') job.resolve(message.output);
        else if (message.type === 'cancelled') job.reject(new JobError('cancelled', 'the job was cancelled'));
        else job.reject(new Error(message.message));
      }
    };
    created.onerror = (event) => {
      event.preventDefault?.();
      fail(event.message || 'the worker stopped');
    };
    created.onmessageerror = () => fail('the worker sent a message that could not be read');
    return created;
  };

  const restart = () => {
    const queued = [...pending.values()];
    running.clear();
    stop();
    if (queued.length === 0) return;
    const fresh = start();
    for (const job of queued) fresh.postMessage(job.request);
  };

  const cancel = (id: number) => {
    const job = pending.get(id);
    if (!job) return;
    pending.delete(id);
    watch();
    job.reject(new JobError('cancelled', 'the job was cancelled'));
    worker?.postMessage({ type: 'cancel', id });
    if (!running.has(id)) return;
    const current = worker;
    setTimeout(() => {
      if (worker === current && running.has(id)) restart();
    }, graceMs);
  };

  return {
    run(name, input, options = {}) {
      const { signal, onProgress } = options;
      if (signal?.aborted) return Promise.reject(new JobError('cancelled', 'the job was cancelled'));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        const request = { type: 'run' as const, id, name, input };
        pending.set(id, { request, resolve, reject, ...(onProgress ? { onProgress } : {}) });
        try {
          start().postMessage(request);
        } catch (error) {
          // Input the worker cannot receive (it cannot be cloned): this job fails, the worker is fine.
          pending.delete(id);
          watch();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        watch();
        signal?.addEventListener('abort', () => cancel(id), { once: true });
      });
    },
  };
}

let inlineJobs: Promise<Jobs> | undefined;

/** Where there is no Worker (jsdom tests), the same jobs run inline, without a speller. */
async function runInline(name: JobName, input: unknown, options: JobOptions): Promise<unknown> {
  // Only tests run without a Worker: the built app never bundles the jobs for this thread (dead code there).
  if (import.meta.env.PROD) throw new Error("this browser cannot run the app's worker");
  inlineJobs ??= import('../../worker/jobs.ts').then(({ createJobs }) => createJobs(async () => undefined));
  const jobs = await inlineJobs;
  const job = jobs[name] as (input: unknown, progress: (f: number) => void) => unknown;
  const cancelled = new Promise<never>((_, reject) => {
    const abort = () => reject(new JobError('cancelled', 'the job was cancelled'));
    if (options.signal?.aborted) abort();
    options.signal?.addEventListener('abort', abort, { once: true });
  });
  cancelled.catch(() => undefined);
  return Promise.race([Promise.resolve(job(input, options.onProgress ?? (() => undefined))), cancelled]);
}

const newWorker = () =>
  new Worker(new URL('../../worker/audarma.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;

let shared: JobRunner | undefined;
const theRunner = () => (shared ??= createJobRunner(newWorker));
let helper: JobRunner | undefined;
/**
 * The workers a whole-document check is split over: a second one (with its own heartbeat and restarts) where the
 * machine has a second core, started by the first document long enough to be split.
 */
const documentRunners = (): readonly JobRunner[] =>
  (globalThis.navigator?.hardwareConcurrency ?? 1) >= 2
    ? [theRunner(), (helper ??= createJobRunner(newWorker))]
    : [theRunner()];

/**
 * Runs a heavy job off the main thread and resolves with its output; progress arrives as fractions 0…1. Rejects
 * with a JobError when the job is cancelled through `options.signal` or the worker dies.
 */
export function runJob<N extends JobName>(
  name: N,
  input: JobInput<N>,
  onProgress?: (fraction: number) => void,
  options: Omit<JobOptions, 'onProgress'> = {},
): Promise<JobOutput<N>> {
  const all: JobOptions = { ...options, ...(onProgress ? { onProgress } : {}) };
  if (typeof Worker === 'undefined') return runInline(name, input, all) as Promise<JobOutput<N>>;
  // The split is fetched with the first document check, not with the app: it is no part of the first screen.
  if (name === 'checkDocument')
    return import('./splitDocumentCheck.ts').then(
      ({ splitDocumentCheck }) =>
        splitDocumentCheck(documentRunners(), input as JobInput<'checkDocument'>, all) as Promise<
          JobOutput<N>
        >,
    );
  return theRunner().run(name, input, all) as Promise<JobOutput<N>>;
}

/**
 * Starts the worker and has it load the checks (and the dictionaries of `langs`) while the app is still starting:
 * the first check then finds them compiled. Does nothing where there is no Worker.
 */
export function prepareChecks(langs: readonly string[] = []): void {
  if (typeof Worker === 'undefined') return;
  theRunner()
    .run('prepareChecks', { langs })
    .catch(() => undefined);
}

/**
 * When a document opens, has the workers that will check it load the checks and the dictionaries of `langs` while
 * the page still reads the document: the first worker always, and for a document long enough for its checks to be
 * split (SPLIT_MIN_PAIRS units) the second one too, where there is a second core. Each then checks from its first
 * slice rather than spending that slice loading.
 */
export function prepareDocumentChecks(units: number, langs: readonly string[]): void {
  if (typeof Worker === 'undefined') return;
  // The first worker was started before any project was open: it loads this project's dictionaries now, not in
  // the document's first check.
  theRunner()
    .run('prepareChecks', { langs, checksOnly: true })
    .catch(() => undefined);
  if (units < SPLIT_MIN_PAIRS) return;
  documentRunners()[1]
    ?.run('prepareChecks', { langs, checksOnly: true })
    .catch(() => undefined);
}
