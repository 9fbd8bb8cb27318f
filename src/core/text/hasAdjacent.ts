/**
 * Whether some code unit of `text` for which `first` holds is directly followed by one for which `second` holds.
 * A pattern that can only match across such a pair (two punctuation marks, a space before a mark) need not run
 * on a text without one: a scan by code is far cheaper than a Unicode expression tried at every position.
 */
export function hasAdjacent(
  text: string,
  first: (c: number) => boolean,
  second: (c: number) => boolean,
): boolean {
  for (let i = 0; i + 1 < text.length; i += 1) {
    if (first(text.charCodeAt(i)) && second(text.charCodeAt(i + 1))) return true;
  }
  return false;
}
