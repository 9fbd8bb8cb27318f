import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJobRunner, JobError, type WorkerLike } from '../../../src/ui/hooks/runJob.ts';
import type { JobMessage, JobRequest } from '../../../src/worker/protocol.ts';

/** A worker that records what it is sent and answers only when the test says so. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  readonly sent: JobRequest[] = [];
  terminated = false;
  postMessage(message: JobRequest) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(message: JobMessage) {
    this.onmessage?.({ data: message } as MessageEvent<JobMessage>);
  }
  die(message: string) {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
  runs() {
    return this.sent.filter((m) => m.type === 'run').map((m) => m.id);
  }
}

function setUp() {
  const workers: FakeWorker[] = [];
  const runner = createJobRunner(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, 1000);
  return { runner, workers };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the job runner', () => {
  it('resolves with the answer and passes progress on', async () => {
    const { runner, workers } = setUp();
    const progress: number[] = [];
    const job = runner.run('align', { a: 1 }, { onProgress: (f) => progress.push(f) });
    const [w] = workers;
    const [id] = w!.runs();
    w!.answer({ id: id!, type: 'started' });
    w!.answer({ id: id!, type: 'progress', fraction: 0.5 });
    w!.answer({ id: id!, type: 'done', output: 'ok' });
    await expect(job).resolves.toBe('ok');
    expect(progress).toEqual([0.5]);
  });

  it('fails every pending job with a clear error when the worker dies, and starts a new worker after', async () => {
    const { runner, workers } = setUp();
    const first = runner.run('checkDocument', {});
    const second = runner.run('align', {});
    workers[0]!.answer({ id: 1, type: 'started' });
    workers[0]!.die('out of memory');
    await expect(first).rejects.toMatchObject({ reason: 'crashed', message: 'out of memory' });
    await expect(second).rejects.toBeInstanceOf(JobError);
    expect(workers[0]!.terminated).toBe(true);
    const third = runner.run('align', {});
    expect(workers).toHaveLength(2);
    const [id] = workers[1]!.runs();
    workers[1]!.answer({ id: id!, type: 'done', output: 3 });
    await expect(third).resolves.toBe(3);
  });

  it('fails pending jobs when the worker sends a message it cannot read', async () => {
    const { runner, workers } = setUp();
    const job = runner.run('align', {});
    workers[0]!.onmessageerror?.({} as MessageEvent);
    await expect(job).rejects.toMatchObject({ reason: 'crashed' });
  });

  it('cancels a queued job at once and tells the worker, which stays', async () => {
    const { runner, workers } = setUp();
    const running = runner.run('checkDocument', {});
    const controller = new AbortController();
    const queued = runner.run('checkDocument', {}, { signal: controller.signal });
    workers[0]!.answer({ id: 1, type: 'started' });
    controller.abort();
    await expect(queued).rejects.toMatchObject({ reason: 'cancelled' });
    expect(workers[0]!.sent.at(-1)).toEqual({ type: 'cancel', id: 2 });
    vi.advanceTimersByTime(5000);
    expect(workers[0]!.terminated).toBe(false);
    workers[0]!.answer({ id: 1, type: 'done', output: 'first' });
    await expect(running).resolves.toBe('first');
  });

  it('restarts the worker when a cancelled running job does not stop, and sends the queued jobs to the new one', async () => {
    const { runner, workers } = setUp();
    const controller = new AbortController();
    const stuck = runner.run('parseImport', { deep: true }, { signal: controller.signal });
    const next = runner.run('parseImport', { deep: false });
    workers[0]!.answer({ id: 1, type: 'started' });
    controller.abort();
    await expect(stuck).rejects.toMatchObject({ reason: 'cancelled' });
    vi.advanceTimersByTime(999);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.sent).toEqual([{ type: 'run', id: 2, name: 'parseImport', input: { deep: false } }]);
    workers[1]!.answer({ id: 2, type: 'done', output: 'parsed' });
    await expect(next).resolves.toBe('parsed');
  });

  it('keeps the worker when a cancelled running job stops by itself in time', async () => {
    const { runner, workers } = setUp();
    const controller = new AbortController();
    const job = runner.run('checkDocument', {}, { signal: controller.signal });
    workers[0]!.answer({ id: 1, type: 'started' });
    controller.abort();
    workers[0]!.answer({ id: 1, type: 'cancelled' });
    await expect(job).rejects.toMatchObject({ reason: 'cancelled' });
    vi.advanceTimersByTime(5000);
    expect(workers[0]!.terminated).toBe(false);
    expect(workers).toHaveLength(1);
  });

  it('refuses a job whose signal is already aborted without sending it', async () => {
    const { runner, workers } = setUp();
    const controller = new AbortController();
    controller.abort();
    await expect(runner.run('align', {}, { signal: controller.signal })).rejects.toMatchObject({
      reason: 'cancelled',
    });
    expect(workers).toHaveLength(0);
  });
});

describe('the heartbeat', () => {
  /** A runner pinging every second, giving a silent worker five seconds. */
  function watched(answersPings: boolean) {
    const workers: FakeWorker[] = [];
    const runner = createJobRunner(
      () => {
        const w = new FakeWorker();
        if (answersPings) {
          const post = w.postMessage.bind(w);
          w.postMessage = (m: JobRequest) => {
            post(m);
            if (m.type === 'ping') w.answer({ id: m.id, type: 'pong' });
          };
        }
        workers.push(w);
        return w;
      },
      1000,
      { everyMs: 1000, budgetMs: 5000 },
    );
    return { runner, workers };
  }
  const pings = (w: FakeWorker) => w.sent.filter((m) => m.type === 'ping').length;

  it('fails the pending jobs of a worker that died silently, and the next job gets a new worker', async () => {
    const { runner, workers } = watched(false);
    const first = runner.run('checkDocument', {});
    const second = runner.run('align', {});
    workers[0]!.answer({ id: 1, type: 'started' });
    const failed = [
      expect(first).rejects.toThrow(/the worker stopped answering \(nothing for 6 s\)/),
      expect(second).rejects.toMatchObject({ reason: 'crashed' }),
    ];
    vi.advanceTimersByTime(6000);
    await Promise.all(failed);
    expect(pings(workers[0]!)).toBeGreaterThanOrEqual(4);
    expect(workers[0]!.terminated).toBe(true);
    const next = runner.run('align', {});
    expect(workers).toHaveLength(2);
    workers[1]!.answer({ id: 3, type: 'done', output: 'fresh' });
    await expect(next).resolves.toBe('fresh');
  });

  it('keeps a long job on a worker that answers its pings', async () => {
    const { runner, workers } = watched(true);
    const job = runner.run('checkDocument', {});
    workers[0]!.answer({ id: 1, type: 'started' });
    vi.advanceTimersByTime(60_000);
    expect(workers[0]!.terminated).toBe(false);
    expect(pings(workers[0]!)).toBe(60);
    workers[0]!.answer({ id: 1, type: 'done', output: 'slow but fine' });
    await expect(job).resolves.toBe('slow but fine');
  });

  it('takes progress as a sign of life from a worker too busy to answer pings', async () => {
    const { runner, workers } = watched(false);
    const job = runner.run('checkDocument', {});
    for (let s = 1; s <= 20; s += 1) {
      vi.advanceTimersByTime(1000);
      workers[0]!.answer({ id: 1, type: 'progress', fraction: s / 20 });
    }
    workers[0]!.answer({ id: 1, type: 'done', output: 'done' });
    await expect(job).resolves.toBe('done');
    expect(workers[0]!.terminated).toBe(false);
  });

  it('pings nobody when no job is pending', async () => {
    const { runner, workers } = watched(false);
    const job = runner.run('align', {});
    workers[0]!.answer({ id: 1, type: 'done', output: 1 });
    await job;
    vi.advanceTimersByTime(60_000);
    expect(pings(workers[0]!)).toBe(0);
    expect(workers[0]!.terminated).toBe(false);
  });
});

