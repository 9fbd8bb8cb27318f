/** Scratch space for copies; a longer text gets a buffer of its own. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * A copy of `text` that owns its characters, one byte each when every one is ASCII. A table cell comes out of
 * the reader as a slice of the piece of the file it was read from: a slice keeps that whole piece (a megabyte,
 * two bytes a character once one Cyrillic letter is in it) alive, and every check reads an English target
 * through it at two bytes a character. The copy frees the pieces and lets the regular expressions of the
 * checks run over one-byte text. Copied through a buffer as Latin-1 or UTF-16, so every code unit, a lone
 * surrogate too, comes back unchanged.
 */
export function ownCopy(text: string): string {
  // V8 copies a substring this short rather than slicing it.
  if (text.length < 13) return text;
  const ascii = Buffer.byteLength(text, 'utf8') === text.length;
  const size = ascii ? text.length : text.length * 2;
  if (size > scratch.length) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
  const encoding = ascii ? 'latin1' : 'utf16le';
  const written = scratch.write(text, 0, size, encoding);
  return scratch.toString(encoding, 0, written);
}
