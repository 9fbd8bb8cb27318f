/**
 * `list.sort(compare)`, skipping the sort (and the scratch copy the engine makes for it) when the list is already
 * in order, as it nearly always is: findings and mentions are mostly collected left to right. The sort is stable,
 * so an ordered list would come back unchanged anyway.
 */
export function sortStable<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < list.length; i += 1) {
    if (compare(list[i - 1] as T, list[i] as T) > 0) return list.sort(compare);
  }
  return list;
}
