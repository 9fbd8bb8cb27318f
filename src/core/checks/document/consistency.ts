import { plainNfc } from '../../glossary/tokens.ts';
import { isSpace } from '../../text/isSpace.ts';
import { primaryOf } from '../util/lang.ts';
import type { CheckInput } from '../CheckInput.ts';
import type { DocumentCheck, Finding } from '../types.ts';

// Each step of `key` runs only where it can change something: most texts have no quotes, no white space but
// single spaces, and no Unicode the NFC step would touch. One pass over the text tells which steps are needed.
const QUOTES = /[«»“”„"]/gu;
/** A character QUOTES matches: « » “ ” „ " */
const isQuote = (c: number) => c === 0x22 || c === 0xab || c === 0xbb || (c >= 0x201c && c <= 0x201e);
/** White space or the final punctuation a key drops: . ! ? … : ; */
const isTrailing = (c: number) =>
  c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b || c === 0x2026 || isSpace(c);

/** Case, spacing and final punctuation do not make two texts different renderings. */
function key(text: string): string {
  let k = plainNfc(text) ? text : text.normalize('NFC');
  k = k.toLowerCase();
  let quote = false;
  let uneven = false;
  for (let i = 0; i < k.length; i += 1) {
    const c = k.charCodeAt(i);
    if (isQuote(c)) quote = true;
    else if (c === 32) {
      if (k.charCodeAt(i + 1) === 32) uneven = true;
    } else if (isSpace(c)) uneven = true;
  }
  if (quote) k = k.replace(QUOTES, '"');
  if (uneven) k = k.replace(/\s+/gu, ' ');
  // The run of white space and final punctuation at the end, then white space at either end.
  let end = k.length;
  while (end > 0 && isTrailing(k.charCodeAt(end - 1))) end -= 1;
  return (end === k.length ? k : k.slice(0, end)).trim();
}

export type Side = 'source' | 'target';

/**
 * key() remembered by text for one document check: a document that repeats a segment repeats it word for word
 * (that is what the consistency checks look for), so each distinct text is normalised once, not once a pair.
 */
function keysByText(): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let k = known.get(text);
    if (k === undefined) {
      k = key(text);
      known.set(text, k);
    }
    return k;
  };
}

const LETTER = /\p{L}/u;

function wordCount(k: string): number {
  let n = 1;
  for (let i = k.indexOf(' '); i >= 0; i = k.indexOf(' ', i + 1)) n += 1;
  return n;
}

// What `key` makes of each character it keeps as one character: its lower case, a quote for any quote. 0 for
// a character that is not plain enough to be read this way (see keyHash).
const KEPT = new Uint16Array(0x10000);
const QUOTE = 0x22;
for (const [from, to] of [
  [0x21, 0x7e],
  [0xa1, 0x24f],
  [0x400, 0x482],
  [0x48a, 0x52f],
  [0x2010, 0x205e],
  [0x2116, 0x2116],
] as const) {
  for (let c = from; c <= to; c += 1) {
    if (isSpace(c)) continue;
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length === 1) KEPT[c] = isQuote(c) ? QUOTE : lower.charCodeAt(0);
  }
}

const FNV_OFFSET = 0x811c9dc5;
const fnvStep = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);

/** FNV-1a over a string's code units. */
function fnv(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i += 1) h = fnvStep(h, text.charCodeAt(i));
  return h;
}

/**
 * A 30-bit hash of key(text): texts with equal keys get equal hashes. Read off the text without building the
 * key where every character is plain (ASCII, Latin to U+024F, Cyrillic, typographic punctuation, single spaces
 * as the only white space): each is its own NFC, lower-cases to one character (no final sigma among them) and
 * is a quote, a space or kept. Any other text is hashed through `key` itself.
 */
