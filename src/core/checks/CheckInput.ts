import { findTerms, type TermHit, type TermIndex } from '../glossary/match.ts';
import { primaryOf } from './util/lang.ts';
import type { TermEntry } from '../model/term.ts';
import type { PhraseRule } from './phraseRules.ts';
import type { CheckContext, CheckPair, DocumentStats, Span, Speller } from './types.ts';
import { findMarkup, protectedSpans, type Markup } from './util/patterns.ts';
import { textScan, type TextScan } from './util/codes.ts';
import { words, type Word } from './util/words.ts';
import { isSpace } from '../text/isSpace.ts';
import { logRatio } from './documentStats.ts';

const offSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The ids of rules switched off, as a set built once per list however many pairs share it. */
function offSet(ids: readonly string[]): ReadonlySet<string> {
  let set = offSets.get(ids);
  if (!set) {
    set = new Set(ids);
    offSets.set(ids, set);
  }
  return set;
}

const entryMaps = new WeakMap<readonly TermEntry[], ReadonlyMap<string, TermEntry>>();

/** Entries by id, built once per glossary array however many pairs share it. */
function entryMap(entries: readonly TermEntry[]): ReadonlyMap<string, TermEntry> {
  let map = entryMaps.get(entries);
  if (!map) {
    map = new Map(entries.map((e) => [e.id as string, e]));
    entryMaps.set(entries, map);
  }
  return map;
}

/** What every pair of one run shares, read from its context once rather than copied onto each pair. */
export type RunFacts = {
  readonly sourceLang: string;
  readonly targetLang: string;
  readonly glossary: TermIndex | undefined;
  readonly entries: ReadonlyMap<string, TermEntry> | undefined;
  readonly spell: ((word: string) => boolean) | undefined;
  readonly speller: Speller | undefined;
  readonly sourceSpeller: Speller | undefined;
  readonly stats: DocumentStats | undefined;
  readonly allowedLetters: string | undefined;
  readonly phraseRules: readonly PhraseRule[] | undefined;
  readonly phraseRulesOff: ReadonlySet<string> | undefined;
  readonly englishSpelling: 'en-GB' | 'en-US' | undefined;
};

/** The run's shared facts from its context: once per run, whatever the number of pairs. */
export function runFacts(context: CheckContext): RunFacts {
  return {
    sourceLang: primaryOf(context.sourceLang),
    targetLang: primaryOf(context.targetLang),
    glossary: context.glossary,
    entries: context.glossaryEntries ? entryMap(context.glossaryEntries) : undefined,
    spell: context.spell,
    speller: context.speller,
    sourceSpeller: context.sourceSpeller,
    stats: context.documentStats,
    allowedLetters: context.allowedLetters?.toLowerCase(),
    phraseRules: context.phraseRules,
    phraseRulesOff: context.phraseRulesOff ? offSet(context.phraseRulesOff) : undefined,
    englishSpelling: context.englishSpelling,
  };
}

/** Whether the text has a character String#trim would keep. */
function hasText(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (!isSpace(text.charCodeAt(i))) return true;
  return false;
}

const NONE: readonly string[] = [];

/**
 * One pair as the checks see it. Tokens, term hits and protected spans are computed on first use and shared,
 * so forty checks cost one tokenisation, not forty. What the whole run shares (languages, glossary, spellers,
 * statistics, rules) is read through one RunFacts object, so a document's pairs do not each carry a copy.
 */
export class CheckInput {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly hasSource: boolean;
  /** The target is empty or white space only. */
  readonly targetBlank: boolean;
  /** The aligned version had no counterpart for this source (a 1-0 bead). */
  readonly alignedOmitted: boolean;
  /** Sentences of the aligned version with no source, joined to this target (0-1 beads). */
  readonly alignedAdded: readonly string[];
  /** Sentences of the source the aligned target had no counterpart for (a source aligned against this target). */
  readonly alignedUntranslated: readonly string[];
  readonly #run: RunFacts;
  #targetWords?: Word[];
  #sourceWords?: Word[];
  #targetTerms?: TermHit[];
  #sourceTerms?: TermHit[];
  #targetProtected?: Span[];
  #sourceProtected?: Span[];
  #targetMarkup?: Markup;
  #sourceMarkup?: Markup;
  #targetScan?: TextScan;
  #sourceScan?: TextScan;

