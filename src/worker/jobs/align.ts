import { alignSegments } from '../../core/align/align.ts';
import { rowsFromBeads, type AlignRow } from '../../core/align/edit.ts';
import type { AlignSegment } from '../../core/align/types.ts';
import type { Lang } from '../../core/model/lang.ts';
import { normaliseText, segmentText } from '../../core/text/segment.ts';

/** Largest file accepted, in bytes. */
export const MAX_ALIGN_BYTES = 20_000_000;
/** Longest segment accepted: a "sentence" longer than this is a file without sentence ends. */
export const MAX_SEGMENT_CHARS = 4000;
/** Most segments an imported version may have. */
export const MAX_SEGMENTS = 100_000;

/** Why an imported text cannot be aligned; `line` is 1-based. */
export type AlignProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'tooLarge'; readonly bytes: number; readonly limit: number }
  | { readonly code: 'binary'; readonly line: number }
  | { readonly code: 'notUtf8'; readonly line: number }
  | { readonly code: 'wrongScript'; readonly expected: 'Cyrillic' | 'Latin'; readonly share: number }
  | { readonly code: 'notKazakh' }
  | { readonly code: 'looksKazakh' }
  | { readonly code: 'longSegment'; readonly line: number; readonly chars: number; readonly limit: number }
  | { readonly code: 'tooMany'; readonly count: number; readonly limit: number };

export type AlignJobInput = {
  /** The imported file as read (UTF-8 with or without BOM, or UTF-16 with BOM). */
  readonly bytes: Uint8Array;
  readonly lang: Lang;
  /** Each non-empty line is one segment; blank lines separate paragraphs. */
  readonly onePerLine: boolean;
  /** The units' texts in the pivot language, in order. */
  readonly pivot: readonly AlignSegment[];
  readonly pivotLang: Lang;
  /** Approved glossary pairs (pivot term, imported term). */
  readonly termPairs: readonly (readonly [string, string])[];
  /** Those of them that pair single words, as a seed dictionary (see core/align/glossaryPairs.ts). */
  readonly seedPairs?: readonly (readonly [string, string])[];
};

export type AlignJobOutput =
  | { readonly kind: 'error'; readonly problem: AlignProblem }
  | { readonly kind: 'rows'; readonly rows: readonly AlignRow[]; readonly segments: number };

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

function decode(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: AlignProblem } {
  if (bytes.length > MAX_ALIGN_BYTES)
    return { ok: false, problem: { code: 'tooLarge', bytes: bytes.length, limit: MAX_ALIGN_BYTES } };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes) };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const head = new TextDecoder().decode(bytes.subarray(0, nul));
    return { ok: false, problem: { code: 'binary', line: lineAt(head, head.length) } };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const loose = new TextDecoder().decode(bytes);
    return {
      ok: false,
      problem: { code: 'notUtf8', line: lineAt(loose, Math.max(0, loose.indexOf('\uFFFD'))) },
    };
  }
}

// Control characters other than tab, line and page breaks: text files have next to none.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0001-\u0008\u000e-\u001f\u007f]/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/gu;
const SCRIPT_OF: Readonly<Record<string, 'Cyrillic' | 'Latin'>> = {
  ru: 'Cyrillic',
  kk: 'Cyrillic',
  en: 'Latin',
};

const countOf = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** Evident mismatches between a text and its declared language; short texts are not judged. */
export function textProblem(text: string, lang: Lang): AlignProblem | undefined {
  const controls = countOf(text, CONTROL);
  if (controls > 0 && controls / text.length > 0.01) {
    const first = text.search(CONTROL);
    return { code: 'binary', line: lineAt(text, first) };
  }
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const cyrillic = countOf(sample, CYRILLIC);
  const latin = countOf(sample, LATIN);
  const expected = SCRIPT_OF[lang];
  if (expected && cyrillic + latin >= 40) {
    const share = (expected === 'Cyrillic' ? cyrillic : latin) / (cyrillic + latin);
    if (share < 0.3) return { code: 'wrongScript', expected, share: Math.round(share * 100) };
  }
  const kazakh = countOf(sample, KAZAKH_LETTERS);
  if (lang === 'kk' && cyrillic >= 300 && kazakh === 0) return { code: 'notKazakh' };
  if (lang === 'ru' && kazakh >= 10 && kazakh / Math.max(1, cyrillic) > 0.03) return { code: 'looksKazakh' };
  return undefined;
}

/** Segments of an imported text, each with the line it starts on. */
export function importedSegments(
  text: string,
  lang: Lang,
  onePerLine: boolean,
): { segments: AlignSegment[]; lines: number[] } {
  const lines = normaliseText(text).split('\n');
  const segments: AlignSegment[] = [];
  const starts: number[] = [];
  if (onePerLine) {
    let paragraph = 0;
    let blank = false;
    lines.forEach((raw, i) => {
      const line = raw.trim();
      if (line === '') {
        blank = segments.length > 0;
        return;
      }
      if (blank) paragraph += 1;
      blank = false;
      segments.push({ text: line, paragraph });
      starts.push(i + 1);
    });
    return { segments, lines: starts };
  }
  // segmentText numbers paragraphs by non-empty line: map them back to line numbers.
  const paragraphLines: number[] = [];
  lines.forEach((line, i) => {
    if (line.trim() !== '') paragraphLines.push(i + 1);
  });
  for (const s of segmentText(text, lang)) {
    segments.push({ text: s.text, paragraph: s.paragraph });
    starts.push(paragraphLines[s.paragraph] ?? 1);
  }
  return { segments, lines: starts };
}

/** Reads an imported version, checks it, segments it and aligns it with the pivot units. */
export function alignJob(input: AlignJobInput, progress: (fraction: number) => void): AlignJobOutput {
  const error = (problem: AlignProblem): AlignJobOutput => ({ kind: 'error', problem });
  progress(0);
  const decoded = decode(input.bytes);
  if (!decoded.ok) return error(decoded.problem);
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return error({ code: 'empty' });
  const problem = textProblem(text, input.lang);
  if (problem) return error(problem);
  progress(0.03);
  const { segments, lines } = importedSegments(text, input.lang, input.onePerLine);
  if (segments.length === 0) return error({ code: 'empty' });
  if (segments.length > MAX_SEGMENTS)
    return error({ code: 'tooMany', count: segments.length, limit: MAX_SEGMENTS });
  const long = segments.findIndex((s) => s.text.length > MAX_SEGMENT_CHARS);
  if (long >= 0)
    return error({
      code: 'longSegment',
      line: lines[long] ?? 1,
      chars: segments[long]!.text.length,
      limit: MAX_SEGMENT_CHARS,
    });
  progress(0.08);
  const beads = alignSegments(input.pivot, segments, {
    sourceLang: input.pivotLang,
    targetLang: input.lang,
    termPairs: input.termPairs,
    ...(input.seedPairs && input.seedPairs.length > 0 ? { seedPairs: input.seedPairs } : {}),
    onProgress: (f) => progress(0.08 + 0.92 * f),
  });
  progress(1);
  return {
    kind: 'rows',
    rows: rowsFromBeads(
      beads,
      segments.map((s) => s.text),
    ),
    segments: segments.length,
  };
}
