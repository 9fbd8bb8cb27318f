// Long-document workload in real headless Chromium: a stored 100,000-unit document is opened, scrolled and
// filtered in the built app. Figures: navigation to first screen, frame times while scrolling, filter latency.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../tests/e2e/app.ts';
import { withPreview } from './previewServer.ts';
// @ts-expect-error -- a plain ES module script shared with `npm test`
import { findChromium } from '../scripts/find-chromium.mjs';

const UNITS = Number(process.env.BENCH_UNITS ?? 100_000);
/** BENCH_WORKERS=1 has the page report one core, so that whole-document checks run in one worker (for comparison). */
const ONE_WORKER = process.env.BENCH_WORKERS === '1';

/** TRACE_JOBS=1 logs each job the page sends its workers, and when each starts and ends (page time, ms). */
const TRACE_JOBS = process.env.TRACE_JOBS === '1';

type TracedRequest = {
  readonly type?: string;
  readonly id?: number;
  readonly name?: string;
  readonly input?: { readonly pairs?: readonly unknown[]; readonly targetLang?: string };
};

/** Wraps the page's Worker so that every job request and answer is logged. Runs in the page before its scripts. */
function traceJobs(): void {
  const Base = window.Worker;
  let workers = 0;
  const at = () => Math.round(performance.now());
  window.Worker = class extends Base {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      const w = workers++;
      const post = this.postMessage.bind(this) as (message: unknown, transfer?: Transferable[]) => void;
      const traced = (data: unknown, transfer?: Transferable[]) => {
        const message = data as TracedRequest;
        if (message.type === 'run') {
          const size = message.input?.pairs?.length ?? '';
          const lang = message.input?.targetLang ?? '';
          console.log(`job w${w} #${message.id} ${message.name} ${size} ${lang} sent @${at()}`);
        }
        post(message, transfer);
      };
      this.postMessage = traced as Worker['postMessage'];
      this.addEventListener('message', (event: MessageEvent<TracedRequest>) => {
        const { type, id } = event.data;
        if (type === 'started' || type === 'done' || type === 'error')
          console.log(`job w${w} #${id} ${type} @${at()}`);
      });
    }
  };
}

/**
 * Writes a project with one long document straight into the app's IndexedDB, in chunks. Runs in the page. Without
 * `texts`, a target-only document of generated English sentences; with them, Russian sources and their English
 * machine translations.
 */
function seed({
  count,
  texts,
}: {
  count: number;
  texts?: { source: readonly string[]; target: readonly string[] };
}): Promise<string> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('audarma');
    open.onerror = () => reject(open.error);
    open.onsuccess = async () => {
      const db = open.result;
      const doc = 'bench-doc';
      const now = Date.now();
      const put = (stores: string[], fill: (tx: IDBTransaction) => void) =>
        new Promise<void>((ok, fail) => {
          const tx = db.transaction(stores, 'readwrite');
          fill(tx);
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
      const words = [
        'akimat',
        'police',
        'service',
        'district',
        'order',
        'public',
        'report',
        'budget',
        'head',
        'law',
      ];
      const sentence = (i: number) =>
        `Unit ${i}: the ${words[i % 10]} of the ${words[(i * 7) % 10]} reports to the ${words[(i * 3) % 10]} ${i % 97 === 0 ? 'Maslikhatami' : 'council'}.`;
      for (let start = 0; start < count; start += 5000) {
        await put(['units', 'renderings', 'revisions'], (tx) => {
          for (let i = start; i < Math.min(count, start + 5000); i += 1) {
            const id = `${doc}:u${i.toString(36).padStart(5, '0')}`;
            const text = texts ? (texts.target[i] ?? '') : sentence(i);
            tx.objectStore('units').put({
              id,
              documentId: doc,
              index: i,
              paragraph: Math.floor(i / 4),
              kind: 'sentence',
              separator: i % 4 ? ' ' : '\n',
              source: texts ? (texts.source[i] ?? '') : '',
              mt: { en: text },
            });
            const rid = `${id}:en`;
            tx.objectStore('renderings').put({
              id: rid,
              unitId: id,
              documentId: doc,
              lang: 'en',
              text,
              state: 'mt',
              updatedAt: now,
              updatedBy: 'MT',
              revision: 1,
            });
            tx.objectStore('revisions').put({
              id: `${rid}#1`,
              renderingId: rid,
              unitId: id,
              documentId: doc,
              lang: 'en',
              number: 1,
              action: 'import',
              text,
              state: 'mt',
              previousState: 'new',
              author: 'MT',
              at: now,
            });
          }
        });
      }
      await put(['projects', 'documents', 'settings'], (tx) => {
        tx.objectStore('projects').put({
          id: 'bench',
          name: 'Long document',
          sourceLang: 'ru',
          targetLangs: ['en', 'kk'],
          mtLang: 'en',
          createdAt: now,
        });
        tx.objectStore('documents').put({
          id: doc,
          projectId: 'bench',
          name: 'long.txt',
          createdAt: now,
          unitCount: count,
        });
        tx.objectStore('settings').put({ key: 'openDocument', value: doc });
      });
      db.close();
      resolve(doc);
    };
  });
}

