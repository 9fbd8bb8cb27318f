/** A word of a text with its UTF-16 offsets. */
export type Token = { readonly text: string; readonly start: number; readonly end: number };

// Letters, marks and digits, with inner apostrophes ("Maslikhat's"); hyphens split words ("law-enforcement").
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
// A plural possessive's apostrophe ("akimats'") belongs to the word when no letter follows it.
const TRAILING_APOSTROPHE = /^['’ʼ](?![\p{L}\p{M}\p{N}])/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    if (
      /[sS]$/.test(word) &&
      TRAILING_APOSTROPHE.test(text.slice(m.index + word.length, m.index + word.length + 2))
    ) {
      word += text[m.index + word.length] ?? '';
    }
    tokens.push({ text: word, start: m.index, end: m.index + word.length });
  }
  return tokens;
}

/** Words of a multi-word term may be separated by spaces or hyphens only, never by punctuation. */
const JOINER = /^[\s\u00A0\u2009\u202F\-\u2010\u2011]+$/u;
export function joins(text: string, from: number, to: number): boolean {
  return JOINER.test(text.slice(from, to));
}
