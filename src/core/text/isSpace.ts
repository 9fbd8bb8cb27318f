/**
 * Whether a UTF-16 code unit is white space as `\s` and String#trim read it (WhiteSpace and LineTerminator):
 * the same set, tested without a regular expression in loops that look at every character.
 */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
