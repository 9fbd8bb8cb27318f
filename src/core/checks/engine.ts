import { primaryLang } from '../model/lang.ts';
import { CheckInput, runFacts } from './CheckInput.ts';
import { computeDocumentStats, pairLogRatios } from './documentStats.ts';
import { isUntranslated } from './pair/completeness.ts';
import { withProjectSettings } from './projectSettings.ts';
import { documentChecks, pairChecks } from './registry.ts';
import { sortStable } from './util/sortStable.ts';
import { consistencyKey, knownConsistencyKeys } from './document/consistency.ts';
import {
  byPosition,
  documentPhasePairs,
  emptyOutcomes,
  factsAt,
  HAS_TERMS,
  issueLists,
  NOT_ASKED,
  TRANSLATED,
  UNTRANSLATED,
  verdictOf,
  type PairFacts,
  type PairOutcomes,
} from './documentPhase.ts';
import type {
  Check,
  CheckContext,
  CheckPair,
  CheckSettings,
  DocumentStats,
  Finding,
  Issue,
  PairCheck,
  Severity,
  Speller,
} from './types.ts';

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over text[start, end), continuing from `h`. */
function fnv(h: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** An offset as String#slice reads it: whole, counted from the end when negative, clamped to the text. */
function sliceIndex(length: number, offset: number): number {
  const n = Math.trunc(offset) || 0;
  return n < 0 ? Math.max(length + n, 0) : Math.min(n, length);
}

/** FNV-1a over one marker character and text.slice(start, end), as if over their concatenation. */
function fnvMarked(marker: number, text: string, start: number, end: number): number {
  const from = sliceIndex(text.length, start);
  const to = sliceIndex(text.length, end);
  return fnv(Math.imul(FNV_OFFSET ^ marker, 0x01000193), text, from, to);
}

const T = 't'.charCodeAt(0);
const S = 's'.charCodeAt(0);

/**
 * A short, stable fingerprint (FNV-1a) of the highlighted text for issue ids: "t" + the first target span's
 * text, else "s" + the first source span's, else "m" + the message key and its parameters. Hashed in place,
 * without building the string.
 */
function anchorOf(f: Finding, input: CheckInput): string {
  let h: number;
  const t = f.target?.[0];
  const s = f.source?.[0];
  if (t) h = fnvMarked(T, input.target, t.start, t.end);
  else if (s) h = fnvMarked(S, input.source, s.start, s.end);
  else {
    const text = `m${f.messageKey}${JSON.stringify(f.params ?? {})}`;
    h = fnv(FNV_OFFSET, text, 0, text.length);
  }
  return (h >>> 0).toString(36);
}

/**
 * `{ ...f, id, check, severity, category }`, copied key by key: the spread takes V8's slow generic path for the
 * many shapes findings come in. A finding is a plain object literal, so for-in visits exactly the own keys the
 * spread would, in the same order, and the issue's keys come out in the same order.
 */
function issueOf(f: Finding, id: string, check: Check, severity: Severity): Issue {
  const issue: Record<string, unknown> = {};
  for (const key in f) issue[key] = f[key as keyof Finding];
  issue.id = id;
  issue.check = check.id;
  issue.severity = f.severity ?? severity;
  issue.category = f.category ?? check.category;
  return issue as Issue;
}

/**
 * Issue ids name the check, the highlighted text and its occurrence, not offsets: an edit elsewhere in the
 * sentence shifts offsets but must not resurrect an issue the reviewer marked "not an error".
 */
function stamp(
  check: Check,
  findings: readonly Finding[],
  input: CheckInput,
  severity: Severity,
  out: Issue[],
): void {
  const seen = findings.length > 1 ? new Map<string, number>() : undefined;
  for (const f of findings) {
    const anchor = anchorOf(f, input);
    const n = seen?.get(anchor) ?? 0;
    seen?.set(anchor, n + 1);
    out.push(issueOf(f, `${check.id}:${anchor}:${n}`, check, severity));
  }
}

/** Whether the user's settings and the target language let a check run at all: the same for every pair. */
function enabled(check: Check, targetLang: string, settings: CheckSettings | undefined): boolean {
  if (settings?.disabled?.includes(check.id)) return false;
  return !check.targetLangs || check.targetLangs.includes(targetLang);
}

/** The checks that look at a blank target. */
const BLANK_CHECKS: ReadonlySet<string> = new Set(['empty-target', 'omission']);

function applies(check: Check, input: CheckInput, settings: CheckSettings | undefined): boolean {
  return enabled(check, input.targetLang, settings) && appliesToPair(check, input);
}

/** The per-pair part of `applies`, for checks already known to be enabled. */
function appliesToPair(check: Check, input: CheckInput): boolean {
  if (check.needsSource && !input.hasSource) return false;
  // An empty target is one finding (empty-target, or omission where an alignment dropped the sentence), not a
  // cascade of every missing number and term.
  if (input.targetBlank && !BLANK_CHECKS.has(check.id)) return false;
  // Likewise a target left in the source language is one finding, not a missing number, date and term each.
  if (check.needsSource && check.id !== 'untranslated' && input.hasSource && isUntranslated(input))
    return false;
  return true;
}

/** The pair checks a run uses, in registry order, with the severity each reports at. */
type Plan = readonly { readonly check: PairCheck; readonly severity: Severity }[];

function planFor(targetLang: string, settings: CheckSettings | undefined): Plan {
  return pairChecks
    .filter((check) => enabled(check, targetLang, settings))
    .map((check) => ({ check, severity: settings?.severity?.[check.id] ?? check.severity }));
}

/**
 * appliesToPair for every check of the plan, with the pair's facts read once: whether the target is blank, and the
 * untranslated verdict, asked for (as appliesToPair asks) only when a bilingual check other than untranslated
 * reaches that test.
 */
function runPair(input: CheckInput, plan: Plan): Issue[] {
  const out: Issue[] = [];
  const blank = input.targetBlank;
  const bilingual = input.hasSource;
  let untranslatedPair: boolean | undefined;
  for (const { check, severity } of plan) {
    if (check.needsSource && !bilingual) continue;
    if (blank && !BLANK_CHECKS.has(check.id)) continue;
    if (check.needsSource && check.id !== 'untranslated' && (untranslatedPair ??= isUntranslated(input)))
      continue;
    const findings = check.run(input);
    if (findings.length > 0) stamp(check, findings, input, severity, out);
  }
  return sortStable(out, byPosition);
}

/** Every pair check on one pair; document-wide checks need checkDocument. Synchronous, well under 1 ms. */
export function checkPair(pair: CheckPair, context: CheckContext, settings?: CheckSettings): Issue[] {
  const input = new CheckInput(pair, runFacts(withProjectSettings(context, settings)));
  return runPair(input, planFor(input.targetLang, settings));
}

const PROGRESS_EVERY = 500;
const SPELLING_MEMORY = 50_000;

/**
 * The speller's verdicts remembered for one document run: a document repeats its words, and a dictionary
 * look-up costs more than a Map's. Per run, so a word the user adds to the dictionary counts from the next run.
 */
function rememberSpelling(spell: (word: string) => boolean): (word: string) => boolean {
  const known = new Map<string, boolean>();
  return (word) => {
    let ok = known.get(word);
    if (ok === undefined) {
      ok = spell(word);
      if (known.size >= SPELLING_MEMORY) known.clear();
      known.set(word, ok);
    }
    return ok;
  };
}
/** The same for a dictionary handed in whole (Kazakh, Russian): its yes/no verdicts are remembered. */
function rememberSpeller(speller: Speller): Speller {
  const correct = rememberSpelling((word) => speller.correct(word));
  return speller.restore
    ? { lang: speller.lang, correct, restore: (word) => speller.restore!(word) }
    : { lang: speller.lang, correct };
}

/**
 * The context every pair of one document run sees: the document's own length statistics and the speller
 * verdicts remembered for the run. A run split over threads builds one per thread from the same statistics.
 */
export function documentContext(
  context: Omit<CheckContext, 'documentStats'>,
  documentStats: DocumentStats,
): CheckContext {
  return {
    ...context,
    documentStats,
    ...(context.spell ? { spell: rememberSpelling(context.spell) } : {}),
    ...(context.speller ? { speller: rememberSpeller(context.speller) } : {}),
    ...(context.sourceSpeller ? { sourceSpeller: rememberSpeller(context.sourceSpeller) } : {}),
  };
}

const UNTRANSLATED_MEMO = 'untranslated';

/** What the document checks will read of a pair, taken while its pair checks have its words and terms at hand. */
function takeFacts(input: CheckInput, i: number, into: PairFacts): void {
  // The verdict is taken wherever a document check could ask for it (a bilingual, non-blank pair).
  let flags = NOT_ASKED;
  if (input.hasSource && !input.targetBlank) flags = isUntranslated(input) ? UNTRANSLATED : TRANSLATED;
  if (input.glossary && input.targetTerms.length > 0) flags |= HAS_TERMS;
  into.flags[i] = flags;
  into.sourceKeys[i] = consistencyKey(input, 'source');
  into.targetKeys[i] = consistencyKey(input, 'target');
}

export type PairRunOptions = {
  readonly onProgress?: (done: number, total: number) => void;
  /** The pairs' length ratios (pairLogRatios), when the document's statistics were taken from them here. */
  readonly logRatios?: Float64Array;
};

/**
 * The pair checks of a document run on a slice of its pairs, with `context` from documentContext over the
 * whole document: what checkDocument computes for those pairs before its document checks, with the facts its
 * document checks read (documentPhase.ts), so that the slices' outcomes let them run without redoing the pair
 * checks.
 */
export function checkPairsOfDocument(
  pairs: readonly CheckPair[],
  context: CheckContext,
  settings?: CheckSettings,
  options: PairRunOptions = {},
): PairOutcomes {
  const { onProgress, logRatios } = options;
  const plan = planFor(primaryLang(context.targetLang), settings);
  const facts = runFacts(withProjectSettings(context, settings));
  const outcomes = emptyOutcomes(pairs.length);
  pairs.forEach((pair, i) => {
    const input = new CheckInput(pair, facts, logRatios?.[i]);
    const issues = runPair(input, plan);
    if (issues.length > 0) {
      outcomes.found.push(i);
      outcomes.issues.push(issues);
    }
    takeFacts(input, i, outcomes);
    if (onProgress && ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === pairs.length))
      onProgress(i + 1, pairs.length);
  });
  if (onProgress && pairs.length === 0) onProgress(0, 0);
  return outcomes;
}