  /**
   * `logRatio` is the pair's length ratio (documentStats' logRatio, NaN for none) when the document's statistics
   * took it already; otherwise it is computed on first use.
   */
  constructor(pair: CheckPair, run: RunFacts, logRatio?: number) {
    this.#logRatio = logRatio;
    this.id = pair.id;
    this.source = pair.source;
    this.target = pair.target;
    this.#run = run;
    this.hasSource = hasText(pair.source);
    this.targetBlank = !hasText(pair.target);
    const alignment = pair.alignment;
    this.alignedOmitted = alignment?.omitted === true;
    this.alignedAdded = alignment?.added ?? NONE;
    this.alignedUntranslated = alignment?.untranslated ?? NONE;
  }

  get sourceLang(): string {
    return this.#run.sourceLang;
  }
  get targetLang(): string {
    return this.#run.targetLang;
  }
  get glossary(): TermIndex | undefined {
    return this.#run.glossary;
  }
  get entries(): ReadonlyMap<string, TermEntry> | undefined {
    return this.#run.entries;
  }
  get spell(): ((word: string) => boolean) | undefined {
    return this.#run.spell;
  }
  get speller(): Speller | undefined {
    return this.#run.speller;
  }
  get sourceSpeller(): Speller | undefined {
    return this.#run.sourceSpeller;
  }
  get stats(): DocumentStats | undefined {
    return this.#run.stats;
  }
  get allowedLetters(): string | undefined {
    return this.#run.allowedLetters;
  }
  get phraseRules(): readonly PhraseRule[] | undefined {
    return this.#run.phraseRules;
  }
  get phraseRulesOff(): ReadonlySet<string> | undefined {
    return this.#run.phraseRulesOff;
  }
  get englishSpelling(): 'en-GB' | 'en-US' | undefined {
    return this.#run.englishSpelling;
  }

  #logRatio: number | undefined;

  /** ln(target/source length) as the document's statistics count it (logRatio), undefined when too short. */
  get lengthLogRatio(): number | undefined {
    this.#logRatio ??= logRatio(this.source, this.target) ?? Number.NaN;
    return Number.isNaN(this.#logRatio) ? undefined : this.#logRatio;
  }

  // The memo as two short parallel lists rather than a Map: a pair asks for a dozen values at most, a scan of
  // so few interned keys is as quick as hashing, and a document run keeps one memo per pair alive.
  #memoKeys: string[] | undefined;
  #memoValues: unknown[] | undefined;

  /**
   * A value several checks need (an untranslated verdict, a language guess), computed once per pair. `compute`
   * gets this input, so callers on the hot path can pass a module-level function rather than a new closure.
   */
  memo<T>(key: string, compute: (input: CheckInput) => T): T {
    const keys = (this.#memoKeys ??= []);
    const values = (this.#memoValues ??= []);
    const i = keys.indexOf(key);
    if (i >= 0) return values[i] as T;
    const value = compute(this);
    keys.push(key);
    values.push(value);
    return value;
  }

  get targetWords(): Word[] {
    return (this.#targetWords ??= words(this.target));
  }

  get sourceWords(): Word[] {
    return (this.#sourceWords ??= words(this.source));
  }

  /** Glossary hits in the target (every status), [] without a glossary. */
  get targetTerms(): TermHit[] {
    return (this.#targetTerms ??= this.glossary
      ? findTerms(this.glossary, this.target, this.targetLang)
      : []);
  }

  get sourceTerms(): TermHit[] {
    return (this.#sourceTerms ??= this.glossary
      ? findTerms(this.glossary, this.source, this.sourceLang)
      : []);
  }

  /**
   * One pass over the target's characters shared by the number, date and markup scanners: its digit runs and what
   * their expressions need before they can match (see TextScan).
   */
  get targetScan(): TextScan {
    return (this.#targetScan ??= textScan(this.target));
  }

  get sourceScan(): TextScan {
    return (this.#sourceScan ??= textScan(this.source));
  }

  /** URLs, e-mails, placeholders and tags of the target, by kind. */
  get targetMarkup(): Markup {
    return (this.#targetMarkup ??= findMarkup(this.target, this.targetScan.markupHints));
  }

  get sourceMarkup(): Markup {
    return (this.#sourceMarkup ??= findMarkup(this.source, this.sourceScan.markupHints));
  }

  /** URLs, e-mails, placeholders and tags in the target: word checks leave them alone. */
  get targetProtected(): Span[] {
    return (this.#targetProtected ??= protectedSpans(this.target, this.targetMarkup));
  }

  get sourceProtected(): Span[] {
    return (this.#sourceProtected ??= protectedSpans(this.source, this.sourceMarkup));
  }
}
