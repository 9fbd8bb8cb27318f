import { findTerms, type TermHit, type TermIndex } from '../glossary/match.ts';
import { primaryLang } from '../model/lang.ts';
import type { TermEntry } from '../model/term.ts';
import type { CheckContext, CheckPair, DocumentStats, Span } from './types.ts';
import { protectedSpans } from './util/patterns.ts';
import { words, type Word } from './util/words.ts';

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

/**
 * One pair as the checks see it. Tokens, term hits and protected spans are computed on first use and shared,
 * so forty checks cost one tokenisation, not forty.
 */
export class CheckInput {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly sourceLang: string;
  readonly targetLang: string;
  readonly hasSource: boolean;
  readonly glossary: TermIndex | undefined;
  readonly entries: ReadonlyMap<string, TermEntry> | undefined;
  readonly spell: ((word: string) => boolean) | undefined;
  readonly stats: DocumentStats | undefined;
  #targetWords?: Word[];
  #sourceWords?: Word[];
  #targetTerms?: TermHit[];
  #sourceTerms?: TermHit[];
  #targetProtected?: Span[];
  #sourceProtected?: Span[];

  constructor(pair: CheckPair, context: CheckContext) {
    this.id = pair.id;
    this.source = pair.source;
    this.target = pair.target;
    this.sourceLang = primaryLang(context.sourceLang);
    this.targetLang = primaryLang(context.targetLang);
    this.hasSource = pair.source.trim() !== '';
    this.glossary = context.glossary;
    this.entries = context.glossaryEntries ? entryMap(context.glossaryEntries) : undefined;
    this.spell = context.spell;
    this.stats = context.documentStats;
  }

  #memo = new Map<string, unknown>();

  /** A value several checks need (an untranslated verdict, a language guess), computed once per pair. */
  memo<T>(key: string, compute: () => T): T {
    if (this.#memo.has(key)) return this.#memo.get(key) as T;
    const value = compute();
    this.#memo.set(key, value);
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

  /** URLs, e-mails, placeholders and tags in the target: word checks leave them alone. */
  get targetProtected(): Span[] {
    return (this.#targetProtected ??= protectedSpans(this.target));
  }

  get sourceProtected(): Span[] {
    return (this.#sourceProtected ??= protectedSpans(this.source));
  }
}
