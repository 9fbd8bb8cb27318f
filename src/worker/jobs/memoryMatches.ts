import { memoryToTmx } from '../../core/memory/memoryTmx.ts';
import { isImportedMemory, type MemoryEntry } from '../../core/memory/types.ts';
import type { ConcordanceHit } from '../../core/memory/concordance.ts';
import type { UnitMatches } from '../../core/memory/unitMatcher.ts';
import type { Unit } from '../../core/model/types.ts';
import { withMemory } from '../memoryHost.ts';

/** Which database the worker reads the memory from (the app's, or a test's). */
type OnDb = { readonly db: string };

export type MemoryMatchesInput = OnDb & {
  readonly sourceLang: string;
  readonly unit: Unit;
  readonly previous?: Unit;
  readonly lang: string;
};

/** Memory matches of one unit, looked up off the main thread in the memory the worker keeps. */
export function memoryMatchesJob(input: MemoryMatchesInput): Promise<UnitMatches> {
  return withMemory(input.db, (memory) =>
    memory.match(input.sourceLang, input.unit, input.lang, input.previous),
  );
}

/** Every approved segment containing a phrase, in any language, across documents and memories. */
export function memoryConcordanceJob(input: OnDb & { readonly phrase: string }): Promise<ConcordanceHit[]> {
  return withMemory(input.db, (memory) => memory.concordance(input.phrase));
}

export type MemorySearchInput = OnDb & {
  /** Entries containing it; with fewer than two letters, the most recently changed entries. */
  readonly phrase: string;
  /** Only this memory's entries, when given. */
  readonly memoryId?: string;
  readonly limit?: number;
};

/** Entries for the memory editor: found by phrase or the latest, of one memory or all. */
export function memorySearchJob(input: MemorySearchInput): Promise<ConcordanceHit[]> {
  const limit = input.limit ?? 200;
  return withMemory(input.db, (memory) => {
    const mine = (e: MemoryEntry) => input.memoryId === undefined || e.memoryId === input.memoryId;
    if (input.phrase.trim().length >= 2)
      return memory
        .concordance(input.phrase, Number.MAX_SAFE_INTEGER)
        .filter((h) => mine(h.entry))
        .slice(0, limit);
    return [...memory.entries()]
      .filter(mine)
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(0, limit)
      .map((entry) => ({ entry, source: [], target: [], mt: [] }));
  });
}

export type MemorySummary = {
  /** Imported memories and how many entries each has. */
  readonly imported: readonly { readonly id: string; readonly count: number }[];
  /** The project's own entries with a source, in the target language asked about (what a TMX export holds). */
  readonly own: number;
  readonly total: number;
};

type ProjectAsk = OnDb & { readonly projectId: string; readonly sourceLang: string; readonly lang: string };

const exportable = (ask: ProjectAsk) => (e: MemoryEntry) =>
  e.memoryId === ask.projectId &&
  e.targetLang === ask.lang &&
  e.sourceLang === ask.sourceLang &&
  e.source !== '';

export function memorySummaryJob(input: ProjectAsk): Promise<MemorySummary> {
  return withMemory(input.db, (memory) => {
    const counts = new Map<string, number>();
    let own = 0;
    const mine = exportable(input);
    for (const e of memory.entries()) {
      if (isImportedMemory(e.memoryId)) counts.set(e.memoryId, (counts.get(e.memoryId) ?? 0) + 1);
      if (mine(e)) own += 1;
    }
    return { imported: [...counts].map(([id, count]) => ({ id, count })), own, total: memory.size };
  });
}

/** The project's own memory in one target language as TMX 1.4b. */
export function memoryExportJob(input: ProjectAsk): Promise<string> {
  return withMemory(input.db, (memory) =>
    memoryToTmx([...memory.entries()].filter(exportable(input)), input.sourceLang, input.lang),
  );
}
