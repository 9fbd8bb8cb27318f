/**
 * Tokens for matching: runs of letters, numbers (with their inner separators: "1 500,5", "02.11.2015" stay one
 * token each side of the space rule below), and single other characters.
 */
const TOKEN = /[\p{L}\p{M}]+|\p{N}+(?:[.,:/-]\p{N}+)*|[^\s\p{L}\p{N}\p{M}]/gu;
const NUMBER = /^\p{N}/u;
const WORD = /^[\p{L}\p{M}]/u;

/** Stand-in for every number: "Article 10" and "Article 12" compare as the same words. */
export const NUMBER_MARK = '#';

export type Normalised = {
  /** Lower-cased words and number marks joined by single spaces: what the edit distance is measured on. */
  readonly key: string;
  /** The distinct words and number marks, for the index. */
  readonly words: readonly string[];
  /** The numbers in order, to penalise a number that differs. */
  readonly numbers: readonly string[];
  /** Punctuation in order, to tell "identical but for punctuation" from identical. */
  readonly punctuation: string;
};

/** ё and е are one letter in ordinary Russian text; treating them apart would hide exact matches. */
function fold(word: string): string {
  return word.toLocaleLowerCase().replace(/ё/g, 'е');
}

export function normalise(text: string): Normalised {
  const parts: string[] = [];
  const numbers: string[] = [];
  let punctuation = '';
  for (const token of text.normalize('NFC').match(TOKEN) ?? []) {
    if (NUMBER.test(token)) {
      numbers.push(token.replace(/[\s\u00a0]/g, ''));
      parts.push(NUMBER_MARK);
    } else if (WORD.test(token)) parts.push(fold(token));
    else punctuation += token;
  }
  return { key: parts.join(' '), words: [...new Set(parts)], numbers, punctuation };
}
