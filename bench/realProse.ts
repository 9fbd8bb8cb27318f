// Real prose for the aligner: the Bleualign German–French documents (news and commentary, hand-aligned), cut into
// blocks at gold bead boundaries, then repeated and shuffled block by block until the source has the size asked
// for. The text, its sentence lengths and its free translation are real; only the order of the blocks is made up.
// Read from ../shared/conformance/ (beside the project) when present; otherwise the synthetic pair stands in.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AlignSegment, BeadShape } from '../src/core/align/types.ts';
import { syntheticPair } from './alignSynthetic.ts';

const DOCS = ['dev', 'test0', 'test1', 'test2', 'test3', 'test4', 'test5', 'test6'];
/** Sentences per block, roughly: long enough to keep a passage's flow, short enough to shuffle well. */
const BLOCK = 40;

/** Where the gold set is: beside the project (a clone's ../shared) or beside its worktree. */
export function bleualignDir(): string | undefined {
  const root = resolve(import.meta.dirname, '..');
  for (const base of [join(root, '../shared'), join(root, '../../shared')]) {
    const dir = join(base, 'conformance/align-gold/bleualign-de-fr');
    if (existsSync(join(dir, 'dev.defr'))) return dir;
  }
  return undefined;
}

/** A passage of both versions, with its gold beads (indices inside the block). */
type Block = {
  readonly source: readonly string[];
  readonly target: readonly string[];
  readonly gold: readonly BeadShape[];
};

const lines = (path: string) => readFileSync(path, 'utf8').replace(/\n$/u, '').split('\n');

function blocksOf(dir: string): Block[] {
  const out: Block[] = [];
  for (const doc of DOCS) {
    const de = lines(join(dir, `${doc}.de`));
    const fr = lines(join(dir, `${doc}.fr`));
    const beads = lines(join(dir, `${doc}.defr`)).map((line) => {
      const [s, t] = line.split(':').map((part) => JSON.parse(part) as number[]);
      return { s: s!, t: t! };
    });
    let source: string[] = [];
    let target: string[] = [];
    let gold: BeadShape[] = [];
    for (const b of beads) {
      gold.push({
        source: b.s.map((_, k) => source.length + k),
        target: b.t.map((_, k) => target.length + k),
      });
      source.push(...b.s.map((i) => de[i]!));
      target.push(...b.t.map((j) => fr[j]!));
      if (source.length >= BLOCK) {
        out.push({ source, target, gold });
        source = [];
        target = [];
        gold = [];
      }
    }
    if (source.length > 0 || target.length > 0) out.push({ source, target, gold });
  }
  return out;
}

/** mulberry32: every run builds the same document. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type ProsePair = {
  readonly source: AlignSegment[];
  readonly target: AlignSegment[];
  readonly sourceLang: string;
  readonly targetLang: string;
  readonly workload: string;
  /** The gold beads, where the pair is made of gold-aligned blocks. */
  readonly gold?: readonly BeadShape[];
};

/** A pair of about `count` source sentences of real prose, or the synthetic one where the gold set is absent. */
export function prosePair(count: number, seed = 11): ProsePair {
  const dir = bleualignDir();
  if (!dir) {
    const { source, target } = syntheticPair(count, count);
    return {
      source,
      target,
      sourceLang: 'ru',
      targetLang: 'en',
      workload: 'synthetic ru–en (Bleualign set not found beside the project)',
    };
  }
  const blocks = blocksOf(dir);
  const r = rng(seed);
  const source: AlignSegment[] = [];
  const target: AlignSegment[] = [];
  const gold: BeadShape[] = [];
  while (source.length < count) {
    // Each round uses every block once, in a new order: the document repeats its passages, never one passage twice
    // in a row.
    const order = blocks.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      if (source.length >= count) break;
      const block = blocks[k]!;
      // No paragraph marks: one sentence a line, as aligners are usually fed, so block edges are no free anchors.
      for (const b of block.gold)
        gold.push({
          source: b.source.map((i) => source.length + i),
          target: b.target.map((j) => target.length + j),
        });
      for (const text of block.source) source.push({ text });
      for (const text of block.target) target.push({ text });
    }
  }
  return {
    source,
    target,
    sourceLang: 'de',
    targetLang: 'fr',
    gold,
    workload: `Bleualign de–fr prose (${blocks.length} blocks of ~${BLOCK} sentences from 8 documents, repeated and shuffled by block, one sentence a line)`,
  };
}
