import type { Content } from '../formats/interchange.ts';
import type { Lang } from '../model/lang.ts';

/**
 * One translation-memory entry: an approved rendering of a source segment. Where a document has no source (only
 * a machine translation and its corrected version), `source` is "" and `mt` holds the machine text it corrected,
 * so the entry serves the post-editing memory.
 */
export type MemoryEntry = {
  readonly id: string;
  /** The project id for a project's own memory, or the id of an imported memory. */
  readonly memoryId: string;
  readonly sourceLang: Lang;
  readonly targetLang: Lang;
  readonly source: string;
  readonly target: string;
  readonly mt?: string;
  /** Source and target with their inline codes, where the entry came from a file that had codes (TMX). */
  readonly sourceContent?: Content;
  readonly targetContent?: Content;
  /** Where an approval came from; absent for imported entries. */
  readonly documentId?: string;
  readonly unitId?: string;
  /** Source (or machine text) of the segment before, for in-context (101 %) matches. */
  readonly context?: string;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly updatedBy: string;
  readonly updatedAt: number;
};

/** What a look-up matches on: the source, or (post-editing memory) the machine translation. */
export type MatchKind = 'source' | 'mt';

/** The text an entry is looked up by, for a kind of match ("" when it has none). */
export function entryKey(entry: MemoryEntry, kind: MatchKind): string {
  return kind === 'source' ? entry.source : (entry.mt ?? '');
}

const IMPORTED = 'tmx:';

/** Id of a memory imported from a file: shared by every project, named after the file. */
export function importedMemoryId(fileName: string): string {
  return `${IMPORTED}${fileName}`;
}

export function isImportedMemory(memoryId: string): boolean {
  return memoryId.startsWith(IMPORTED);
}

/** What a reviewer calls a memory: its file name for an imported one. */
export function memoryName(memoryId: string): string {
  return isImportedMemory(memoryId) ? memoryId.slice(IMPORTED.length) : memoryId;
}
