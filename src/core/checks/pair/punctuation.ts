import type { Finding, PairCheck, Span } from '../types.ts';
import { touchesAny } from '../util/words.ts';
import { execAll } from '../../text/execAll.ts';
import { hasAdjacent, REPEATABLE } from '../../text/hasAdjacent.ts';
import { isSpace } from '../../text/isSpace.ts';

type End = '?' | '!' | '…' | '.' | ':' | ';' | ',' | 'none';

/**
 * Sentence marks of other scripts and widths, as the ASCII mark they stand for: fullwidth ？！。：；，, Arabic
 * ؟ ؛ ، and ۔, Devanagari danda, the interrobang and its kin, the Greek question mark.
 */
const MARKS: Readonly<Record<string, string>> = {
  '？': '?',
  '؟': '?',
  '⁇': '?',
  '⁈': '?',
  '⁉': '?',
  '‽': '?',
  '\u037e': '?',
  '！': '!',
  '‼': '!',
  '。': '.',
  '．': '.',
  '｡': '.',
  '।': '.',
  '۔': '.',
  '：': ':',
  '；': ';',
  '؛': ';',
  '，': ',',
  '،': ',',
  '、': ',',
};
const OTHER_MARKS = /[？؟⁇⁈⁉‽\u037e！‼。．｡।۔：；؛，،、]/gu;
const HAS_OTHER_MARK = /[？؟⁇⁈⁉‽\u037e！‼。．｡।۔：；؛，،、]/u;

/** White space, a closing quote or bracket: what endOf looks past. */
const isClosingMark = (c: number) =>
  c === 0x22 ||
  c === 0x27 ||
  c === 0xbb ||
  c === 0x201d ||
  c === 0x2019 ||
  c === 0x201c ||
  c === 0x29 ||
  c === 0x5d ||
  isSpace(c);

/**
 * How a text ends, looking past closing quotes and brackets: 'Он спросил: «Зачем?»' ends in "?". Read from the
 * end by code: expressions anchored at the end are tried from every position of the text.
 */
export function endOf(text: string): End {
  let end = text.length;
  while (end > 0 && isClosingMark(text.charCodeAt(end - 1))) end -= 1;
  let t = end === text.length ? text : text.slice(0, end);
  if (HAS_OTHER_MARK.test(t.slice(-3))) t = t.replace(OTHER_MARKS, (m) => MARKS[m] ?? m);
  // The closing run of ! and ?: a question if it holds a "?" ("?", "?!", "!?"), else an exclamation.
  let run = t.length;
  let question = false;
  for (; run > 0; run -= 1) {
    const c = t.charCodeAt(run - 1);
    if (c === 0x3f) question = true;
    else if (c !== 0x21) break;
  }
  if (question || t.endsWith('?.')) return '?';
  if (run < t.length) return '!';
  if (t.endsWith('…') || t.endsWith('...')) return '…';
  const last = t.at(-1);
  return last === '.' || last === ':' || last === ';' || last === ',' ? last : 'none';
}

/**
 * Whether a change of ending is worth a reviewer's look. A question, an exclamation, a colon, a semicolon or
 * an ellipsis the source has must survive, and none may be added where the source ends plainly; a lost full
 * stop counts, an added one does not (headings are often given one).
 */
function endingsDiffer(s: End, t: End): boolean {
  if (s === t) return false;
  if (s === '?' || t === '?' || s === '!' || s === ':' || s === ';' || s === '…') return true;
  if (t === '!' || t === ':' || t === ';') return s === '.' || s === 'none';
  return s === '.' && (t === 'none' || t === ',');
}

export const finalPunctuation: PairCheck = {
  id: 'final-punctuation',
  family: 'punctuation',
  scope: 'pair',
  needsSource: true,
  severity: 'minor',
  category: 'linguistic/punctuation',
  run(input) {
    const s = endOf(input.source);
    const t = endOf(input.target);
    if (!endingsDiffer(s, t)) return [];
    const trimmed = input.target.replace(/\s+$/u, '');
    const span = { start: Math.max(0, trimmed.length - 1), end: trimmed.length };
    return [
      {
        messageKey: 'checks.punctuation.final',
        params: { source: s === 'none' ? '∅' : s, target: t === 'none' ? '∅' : t },
        target: [span],
      },
    ];
  },
};