/**
 * The document checks' issues (pair id → its issues, in check order; pairs without any are left out). `inputs`
 * are pairs in document order, with their settled per-pair verdicts and keys.
 */
function documentIssuesOf(
  inputs: readonly CheckInput[],
  targetLang: string,
  settings: CheckSettings | undefined,
): Map<string, Issue[]> {
  const out = new Map<string, Issue[]>();
  const byId = new Map(inputs.map((input) => [input.id, input]));
  for (const check of documentChecks) {
    if (settings?.disabled?.includes(check.id)) continue;
    if (check.targetLangs && !check.targetLangs.includes(targetLang)) continue;
    const eligible = inputs.filter((input) => applies(check, input, settings));
    const severity = settings?.severity?.[check.id] ?? check.severity;
    for (const [id, findings] of check.runDocument(eligible)) {
      const input = byId.get(id);
      if (!input || findings.length === 0) continue;
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      stamp(check, findings, input, severity, list);
    }
  }
  return out;
}

/**
 * The document checks over pairs whose pair checks ran elsewhere (checkPairsOfDocument, possibly in slices on
 * other threads), `facts` in the same order: pair id → its document issues, for the pairs that have any. Given
 * the pairs documentPhasePairs picks, in document order, it finds what it would over the whole document.
 */
