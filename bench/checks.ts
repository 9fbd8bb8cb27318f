// QA engine workload: every check on 100,000 varied generated ru→en pairs (with a glossary and a speller; see
// variedPairs.ts), the memory it keeps, how many injected errors are caught, and re-checking one edited unit.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkDocument, checkPair, type CheckPair, type Issue } from '../src/core/checks/index.ts';
import { buildTermIndex } from '../src/core/glossary/match.ts';
import { entryId, projectId } from '../src/core/model/ids.ts';
import type { TermEntry } from '../src/core/model/term.ts';
import { describeWorkload, ERROR_CLASSES, variedPairs } from './variedPairs.ts';
import { toTsv } from './compare.ts';
import { median, runProcess } from './processRun.ts';
import { splitCheckMs } from './checksSplit.ts';
import { defaultThreads } from '../src/cli/commands/check.ts';

const SOURCES = [
  'Служба местной полиции начала работу {n} января 2016 года.',
  'В городе работают {n} 500 полицейских и {n} инспекторов.',
  'Начальник отчитывается перед маслихатом не менее двух раз в год.',
  'Подробности на сайте https://police.kz/news/{n}.',
  'Полиция не подчиняется местным властям, а МВД контролирует её работу.',
  'Бюджет вырос на {n}% и составил {n},5 млн тенге.',
];
const TARGETS = [
  'The local police service began work on {n} January 2016.',
  'The city has {n},500 police officers and {n} inspectors.',
  'The head reports to the maslikhat at least twice a year.',
  'Details are on the website https://police.kz/news/{n}.',
  'The police do not report to the local authorities, and the MIA controls its work.',
  'At once I will note that the budget grew by {n}% to {n}.5 million tenge (a package of measures).',
];

const entries: TermEntry[] = [
  ['маслихат', 'maslikhat'],
  ['акимат', 'akimat'],
  ['МВД', 'MIA'],
  ['полиция', 'police'],
].map(([ru, en], i) => ({
  id: entryId(`e${i}`),
  projectId: projectId('bench'),
  terms: [
    { lang: 'ru', text: ru as string, status: 'approved' as const },
    { lang: 'en', text: en as string, status: 'approved' as const },
  ],
  createdAt: 0,
  updatedAt: 0,
}));

export function pairs(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const k = i % SOURCES.length;
    const n = String((i % 27) + 1);
    return {
      id: `u${i}`,
      source: SOURCES[k]!.replaceAll('{n}', n),
      target: TARGETS[k]!.replaceAll('{n}', n),
    };
  });
}

/** The context every run uses: the bench glossary and the en_US speller. */
export function benchContext() {
  const require = createRequire(import.meta.url);
  const nspell = require('nspell') as typeof import('nspell');
  const dir = new URL('../node_modules/dictionary-en/', import.meta.url);
  const speller = nspell({
    aff: readFileSync(new URL('index.aff', dir)),
    dic: readFileSync(new URL('index.dic', dir)),
  });
  return {
    sourceLang: 'ru',
    targetLang: 'en',
    glossary: buildTermIndex(entries),
    glossaryEntries: entries,
    spell: (w: string) => speller.correct(w),
  };
}

/** A real collection, so the heap figure is what the result keeps alive, not garbage not yet collected. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

/** Runs per timed figure (CHECKS_RUNS, 3 by default): the figure is their median. */
const RUNS = Math.max(1, Number(process.env.CHECKS_RUNS ?? 3) || 3);

/** checkDocument over `doc` timed, wall and CPU (all threads of the process), with its result. */
export function timedCheckDocument(
  doc: readonly CheckPair[],
  context: ReturnType<typeof benchContext>,
  onProgress?: () => void,
): { readonly wallMs: number; readonly cpuMs: number; readonly result: Map<string, Issue[]> } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = checkDocument(doc, context, undefined, onProgress);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, result };
}

