import type { PhraseRule } from './phraseRules.ts';

/** What a reviewer's edit replaced: the changed words of the machine translation and what they became. */
export type PhraseChange = { readonly from: string; readonly to: string };

/** At most this many changed words on either side: more is a rewrite, not a systematic error. */
const MAX_WORDS = 6;
/** A learned phrase shorter than this (characters) is widened with a neighbouring word. */
const MIN_CHARS = 5;
/** At most this many neighbouring words are added to make a phrase specific. */
const MAX_CONTEXT = 3;

/**
 * Words whose right form depends on the sentence, not on the phrase: articles, determiners, pronouns,
 * auxiliaries and conjunctions (English and Kazakh; the scripts keep the lists apart). An edit that only swaps,
 * adds or removes these is no systematic error ("the" → "a"), and a rule on them would fire everywhere.
 */
const GRAMMATICAL = new Set(
  [
    'a an the this that these those some any each every no',
    'i you he she it we they me him her us them my your his its our their',
    'be is are was were been being am has have had do does did will would shall should can could may might must',
    'and or but nor so',
    'және мен бен пен да де та те не немесе әрі бұл осы сол ол олар сондай',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Function words that do belong to a phrase: prepositions and particles (English) and postpositions (Kazakh).
 * A change of one of these is learnt only together with the word it goes with ("attention on" → "attention
 * to", "depend from" → "depend on"), never on its own.
 */
const FUNCTION = new Set(
  [
    'of to in on at by for from with about into onto over under after before since till until upon within',
    'without through during between among against as than not also very just only then there here',
    'үшін бойынша туралы арқылы дейін кейін бері сияқты ретінде қана ғана тек шейін сайын қарай жөнінде',
  ]
    .join(' ')
    .split(' '),
);

const isGrammatical = (word: string): boolean => GRAMMATICAL.has(word.toLowerCase());
const isFunction = (word: string): boolean =>
  isGrammatical(word) || FUNCTION.has(word.toLowerCase()) || /^\p{N}+$/u.test(word);

type Token = { text: string; start: number; end: number };

/** Words with the text between them kept, so the changed stretch can be cut out exactly. */
function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * Which neighbour of a[left, right) to add: -1 the word before, 1 the word after. The side whose nearest content
 * word is closer wins ("attention on the" takes "attention"), the word before on a tie: a preposition usually
 * belongs to the word it follows ("depend from", "participate at").
 */
function widen(a: readonly Token[], left: number, right: number): -1 | 1 {
  if (left === 0) return 1;
  if (right === a.length) return -1;
  const reach = (from: number, step: -1 | 1): number => {
    for (let i = from, d = 1; i >= 0 && i < a.length; i += step, d += 1)
      if (!isFunction(a[i]!.text)) return d;
    return Infinity;
  };
  return reach(left - 1, -1) <= reach(right, 1) ? -1 : 1;
}

/** A phrase can be learnt when it has a content word and is long enough not to turn up by chance. */
function specific(words: readonly Token[], text: string): boolean {
  if (words.length === 0) return false;
  if (words.every((w) => isFunction(w.text))) return false;
  return text.slice(words[0]!.start, words.at(-1)!.end).length >= MIN_CHARS;
}

/**
 * The phrase an edit replaced, by words. The words both versions share at the start and at the end are cut off;
 * what is left is the change ("a package of measures" → "a set of measures" gives "package" → "set"). Where
 * that is no phrase a rule could stand on — only function words ("on" → "to") or a few letters — it is widened
 * with the shared words next to it, the nearer content word first, until it is ("attention on" → "attention
 * to"). Undefined for edits that teach nothing: capitals, punctuation or numbers only, articles, pronouns and
 * auxiliaries only ("the" → "a"), words only added, a rewrite of more than a short phrase, or a change that
 * stays unspecific with its neighbours.
 */
export function phraseChange(before: string, after: string): PhraseChange | undefined {
  const a = tokens(before);
  const b = tokens(after);
  const same = (x: Token | undefined, y: Token | undefined) =>
    x !== undefined && y !== undefined && x.text.toLowerCase() === y.text.toLowerCase();
  let head = 0;
  while (head < a.length && head < b.length && same(a[head], b[head])) head += 1;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    same(a[a.length - 1 - tail], b[b.length - 1 - tail])
  )
    tail += 1;
  const fromWords = a.slice(head, a.length - tail);
  const toWords = b.slice(head, b.length - tail);
  // Only words added: there is nothing in the next text to find.
  if (fromWords.length === 0) return undefined;
  if (fromWords.length > MAX_WORDS || toWords.length > MAX_WORDS) return undefined;
  // "e-mail" → "email": the same letters, only a hyphen or an apostrophe changed.
  const letters = (words: readonly Token[]) =>
    words.map((w) => w.text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')).join('');
  if (letters(fromWords) === letters(toWords)) return undefined;
  const changed = [...fromWords, ...toWords];
  if (changed.every((w) => isGrammatical(w.text) || /^\p{N}+$/u.test(w.text))) return undefined;

  // Widen [left, right) of `a` by shared words (they stand at the same distance from each end of `b`); a
  // phrase that would be replaced by nothing keeps a neighbour too, so the rule has a better wording to offer.
  let left = head;
  let right = a.length - tail;
  const keptIn = (l: number, r: number) => r - l > fromWords.length - toWords.length;
  for (let added = 0; !specific(a.slice(left, right), before) || !keptIn(left, right); added += 1) {
    if (added === MAX_CONTEXT || (left === 0 && right === a.length)) return undefined;
    const step = widen(a, left, right);
    if (step < 0) left -= 1;
    else right += 1;
  }
  const toRight = b.length - (a.length - right);
  const from = before.slice(a[left]!.start, a[right - 1]!.end);
  const to = after.slice(b[left]!.start, b[toRight - 1]!.end);
  return { from, to };
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
