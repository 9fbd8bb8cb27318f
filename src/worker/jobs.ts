import { primaryLang } from '../core/model/lang.ts';
import type { CheckPairsInput, SpellerSource } from './jobs/checkDocument.ts';
import type { extractCandidatesJob } from './jobs/extractCandidates.ts';
import type { glossaryOccurrencesJob } from './jobs/glossaryOccurrences.ts';
import type { reviewStatsJob } from './jobs/reviewStats.ts';
import type { alignJob } from './jobs/align.ts';
import type { parseImport } from './jobs/parseImport.ts';
import type { buildExport } from './jobs/buildExport.ts';
import type {
  memoryConcordanceJob,
  memoryExportJob,
  memoryMatchesJob,
  memorySearchJob,
  memorySummaryJob,
} from './jobs/memoryMatches.ts';
import type { checkCatalogJob } from './jobs/checkCatalog.ts';
import type { makeCheckJobs } from './jobs/checkDocument.ts';

type Progress = (fraction: number) => void;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any job's input, narrowed by each use
type AnyJob = (input: any, progress: Progress) => unknown;
/** A job whose code is loaded the first time it runs. */
type Lazy<F extends AnyJob> = (
  input: Parameters<F>[0],
  progress: Progress,
) => Promise<Awaited<ReturnType<F>>>;

function lazy<F extends AnyJob>(load: () => Promise<F>): Lazy<F> {
  return (input, progress) =>
    load().then((job) => job(input, progress) as Promise<Awaited<ReturnType<F>>> | Awaited<ReturnType<F>>);
}

/** One module load, remembered (a failed one is tried again next time). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (!pending) {
      pending = load();
      pending.catch(() => {
        pending = undefined;
      });
    }
    return pending;
  };
}

/**
 * Every job the worker runs: name → (input, progress) → output. Inputs and outputs must survive
 * structured cloning (no functions, no class instances). Each family of jobs is its own chunk, loaded when one
 * of its jobs first runs: a new worker evaluates the code its first job needs and nothing else, so a spelling
 * check after a reload does not wait for the importers, the exporters and the aligner to be compiled.
 */
export function createJobs(spellers: SpellerSource) {
  const checkFamily = once(async () => {
    // A project's phrase rules may be regular expressions and checks run synchronously: the linear-time engine
    // is loaded with the checks, before the first one runs.
    const [checks] = await Promise.all([
      import('./jobs/checkDocument.ts'),
      import('../core/text/linearRegexEager.ts'),
    ]);
    return checks.makeCheckJobs(spellers);
  });
  type CheckJobs = ReturnType<typeof makeCheckJobs>;
  /**
   * A check job. Its dictionaries start loading (from the Cache API, off this thread's critical path) while the
   * checks' own code is fetched and evaluated, instead of after it.
   */
  const check = <N extends keyof CheckJobs>(name: N): Lazy<CheckJobs[N]> => {
    const run = lazy(() => checkFamily().then((jobs) => jobs[name] as CheckJobs[N]));
    return (input, progress) => {
      const ask = input as CheckPairsInput;
      if (ask.spelling) {
        void spellers(primaryLang(ask.targetLang)).catch(() => undefined);
        if (ask.pairs.some((p) => p.source.trim() !== ''))
          void spellers(primaryLang(ask.sourceLang)).catch(() => undefined);
      }
      return run(input, progress);
    };
  };
  const memory = once(() => import('./jobs/memoryMatches.ts'));
  /**
   * Loads the checks (and the dictionaries of `langs`) before any check is asked for: sent when the app starts, so
   * that the worker compiles them on its own core while the page reads the document from storage.
   */
  const prepareChecks = async (input: {
    readonly langs?: readonly string[];
    /** A worker that only ever takes slices of document checks: the other job families are not loaded. */
    readonly checksOnly?: boolean;
  }): Promise<void> => {
    await Promise.all([
      checkFamily(),
      ...(input.langs ?? []).map((lang) => spellers(primaryLang(lang)).catch(() => undefined)),
    ]);
    if (input.checksOnly) return;
    // The other families a little later, one at a time: at hand when first used, even if the network has gone by
    // then (a first visit, before the service worker controls the page).
    const rest = [
      memory,
      () => import('./jobs/parseImport.ts'),
      () => import('./jobs/buildExport.ts'),
      () => import('./jobs/align.ts'),
      () => import('./jobs/reviewStats.ts'),
      () => import('./jobs/glossaryOccurrences.ts'),
      () => import('./jobs/extractCandidates.ts'),
      () => import('./jobs/checkCatalog.ts'),
    ];
    const next = () => {
      const load = rest.shift();
      if (load)
        void load()
          .catch(() => undefined)
          .finally(() => setTimeout(next, 200));
    };
    setTimeout(next, 3000);
  };
  return {
    prepareChecks,
    checkDocument: check('checkDocument'),
    checkPairs: check('checkPairs'),
    checkSlice: check('checkSlice'),
    documentIssues: check('documentIssues'),
    checkCatalog: lazy<typeof checkCatalogJob>(() =>
      import('./jobs/checkCatalog.ts').then((m) => m.checkCatalogJob),
    ),
    extractCandidates: lazy<typeof extractCandidatesJob>(() =>
      import('./jobs/extractCandidates.ts').then((m) => m.extractCandidatesJob),
    ),
    glossaryOccurrences: lazy<typeof glossaryOccurrencesJob>(() =>
      import('./jobs/glossaryOccurrences.ts').then((m) => m.glossaryOccurrencesJob),
    ),
    reviewStats: lazy<typeof reviewStatsJob>(() =>
      import('./jobs/reviewStats.ts').then((m) => m.reviewStatsJob),
    ),
    align: lazy<typeof alignJob>(() => import('./jobs/align.ts').then((m) => m.alignJob)),
    parseImport: lazy<typeof parseImport>(() => import('./jobs/parseImport.ts').then((m) => m.parseImport)),
    buildExport: lazy<typeof buildExport>(() => import('./jobs/buildExport.ts').then((m) => m.buildExport)),
    memoryMatches: lazy<typeof memoryMatchesJob>(() => memory().then((m) => m.memoryMatchesJob)),
    memoryConcordance: lazy<typeof memoryConcordanceJob>(() => memory().then((m) => m.memoryConcordanceJob)),
    memorySearch: lazy<typeof memorySearchJob>(() => memory().then((m) => m.memorySearchJob)),
    memorySummary: lazy<typeof memorySummaryJob>(() => memory().then((m) => m.memorySummaryJob)),
    memoryExport: lazy<typeof memoryExportJob>(() => memory().then((m) => m.memoryExportJob)),
  } as const;
}

export type Jobs = ReturnType<typeof createJobs>;
export type JobName = keyof Jobs;
export type JobInput<N extends JobName> = Parameters<Jobs[N]>[0];
export type JobOutput<N extends JobName> = Awaited<ReturnType<Jobs[N]>>;
