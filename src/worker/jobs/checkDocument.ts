import {
  checkDocument,
  checkPair,
  checkPairsOfDocument,
  documentContext,
  documentIssues,
} from '../../core/checks/engine.ts';
import { joinOutcomes, type PairFacts, type PairOutcomes } from '../../core/checks/documentPhase.ts';
import { withProjectSettings } from '../../core/checks/projectSettings.ts';
import { documentChecks } from '../../core/checks/registry.ts';
import type { CheckPair, CheckSettings, DocumentStats, Issue, Speller } from '../../core/checks/types.ts';
import { buildTermIndex, type TermIndex } from '../../core/glossary/match.ts';
import type { TermEntry } from '../../core/model/term.ts';
import { primaryLang } from '../../core/model/lang.ts';
import { withKnownWords } from '../../core/spelling/withKnownWords.ts';

export type CheckDocumentInput = {
  readonly pairs: readonly CheckPair[];
  readonly sourceLang: string;
  readonly targetLang: string;
  readonly entries: readonly TermEntry[];
  readonly settings?: CheckSettings;
  /** Set where a speller can be loaded (the worker); checks run without spelling otherwise. */
  readonly spelling?: boolean;
  /**
   * Approved renderings in the target language: their words count as correctly spelled. Sent with a
   * whole-document check; a partial re-check keeps the last list for that language.
   */
  readonly approvedTexts?: readonly string[];
};

export type CheckDocumentOutput = {
  readonly issues: readonly (readonly [string, readonly Issue[]])[];
  readonly stats: DocumentStats | undefined;
  /** Checks that need the whole document: a partial re-check leaves their earlier findings in place. */
  readonly documentChecks: readonly string[];
};

const DOCUMENT_CHECKS = documentChecks.map((check) => check.id);

export type CheckPairsInput = CheckDocumentInput & { readonly stats?: DocumentStats };

/**
 * A slice of a document's pairs, checked with the statistics of the whole document and, when given, its pairs'
 * length ratios those statistics were taken from (pairLogRatios).
 */
export type CheckSliceInput = CheckDocumentInput & {
  readonly stats: DocumentStats;
  readonly logRatios?: Float64Array;
};
export type CheckSliceOutput = { readonly outcomes: PairOutcomes };

/**
 * The document checks over the pairs of a document whose pair checks ran in slices (possibly in other workers):
 * the pairs documentPhasePairs picks from the slices' facts, in document order, with their facts.
 */
export type DocumentIssuesInput = CheckDocumentInput & {
  readonly stats: DocumentStats;
  readonly facts: PairFacts;
};
/** Pair id → its document issues, for the pairs that have any. */
export type DocumentIssuesOutput = {
  readonly issues: readonly (readonly [string, readonly Issue[]])[];
  readonly documentChecks: readonly string[];
};

/** Pairs checked between two progress reports (each report is also where a cancel is seen). */
const SLICE_STEP = 500;

/** Speller factory, injected so the same job runs in the worker (fetching the dictionary) and inline in tests. */
export type SpellerSource = (lang: string) => Promise<Speller | undefined>;

