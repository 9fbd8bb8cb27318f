/**
 * What the checks learn from a word's letters alone (its calque triggers, what the speller is asked), filled in
 * by each check on first use and remembered by the word's text: a document repeats its words, and one look-up
 * serves every check that asks about the same word.
 */
export type WordFacts = {
  /** The calque triggers inside the word in the order found, null when it has a character they fold unevenly. */
  triggers: readonly string[] | null | undefined;
  /** The word as the English speller is asked about it, null when it is never asked. */
  spelling: SpellingCandidate | null | undefined;
};

/** A word as the speller is asked about it, with the last speller that found it correct. */
export type SpellingCandidate = {
  readonly word: string;
  readonly lower: string;
  correctFor?: (word: string) => boolean;
};

const MEMORY = 50_000;
const known = new Map<string, WordFacts>();

export function wordFacts(text: string): WordFacts {
  let facts = known.get(text);
  if (facts === undefined) {
    if (known.size >= MEMORY) known.clear();
    facts = { triggers: undefined, spelling: undefined };
    known.set(text, facts);
  }
  return facts;
}