export function documentIssues(
  pairs: readonly CheckPair[],
  facts: PairFacts,
  context: CheckContext,
  settings?: CheckSettings,
): Map<string, Issue[]> {
  const run = runFacts(context);
  const inputs = pairs.map((pair, i) => {
    const input = new CheckInput(pair, run);
    const verdict = verdictOf(facts.flags[i] as number);
    if (verdict !== undefined) input.memo(UNTRANSLATED_MEMO, () => verdict);
    knownConsistencyKeys(input, facts.sourceKeys[i] as number, facts.targetKeys[i] as number);
    return input;
  });
  return documentIssuesOf(inputs, primaryLang(context.targetLang), settings);
}

/**
 * The document checks over a whole document whose pair checks ran elsewhere: `outcomes` are those of all its
 * pairs, in order. Returns each pair's full issue list, exactly as checkDocument would; the outcomes' lists
 * are reused.
 */
export function completeDocument(
  pairs: readonly CheckPair[],
  outcomes: PairOutcomes,
  context: CheckContext,
  settings?: CheckSettings,
): Map<string, Issue[]> {
  const picked = documentPhasePairs(outcomes);
  const added = documentIssues(
    picked.map((i) => pairs[i] as CheckPair),
    factsAt(outcomes, picked),
    context,
    settings,
  );
  return issueLists(
    pairs.map((pair) => pair.id),
    outcomes,
    added,
  );
}

/**
 * Every check on a whole document: pair checks with the document's own length statistics, then the document
 * checks over the pairs their facts pick (completeDocument), the way a run split over threads does it. No pair's
 * words and spans outlive its own checks, so a long document leaves little for the garbage collector to move.
 */
export function checkDocument(
  pairs: readonly CheckPair[],
  context: Omit<CheckContext, 'documentStats'>,
  settings?: CheckSettings,
  onProgress?: (done: number, total: number) => void,
): Map<string, Issue[]> {
  const logRatios = pairLogRatios(pairs);
  const run = documentContext(context, computeDocumentStats(pairs, logRatios));
  const outcomes = checkPairsOfDocument(pairs, run, settings, {
    logRatios,
    ...(onProgress ? { onProgress } : {}),
  });
  return completeDocument(pairs, outcomes, withProjectSettings(run, settings), settings);
}
