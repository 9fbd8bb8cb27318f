import type { UnitAlignment } from '../model/types.ts';

/**
 * What aligning one unit left it with, as applying an alignment records it for the imported language (see
 * storage/alignment.ts): a unit the version had nothing for (`omitted`), one whose text went to another unit
 * (`merged`), and the version's sentences that had no unit of their own (`added`, joined to this unit).
 */
export type AlignedWrite = {
  readonly alignScore?: number;
  readonly gap?: 'omitted' | 'merged';
  readonly into?: number;
  readonly added?: readonly string[];
};

/**
 * The same gaps seen from the translation's side when the imported version is the source itself (a Russian original
 * aligned against the English the units already have): a unit with no source sentence is English with no source
 * (an addition), and source sentences with no unit are source text the English lacks (an omission). Returns the
 * record for the pivot's language, or undefined when the write says nothing about that side.
 *
 * `pivotText` is the unit's text in the pivot language (the text the source was aligned against).
 */
export function pivotAlignment(write: AlignedWrite, pivotText: string): UnitAlignment | undefined {
  const added = write.gap === 'omitted' && pivotText.trim() !== '' ? [pivotText.trim()] : [];
  const untranslated = (write.added ?? []).filter((s) => s.trim() !== '');
  if (added.length === 0 && untranslated.length === 0) return undefined;
  return {
    ...(write.alignScore !== undefined ? { score: write.alignScore } : {}),
    ...(added.length > 0 ? { added } : {}),
    ...(untranslated.length > 0 ? { untranslated } : {}),
  };
}
