import { loadLinearRegex } from '../../core/text/linearRegex.ts';
import { buildTermIndex } from '../../core/glossary/match.ts';
import type { TermEntry } from '../../core/model/term.ts';
import type { CheckContext, CheckSettings, DocumentStats } from '../../core/checks/index.ts';
import { englishSpeller } from './englishSpeller.ts';

/** What a check run needs to build its context, in a form that crosses to a worker thread. */
export type CheckJob = {
  readonly sourceLang: string;
  readonly targetLang: string;
  readonly entries: readonly TermEntry[] | undefined;
  readonly stats: DocumentStats;
  /** The project's check settings (--rules, --project): checks off, severities, phrase rules, spelling. */
  readonly settings?: CheckSettings | undefined;
};

/** Whether the run has a phrase rule that is a regular expression, which needs the linear-time engine. */
export function needsLinearRegex(settings: CheckSettings | undefined): boolean {
  return settings?.phraseRules?.some((rule) => rule.regex) ?? false;
}

/**
 * The run's context without the document statistics: glossary index and, for English targets, the speller
 * (which loads its dictionary on the first word it is asked about). The regular-expression engine is loaded
 * only when the project's phrase rules have an expression: the checks run synchronously, so it must be there
 * before the first pair.
 */
export async function baseContext(
  job: CheckJob,
  {
    speller = true,
    spell,
  }: {
    readonly speller?: boolean;
    /** An English speller already built for this thread, used in place of a new one. */
    readonly spell?: (word: string) => boolean;
  } = {},
): Promise<Omit<CheckContext, 'documentStats'>> {
  if (needsLinearRegex(job.settings)) await loadLinearRegex();
  return {
    sourceLang: job.sourceLang,
    targetLang: job.targetLang,
    ...(job.entries ? { glossary: buildTermIndex(job.entries), glossaryEntries: job.entries } : {}),
    ...(speller && job.targetLang.startsWith('en') ? { spell: spell ?? englishSpeller() } : {}),
  };
}
