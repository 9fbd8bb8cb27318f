import '../../core/text/linearRegexEager.ts';
import { buildTermIndex } from '../../core/glossary/match.ts';
import type { TermEntry } from '../../core/model/term.ts';
import type { CheckContext, DocumentStats } from '../../core/checks/index.ts';
import { englishSpeller } from './englishSpeller.ts';

/** What a check run needs to build its context, in a form that crosses to a worker thread. */
export type CheckJob = {
  readonly sourceLang: string;
  readonly targetLang: string;
  readonly entries: readonly TermEntry[] | undefined;
  readonly stats: DocumentStats;
};

/** The run's context without the document statistics: glossary index and, for English targets, the speller. */
export async function baseContext(
  job: CheckJob,
  { speller = true } = {},
): Promise<Omit<CheckContext, 'documentStats'>> {
  return {
    sourceLang: job.sourceLang,
    targetLang: job.targetLang,
    ...(job.entries ? { glossary: buildTermIndex(job.entries), glossaryEntries: job.entries } : {}),
    ...(speller && job.targetLang.startsWith('en') ? { spell: await englishSpeller() } : {}),
  };
}
