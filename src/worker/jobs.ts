import { makeCheckJobs, type SpellerSource } from './jobs/checkDocument.ts';
import { extractCandidatesJob } from './jobs/extractCandidates.ts';
import { glossaryOccurrencesJob } from './jobs/glossaryOccurrences.ts';
import { reviewStatsJob } from './jobs/reviewStats.ts';
import { alignJob } from './jobs/align.ts';
import { parseImport } from './jobs/parseImport.ts';
import { buildExport } from './jobs/buildExport.ts';
import {
  memoryConcordanceJob,
  memoryExportJob,
  memoryMatchesJob,
  memorySearchJob,
  memorySummaryJob,
} from './jobs/memoryMatches.ts';
import { checkCatalogJob } from './jobs/checkCatalog.ts';

/**
 * Every job the worker runs: name → (input, progress) → output. Inputs and outputs must survive
 * structured cloning (no functions, no class instances).
 */
export function createJobs(spellers: SpellerSource) {
  const checks = makeCheckJobs(spellers);
  return {
    checkDocument: checks.checkDocument,
    checkPairs: checks.checkPairs,
    extractCandidates: extractCandidatesJob,
    glossaryOccurrences: glossaryOccurrencesJob,
    reviewStats: reviewStatsJob,
    align: alignJob,
    parseImport,
    buildExport,
    memoryMatches: memoryMatchesJob,
    memoryConcordance: memoryConcordanceJob,
    memorySearch: memorySearchJob,
    memorySummary: memorySummaryJob,
    memoryExport: memoryExportJob,
    checkCatalog: checkCatalogJob,
  } as const;
}

export type Jobs = ReturnType<typeof createJobs>;
export type JobName = keyof Jobs;
export type JobInput<N extends JobName> = Parameters<Jobs[N]>[0];
export type JobOutput<N extends JobName> = Awaited<ReturnType<Jobs[N]>>;