const PAIRS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/**
 * Unmatched brackets. Enumerations ("1)", "а)", "b)") and smileys close a bracket nobody opened on purpose,
 * so a closer right after a one- or two-character label or a colon is not counted.
 */
export function unbalancedBrackets(text: string, skip: readonly Span[]): Span[] {
  if (!/[()[\]{}]/.test(text)) return [];
  const stack: { ch: string; at: number }[] = [];
  const bad: Span[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (PAIRS[ch]) stack.push({ ch, at: i });
    else if (CLOSERS[ch]) {
      if (touchesAny({ start: i, end: i + 1 }, skip)) continue;
      const top = stack.at(-1);
      if (top && top.ch === CLOSERS[ch]) stack.pop();
      else if (!top && /(?:^|[\s(;,])[\p{L}\p{N}]{1,2}$|[:;]-?$/u.test(text.slice(Math.max(0, i - 4), i)))
        continue;
      else bad.push({ start: i, end: i + 1 });
    }
  }
  for (const open of stack) bad.push({ start: open.at, end: open.at + 1 });
  return bad.sort((a, b) => a.start - b.start);
}

export const brackets: PairCheck = {
  id: 'brackets',
  family: 'punctuation',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/punctuation',
  run(input) {
    const bad = unbalancedBrackets(input.target, input.targetProtected);
    if (bad.length === 0) return [];
    // The same imbalance in the source is the author's, not the translator's.
    if (input.hasSource && unbalancedBrackets(input.source, input.sourceProtected).length === bad.length)
      return [];
    return [
      {
        messageKey: 'checks.punctuation.brackets',
        params: { char: input.target.slice(bad[0]!.start, bad[0]!.end) },
        target: bad,
      },
    ];
  },
};

/**
 * Quote marks that do not pair up. «» pair by kind; curly quotes by count, because Russian and Kazakh use
 * „…“ where English uses “…”, and the same “ closes one and opens the other.
 */
export function unbalancedQuotes(text: string): Span[] {
  if (!/[«»“”„"]/u.test(text)) return [];
  const bad: Span[] = [];
  const open: number[] = [];
  const curly: number[] = [];
  const straight: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '«') open.push(i);
    else if (ch === '»') {
      if (open.length) open.pop();
      else bad.push({ start: i, end: i + 1 });
    } else if (ch === '“' || ch === '”' || ch === '„') curly.push(i);
    else if (ch === '"') straight.push(i);
  }
  for (const i of open) bad.push({ start: i, end: i + 1 });
  if (curly.length % 2) bad.push({ start: curly.at(-1)!, end: curly.at(-1)! + 1 });
  if (straight.length % 2) bad.push({ start: straight.at(-1)!, end: straight.at(-1)! + 1 });
  return bad.sort((a, b) => a.start - b.start);
}

export const quotes: PairCheck = {
  id: 'quotes',
  family: 'punctuation',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/punctuation',
  run(input) {
    const bad = unbalancedQuotes(input.target);
    if (bad.length === 0) return [];
    if (input.hasSource && unbalancedQuotes(input.source).length > 0) return [];
    return [
      {
        messageKey: 'checks.punctuation.quotes',
        params: { char: input.target.slice(bad[0]!.start, bad[0]!.end) },
        target: bad,
      },
    ];
  },
};

/**
 * Quotations in a text, whatever marks they use: «…», “…”, „…“, "…", ‹…› and ‘…’ are each one. Guillemets
 * pair by kind (one « and one » per quotation); curly and straight double marks by count, because „…“ and
 * “…” share “; single quotes by their opening mark ‘ ‚ or a straight ' before a word, since ’ and ' are also
 * apostrophes.
 */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/** A straight ' opens a quotation before a letter and after no letter or digit ('root'), never inside a word (don't). */
function opensQuotation(text: string, at: number): boolean {
  return LETTER.test(text.charAt(at + 1)) && (at === 0 || !LETTER_OR_DIGIT.test(text.charAt(at - 1)));
}

export function quotations(text: string): number {
  let open = 0;
  let close = 0;
  let double = 0;
  let single = 0;
  let angleOpen = 0;
  let angleClose = 0;
  // By code, not text[i]: a Cyrillic character read as a string is a new string per character.
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0xab) open += 1;
    else if (c === 0xbb) close += 1;
    else if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x201f || c === 0x22) double += 1;
    else if (c === 0x2018 || c === 0x201a) single += 1;
    else if (c === 0x27 && opensQuotation(text, i)) single += 1;
    else if (c === 0x2039) angleOpen += 1;
    else if (c === 0x203a) angleClose += 1;
  }
  return Math.max(open, close) + Math.ceil(double / 2) + single + Math.max(angleOpen, angleClose);
}

