import type { Finding, PairCheck, Span } from '../types.ts';
import { touchesAny } from '../util/words.ts';
import { execAll } from '../../text/execAll.ts';
import { isSpace } from '../../text/isSpace.ts';
import {
  HAS_BRACKET,
  HAS_PAIRED_QUOTE,
  HAS_QUOTATION,
  HAS_REPEATED,
  sourceMarks,
  targetMarks,
} from '../util/markScan.ts';

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
  if (!mayEndInOtherMark(text, end)) return endBefore(text, end);
  let t = end === text.length ? text : text.slice(0, end);
  if (HAS_OTHER_MARK.test(t.slice(-3))) t = t.replace(OTHER_MARKS, (m) => MARKS[m] ?? m);
  return endBefore(t, t.length);
}

const OTHER_MARK_CODES: ReadonlySet<number> = new Set(Object.keys(MARKS).map((m) => m.charCodeAt(0)));

/** Whether one of the last three units before `end` is a mark of MARKS (each one unit, from U+037E on). */
function mayEndInOtherMark(text: string, end: number): boolean {
  for (let i = Math.max(0, end - 3); i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x37e && OTHER_MARK_CODES.has(c)) return true;
  }
  return false;
}

/** How text[0, end) ends, its marks already ASCII. */
function endBefore(t: string, end: number): End {
  // The closing run of ! and ?: a question if it holds a "?" ("?", "?!", "!?"), else an exclamation.
  let run = end;
  let question = false;
  for (; run > 0; run -= 1) {
    const c = t.charCodeAt(run - 1);
    if (c === 0x3f) question = true;
    else if (c !== 0x21) break;
  }
  const last = end > 0 ? t.charCodeAt(end - 1) : -1;
  if (question || (last === 0x2e && end >= 2 && t.charCodeAt(end - 2) === 0x3f)) return '?';
  if (run < end) return '!';
  if (last === 0x2026 || (last === 0x2e && end >= 3 && t.startsWith('..', end - 3))) return '…';
  if (last === 0x2e) return '.';
  if (last === 0x3a) return ':';
  if (last === 0x3b) return ';';
  return last === 0x2c ? ',' : 'none';
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

/** The opening bracket a closing one answers, by code: ( for ), [ for ], { for }; 0 for any other unit. */
function openerOf(c: number): number {
  if (c === 0x29) return 0x28;
  if (c === 0x5d || c === 0x7d) return c - 2;
  return 0;
}

/** Whether the one unit at `at` overlaps a span of `skip` (touchesAny without a span object). */
function unitTouches(at: number, skip: readonly Span[]): boolean {
  for (const s of skip) if (at < s.end && s.start < at + 1) return true;
  return false;
}

/**
 * Unmatched brackets. Enumerations ("1)", "а)", "b)") and smileys close a bracket nobody opened on purpose,
 * so a closer right after a one- or two-character label or a colon is not counted.
 */
export function unbalancedBrackets(text: string, skip: readonly Span[]): Span[] {
  const bad: Span[] = [];
  // The stack of open brackets as two parallel lists: where each is and which it is.
  const openAt: number[] = [];
  const openCode: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c > 0x7d) continue;
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      openAt.push(i);
      openCode.push(c);
      continue;
    }
    const opener = openerOf(c);
    if (opener === 0 || unitTouches(i, skip)) continue;
    if (openCode.length > 0 && openCode[openCode.length - 1] === opener) {
      openAt.pop();
      openCode.pop();
    } else if (
      openCode.length === 0 &&
      /(?:^|[\s(;,])[\p{L}\p{N}]{1,2}$|[:;]-?$/u.test(text.slice(Math.max(0, i - 4), i))
    )
      continue;
    else bad.push({ start: i, end: i + 1 });
  }
  for (const at of openAt) bad.push({ start: at, end: at + 1 });
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
    if ((targetMarks(input).flags & HAS_BRACKET) === 0) return [];
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
  const bad: Span[] = [];
  const open: number[] = [];
  let curly = 0;
  let lastCurly = -1;
  let straight = 0;
  let lastStraight = -1;
  // By code, not text[i]: a Cyrillic character read as a string is a new string per character.
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0xab) open.push(i);
    else if (c === 0xbb) {
      if (open.length) open.pop();
      else bad.push({ start: i, end: i + 1 });
    } else if (c === 0x201c || c === 0x201d || c === 0x201e) {
      curly += 1;
      lastCurly = i;
    } else if (c === 0x22) {
      straight += 1;
      lastStraight = i;
    }
  }
  for (const i of open) bad.push({ start: i, end: i + 1 });
  if (curly % 2) bad.push({ start: lastCurly, end: lastCurly + 1 });
  if (straight % 2) bad.push({ start: lastStraight, end: lastStraight + 1 });
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
    if ((targetMarks(input).flags & HAS_PAIRED_QUOTE) === 0) return [];
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
    // Neither text has a quote mark: both hold no quotation.
    if (((sourceMarks(input).flags | targetMarks(input).flags) & HAS_QUOTATION) === 0) return [];
    const s = quotations(input.source);
    const t = quotations(input.target);
    return s !== t ? [{ messageKey: 'checks.punctuation.quoteCount', params: { source: s, target: t } }] : [];
  },
};

export const bracketParity: PairCheck = {
  id: 'bracket-parity',
  family: 'punctuation',
  scope: 'pair',
  needsSource: true,
  severity: 'minor',
  category: 'linguistic/punctuation',
  run(input) {
    const s = sourceMarks(input).openings;
    const t = targetMarks(input).openings;
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
    if ((targetMarks(input).flags & HAS_REPEATED) === 0) return out;
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
