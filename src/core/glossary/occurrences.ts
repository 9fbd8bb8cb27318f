import { findTerms, type TermIndex } from './match.ts';
import type { Project, Rendering, Unit } from '../model/types.ts';

/** lang → unit id → rendering, as the workbench holds them. */
export type RenderingsByLang = ReadonlyMap<string, ReadonlyMap<string, Rendering>>;

/** Where an entry occurs in the document: hits over all texts and the 1-based numbers of the units. */
export type Occurrence = { readonly count: number; readonly units: readonly number[] };

/**
 * Finds every entry in each unit's source, machine translations and renderings (inflected forms included).
 * Entry id → occurrence; entries that never occur are absent.
 */
export function findOccurrences(
  index: TermIndex,
  project: Pick<Project, 'sourceLang'>,
  units: readonly Unit[],
  renderings: RenderingsByLang,
): Map<string, Occurrence> {
  const counts = new Map<string, { count: number; units: Set<number> }>();
  const note = (entryId: string, unit: number) => {
    const o = counts.get(entryId) ?? { count: 0, units: new Set<number>() };
    o.count += 1;
    o.units.add(unit);
    counts.set(entryId, o);
  };
  for (const unit of units) {
    const texts: [string, string][] = [];
    if (unit.source) texts.push([unit.source, project.sourceLang]);
    for (const [lang, text] of Object.entries(unit.mt)) if (text) texts.push([text, lang]);
    for (const [lang, perUnit] of renderings) {
      const r = perUnit.get(unit.id);
      // An MT rendering repeats the machine translation already counted.
      if (r && r.text && r.text !== unit.mt[lang]) texts.push([r.text, lang]);
    }
    for (const [text, lang] of texts)
      for (const hit of findTerms(index, text, lang)) note(hit.entryId, unit.index + 1);
  }
  return new Map(
    [...counts].map(([id, o]) => [id, { count: o.count, units: [...o.units].sort((a, b) => a - b) }]),
  );
}
