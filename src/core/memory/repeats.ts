import type { Unit } from '../model/types.ts';

/**
 * Units of a document whose text repeats exactly: by source, or by machine translation in `mtLang` where the
 * document has no source. Each group lists unit indices in document order; only groups of two or more.
 */
export function exactRepeats(units: readonly Unit[], mtLang?: string): number[][] {
  const groups = new Map<string, number[]>();
  for (const unit of units) {
    const key = (unit.source !== '' ? unit.source : mtLang ? (unit.mt[mtLang] ?? '') : '').trim();
    if (key === '') continue;
    const group = groups.get(key);
    if (group) group.push(unit.index);
    else groups.set(key, [unit.index]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** The other units that repeat the one at `index` exactly. */
export function repeatsOf(units: readonly Unit[], index: number, mtLang?: string): number[] {
  const unit = units[index];
  if (!unit) return [];
  const key = (unit.source !== '' ? unit.source : mtLang ? (unit.mt[mtLang] ?? '') : '').trim();
  if (key === '') return [];
  const out: number[] = [];
  for (const other of units) {
    if (other.index === index) continue;
    const otherKey = (other.source !== '' ? other.source : mtLang ? (other.mt[mtLang] ?? '') : '').trim();
    if (otherKey === key) out.push(other.index);
  }
  return out;
}
