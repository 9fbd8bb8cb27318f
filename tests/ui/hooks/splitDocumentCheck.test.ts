import { describe, expect, it } from 'vitest';
import {
  createJobRunner,
  isCancelled,
  JobError,
  type JobRunner,
  type WorkerLike,
} from '../../../src/ui/hooks/runJob.ts';
import { sliceSize, splitDocumentCheck, SPLIT_MIN_PAIRS } from '../../../src/ui/hooks/splitDocumentCheck.ts';
import { createJobs } from '../../../src/worker/jobs.ts';
import { serve, type Scope } from '../../../src/worker/serve.ts';
import type { JobMessage, JobRequest } from '../../../src/worker/protocol.ts';
import type { CheckDocumentInput } from '../../../src/worker/jobs/checkDocument.ts';
import type { CheckPair } from '../../../src/core/checks/types.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { TermEntry } from '../../../src/core/model/term.ts';

/** A worker in this thread: the real job table behind the real queue, messages cloned as postMessage does. */
class InProcessWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  readonly jobs: string[] = [];
  readonly cancels: number[] = [];
  private readonly scope: Scope;
  terminated = false;
  constructor() {
    this.scope = {
      onmessage: null,
      postMessage: (message: JobMessage) =>
        setTimeout(() => this.onmessage?.({ data: structuredClone(message) } as MessageEvent<JobMessage>)),
    };
    // English "spelling": words with "qx" are misspelled, so the speller's path runs in every slice.
    serve(
      this.scope,
      createJobs(async (lang) =>
        lang === 'en' ? { lang, correct: (word: string) => !word.includes('qx') } : undefined,
      ) as unknown as Record<string, (input: unknown, progress: (f: number) => void) => unknown>,
    );
  }
  postMessage(message: JobRequest) {
    if (message.type === 'run') this.jobs.push(message.name);
    if (message.type === 'cancel') this.cancels.push(message.id);
    const copy = structuredClone(message);
    setTimeout(() => this.scope.onmessage?.({ data: copy } as MessageEvent<JobRequest>));
  }
  terminate() {
    this.terminated = true;
  }
}

function pool(size: number) {
  const workers: InProcessWorker[] = [];
  const runners = Array.from({ length: size }, () =>
    createJobRunner(() => {
      const worker = new InProcessWorker();
      workers.push(worker);
      return worker;
    }),
  );
  return { runners, workers };
}

const entries: TermEntry[] = [
  {
    id: entryId('e1'),
    projectId: projectId('t'),
    terms: [
      { lang: 'ru', text: 'маслихат', status: 'approved' },
      { lang: 'en', text: 'maslikhat', status: 'approved' },
    ],
    createdAt: 0,
    updatedAt: 0,
  },
];

// Written for this test: each kind of finding recurs all through the document, so that both halves hold
// pair findings and the document checks (inconsistent renderings of one source) pair units across the halves.
const KINDS: readonly ((i: number) => Omit<CheckPair, 'id'>)[] = [
  (i) => ({
    source: `Маслихат утвердил бюджет на ${2000 + (i % 30)} год.`,
    target: `The maslikhat approved the budget for ${2000 + (i % 30)}.`,
  }),
  (i) => ({
    source: `Маслихат утвердил бюджет на ${2000 + (i % 30)} год.`,
    target: `The council approved the budget for ${2000 + (i % 30)}.`,
  }),
  (i) => ({ source: `В районе ${i} полицейских.`, target: `The district has ${i + 1} police officers.` }),
  (i) => ({ source: `Отчёт номер ${i % 50} опубликован.`, target: `Отчёт номер ${i % 50} опубликован.` }),
  (i) => ({ source: `Срок — ${(i % 28) + 1}.06.2000.`, target: '' }),
  (i) => ({
    source: `Отчёт номер ${i % 50} опубликован.`,
    target: `Report number ${i % 50} was qxpublished on the qxsite.`,
  }),
  (i) => ({
    source: `Работа началась ${(i % 28) + 1} января.`,
    target: `Work began on ${(i % 28) + 1} January.`,
  }),
];
const pairs: CheckPair[] = Array.from({ length: SPLIT_MIN_PAIRS + 333 }, (_, i) => ({
  id: `u${i}`,
  ...(KINDS[(i * 5) % KINDS.length] as (i: number) => Omit<CheckPair, 'id'>)(i),
}));
const input: CheckDocumentInput = {
  pairs,
  sourceLang: 'ru',
  targetLang: 'en',
  entries,
  spelling: true,
  approvedTexts: ['It was qxpublished.'],
};

