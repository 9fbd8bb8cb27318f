// Sentence F1 of segmentation on the held-out gold sets in tests/fixtures/segment ({ru,en,kk}.txt: paragraphs
// separated by blank lines, one gold sentence per line). Each paragraph is joined with single spaces, segmented, and
// the sentences compared by their character spans: a sentence counts when both its ends are right.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../src/core/text/segment.ts';

const DIR = join(import.meta.dirname, '../tests/fixtures/segment');

export type SegmentationScore = {
  readonly lang: string;
  readonly sentences: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Paragraphs split wrongly: what came out, sentences joined by " | ". */
  readonly errors: readonly string[];
};

function spans(sentences: readonly string[]): Set<string> {
  const out = new Set<string>();
  let at = 0;
  for (const s of sentences) {
    out.add(`${at}:${at + s.length}`);
    at += s.length + 1;
  }
  return out;
}

export function segmentationScore(lang: string, text: string): SegmentationScore {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').filter((l) => l.trim() !== ''))
    .filter((p) => p.length > 0);
  let right = 0;
  let found = 0;
  let gold = 0;
  const errors: string[] = [];
  for (const sentences of paragraphs) {
    const got = splitSentences(sentences.join(' '), lang);
    const want = spans(sentences);
    const have = spans(got);
    for (const s of have) if (want.has(s)) right += 1;
    found += have.size;
    gold += want.size;
    if (got.join('\n') !== sentences.join('\n')) errors.push(got.join(' | '));
  }
  const precision = found ? right / found : 1;
  const recall = gold ? right / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { lang, sentences: gold, precision, recall, f1, errors };
}

/** Scores on the main gold sets, or on the second, smaller set in `fresh/` (see the README). */
export function segmentationScores(set: 'main' | 'fresh' = 'main'): SegmentationScore[] {
  const dir = set === 'main' ? DIR : join(DIR, 'fresh');
  return ['ru', 'en', 'kk'].map((lang) =>
    segmentationScore(lang, readFileSync(join(dir, `${lang}.txt`), 'utf8')),
  );
}
