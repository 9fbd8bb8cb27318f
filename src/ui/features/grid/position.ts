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