/** One more timed run in a process of its own (checksOnce.ts). */
function runOnceElsewhere(): { readonly wallMs: number; readonly cpuMs: number } {
  const script = new URL('./checksOnce.ts', import.meta.url).pathname;
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`checksOnce.ts failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { wallMs: number; cpuMs: number };
}

export async function bench(): Promise<Record<string, number | string>> {
  const context = benchContext();
  const gc = collector();
  const generated = variedPairs(100_000);
  // Texts as the checks get them everywhere else: read back from IndexedDB or sent to a worker (structured
  // clones), or copied out of a file by the command line's reader, each one flat string. The generator's own
  // strings are ropes of the pieces it joined, which the first pass over each text would flatten here.
  const doc = structuredClone(generated.map(({ id, source, target }) => ({ id, source, target })));
  checkDocument(pairs(2_000), context); // warm-up: regex compilation and JIT
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const own = timedCheckDocument(doc, context, () => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  });
  const { result } = own;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  let issues = 0;
  for (const list of result.values()) issues += list.length;
  // Caught: an injected error got at least one issue of any severity; clean pairs flagged: any issue at all.
  const missed = new Map<string, number>(ERROR_CLASSES.map((c) => [c, 0]));
  let injected = 0;
  let caught = 0;
  let clean = 0;
  let cleanFlagged = 0;
  for (const pair of generated) {
    const found = (result.get(pair.id)?.length ?? 0) > 0;
    if (pair.error) {
      injected += 1;
      if (found) caught += 1;
      else missed.set(pair.error, (missed.get(pair.error) ?? 0) + 1);
    } else {
      clean += 1;
      if (found) cleanFlagged += 1;
    }
  }
  const one = doc[5]!;
  const edits = 2_000;
  const t1 = performance.now();
  for (let i = 0; i < edits; i += 1) checkPair({ ...one, target: `${one.target} ${i}` }, context);
  const single = (performance.now() - t1) / edits;
  const targetOnly = doc.slice(0, 20_000).map((p) => ({ ...p, source: '' }));
  const t2 = performance.now();
  checkDocument(targetOnly, context);
  const mono = performance.now() - t2;
  // This machine's speed drifts from one run to the next: each figure is a median over RUNS runs, the further
  // ones in fresh processes (checksOnce.ts) and over fresh workers, so none is warmer than the first.
  const runs = [own, ...Array.from({ length: RUNS - 1 }, runOnceElsewhere)];
  const splits: Awaited<ReturnType<typeof splitCheckMs>>[] = [];
  for (let i = 0; i < RUNS; i += 1) splits.push(await splitCheckMs(doc, entries));
  const full = median(runs.map((r) => r.wallMs));
  const split = splits[0]!;
  return {
    workload: describeWorkload(generated),
    pairs: doc.length,
    runs: RUNS,
    checkDocumentMs: Math.round(full),
    checkDocumentRunsMs: runs.map((r) => Math.round(r.wallMs)).join(' '),
    perPairMicroseconds: Math.round((full / doc.length) * 1000),
    // CPU time of the process (all threads, GC helpers included): steadier than wall time on a shared machine.
    checkDocumentCpuMs: Math.round(median(runs.map((r) => r.cpuMs))),
    issues,
    injectedCaughtPercent: Math.round((caught / injected) * 1000) / 10,
    missedByClass: [...missed].map(([c, n]) => `${c} ${n}`).join(', '),
    cleanFlaggedPercent: Math.round((cleanFlagged / clean) * 1000) / 10,
    heapRetainedMB: Math.round((heapAfter - heapBefore) / 1e5) / 10,
    heapPeakMB: Math.round((heapPeak - heapBefore) / 1e5) / 10,
    recheckOneUnitMs: Math.round(single * 1000) / 1000,
    targetOnly20kMs: Math.round(mono),
    // The same document as the app checks it: split over its workers (one per core, at most two).
    splitWorkers: split.workers,
    splitCheckDocumentMs: Math.round(median(splits.map((r) => r.wallMs))),
    splitCheckDocumentRunsMs: splits.map((r) => Math.round(r.wallMs)).join(' '),
    splitIssues: split.issues,
    ...wholeProcess(generated),
  };
}

/**
 * `audarma check` on the same pairs as a TSV file, as a user runs it: the whole process (start, reading, checks
 * on the default threads, the report written to /dev/null), then on one thread and on two, whichever the
 * default is here.
 */
function wholeProcess(generated: Parameters<typeof toTsv>[0]): Record<string, number> {
  const bin = new URL('../bin/audarma.mjs', import.meta.url).pathname;
  spawnSync(process.execPath, [bin, '--help'], { stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'audarma-checks-'));
  try {
    const tsv = join(dir, 'pairs.tsv');
    writeFileSync(tsv, toTsv(generated));
    const args = [bin, 'check', tsv, '--source-lang', 'ru', '--target-lang', 'en'];
    const byDefault = runProcess(process.execPath, args);
    const one = runProcess(process.execPath, [...args, '--threads', '1']);
    const two = runProcess(process.execPath, [...args, '--threads', '2']);
    return {
      cliDefaultThreads: defaultThreads(availableParallelism()),
      cliWallMs: byDefault.wallMs,
      cliCpuMs: byDefault.cpuMs,
      cliPeakMiB: byDefault.peakMiB,
      cliOneThreadWallMs: one.wallMs,
      cliOneThreadCpuMs: one.cpuMs,
      cliOneThreadPeakMiB: one.peakMiB,
      cliTwoThreadsWallMs: two.wallMs,
      cliTwoThreadsCpuMs: two.cpuMs,
      cliTwoThreadsPeakMiB: two.peakMiB,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('checks.ts')) console.log(await bench());
