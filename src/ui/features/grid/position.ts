/** Position of `index` in the sorted `visible`, or of the nearest row after it (the last row past the end). */
export function positionOf(visible: readonly number[], index: number): number {
  let lo = 0;
  let hi = visible.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((visible[mid] ?? 0) < index) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, visible.length - 1);
}

/**
 * The unit `delta` rows away from unit `index` among the rows shown. A unit the filter has just dropped (a saved
 * unit that no longer matches it) counts as standing between its neighbours.
 */
export function neighbourOf(visible: readonly number[], index: number, delta: number): number | undefined {
  if (visible.length === 0) return undefined;
  const position = positionOf(visible, index);
  const found = visible[position] ?? index;
  let target = position + delta;
  if (found > index && delta > 0) target -= 1;
  else if (found < index && delta < 0) target += 1;
  return visible[Math.max(0, Math.min(visible.length - 1, target))];
}
