import type { Run } from '../command.ts';
import type { Io } from '../io.ts';
import { readText } from '../io.ts';
import { UsageError } from '../args.ts';
import { segmentText } from '../../core/text/segment.ts';
import { alignSegments } from '../../core/align/align.ts';
import { alignPairsOf, glossaryTermPairs, type GlossaryAlignPairs } from '../../core/align/glossaryPairs.ts';
import { readGlossary } from '../readGlossary.ts';
import type { AlignSegment, Bead } from '../../core/align/types.ts';
import {
  ALIGN_LANGS,
  MAX_SEGMENTS,
  MAX_SEGMENT_CHARS,
  isAlignLang,
  presegmentedLines,
  scriptProblem,
} from '../../core/align/input.ts';

function langOf(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`missing --${flag} (${ALIGN_LANGS.join(', ')})`);
  if (!isAlignLang(value))
    throw new UsageError(`--${flag}: unknown language "${value}" (use ${ALIGN_LANGS.join(', ')})`);
  return value.toLowerCase();
}

/** Reads and segments one side, refusing empty files, overlong segments and text in the wrong script. */
function readSide(
  path: string | undefined,
  what: string,
  lang: string,
  presegmented: boolean,
): AlignSegment[] {
  const text = readText(path, what);
  if (text.trim() === '') throw new UsageError(`${path}: empty file, nothing to align`);
  let segments: AlignSegment[];
  let lineOf: (index: number) => number;
  if (presegmented) {
    const read = presegmentedLines(text);
    segments = read.segments;
    lineOf = (index) => read.lines[index] ?? 0;
  } else {
    const found = segmentText(text, lang);
    segments = found.map((s) => ({ text: s.text, paragraph: s.paragraph }));
    // Paragraph k is the k-th non-blank line of the file.
    const paragraphLines: number[] = [];
    text.split(/\r\n?|\n/).forEach((line, i) => {
      if (line.trim() !== '') paragraphLines.push(i + 1);
    });
    lineOf = (index) => paragraphLines[found[index]?.paragraph ?? 0] ?? 0;
  }
  if (segments.length > MAX_SEGMENTS) {
    throw new UsageError(`${path}: ${segments.length} segments, more than the limit of ${MAX_SEGMENTS}`);
  }
  const long = segments.findIndex((s) => s.text.length > MAX_SEGMENT_CHARS);
  if (long >= 0) {
    throw new UsageError(
      `${path}: line ${lineOf(long)}: a segment of ${segments[long]!.text.length} characters, longer than the limit of ${MAX_SEGMENT_CHARS}`,
    );
  }
  const problem = scriptProblem(text, lang);
  if (problem) throw new UsageError(`${path}: ${problem}`);
  return segments;
}

/** Glossary pairs from a TSV file: source term, tab, target term per line; blank lines and "#" comments skipped. */
function readTerms(path: string): [string, string][] {
  const pairs: [string, string][] = [];
  readText(path, 'TERMS')
    .split(/\r\n?|\n/)
    .forEach((line, i) => {
      if (line.trim() === '' || line.startsWith('#')) return;
      const [source, target, ...rest] = line.split('\t');
      if (!source?.trim() || !target?.trim() || rest.length > 0) {
        throw new UsageError(`${path}: line ${i + 1}: expected "source term<TAB>target term"`);
      }
      pairs.push([source.trim(), target.trim()]);
    });
  return pairs;
}

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat.padEnd(width) : `${flat.slice(0, width - 1)}…`;
}

function indices(list: readonly number[]): string {
  if (list.length === 0) return '—';
  const first = list[0]! + 1;
  const last = list[list.length - 1]! + 1;
  return first === last ? String(first) : `${first}–${last}`;
}

/** Side-by-side listing: one line per bead (1-based segment numbers), then a summary. */
function printListing(
  io: Io,
  beads: readonly Bead[],
  source: readonly AlignSegment[],
  target: readonly AlignSegment[],
): void {
  const lines: string[] = [
    `${'score'.padEnd(6)}${'src'.padEnd(8)}${'tgt'.padEnd(8)}${'source'.padEnd(50)}  target`,
  ];
  for (const b of beads) {
    const s = b.source.map((i) => source[i]!.text).join(' ');
    const t = b.target.map((j) => target[j]!.text).join(' ');
    const flag = b.score < 0.5 ? '?' : ' ';
    lines.push(
      `${b.score.toFixed(2)}${flag} ${indices(b.source).padEnd(8)}${indices(b.target).padEnd(8)}${clip(s, 50)}  ${clip(t, 50).trimEnd()}`,
    );
  }
  const oneToOne = beads.filter((b) => b.source.length === 1 && b.target.length === 1).length;
  const omitted = beads.filter((b) => b.target.length === 0).length;
  const inserted = beads.filter((b) => b.source.length === 0).length;
  const doubtful = beads.filter((b) => b.score < 0.5).length;
  lines.push(
    '',
    `${beads.length} beads: ${oneToOne} one-to-one, ${beads.length - oneToOne - omitted - inserted} merged or split, ` +
      `${omitted} source-only, ${inserted} target-only; ${doubtful} doubtful (score < 0.5, marked ?)`,
  );
  io.out(lines.join('\n'));
}

/**
 * Approved term pairs from --terms, --glossary and the glossary of --project (when no --glossary is given), as the
 * aligner takes them: phrase anchors, and single-word pairs as a seed dictionary (see core/align/glossaryPairs.ts).
 */
async function glossaryPairs(
  flags: Readonly<Record<string, string | undefined>>,
  sourceLang: string,
  targetLang: string,
): Promise<GlossaryAlignPairs> {
  const pairs: [string, string][] = flags.terms ? readTerms(flags.terms) : [];
  const entries = flags.glossary
    ? readGlossary(flags.glossary)
    : flags.project
      ? // Read only when asked for: a backup's reader brings the check settings' code with it.
        (await (await import('../check/projectFiles.ts')).readProjectFile(flags.project)).terms
      : [];
  pairs.push(...glossaryTermPairs(entries, sourceLang, targetLang));
  return alignPairsOf(pairs, sourceLang, targetLang);
}

export const align: Run = {
  async run(args, io) {
    const [srcPath, tgtPath, extra] = args.positional;
    if (!srcPath) throw new UsageError('missing SRC file');
    if (!tgtPath) throw new UsageError('missing TGT file');
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const sourceLang = langOf(args.flags['source-lang'], 'source-lang');
    const targetLang = langOf(args.flags['target-lang'], 'target-lang');
    const presegmented = Boolean(args.flags.presegmented);
    const source = readSide(srcPath, 'SRC', sourceLang, presegmented);
    const target = readSide(tgtPath, 'TGT', targetLang, presegmented);
    const { termPairs, seedPairs } = await glossaryPairs(args.flags, sourceLang, targetLang);
    const beads = alignSegments(source, target, {
      sourceLang,
      targetLang,
      termPairs,
      ...(seedPairs.length > 0 ? { seedPairs } : {}),
    });
    if (args.flags.json) {
      io.out(
        JSON.stringify({ beads: beads.map((b) => ({ source: b.source, target: b.target, score: b.score })) }),
      );
    } else printListing(io, beads, source, target);
    return 0;
  },
};
