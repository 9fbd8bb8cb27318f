/** Classes of code units that patterns anchor on, as bits: a unit may be in several. */
export const GAP = 1; // space, no-break space, tab
export const SPACE = 2; // space, no-break space
export const MARK = 4; // , ; ! ? . :
export const OPENING = 8; // ( [ {
export const CLOSING = 16; // ) ] }
export const GLUED = 32; // , ; . ! ?
export const MAY_BE_LETTER = 64; // an ASCII letter or any unit from U+0080 on
export const REPEATABLE = 128; // , ; : ! ? .

const classes = new Uint8Array(0x10000);
const mark = (chars: string, bit: number) => {
  for (const ch of chars) classes[ch.charCodeAt(0)]! |= bit;
};
mark(' \u00a0\t', GAP);
mark(' \u00a0', SPACE);
mark(',;!?.:', MARK);
mark('([{', OPENING);
mark(')]}', CLOSING);
mark(',;.!?', GLUED);
mark(',;:!?.', REPEATABLE);
for (let c = 0x41; c <= 0x5a; c += 1) classes[c]! |= MAY_BE_LETTER;
for (let c = 0x61; c <= 0x7a; c += 1) classes[c]! |= MAY_BE_LETTER;
for (let c = 0x80; c < 0x10000; c += 1) classes[c]! |= MAY_BE_LETTER;

/**
 * Whether some code unit of `text` in class `first` is directly followed by one in class `second`. A pattern
 * that can only match across such a pair (two punctuation marks, a space before a mark) need not run on a text
 * without one: a table scan is far cheaper than a Unicode expression tried at every position.
 */
export function hasAdjacent(text: string, first: number, second: number): boolean {
  let prev = 0;
  for (let i = 0; i < text.length; i += 1) {
    const k = classes[text.charCodeAt(i)] as number;
    if ((prev & first) !== 0 && (k & second) !== 0) return true;
    prev = k;
  }
  return false;
}
