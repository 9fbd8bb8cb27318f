import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckInput, runFacts } from '../../../src/core/checks/CheckInput.ts';
import { lowercaseI, lowercaseStart, mixedCase } from '../../../src/core/checks/pair/casing.ts';
import {
  quotations,
  unbalancedBrackets,
  unbalancedQuotes,
} from '../../../src/core/checks/pair/punctuation.ts';
import { whitespaceEdges } from '../../../src/core/checks/pair/spacing.ts';
import {
  HAS_BRACKET,
  HAS_CODE,
  HAS_DOUBLE_GAP,
  HAS_GLUED,
  HAS_INNER_CAPITAL,
  HAS_INVISIBLE,
  HAS_LONE_I,
  HAS_PAIRED_QUOTE,
  HAS_QUOTATION,
  HAS_REPEATED,
  HAS_SPACE_INSIDE,
  HAS_SPACE_MARK,
  scanMarks,
  sourceMarks,
} from '../../../src/core/checks/util/markScan.ts';
import type { Span } from '../../../src/core/checks/types.ts';
import { words } from '../../../src/core/checks/util/words.ts';
import { CODE_CHARS } from '../../../src/core/text/codeTokens.ts';

// The character scan stands in for the checks' expressions on the hot path: every fact it reports absent must
// be one the expression cannot match without, on any text. The pieces are the characters those expressions
// and the scan tell apart, surrogates, code characters and invisible ones included.
const PIECES = [
  'a',
  'b',
  'i',
  'I',
  'Ab',
  'aB',
  'Я',
  'я',
  'ж',
  'Ж',
  'é',
  '1',
  ' ',
  '\u00a0',
  '\t',
  '\n',
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  '…',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '«',
  '»',
  '“',
  '”',
  '„',
  '‟',
  '‘',
  '’',
  '‚',
  '‹',
  '›',
  '-',
  '•',
  '\u200b',
  '\u200d',
  '\u0001',
  '\u00ad',
  '\ue001',
  '\ue800',
  '\uf001',
  '𝐀',
  '👩',
  'www.x.kz',
  'a@b.kz',
  '{n}',
];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join(''));
const RUNS = { numRuns: 4000 };

const has = (text: string, flag: number) => (scanMarks(text).flags & flag) !== 0;