function keyHash(text: string): number {
  let end = text.length;
  while (end > 0 && isTrailing(text.charCodeAt(end - 1))) end -= 1;
  let start = 0;
  while (start < end && text.charCodeAt(start) === 32) start += 1;
  let h = FNV_OFFSET;
  let space = false;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (!space) h = fnvStep(h, 32);
      space = true;
      continue;
    }
    const kept = KEPT[c] as number;
    if (kept === 0) return fnv(key(text)) & 0x3fffffff;
    h = fnvStep(h, kept);
    space = false;
  }
  // Outside the span hashed, only white space and final punctuation: white space other than a space there
  // is dropped by `key` as well, and every other character left out is one isTrailing accepts.
  return h & 0x3fffffff;
}

const SOURCE_KEY = 'consistency:source';
const TARGET_KEY = 'consistency:target';
const sourceKeyOf = (input: CheckInput): number => keyHash(input.source);
const targetKeyOf = (input: CheckInput): number => keyHash(input.target);

/**
 * The hash of one side's key, once per pair: the pair checks take it for the document checks (see
 * documentPhase.ts), so that a run split over threads hashes each text in the thread that checked it.
 */
export function consistencyKey(input: CheckInput, side: Side): number {
  return side === 'source' ? input.memo(SOURCE_KEY, sourceKeyOf) : input.memo(TARGET_KEY, targetKeyOf);
}

/** Gives the pair its keys as taken elsewhere (by the pair checks, possibly in another thread). */
export function knownConsistencyKeys(input: CheckInput, source: number, target: number): void {
  input.memo(SOURCE_KEY, () => source);
  input.memo(TARGET_KEY, () => target);
}

/**
 * The groups of pairs whose `by` side has the same key, of two pairs or more, in document order (of their
 * first pairs). Pairs are first chained by a hash of their key, computed without building the key, in an
 * open-addressing table of typed arrays; only pairs sharing a hash have their keys built and compared, and a
 * pair alone with its hash costs no list.
 */
function groupsOf(
  inputs: readonly CheckInput[],
  by: Side,
  minWords: number,
  keyOf: (text: string) => string,
): CheckInput[][] {
  const count = inputs.length;
  let size = 16;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  /** Per slot, the first pair with the hash held there (-1: empty). */
  const slots = new Int32Array(size).fill(-1);
  const hashes = new Int32Array(count);
  /** The next pair with the same hash (-1: none). */
  const next = new Int32Array(count).fill(-1);
  /** For the first pair of a hash, the last pair with it so far. */
  const last = new Int32Array(count);
  /** First pairs of a hash another pair shares. */
  const shared = new Uint8Array(count);
  for (let n = 0; n < count; n += 1) {
    const h = consistencyKey(inputs[n] as CheckInput, by);
    hashes[n] = h;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const first = slots[slot] as number;
      if (first === -1) {
        slots[slot] = n;
        last[n] = n;
        break;
      }
      if (hashes[first] === h) {
        next[last[first] as number] = n;
        last[first] = n;
        shared[first] = 1;
        break;
      }
    }
  }
  const found: { readonly first: number; readonly group: CheckInput[] }[] = [];
  for (let f = 0; f < count; f += 1) {
    if (shared[f] === 0) continue;
    const byKey = new Map<string, { readonly first: number; readonly group: CheckInput[] }>();
    /** Keys of this hash with too few words (or no letter) to be compared. */
    let tooShort: Set<string> | undefined;
    for (let n = f; n !== -1; n = next[n] as number) {
      const input = inputs[n] as CheckInput;
      const k = keyOf(input[by]);
      const known = byKey.get(k);
      if (known) {
        known.group.push(input);
        continue;
      }
      if (tooShort?.has(k) === true) continue;
      if (wordCount(k) < minWords || !LETTER.test(k)) {
        (tooShort ??= new Set()).add(k);
        continue;
      }
      byKey.set(k, { first: n, group: [input] });
    }
    for (const entry of byKey.values()) if (entry.group.length > 1) found.push(entry);
  }
  return found.sort((a, b) => a.first - b.first).map((entry) => entry.group);
}

/**
 * Groups pairs by one side and reports, in each group whose other side varies, the pairs that differ from the
 * most common rendering (ties go to the first one in the document).
 */
