import type { CheckPair, PairAlignment } from '../../core/checks/types.ts';
import type { Unit } from '../../core/model/types.ts';

/**
 * The pair one unit gives the checks in one language: its rendering, or an empty one where applying an alignment
 * left the unit without a counterpart (so the dropped sentence is reported); none for a unit not yet translated.
 */
export function checkPairOf(unit: Unit, lang: string, text: string | undefined): CheckPair[] {
  const aligned = unit.alignment?.[lang];
  const alignment: PairAlignment = {
    ...(aligned?.gap === 'omitted' ? { omitted: true } : {}),
    ...(aligned?.added ? { added: aligned.added } : {}),
    ...(aligned?.untranslated ? { untranslated: aligned.untranslated } : {}),
  };
  const known =
    alignment.omitted === true || alignment.added !== undefined || alignment.untranslated !== undefined;
  if (!text && !alignment.omitted) return [];
  return [{ id: unit.id, source: unit.source, target: text ?? '', ...(known ? { alignment } : {}) }];
}
