// The Kazakh speller in the browser's worker: the first load (dictionary files fetched, tables built) and the
// second (a new worker, as after a reload, with the files already in the Cache API), timed from asking for a
// check of one Kazakh pair with spelling to its answer. Runs the built app in Chromium.
import { readdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../tests/e2e/app.ts';
import { withPreview } from './previewServer.ts';
// @ts-expect-error: a plain ES module without types
import { findChromium } from '../scripts/find-chromium.mjs';

/** In the page: a new worker runs one Kazakh check with spelling; the milliseconds until it answers. */
async function timeKazakhCheck([workerUrl, spelling]: readonly [string, boolean]): Promise<{
  ms: number;
  issues: number;
}> {
  const worker = new Worker(workerUrl, { type: 'module' });
  const started = performance.now();
  const output = await new Promise<unknown>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ type: string; output?: unknown; message?: string }>) => {
      if (event.data.type === 'done') resolve(event.data.output);
      if (event.data.type === 'error') reject(new Error(event.data.message));
    };
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
  return { ms: Math.round(ms), issues };
}

/** In the page: reading every cached dictionary file as text, the part of a second load that is not parsing. */
async function timeCacheRead(): Promise<{ ms: number; megabytes: number }> {
  const cache = await caches.open('audarma-dictionaries-v1');
  const started = performance.now();
  let chars = 0;
  for (const request of await cache.keys()) chars += (await (await cache.match(request))!.text()).length;
  return { ms: Math.round(performance.now() - started), megabytes: Math.round(chars / 1e5) / 10 };
}

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
      const first = await page.evaluate(timeKazakhCheck, [workerUrl, true] as const);
      await page.reload();
      const second = await page.evaluate(timeKazakhCheck, [workerUrl, true] as const);
      await page.reload();
      const third = await page.evaluate(timeKazakhCheck, [workerUrl, true] as const);
      await page.reload();
      const without = await page.evaluate(timeKazakhCheck, [workerUrl, false] as const);
      const read = await page.evaluate(timeCacheRead);
      return {
        cachedDictionaryReadMs: read.ms,
        cachedDictionaryMegachars: read.megabytes,
        kkSpellerFirstLoadMs: first.ms,
        kkSpellerSecondLoadMs: second.ms,
        kkSpellerThirdLoadMs: third.ms,
        // The same check without spelling: the worker's own start and the checks, the part no dictionary costs.
        checkWithoutSpellingMs: without.ms,
        kkSpellerSecondLoadBeyondWorkerStartMs: second.ms - without.ms,
        issuesOnTheTestPair: second.issues,
      };
    } finally {
      await browser.close();
    }
  });
}