describe('a whole-document check split over two workers', () => {
  it('finds exactly what one worker finds, with document checks across the slices', async () => {
    const one = pool(1);
    const two = pool(2);
    const alone = await splitDocumentCheck(one.runners, input);
    const split = await splitDocumentCheck(two.runners, input);
    expect(one.workers.flatMap((w) => w.jobs)).toEqual(['checkDocument']);
    const [mine, theirs] = two.workers.map((w) => w.jobs);
    // Both workers took slices from the one queue; the first ran the document checks at the end.
    expect(mine?.at(-1)).toBe('documentIssues');
    expect(mine?.filter((job) => job === 'checkSlice').length).toBeGreaterThan(0);
    expect(theirs?.length).toBeGreaterThan(0);
    expect(theirs?.every((job) => job === 'checkSlice')).toBe(true);
    expect((mine?.length ?? 0) - 1 + (theirs?.length ?? 0)).toBe(
      Math.ceil(pairs.length / sliceSize(pairs.length)),
    );
    expect(split).toEqual(alone);
    const found = new Set(alone.issues.flatMap(([, list]) => list.map((issue) => issue.check)));
    for (const check of [
      'inconsistent-translation',
      'untranslated',
      'empty-target',
      'number-missing',
      'spelling',
    ])
      expect(found).toContain(check);
    // Words of approved text are the project's own, in both halves: "qxpublished" is never flagged, "qxsite" is.
    const target = new Map(pairs.map((pair) => [pair.id, pair.target]));
    const misspelled = new Set(
      split.issues.flatMap(([id, list]) =>
        list
          .filter((issue) => issue.check === 'spelling')
          .flatMap((issue) =>
            (issue.target ?? []).map((span) => target.get(id)?.slice(span.start, span.end)),
          ),
      ),
    );
    expect([...misspelled]).toEqual(['qxsite']);
  });

  it('gives a worker that is slow to start fewer slices, and the same answer', async () => {
    const one = pool(1);
    const two = pool(2);
    const [fast, slow] = two.runners as [JobRunner, JobRunner];
    // The second worker answers each slice a while after it is asked: still loading its dictionaries, say.
    const late: JobRunner = {
      run: (name, job, options) =>
        new Promise((resolve) => setTimeout(resolve, 400)).then(() => slow.run(name, job, options)),
    };
    const alone = await splitDocumentCheck(one.runners, input);
    const split = await splitDocumentCheck([fast, late], input);
    expect(split).toEqual(alone);
    const [mine, theirs] = two.workers.map((w) => w.jobs.filter((job) => job === 'checkSlice').length);
    expect(mine).toBeGreaterThan(theirs ?? 0);
  });

  it('checks a short document in one worker only', async () => {
    const two = pool(2);
    await splitDocumentCheck(two.runners, { ...input, pairs: pairs.slice(0, SPLIT_MIN_PAIRS - 1) });
    expect(two.workers.map((w) => w.jobs)).toEqual([['checkDocument']]);
  });

  it('reports one progress bar over all the slices, never going back, ending at 1', async () => {
    const two = pool(2);
    const seen: number[] = [];
    await splitDocumentCheck(two.runners, input, { onProgress: (fraction) => seen.push(fraction) });
    expect(seen.length).toBeGreaterThan(4);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= (seen[i - 1] as number)))).toBe(true);
    expect(seen.at(-1)).toBe(1);
    // Halfway through the run neither half alone could have reported: both slices moved the one bar.
    expect(seen.some((f) => f > 0 && f < 0.5)).toBe(true);
  });

  it('cancels every part when the check is cancelled', async () => {
    const two = pool(2);
    const controller = new AbortController();
    const running = splitDocumentCheck(two.runners, input, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(running).rejects.toSatisfy(isCancelled);
    expect(two.workers).toHaveLength(2);
    for (const worker of two.workers) expect(worker.cancels).toHaveLength(1);
    expect(two.workers[0]?.jobs).not.toContain('documentIssues');
  });

  it('fails with the error of a part whose worker died, and cancels the others', async () => {
    const two = pool(2);
    const running = splitDocumentCheck(two.runners, input, {
      onProgress: () =>
        two.workers[1]?.onerror?.({
          message: 'out of memory',
          preventDefault: () => undefined,
        } as ErrorEvent),
    });
    const error: unknown = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobError);
    expect((error as JobError).reason).toBe('crashed');
    expect((error as JobError).message).toBe('out of memory');
    expect(two.workers[0]?.cancels).toHaveLength(1);
  });
});