describe('scanMarks', () => {
  const implied: [string, RegExp, number][] = [
    ['double space', /(?<=\S)[ \u00a0\t]{2,}(?=\S)/u, HAS_DOUBLE_GAP],
    ['space before a mark', /[ \u00a0]+(?:[,;!?]|[.:](?!\p{L}|\.\.))(?=[\s"'»”)\]]|$)/u, HAS_SPACE_MARK],
    ['space inside brackets', /[([{][ \u00a0]+|(?<=\S)[ \u00a0]+[)\]}]/u, HAS_SPACE_INSIDE],
    ['missing space', /(?<=\p{L})[,;](?=\p{L})|(?<=\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll})/u, HAS_GLUED],
    [
      'repeated punctuation',
      /([,;:!?])\1+|(?<![.\p{L}])\.\.(?!\.)|(?<=\p{L}|\))\.\.(?!\.)|[,;:][.,;:](?!\.)|[?!]\.(?!\.)/u,
      HAS_REPEATED,
    ],
    ['lone i', /(?:^|[^\p{L}])i(?:[^\p{L}]|$)/u, HAS_LONE_I],
  ];
  it.each(implied)('%s: no match without the fact', (_, re, flag) => {
    fc.assert(
      fc.property(texts, (t) => {
        if (re.test(t)) expect(has(t, flag)).toBe(true);
      }),
      RUNS,
    );
  });

  it('reports brackets, paired quote marks and openings exactly', () => {
    fc.assert(
      fc.property(texts, (t) => {
        expect(has(t, HAS_BRACKET)).toBe(/[()[\]{}]/.test(t));
        expect(has(t, HAS_PAIRED_QUOTE)).toBe(/[«»“”„"]/.test(t));
        expect(scanMarks(t).openings).toBe(t.replace(/[^([]/g, '').length);
        if (!has(t, HAS_QUOTATION)) expect(quotations(t)).toBe(0);
      }),
      RUNS,
    );
  });

  it('marks a capital inside every word the mixed-case patterns could take', () => {
    const patterns = [/^\p{Lu}{2,}\p{Ll}{2,}$/u, /^\p{Ll}\p{Lu}\p{Ll}+$/u, /^\p{Ll}{2,}\p{Lu}\p{Ll}*$/u];
    fc.assert(
      fc.property(texts, (t) => {
        if (words(t).some((w) => patterns.some((p) => p.test(w.text))))
          expect(has(t, HAS_INNER_CAPITAL)).toBe(true);
      }),
      RUNS,
    );
  });

  it('marks invisible and code characters as their expressions match them, over the whole BMP', () => {
    const invisible =
      /(?![\t\n\r])\p{Cc}|[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/u;
    const code = new RegExp(CODE_CHARS.source);
    for (let c = 0; c < 0x10000; c += 1) {
      const ch = String.fromCharCode(c);
      expect(has(ch, HAS_INVISIBLE), ch).toBe(invisible.test(ch));
      expect(has(ch, HAS_CODE), ch).toBe(code.test(ch));
    }
  });

  it("gives the source's facts the full scan gives", () => {
    const run = runFacts({ sourceLang: 'ru', targetLang: 'en' });
    fc.assert(
      fc.property(texts, (s) => {
        const got = sourceMarks(new CheckInput({ id: 'u', source: s, target: 'x' }, run));
        const full = scanMarks(s);
        const asked = HAS_QUOTATION | HAS_CODE;
        expect(got.flags & asked).toBe(full.flags & asked);
        expect(got.openings).toBe(full.openings);
      }),
      RUNS,
    );
  });
});

// The checks rewritten to read by code, as first written with expressions and string copies: the definitions
// the rewrites must agree with.
function bracketsAsWritten(text: string, skip: readonly Span[]): Span[] {
  const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: { ch: string; at: number }[] = [];
  const bad: Span[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (PAIRS[ch]) stack.push({ ch, at: i });
    else if (CLOSERS[ch]) {
      if (skip.some((s) => i < s.end && s.start < i + 1)) continue;
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

function quotesAsWritten(text: string): Span[] {
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

function edgesAsWritten(source: string, t: string): unknown[] {
  const lead = (s: string): string => s.slice(0, s.length - s.trimStart().length);
  const trail = (s: string): string => s.slice(s.trimEnd().length);
  const out: unknown[] = [];
  if (lead(t) !== lead(source)) {
    const span = { start: 0, end: lead(t).length };
    out.push({
      messageKey: 'checks.spacing.leading',
      target: [span],
      fix: { span, replacement: lead(source) },
    });
  }
  if (trail(t) !== trail(source) && t.trim() !== '') {
    const span = { start: t.length - trail(t).length, end: t.length };
    out.push({
      messageKey: 'checks.spacing.trailing',
      target: [span],
      fix: { span, replacement: trail(source) },
    });
  }
  return out;
}

describe('checks read by code', () => {
  const run = runFacts({ sourceLang: 'ru', targetLang: 'en' });
  const skips = fc.array(fc.record({ start: fc.nat({ max: 14 }), end: fc.nat({ max: 16 }) }), {
    maxLength: 2,
  });

  it('find the brackets and quote marks the string-reading versions find', () => {
    fc.assert(
      fc.property(texts, skips, (t, skip) => {
        expect(unbalancedBrackets(t, skip)).toEqual(bracketsAsWritten(t, skip));
        expect(unbalancedQuotes(t)).toEqual(quotesAsWritten(t));
      }),
      RUNS,
    );
  });

  it('report the white space at the edges the trimming version reports', () => {
    const spaced = fc
      .tuple(
        fc.constantFrom('', ' ', '\n', '\u00a0 ', '\t'),
        texts,
        fc.constantFrom('', ' ', '\u3000', '\r\n'),
      )
      .map(([a, b, c]) => a + b + c);
    fc.assert(
      fc.property(spaced, spaced, (s, t) => {
        const input = new CheckInput({ id: 'u', source: s, target: t }, run);
        expect(whitespaceEdges.run(input)).toEqual(edgesAsWritten(s, t));
      }),
      RUNS,
    );
  });

  it('casing checks report what their expressions alone report', () => {
    // A prefix that defeats the quick exits now and then: a small letter, a lone "i", a capital inside a word.
    const starts = fc.constantFrom('', ' ', '«', '(', '"', 'a ', 'aBc ', 'i ', 'ёЖик ');
    fc.assert(
      fc.property(starts, texts, texts, (p, s, t) => {
        const input = new CheckInput({ id: 'u', source: s, target: p + t }, run);
        expect(lowercaseStart.run(input).length > 0).toBe(
          lowercaseStartFires(s, p + t, input.targetProtected),
        );
        expect(lowercaseI.run(input).map((f) => f.target?.[0])).toEqual(loneIs(p + t, input.targetProtected));
        expect(mixedCase.run(input).map((f) => f.target?.[0])).toEqual(
          mixedWords(s, p + t, input.targetProtected),
        );
      }),
      RUNS,
    );
  });
});

const touches = (start: number, end: number, spans: readonly Span[]) =>
  spans.some((p) => start < p.end && p.start < end);

/** lowercase-i's spans as first written: the expression, with no scan before it. */
function loneIs(t: string, skip: readonly Span[]): Span[] {
  if (!/(?:^|[^\p{L}])i(?:[^\p{L}]|$)/u.test(t)) return [];
  const out: Span[] = [];
  for (const m of t.matchAll(/(?<![\p{L}\p{N}('’.-])i(?=[ ,;:!?]|['’](?:m|ve|ll|d)\b)/gu)) {
    if (!touches(m.index, m.index + 1, skip)) out.push({ start: m.index, end: m.index + 1 });
  }
  return out;
}

/** mixed-case's words as first written: every word through the case copies and the patterns. */
function mixedWords(source: string, t: string, skip: readonly Span[]): Span[] {
  const CASE_OK = ['kwh', 'mwh', 'gwh', 'mah', 'khz', 'kbps', 'mbps', 'gbps', 'dbm', 'dba', 'ph', 'mrna'];
  const out: Span[] = [];
  for (const w of words(t)) {
    const x = w.text;
    if (x.length < 3 || x === x.toLowerCase() || x === x.toUpperCase()) continue;
    if (
      !/^\p{Lu}{2,}\p{Ll}{2,}$/u.test(x) &&
      !/^(?![ie]\p{Lu})\p{Ll}\p{Lu}\p{Ll}+$/u.test(x) &&
      !/^\p{Ll}{2,}\p{Lu}\p{Ll}*$/u.test(x)
    )
      continue;
    if (CASE_OK.includes(x.toLowerCase()) || source.includes(x) || touches(w.start, w.end, skip)) continue;
    out.push(w);
  }
  return out;
}

/** Whether lowercase-start as first written (expressions only) fires. */
function lowercaseStartFires(source: string, t: string, skip: readonly Span[]): boolean {
  const LOWER_OK = [
    'e',
    'i',
    'km',
    'kg',
    'cm',
    'mm',
    'ml',
    'de',
    'van',
    'von',
    'der',
    'al',
    'ibn',
    'pH',
    'x',
    'vs',
  ];
  if (/^\s*(?:[-–—•*·]|\(?\d{1,3}[.)]|\(?[\p{L}][)])\s*/u.test(t) || /[;,:]\s*$/u.test(t)) return false;
  const m = /^[\s"'«“„([]*(\p{L}[\p{L}'’-]*)/u.exec(t);
  const word = m?.[1];
  if (!m || !word) return false;
  const first = word.charAt(0);
  if (first === first.toUpperCase()) return false;
  if (LOWER_OK.includes(word.split(/[-'’]/)[0] ?? word) || /\p{Lu}/u.test(word.slice(1))) return false;
  if (source.trim() !== '') {
    const s = /^[\s"'«“„([]*(\p{L})/u.exec(source)?.[1];
    if (!s || s === s.toLowerCase()) return false;
  }
  const start = m[0].length - word.length;
  return !touches(start, start + word.length, skip);
}
