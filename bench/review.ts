// The review loop on the demo in real headless Chromium, as a reviewer meets it: the first start, a relaunch with
// stored work and an empty HTTP cache (first grid row, issue badges), the first visit to every other view, and
// main-thread tasks over 50 ms while typing in the search box and in the editor.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../tests/e2e/app.ts';
import { withPreview } from './previewServer.ts';
// @ts-expect-error -- a plain ES module script shared with `npm test`
import { findChromium } from '../scripts/find-chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const round = (n: number) => Math.round(n);

/** Milliseconds since navigation when the selector first matched, watched from the page's first script. */
const WATCH = `
  window.__seen = {};
  const watch = (name, selector) => {
    const look = () => {
      if (!window.__seen[name] && document.querySelector(selector)) window.__seen[name] = performance.now();
    };
    new MutationObserver(look).observe(document, { childList: true, subtree: true });
  };
  watch('welcome', '[role="dialog"]');
  watch('firstRow', '[data-unit="0"]');
  watch('badges', '.cell-number .issue-badge, mark.mark-minor, mark.mark-major, mark.mark-critical');
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ entryTypes: ['longtask'] });
`;

async function seen(page: Page, name: string): Promise<number> {
  await page.waitForFunction(
    (n) => (window as unknown as { __seen: Record<string, number> }).__seen[n],
    name,
    {
      timeout: 60_000,
    },
  );
  return page.evaluate((n) => (window as unknown as { __seen: Record<string, number> }).__seen[n]!, name);
}

async function longTasksDuring(page: Page, work: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  await work();
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
}

export async function bench(): Promise<Record<string, number | string>> {
  const welcome: number[] = [];
  const firstRow: number[] = [];
  const badges: number[] = [];
  const views: Record<string, number[]> = { glossary: [], align: [], dashboard: [], transfer: [] };
  const typingTasks: number[] = [];
  return withPreview(async (url) => {
    for (let run = 0; run < RUNS; run += 1) {
      const profile = mkdtempSync(join(tmpdir(), 'audarma-bench-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: findChromium(),
        args: CHROMIUM_ARGS,
        viewport: { width: 1440, height: 900 },
      });
      // Functions handed to page.evaluate are compiled here with name-keeping helpers the page lacks.
      await context.addInitScript('window.__name = (f) => f;');
      await context.addInitScript(WATCH);
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(url);
      welcome.push(await seen(page, 'welcome'));
      await page.getByRole('textbox', { name: 'Your name' }).pressSequentially('Bench', { delay: 20 });
      await page.getByRole('button', { name: 'Start reviewing' }).click();
      await page.locator('.cell-number .issue-badge').first().waitFor({ timeout: 60_000 });
      // Let the worker finish and the service caches settle, as after a day's first session.
      await page.waitForTimeout(1500);

      // Relaunch: stored project, empty HTTP cache.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.clearBrowserCache');
      await page.reload();
      firstRow.push(await seen(page, 'firstRow'));
      badges.push(await seen(page, 'badges'));
      await page.waitForTimeout(500);

      for (const [i, view] of ['glossary', 'align', 'dashboard', 'transfer'].entries()) {
        const shown = `[role="tabpanel"]#view-${view}:not([hidden]) :is(table, form, section, h2, h3)`;
        // Timed inside the page: from the key press to the view's first content on screen (next frame).
        const ms = await page.evaluate(
          ({ selector, digit }) =>
            new Promise<number>((resolve) => {
              const start = performance.now();
              const done = () => requestAnimationFrame(() => resolve(performance.now() - start));
              const observer = new MutationObserver(() => {
                if (document.querySelector(selector)) {
                  observer.disconnect();
                  done();
                }
              });
              observer.observe(document.body, { childList: true, subtree: true, attributes: true });
              window.dispatchEvent(
                new KeyboardEvent('keydown', {
                  key: digit,
                  code: `Digit${digit}`,
                  altKey: true,
                  bubbles: true,
                }),
              );
            }),
          { selector: shown, digit: String(i + 2) },
        );
        views[view]!.push(ms);
      }
      await page.keyboard.press('Alt+1');

      typingTasks.push(
        ...(await longTasksDuring(page, async () => {
          await page.getByRole('searchbox', { name: 'Search text' }).click();
          await page.keyboard.type('police service', { delay: 60 });
          await page.keyboard.press('Control+a');
          await page.keyboard.press('Delete');
        })),
      );
      typingTasks.push(
        ...(await longTasksDuring(page, async () => {
          await page.locator('[data-unit="2"] .cell-target').first().click();
          await page.keyboard.press('Control+End');
          await page.keyboard.type(' and its first results', { delay: 60 });
          await page.keyboard.press('Escape');
        })),
      );
      await context.close();
    }
    return {
      runs: RUNS,
      welcome_dialog_ms: round(median(welcome)),
      relaunch_first_row_ms: round(median(firstRow)),
      relaunch_issue_badges_ms: round(median(badges)),
      ...Object.fromEntries(
        Object.entries(views).map(([view, times]) => [`first_visit_${view}_ms`, round(median(times))]),
      ),
      typing_long_tasks: typingTasks.length,
      typing_longest_task_ms: round(Math.max(0, ...typingTasks)),
    };
  });
}