function inconsistent(
  inputs: readonly CheckInput[],
  by: Side,
  messageKey: string,
  minWords: number,
): Map<string, Finding[]> {
  const other: Side = by === 'source' ? 'target' : 'source';
  const out = new Map<string, Finding[]>();
  const keyOf = keysByText();
  for (const group of groupsOf(inputs, by, minWords, keyOf)) {
    const keys = group.map((i) => keyOf(i[other]));
    const first = keys[0] as string;
    if (keys.every((k) => k === first)) continue;
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    let best = '';
    let bestCount = 0;
    for (const [k, n] of counts) if (n > bestCount) [best, bestCount] = [k, n];
    const model = group[keys.indexOf(best)] as CheckInput;
    for (const [n, i] of group.entries()) {
      if (keys[n] === best) continue;
      out.set(i.id, [
        {
          messageKey,
          params: { other: model[other], count: group.length },
          target: [{ start: 0, end: i.target.length }],
        },
      ]);
    }
  }
  return out;
}

export const sameSourceDifferentTarget: DocumentCheck = {
  id: 'inconsistent-translation',
  family: 'consistency',
  scope: 'document',
  needsSource: true,
  severity: 'minor',
  category: 'style',
  // One-word texts count too: a heading "Контакты" rendered "Contacts" here and "Contact us" there.
  runDocument: (inputs) => inconsistent(inputs, 'source', 'checks.consistency.target', 1),
};

export const sameTargetDifferentSource: DocumentCheck = {
  id: 'inconsistent-source',
  family: 'consistency',
  scope: 'document',
  needsSource: true,
  severity: 'minor',
  category: 'accuracy/mistranslation',
  runDocument: (inputs) => inconsistent(inputs, 'target', 'checks.consistency.source', 3),
};

/**
 * One glossary entry rendered across the document by a proposed term beside an approved one: the proposed
 * uses are reported, with the most used approved term as the one to meet. Approved synonyms are not.
 */
export const termInconsistent: DocumentCheck = {
  id: 'term-inconsistent',
  family: 'consistency',
  scope: 'document',
  needsSource: false,
  severity: 'minor',
  category: 'terminology',
  runDocument(inputs) {
    const uses = new Map<
      string,
      Map<string, { input: CheckInput; start: number; end: number; text: string; approved: boolean }[]>
    >();
    for (const input of inputs) {
      if (!input.glossary) return new Map();
      for (const h of input.targetTerms) {
        if (primaryOf(h.lang) !== input.targetLang || h.term.status === 'forbidden') continue;
        const byTerm = uses.get(h.entryId) ?? new Map();
        const text = h.term.text.toLowerCase();
        const list = byTerm.get(text) ?? [];
        list.push({
          input,
          start: h.start,
          end: h.end,
          text: h.term.text,
          approved: h.term.status === 'approved',
        });
        byTerm.set(text, list);
        uses.set(h.entryId, byTerm);
      }
    }
    const out = new Map<string, Finding[]>();
    for (const byTerm of uses.values()) {
      if (byTerm.size < 2) continue;
      // Approved synonyms and variants of one entry ("RK", "Republic of Kazakhstan") are the glossary's own
      // choice, never a conflict: only a proposed term used where an approved one is used too is reported.
      const ranked = [...byTerm.entries()].sort((a, b) => b[1].length - a[1].length);
      // The term as the glossary writes it: names keep their capitals in the message.
      const main = ranked.find(([, list]) => list[0]!.approved)?.[1][0]!.text;
      if (main === undefined) continue;
      for (const [, list] of ranked) {
        if (list[0]!.approved) continue;
        for (const u of list) {
          const found = out.get(u.input.id) ?? [];
          found.push({
            messageKey: 'checks.consistency.term',
            params: { term: u.input.target.slice(u.start, u.end), main },
            target: [{ start: u.start, end: u.end }],
          });
          out.set(u.input.id, found);
        }
      }
    }
    return out;
  },
};
