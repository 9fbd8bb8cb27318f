import { concordance, type ConcordanceHit } from './concordance.ts';
import type { Normalised } from './normalise.ts';
import { createMatcher, matchUnit, type Matcher, type UnitMatches } from './unitMatcher.ts';
import type { MemoryEntry } from './types.ts';
import type { Unit } from '../model/types.ts';

/** Changes held beside the base indexes before they are folded in: a share of the base, at least this many. */
const DELTA_MIN = 200;
const DELTA_SHARE = 0.05;

/**
 * A memory that keeps changing while it is looked up in. The entries read at start form the base, indexed once
 * (per source language, target language and kind of match, on first use); entries approved or edited later go to
 * a small delta indexed beside it, and base entries changed or removed since are skipped. When the delta grows
 * past a share of the base, everything is indexed again, reusing the normalised forms already computed, so an
 * approval costs a look-up in a few hundred entries rather than a new index of the whole memory.
 */
export class LiveMemory {
  private readonly all = new Map<string, MemoryEntry>();
  private base: readonly MemoryEntry[] = [];
  private readonly gone = new Set<string>();
  private readonly delta = new Map<string, MemoryEntry>();
  private baseMatchers = new Map<string, Matcher>();
  private deltaMatchers = new Map<string, Matcher>();
  private known: Map<string, Normalised>;

  constructor(entries: readonly MemoryEntry[], known?: Map<string, Normalised>) {
    for (const e of entries) this.all.set(e.id, e);
    this.base = [...this.all.values()];
    // Taken as it is: a table read from storage is fresh, and copying 100,000 forms costs as much as using them.
    this.known = known ?? new Map();
  }

  get size(): number {
    return this.all.size;
  }

  /** Takes in entries written and ids removed since the last read. */
  apply(changed: readonly MemoryEntry[], removed: readonly string[]): void {
    const inBase = (id: string) => this.all.has(id) && !this.delta.has(id);
    for (const id of removed) {
      if (inBase(id)) this.gone.add(id);
      this.all.delete(id);
      this.delta.delete(id);
    }
    for (const e of changed) {
      if (inBase(e.id)) this.gone.add(e.id);
      this.all.set(e.id, e);
      this.delta.set(e.id, e);
    }
    this.deltaMatchers = new Map();
    if (this.delta.size + this.gone.size > Math.max(DELTA_MIN, this.base.length * DELTA_SHARE)) this.rebase();
  }

  /** Up to three matches for a unit, best first, from base and delta searched as one memory. */
  match(sourceLang: string, unit: Unit | undefined, lang: string, previous?: Unit): UnitMatches {
    const base = this.matcher(this.baseMatchers, this.base, sourceLang);
    const delta =
      this.delta.size > 0
        ? this.matcher(this.deltaMatchers, [...this.delta.values()], sourceLang)
        : undefined;
    return matchUnit(
      (kind) => (delta ? [base.index(lang, kind), delta.index(lang, kind)] : [base.index(lang, kind)]),
      unit,
      lang,
      previous,
      // The base is searched first; its entries changed or removed since are stale.
      (e, part) => part === 0 && this.gone.has(e.id),
    );
  }

  concordance(phrase: string, limit?: number): ConcordanceHit[] {
    return concordance([...this.all.values()], phrase, limit);
  }

  entries(): IterableIterator<MemoryEntry> {
    return this.all.values();
  }

  /** Normalised forms of every key indexed so far, by key text: what a persisted index keeps. */
  normalisedForms(): Map<string, Normalised> {
    const forms = new Map(this.known);
    for (const matcher of this.baseMatchers.values())
      for (const index of matcher.built().values())
        index.keys.forEach((key, i) => {
          const n = index.normalised[i];
          if (n) forms.set(key, n);
        });
    return forms;
  }

  private matcher(cache: Map<string, Matcher>, entries: readonly MemoryEntry[], sourceLang: string): Matcher {
    let matcher = cache.get(sourceLang);
    if (!matcher) {
      matcher = createMatcher(entries, sourceLang, { known: this.known });
      cache.set(sourceLang, matcher);
    }
    return matcher;
  }

  private rebase(): void {
    // Forms of texts no entry has any more would only grow the table.
    const texts = new Set<string>();
    for (const e of this.all.values()) texts.add(e.source).add(e.mt ?? '');
    this.known = new Map([...this.normalisedForms()].filter(([text]) => texts.has(text)));
    this.base = [...this.all.values()];
    this.gone.clear();
    this.delta.clear();
    this.baseMatchers = new Map();
    this.deltaMatchers = new Map();
  }
}
