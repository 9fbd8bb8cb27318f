// The Kazakh speller in the browser's worker: the first load (dictionary files fetched, tables built) and the
// second (a new worker, as after a reload, with the files already in the Cache API), timed from asking for a
// check of one Kazakh pair with spelling to its answer. Runs the built app in Chromium. The machine is shared, so
// every later figure is the median of several fresh workers, each on a freshly reloaded page.
import { readdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../tests/e2e/app.ts';
import { withPreview } from './previewServer.ts';
// @ts-expect-error: a plain ES module without types
import { findChromium } from '../scripts/find-chromium.mjs';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

type Timing = { ms: number; startMs: number; issues: number };

/**
 * In the page: a new worker runs one Kazakh check (with or without spelling); the milliseconds until it answers,
 * and until the worker first answered a ping (its own start-up, before any job).
 */
async function timeKazakhCheck([workerUrl, spelling, prepared]: readonly [
  string,
  boolean,
  boolean,
]): Promise<Timing> {
  const worker = new Worker(workerUrl, { type: 'module' });
  if (prepared) {
    // As the app does at start: the checks are loaded before the document is read and its check asked for.
    await new Promise<void>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<{ type: string; message?: string }>) => {
        if (event.data.type === 'done') resolve();
        if (event.data.type === 'error') reject(new Error(event.data.message));
      };
      worker.postMessage({ type: 'run', id: 99, name: 'prepareChecks', input: {} });
    });
  }
  const started = performance.now();
  let startMs = -1;
  const output = await new Promise<unknown>((resolve, reject) => {
    worker.onmessage = (
      event: MessageEvent<{ type: string; id: number; output?: unknown; message?: string }>,
    ) => {
      if (event.data.type === 'pong' && startMs < 0) startMs = performance.now() - started;
      if (event.data.type === 'done') resolve(event.data.output);
      if (event.data.type === 'error') reject(new Error(event.data.message));
    };
    worker.postMessage({ type: 'ping', id: 0 });
    worker.postMessage({
      type: 'run',
      id: 1,
      name: 'checkPairs',
      input: {
        pairs: [{ id: 'u1', source: 'Муниципальная полиция', target: 'Муниципалдык полициясының қызметі' }],
        sourceLang: 'ru',
        targetLang: 'kk',
        entries: [],
        spelling,
      },
    });
  });
  const ms = performance.now() - started;
  worker.terminate();
  const issues = (output as { issues: [string, unknown[]][] }).issues.flatMap(([, list]) => list).length;
  return { ms: Math.round(ms), startMs: Math.round(startMs), issues };
}

/** In the page: reading every cached dictionary file as text, the part of a second load that is not parsing. */
async function timeCacheRead(): Promise<{ ms: number; megabytes: number }> {
  const cache = await caches.open('audarma-dictionaries-v1');
  const started = performance.now();
  let chars = 0;
  for (const request of await cache.keys()) chars += (await (await cache.match(request))!.text()).length;
  return { ms: Math.round(performance.now() - started), megabytes: Math.round(chars / 1e5) / 10 };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export async function bench(): Promise<Record<string, number | string>> {
  return withPreview(async (url) => {
    const file = readdirSync(new URL('../dist/assets/', import.meta.url)).find((name) =>
      /^audarma\.worker-.*\.js$/.test(name),
    );
    if (!file) throw new Error('dist/assets has no audarma.worker-*.js: did the build run?');
    const browser = await chromium.launch({
      executablePath: findChromium() as string,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await (await browser.newContext()).newPage();
      // An empty page of the app's origin: the worker and the Cache API without the app's own checks running.
      await page.goto(`${url}assets/${file}`);
      const workerUrl = `${url}assets/${file}`;
      const first = await page.evaluate(timeKazakhCheck, [workerUrl, true, false] as const);
      const again = async (spelling: boolean, prepared = false) => {
        const runs: Timing[] = [];
        for (let i = 0; i < REPEATS; i += 1) {
          await page.reload();
          runs.push(await (page as Page).evaluate(timeKazakhCheck, [workerUrl, spelling, prepared] as const));
        }
        return runs;
      };
      const later = await again(true);
      const without = await again(false);
      const prepared = await again(true, true);
      const read = await page.evaluate(timeCacheRead);
      const second = later[0] as Timing;
      const withMs = median(later.map((r) => r.ms));
      const withoutMs = median(without.map((r) => r.ms));
      return {
        repeats: REPEATS,
        cachedDictionaryReadMs: read.ms,
        cachedDictionaryMegachars: read.megabytes,
        kkSpellerFirstLoadMs: first.ms,
        kkSpellerSecondLoadMs: second.ms,
        // Every load after the first (a new worker after a reload, dictionary cached): median and range.
        kkSpellerLaterLoadMedianMs: withMs,
        kkSpellerLaterLoadRangeMs: `${Math.min(...later.map((r) => r.ms))}–${Math.max(...later.map((r) => r.ms))}`,
        // A new worker's own start: from its creation to its answer to a ping sent before the job.
        workerStartMedianMs: median([...later, ...without].map((r) => r.startMs)),
        // The same check without spelling: the worker's start and the checks, the part no dictionary costs.
        checkWithoutSpellingMedianMs: withoutMs,
        kkSpellerLaterLoadBeyondCheckMs: withMs - withoutMs,
        // The app's case: its worker loaded the checks at start (prepareChecks), the check is asked afterwards.
        kkSpellerLaterLoadPreparedWorkerMedianMs: median(prepared.map((r) => r.ms)),
        kkSpellerLaterLoadPreparedWorkerRangeMs: `${Math.min(...prepared.map((r) => r.ms))}–${Math.max(...prepared.map((r) => r.ms))}`,
        issuesOnTheTestPair: second.issues,
      };
    } finally {
      await browser.close();
    }
  });
}
