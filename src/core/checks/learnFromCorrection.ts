import type { PhraseRule } from './phraseRules.ts';

/** What a reviewer's edit replaced: the changed words of the machine translation and what they became. */
export type PhraseChange = { readonly from: string; readonly to: string };

const MAX_WORDS = 6;

/** Words with the text between them kept, so the changed stretch can be cut out exactly. */
function tokens(text: string): { text: string; start: number; end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * The phrase an edit replaced, by words: the words both versions share at the start and at the end are cut
 * off, and what is left on each side is the change ("a package of measures" → "a set of measures" gives
 * "package" → "set"). Undefined when nothing or more than a short phrase changed, or when words were only
 * added or only removed: a rewrite is no systematic error.
 */
export function phraseChange(before: string, after: string): PhraseChange | undefined {
  const a = tokens(before);
  const b = tokens(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head]!.text.toLowerCase() === b[head]!.text.toLowerCase())
    head += 1;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail]!.text.toLowerCase() === b[b.length - 1 - tail]!.text.toLowerCase()
  )
    tail += 1;
  const fromWords = a.slice(head, a.length - tail);
  const toWords = b.slice(head, b.length - tail);
  if (fromWords.length === 0 || toWords.length === 0) return undefined;
  if (fromWords.length > MAX_WORDS || toWords.length > MAX_WORDS) return undefined;
  return {
    from: before.slice(fromWords[0]!.start, fromWords.at(-1)!.end),
    to: after.slice(toWords[0]!.start, toWords.at(-1)!.end),
  };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function phraseRegExp(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/u).map(escape).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu');
}

/** The texts (by id) that contain the phrase as words, case-insensitively: the other units the change fits. */
export function unitsWithPhrase(
  phrase: string,
  texts: readonly { readonly id: string; readonly text: string }[],
): string[] {
  const re = phraseRegExp(phrase);
  return texts
    .filter((t) => {
      re.lastIndex = 0;
      return re.test(t.text);
    })
    .map((t) => t.id);
}

/** The text with every occurrence of the change applied; a capital at the start of an occurrence is kept. */
export function applyPhraseChange(text: string, change: PhraseChange): string {
  return text.replace(phraseRegExp(change.from), (m) => {
    const first = m.charAt(0);
    return first !== first.toLowerCase() ? change.to.charAt(0).toUpperCase() + change.to.slice(1) : change.to;
  });
}

/** A project phrase rule that finds the same error in the next document. */
export function ruleFromChange(change: PhraseChange, lang: string): PhraseRule {
  return {
    id: `learned-${change.from.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`,
    match: change.from,
    regex: false,
    lang,
    suggestion: change.to,
    severity: 'minor',
    category: 'style',
    kind: 'calque',
  };
}