export function makeCheckJobs(spellers: SpellerSource) {
  // The glossary rarely changes between calls: keep the last index instead of rebuilding it per keystroke.
  let cached: { readonly key: string; readonly index: TermIndex } | undefined;
  const indexFor = (entries: readonly TermEntry[]): TermIndex => {
    const key = entries.map((e) => `${e.id}@${e.updatedAt}`).join('|');
    if (cached?.key !== key) cached = { key, index: buildTermIndex(entries) };
    return cached.index;
  };
  const approvedByLang = new Map<string, readonly string[]>();
  // The project's words on top of a dictionary, rebuilt only when the glossary or the approved text changes.
  type Known = {
    readonly glossary: string;
    readonly approvedKey: string;
    approved: readonly string[];
    readonly speller: Speller;
  };
  const known = new Map<Speller, Known>();
  const withProjectWords = (base: Speller, entries: readonly TermEntry[], approved: readonly string[]) => {
    const glossary = entries.map((e) => `${e.id}@${e.updatedAt}`).join('|');
    let hit = known.get(base);
    if (hit?.glossary !== glossary) hit = undefined;
    // The slices of one split run share the list kept in approvedByLang: the same array needs no joining.
    if (hit && hit.approved === approved) return hit.speller;
    const approvedKey = approved.join('\n');
    if (hit?.approvedKey !== approvedKey) {
      hit = {
        glossary,
        approvedKey,
        approved,
        speller: withKnownWords(base, { entries, approvedTexts: approved }),
      };
      known.set(base, hit);
    }
    hit.approved = approved;
    return hit.speller;
  };
  const contextOf = async (input: CheckDocumentInput) => {
    if (!input.spelling) {
      return {
        sourceLang: input.sourceLang,
        targetLang: input.targetLang,
        glossary: indexFor(input.entries),
        glossaryEntries: input.entries,
      };
    }
    const targetLang = primaryLang(input.targetLang);
    if (input.approvedTexts) approvedByLang.set(targetLang, input.approvedTexts);
    const [target, source] = await Promise.all([
      spellers(targetLang),
      input.pairs.some((p) => p.source.trim() !== '') ? spellers(primaryLang(input.sourceLang)) : undefined,
    ]);
    const speller = target
      ? withProjectWords(target, input.entries, approvedByLang.get(targetLang) ?? [])
      : undefined;
    return {
      sourceLang: input.sourceLang,
      targetLang: input.targetLang,
      glossary: indexFor(input.entries),
      glossaryEntries: input.entries,
      // The yes/no speller of the English check; the Kazakh checks read the richer one.
      ...(speller ? { spell: (word: string) => speller.correct(word), speller } : {}),
      ...(source ? { sourceSpeller: source } : {}),
    };
  };

  /** Every check over a whole document, with progress. */
  async function checkDocumentJob(
    input: CheckDocumentInput,
    progress: (fraction: number) => void,
  ): Promise<CheckDocumentOutput> {
    const context = await contextOf(input);
    const result = checkDocument(input.pairs, context, input.settings, (done, total) =>
      progress(total === 0 ? 1 : done / total),
    );
    const { computeDocumentStats } = await import('../../core/checks/documentStats.ts');
    return { issues: [...result], stats: computeDocumentStats(input.pairs), documentChecks: DOCUMENT_CHECKS };
  }

  /** Pair checks only, for the few units being edited: fast enough to run as the reviewer types. */
  async function checkPairsJob(input: CheckPairsInput): Promise<CheckDocumentOutput> {
    const context = { ...(await contextOf(input)), ...(input.stats ? { documentStats: input.stats } : {}) };
    return {
      issues: input.pairs.map((pair) => [pair.id, checkPair(pair, context, input.settings)] as const),
      stats: input.stats,
      documentChecks: DOCUMENT_CHECKS,
    };
  }

  /**
   * The pair checks of one slice of a document, with the whole document's statistics: the part of a document
   * check that can be split over workers. Runs in steps so that progress (and a cancel) is seen along the way.
   */
  async function checkSliceJob(
    input: CheckSliceInput,
    progress: (fraction: number) => void,
  ): Promise<CheckSliceOutput> {
    const context = documentContext(await contextOf(input), input.stats);
    const parts: PairOutcomes[] = [];
    const { pairs } = input;
    const { logRatios } = input;
    for (let start = 0; start < pairs.length; start += SLICE_STEP) {
      const ratios = logRatios?.subarray(start, start + SLICE_STEP);
      parts.push(
        checkPairsOfDocument(
          pairs.slice(start, start + SLICE_STEP),
          context,
          input.settings,
          ratios ? { logRatios: ratios } : {},
        ),
      );
      progress(Math.min(pairs.length, start + SLICE_STEP) / pairs.length);
    }
    return { outcomes: joinOutcomes(parts) };
  }

  /** The document checks over the pairs the slices' facts pick: what they add to checkDocument's answer. */
  async function documentIssuesJob(input: DocumentIssuesInput): Promise<DocumentIssuesOutput> {
    // As in checkDocument: the project's settings apply to the context every document check reads. The
    // document checks read terms and verdicts, never spelling: no speller is loaded for them.
    const base = await contextOf({ ...input, spelling: false });
    const context = documentContext(withProjectSettings(base, input.settings), input.stats);
    return {
      issues: [...documentIssues(input.pairs, input.facts, context, input.settings)],
      documentChecks: DOCUMENT_CHECKS,
    };
  }

  return {
    checkDocument: checkDocumentJob,
    checkPairs: checkPairsJob,
    checkSlice: checkSliceJob,
    documentIssues: documentIssuesJob,
  };
}