/** Scrolls the grid for a while and records the time between animation frames. Runs in the page. */
function scrollFrames(durationMs: number): Promise<number[]> {
  return new Promise((resolve) => {
    const grid = document.querySelector<HTMLElement>('[role="grid"]');
    const frames: number[] = [];
    let last = performance.now();
    const end = last + durationMs;
    const step = (now: number) => {
      frames.push(now - last);
      last = now;
      if (grid) grid.scrollTop += 600;
      if (now < end) requestAnimationFrame(step);
      else resolve(frames.slice(1));
    };
    requestAnimationFrame(step);
  });
}

/** Types a search into the filter and resolves with the time until the unit count changes. Runs in the page. */
function filterLatency({ units, text }: { units: number; text: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const input = document.querySelector<HTMLInputElement>('input.filter-text');
    const status = [...document.querySelectorAll('[role="status"]')].find((e) =>
      / of \d+ units$/.test(e.textContent ?? ''),
    );
    if (!input || !status) {
      reject(new Error('no filter input or unit count'));
      return;
    }
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (!(status.textContent ?? '').startsWith(`${units} of`)) {
        observer.disconnect();
        resolve(performance.now() - start);
      }
    });
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    // React listens for `input` events and reads the value through the native setter.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const round = (n: number) => Math.round(n * 10) / 10;

const log = (step: string) => process.stderr.write(`browser bench: ${step}\n`);

/**
 * The built app on a stored long document: its first screen, all its units shown, its whole-document checks done
 * and, unless `checksOnly`, scrolling and filtering. `texts` as for seed.
 */
export async function storedDocument({
  texts,
  checksOnly = false,
}: {
  texts?: { source: readonly string[]; target: readonly string[] };
  checksOnly?: boolean;
} = {}): Promise<Record<string, number | string>> {
  const units = texts ? texts.target.length : UNITS;
  return withPreview(async (url) => {
    log('server up');
    const browser = await chromium.launch({
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(60_000);
    log('browser up');
    // Functions handed to page.evaluate are compiled here with name-keeping helpers the page lacks.
    await page.addInitScript('window.__name = (f) => f;');
    if (TRACE_JOBS) {
      await page.addInitScript(traceJobs);
      page.on('console', (m) => {
        if (m.text().startsWith('job ')) log(m.text());
      });
    }
    if (ONE_WORKER)
      await page.addInitScript("Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 1 });");
    page.on('crash', () => log('page crashed'));
    page.on('close', () => log('page closed'));
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.goto(url);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Bench');
    await page.getByRole('button', { name: 'Start reviewing' }).click();
    await page.getByRole('grid').waitFor();
    log('profile set');
    const seedStart = Date.now();
    await page.evaluate(seed, { count: units, ...(texts ? { texts } : {}) });
    const seedMs = Date.now() - seedStart;
    log('seeded');

    await page.reload();
    await page.locator('[data-unit="0"]').waitFor();
    const firstScreen = await page.evaluate(() => performance.now());
    log('first screen');
    const domNodes = await page.evaluate(() => document.querySelectorAll('[role="grid"] *').length);
    await page.getByText(`${units} of ${units} units`).waitFor({ timeout: 120_000 });
    const fullyLoaded = await page.evaluate(() => performance.now());
    log('all loaded');
    // Whole-document checks run in the worker; their results land on the main thread once, when done, and the
    // line that showed their progress bar then says how many open issues they found.
    await page.waitForFunction(
      () => {
        const line = document.querySelector('.check-progress');
        return (
          line !== null && line.querySelector('progress') === null && (line.textContent ?? '').trim() !== ''
        );
      },
      undefined,
      { timeout: 600_000, polling: 50 },
    );
    const checked = await page.evaluate(() => performance.now());
    log('checked');
    const checkedAfterLoad = {
      units,
      check_workers: ONE_WORKER ? 1 : 'hardwareConcurrency',
      seed_ms: seedMs,
      first_screen_ms: round(firstScreen),
      all_units_loaded_ms: round(fullyLoaded),
      all_units_checked_ms: round(checked),
      checked_after_loaded_ms: round(checked - fullyLoaded),
    };
    if (checksOnly) {
      await browser.close();
      return checkedAfterLoad;
    }

    const frames = await page.evaluate(scrollFrames, 3000);
    log('scrolled');
    const maxDomNodes = await page.evaluate(() => document.querySelectorAll('[role="grid"] *').length);

    // Timed inside the page: from typing a search to the moment the grid shows the filtered count.
    const filterMs = await page.evaluate(filterLatency, { units, text: 'Maslikhatami' });
    await browser.close();
    return {
      ...checkedAfterLoad,
      grid_dom_nodes_first_screen: domNodes,
      grid_dom_nodes_after_scroll: maxDomNodes,
      scroll_frames: frames.length,
      scroll_frame_max_ms: round(Math.max(...frames)),
      scroll_frame_p95_ms: round(percentile(frames, 95)),
      scroll_frames_over_50ms: frames.filter((f) => f > 50).length,
      filter_ms: round(filterMs),
    };
  });
}

export function bench(): Promise<Record<string, number | string>> {
  return storedDocument();
}
