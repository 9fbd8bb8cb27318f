import type { MemoryEntry } from '../../core/memory/types.ts';
import { createMatcher, type UnitMatches } from '../../core/memory/unitMatcher.ts';
import type { Unit } from '../../core/model/types.ts';

export type MemoryMatchesInput = {
  /** Names one read of the memory; the entries come with the first look-up of each. */
  readonly key: string;
  readonly entries?: readonly MemoryEntry[];
  readonly sourceLang: string;
  readonly unit: Unit;
  readonly previous?: Unit;
  readonly lang: string;
};

/** The memory the worker holds, with its indexes, between look-ups: only a new read sends the entries again. */
let loaded: { readonly key: string; readonly match: ReturnType<typeof createMatcher> } | undefined;

/**
 * Memory matches of one unit, off the main thread: building the index of a large memory takes seconds. Answers
 * `stale` when it holds another read than the one asked about (the worker restarted), so the caller sends it.
 */
export function memoryMatchesJob(input: MemoryMatchesInput): UnitMatches | { readonly stale: true } {
  if (input.entries) loaded = { key: input.key, match: createMatcher(input.entries, input.sourceLang) };
  if (!loaded || loaded.key !== input.key) return { stale: true };
  return loaded.match(input.unit, input.lang, input.previous);
}