export const quoteParity: PairCheck = {
  id: 'quote-parity',
  family: 'punctuation',
  scope: 'pair',
  needsSource: true,
  severity: 'minor',
  category: 'linguistic/punctuation',
  run(input) {
    const s = quotations(input.source);
    const t = quotations(input.target);
    return s !== t ? [{ messageKey: 'checks.punctuation.quoteCount', params: { source: s, target: t } }] : [];
  },
};

/** Opening round and square brackets, counted by code. */
function bracketPairs(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b) n += 1;
  }
  return n;
}

export const bracketParity: PairCheck = {
  id: 'bracket-parity',
  family: 'punctuation',
  scope: 'pair',
  needsSource: true,
  severity: 'minor',
  category: 'linguistic/punctuation',
  run(input) {
    const s = bracketPairs(input.source);
    const t = bracketPairs(input.target);
    return s !== t
      ? [{ messageKey: 'checks.punctuation.bracketCount', params: { source: s, target: t } }]
      : [];
  },
};

// ",," ";;" "::" "!!" "??" ".." (not an ellipsis "..." ) and clashing pairs ",." ";." ",;" "?." "!.".
const REPEATED =
  /([,;:!?])\1+|(?<![.\p{L}])\.\.(?!\.)|(?<=\p{L}|\))\.\.(?!\.)|[,;:][.,;:](?!\.)|[?!]\.(?!\.)/gu;

export const repeatedPunctuation: PairCheck = {
  id: 'repeated-punctuation',
  family: 'punctuation',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/punctuation',
  run(input) {
    const out: Finding[] = [];
    // Every alternative of REPEATED is two of , ; : ! ? . in a row.
    if (!hasAdjacent(input.target, REPEATABLE, REPEATABLE)) return out;
    for (const m of execAll(REPEATED, input.target)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (touchesAny(span, input.targetProtected)) continue;
      // "!!!" and "?!" are emphasis the source may share; only flag what the source does not have.
      if (/^[!?]+$/.test(m[0]) && (!input.hasSource || input.source.includes(m[0]))) {
        if (input.hasSource || m[0].length < 2 || /^!+$/.test(m[0])) continue;
      }
      const replacement = m[0].startsWith('.')
        ? '.'
        : m[0]
            .replace(/^([,;:])[.,;:]$/, '$1')
            .replace(/^([?!])\.$/, '$1')
            .charAt(0);
      out.push({
        messageKey: 'checks.punctuation.repeated',
        params: { text: m[0] },
        target: [span],
        fix: { span, replacement },
      });
    }
    return out;
  },
};

// A target that opens with a mark no sentence starts with: , . ; : ! ? ) ] } … and their fullwidth forms.
const LEADING = /^\s*([,.;:!?)\]}…，。；：！？]+)\s*/u;

export const leadingPunctuation: PairCheck = {
  id: 'leading-punctuation',
  family: 'punctuation',
  scope: 'pair',
  needsSource: false,
  severity: 'minor',
  category: 'linguistic/punctuation',
  run(input) {
    const m = LEADING.exec(input.target);
    if (!m) return [];
    const mark = m[1] as string;
    // "...and then" answering "…и тогда" keeps the source's own opening; so does a leading "?" in a code string.
    if (input.hasSource && LEADING.exec(input.source)?.[1]?.replace('...', '…') === mark.replace('...', '…'))
      return [];
    if (!input.hasSource && /^(?:…|\.\.\.)$/u.test(mark)) return [];
    const start = m[0].indexOf(mark);
    const span = { start, end: m[0].length };
    return [
      {
        messageKey: 'checks.punctuation.leading',
        params: { text: mark },
        target: [{ start, end: start + mark.length }],
        fix: { span, replacement: '' },
      },
    ];
  },
};
