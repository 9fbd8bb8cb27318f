// A worker thread of the split-check bench: hosts the app's own check jobs (makeCheckJobs), as the browser's
// worker does, with the bench's English speller in place of the one the browser fetches.
import { parentPort } from 'node:worker_threads';
import { makeCheckJobs } from '../src/worker/jobs/checkDocument.ts';
import { benchContext } from './checks.ts';

export type SplitRequest = { readonly id: number; readonly name: string; readonly input: unknown };
export type SplitReply =
  { readonly id: number; readonly progress: number } | { readonly id: number; readonly output: unknown };

const port = parentPort;
if (port) {
  const { spell } = benchContext();
  const jobs = makeCheckJobs(async (lang) => (lang === 'en' ? { lang, correct: spell } : undefined));
  port.on('message', ({ id, name, input }: SplitRequest) => {
    const job = jobs[name as keyof typeof jobs] as (i: unknown, p: (f: number) => void) => Promise<unknown>;
    void job(input, (progress) => port.postMessage({ id, progress })).then((output) =>
      port.postMessage({ id, output }),
    );
  });
}