describe('preparing the checks of an opened document', () => {
  /** The page's Worker, replaced: each one made is kept with what it was sent. */
  const made: FakeWorker[] = [];
  const load = async (cores: number) => {
    made.length = 0;
    vi.stubGlobal(
      'Worker',
      class extends FakeWorker {
        constructor() {
          super();
          made.push(this);
        }
      },
    );
    vi.stubGlobal('navigator', { ...globalThis.navigator, hardwareConcurrency: cores });
    // A fresh module: the app's workers are module-level and started on first use.
    vi.resetModules();
    return import('../../../src/ui/hooks/runJob.ts');
  };
  const prepared = (w: FakeWorker | undefined) =>
    w?.sent.flatMap((m) => (m.type === 'run' && m.name === 'prepareChecks' ? [m.input] : []));
  afterEach(() => vi.unstubAllGlobals());

  it("has the first worker load the project's dictionaries, whatever the document's length", async () => {
    const { prepareDocumentChecks } = await load(2);
    prepareDocumentChecks(120, ['ru', 'en', 'kk']);
    expect(made).toHaveLength(1);
    expect(prepared(made[0])).toEqual([{ langs: ['ru', 'en', 'kk'], checksOnly: true }]);
  });

  it('starts the second worker on them too for a document long enough to be split', async () => {
    const { prepareDocumentChecks, SPLIT_MIN_PAIRS } = await load(2);
    prepareDocumentChecks(SPLIT_MIN_PAIRS, ['ru', 'en']);
    expect(made).toHaveLength(2);
    for (const w of made) expect(prepared(w)).toEqual([{ langs: ['ru', 'en'], checksOnly: true }]);
  });

  it('starts no second worker on a machine with one core', async () => {
    const { prepareDocumentChecks, SPLIT_MIN_PAIRS } = await load(1);
    prepareDocumentChecks(SPLIT_MIN_PAIRS * 10, ['ru', 'en']);
    expect(made).toHaveLength(1);
  });
});
