import type { TermIndex } from '../glossary/match.ts';
import type { TermEntry } from '../model/term.ts';
import type { CheckInput } from './CheckInput.ts';
import type { CheckId } from './checkIds.ts';
import type { PhraseRule } from './phraseRules.ts';

export type { CheckId } from './checkIds.ts';

/** MQM severities; whether an issue fails a text is decided by scoring, not here. */
export type Severity = 'minor' | 'major' | 'critical';
export const SEVERITIES: readonly Severity[] = ['minor', 'major', 'critical'];

export type MqmCategory =
  | 'accuracy/mistranslation'
  | 'accuracy/omission'
  | 'accuracy/addition'
  | 'accuracy/untranslated'
  | 'terminology'
  | 'linguistic/grammar'
  | 'linguistic/spelling'
  | 'linguistic/punctuation'
  | 'locale-convention'
  | 'style';

/** A UTF-16 range [start, end) of the target or source string. */
export type Span = { readonly start: number; readonly end: number };

export type Fix = { readonly span: Span; readonly replacement: string };

/** What one check found, before the engine stamps it with id, check, severity and category. */
export type Finding = {
  readonly messageKey: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly target?: readonly Span[];
  readonly source?: readonly Span[];
  readonly fix?: Fix;
  /** A project rule's own severity and category, where one rule table holds findings of many kinds. */
  readonly severity?: Severity;
  readonly category?: MqmCategory;
};

/** A QA finding as the UI, the worker and the CLI see it. */
export type Issue = Finding & {
  /** Stable across re-checks of an edited text: a dismissal is stored under it. */
  readonly id: string;
  readonly check: CheckId;
  readonly severity: Severity;
  readonly category: MqmCategory;
};

/** Which English a project writes; absent = British and American spellings are both right. */
export type EnglishSpelling = 'en-GB' | 'en-US';

/** A project's own choices for its checks, stored with the project and sent with every check run. */
export type CheckSettings = {
  readonly disabled?: readonly string[];
  readonly severity?: Readonly<Record<string, Severity>>;
  /** The project's own phrase rules, checked on top of the built-in ones. */
  readonly phraseRules?: readonly PhraseRule[];
  /** Ids of phrase rules, built-in or the project's own, that are switched off. */
  readonly phraseRulesOff?: readonly string[];
  readonly englishSpelling?: EnglishSpelling;
  /** Letters allowed per target language ("kk" → its alphabet, lower case); absent = the built-in alphabet. */
  readonly allowedLetters?: Readonly<Record<string, string>>;
};

/** Length-ratio distribution of one document, so omission and addition are judged against the text itself. */
export type DocumentStats = {
  /** Pairs that had a source and a target long enough to count. */
  readonly samples: number;
  /** Median of ln(target length / source length). */
  readonly medianLogRatio: number;
  /** Median absolute deviation of the same, scaled to estimate a standard deviation. */
  readonly spread: number;
};

export type CheckContext = {
  readonly sourceLang: string;
  readonly targetLang: string;
  readonly glossary?: TermIndex;
  /**
   * The entries the index was built from. Optional: with them the glossary checks can name the approved
   * rendering and offer it as a fix, and know whether an entry has a term in the target language at all.
   */
  readonly glossaryEntries?: readonly TermEntry[];
  /** true = correctly spelled; absent = spelling check off. */
  readonly spell?: (word: string) => boolean;
  /** The target language's dictionary, for checks that need more than a yes/no (Kazakh look-alike letters). */
  readonly speller?: Speller;
  /** The source language's dictionary; absent = the source is not spell-checked. */
  readonly sourceSpeller?: Speller;
  readonly documentStats?: DocumentStats;
  /**
   * The project's alphabet for the target language (e.g. the 42 Kazakh Cyrillic letters plus the Latin ones
   * names need), lower case: any other letter is reported. Absent = the built-in alphabet where there is one.
   */
  readonly allowedLetters?: string;
  /**
   * Which English the project writes: with 'en-GB' American spellings are reported ("color" → "colour"), with
   * 'en-US' British ones are ("colour" is then misspelled); absent = both are right.
   */
  readonly englishSpelling?: EnglishSpelling;
  /** The project's own phrase rules (calques, false friends), checked on top of the built-in ones. */
  readonly phraseRules?: readonly PhraseRule[];
  /** Ids of phrase rules (built-in or own) the project switched off. */
  readonly phraseRulesOff?: readonly string[];
};

/** A spelling dictionary as the checks see it: loaded elsewhere (the worker, the CLI), injected here. */
export type Speller = {
  /** Primary language subtag of the dictionary ("kk", "ru"): checks use only the one they were written for. */
  readonly lang: string;
  correct(word: string): boolean;
  /** Dictionary words a Russian keyboard would have typed as `word` (Kazakh only). */
  restore?(word: string): readonly string[];
};

export type CheckPair = {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** What aligning an imported version left this pair with, where it was aligned (see `UnitAlignment`). */
  readonly alignment?: PairAlignment;
};

/**
 * `omitted`: the imported version had no counterpart for the source, so a blank target is a dropped sentence.
 * `added`: sentences of the version with no source, joined to this target; reported while they are still in it.
 * `untranslated`: sentences of the source with no counterpart in this target (a source aligned against it).
 */
export type PairAlignment = {
  readonly omitted?: boolean;
  readonly added?: readonly string[];
  readonly untranslated?: readonly string[];
};

export type CheckFamily =
  | 'completeness'
  | 'language'
  | 'numbers'
  | 'dates'
  | 'links'
  | 'punctuation'
  | 'spacing'
  | 'casing'
  | 'spelling'
  | 'grammar'
  | 'mt-artefacts'
  | 'meaning'
  | 'glossary'
  | 'consistency'
  | 'markup';

type CheckMeta = {
  readonly id: CheckId;
  readonly family: CheckFamily;
  /** Bilingual checks are skipped when the source is empty (a machine translation reviewed on its own). */
  readonly needsSource: boolean;
  readonly severity: Severity;
  readonly category: MqmCategory;
  /** Target languages the check knows; absent = any. */
  readonly targetLangs?: readonly string[];
};

/** One pair at a time: pure, synchronous, `[]` when all is well. */
export type PairCheck = CheckMeta & {
  readonly scope: 'pair';
  run(input: CheckInput): readonly Finding[];
};

/** Needs the whole document (consistency across units); returns findings per pair id. */
export type DocumentCheck = CheckMeta & {
  readonly scope: 'document';
  runDocument(inputs: readonly CheckInput[]): ReadonlyMap<string, readonly Finding[]>;
};

export type Check = PairCheck | DocumentCheck;
