// Gold alignments for the measurements and the confidence fit: the Bleualign German–French set (written by others,
// read from ../shared/conformance when present), the same with simulated omissions and insertions, and the project's
// own Russian–English and Russian–Kazakh documents (tests/fixtures/align, origins in its README.md).
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { presegmentedLines } from '../src/core/align/input.ts';
import type { AlignSegment, BeadShape } from '../src/core/align/types.ts';

export const BLEUALIGN = '/work/shared/conformance/align-gold/bleualign-de-fr';
export const BLEUALIGN_TEST = ['test0', 'test1', 'test2', 'test3', 'test4', 'test5', 'test6'];
const OWN = join(import.meta.dirname, '../tests/fixtures/align');

export type GoldPair = {
  readonly name: string;
  readonly sourceLang: string;
  readonly targetLang: string;
  readonly source: readonly AlignSegment[];
  readonly target: readonly AlignSegment[];
  readonly gold: readonly BeadShape[];
};

export function lines(path: string): string[] {
  const out = readFileSync(path, 'utf8').split('\n');
  if (out.at(-1) === '') out.pop();
  return out;
}

export function parseGold(path: string): BeadShape[] {
  return lines(path)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [s, t] = l.split(':');
      return { source: JSON.parse(s ?? '[]') as number[], target: JSON.parse(t ?? '[]') as number[] };
    });
}

export const beadKey = (b: BeadShape): string => `${b.source.join(',')}:${b.target.join(',')}`;

export function bleualignAvailable(dir = BLEUALIGN): boolean {
  return existsSync(dir);
}

export function bleualignPair(doc: string, dir = BLEUALIGN): GoldPair {
  return {
    name: `bleualign ${doc}`,
    sourceLang: 'de',
    targetLang: 'fr',
    source: lines(join(dir, `${doc}.de`)).map((text) => ({ text })),
    target: lines(join(dir, `${doc}.fr`)).map((text) => ({ text })),
    gold: parseGold(join(dir, `${doc}.defr`)),
  };
}

/** A small deterministic generator (LCG), so that simulated sets are the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The pair with about `rate` of its 1-1 target sentences dropped (gold becomes a 1-0 bead) and as many sentences of
 * another document inserted (0-1 beads): what a translation that lost and gained sentences looks like.
 */
export function withOmissions(
  pair: GoldPair,
  foreign: readonly string[],
  seed: number,
  rate = 0.04,
): GoldPair {
  const r = random(seed);
  const target: AlignSegment[] = [];
  const gold: BeadShape[] = [];
  let f = Math.floor(r() * foreign.length);
  for (const b of pair.gold) {
    if (b.source.length === 1 && b.target.length === 1 && r() < rate) {
      gold.push({ source: b.source, target: [] });
      continue;
    }
    const t = b.target.map((j) => {
      target.push(pair.target[j]!);
      return target.length - 1;
    });
    gold.push({ source: b.source, target: t });
    if (r() < rate && foreign.length > 0) {
      target.push({ text: foreign[f % foreign.length]! });
      f += 1;
      gold.push({ source: [], target: [target.length - 1] });
    }
  }
  return { ...pair, name: `${pair.name} with omissions`, target, gold };
}

/** The project's own trilingual documents: `name` is the path under tests/fixtures/align without the extension. */
export function ownPair(name: string, targetLang: 'en' | 'kk'): GoldPair {
  const read = (lang: string) =>
    presegmentedLines(readFileSync(join(OWN, `${name}.${lang}.txt`), 'utf8')).segments;
  return {
    name: `${name} ru–${targetLang}`,
    sourceLang: 'ru',
    targetLang,
    source: read('ru'),
    target: read(targetLang),
    gold: parseGold(join(OWN, `${name}.ru-${targetLang}.gold`)),
  };
}

/** Development documents: the confidence model and the aligner's constants are fitted on these only. */
export function developmentPairs(): GoldPair[] {
  const out = [ownPair('akimat', 'en'), ownPair('akimat', 'kk')];
  if (bleualignAvailable()) {
    const dev = bleualignPair('dev');
    out.push(dev, withOmissions(dev, lines(join(BLEUALIGN, 'test0.fr')).slice(0, 100), 11));
  }
  return out;
}

/** Held-out documents: never used for fitting or tuning. */
export const HELD_OUT = ['heldout/water'];

export function heldOutPairs(): GoldPair[] {
  return HELD_OUT.flatMap((name) => [ownPair(name, 'en'), ownPair(name, 'kk')]);
}

export function bleualignTestPairs(withSimulated: boolean): GoldPair[] {
  if (!bleualignAvailable()) return [];
  const foreign = lines(join(BLEUALIGN, 'dev.fr')).slice(200, 300);
  return BLEUALIGN_TEST.map((doc, k) => {
    const pair = bleualignPair(doc);
    return withSimulated ? withOmissions(pair, foreign, 101 + k) : pair;
  });
}

/** Debian's FreeDict German–French dictionary (package dict-freedict-deu-fra), when installed. */
export const FREEDICT_DE_FR = '/usr/share/dictd/freedict-deu-fra';

/**
 * Word pairs of a dictd dictionary (FreeDict/WikDict layout): each entry is a headword line ("Gipfel /ˈɡɪpfl̩/ <n,
 * masc>"), then translation lines, either one unnumbered line or lines numbered "1. …", "2. …" (comma-separated
 * renderings), each followed by a German gloss that is skipped. Null when the files are not there.
 */
export function dictdPairs(base = FREEDICT_DE_FR): [string, string][] | null {
  if (!existsSync(`${base}.index`) || !existsSync(`${base}.dict.dz`)) return null;
  const data = gunzipSync(readFileSync(`${base}.dict.dz`));
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const num = (s: string) => [...s].reduce((v, c) => v * 64 + B64.indexOf(c), 0);
  const out: [string, string][] = [];
  for (const line of lines(`${base}.index`)) {
    const [word, off, len] = line.split('\t');
    if (!word || !off || !len || word.startsWith('00database')) continue;
    const entry = data
      .subarray(num(off), num(off) + num(len))
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const head = entry[0]
      ?.replace(/\s*\/.*$/u, '')
      .replace(/\s*<.*$/u, '')
      .trim();
    if (!head) continue;
    const renderings: string[] = [];
    const numbered = entry.slice(1).filter((l) => /^\d+\.\s/u.test(l));
    if (numbered.length > 0) for (const l of numbered) renderings.push(l.replace(/^\d+\.\s*/u, ''));
    else if (entry[1] !== undefined) renderings.push(entry[1]);
    for (const r of renderings)
      for (const t of r.split(/,\s*/u)) {
        const target = t.replace(/\s+\d+\.$/u, '').trim();
        if (target) out.push([head, target]);
      }
  }
  return out;
}
