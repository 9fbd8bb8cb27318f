// Audarma's `check` beside Translate Toolkit's pofilter on the same 100,000 varied ru→en pairs (variedPairs.ts),
// each a whole process: the pairs as a TSV for Audarma and as a PO file for pofilter (Debian package
// translate-toolkit). The two tools run in turn (Audarma, pofilter, Audarma, …) so a busy machine weighs on both
// alike, and medians are printed with the ratio. COMPARE_RUNS sets the runs per tool (3), COMPARE_PAIRS the size.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, runProcess, type ProcessRun } from './processRun.ts';
import { describeWorkload, variedPairs, type VariedPair } from './variedPairs.ts';

const bin = new URL('../bin/audarma.mjs', import.meta.url).pathname;

const tsvField = (s: string) => s.replace(/[\t\r\n]/g, ' ');
const poString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

export function toTsv(pairs: readonly VariedPair[]): string {
  const rows = pairs.map((p) => `${p.id}\t${tsvField(p.source)}\t${tsvField(p.target)}`);
  return `id\tsource\ttarget\n${rows.join('\n')}\n`;
}

/** A PO file of the pairs: msgctxt keeps each unit apart (several share a source), msgid source, msgstr target. */
export function toPo(pairs: readonly VariedPair[]): string {
  const head =
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n"Source-Language: ru\\n"\n';
  const units = pairs.map(
    (p) => `msgctxt ${poString(p.id)}\nmsgid ${poString(p.source)}\nmsgstr ${poString(p.target)}\n`,
  );
  return `${head}\n${units.join('\n')}`;
}

function pofilterVersion(): string | undefined {
  const r = spawnSync('pofilter', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function summary(runs: readonly ProcessRun[]) {
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    peakMiB: median(runs.map((r) => r.peakMiB)),
    runs: runs.length,
  };
}

export async function bench(): Promise<Record<string, number | string>> {
  const count = Number(process.env.COMPARE_PAIRS ?? 100_000);
  const times = Number(process.env.COMPARE_RUNS ?? 3);
  const pairs = variedPairs(count);
  const workload = `${describeWorkload(pairs)}; whole processes, medians of ${times} interleaved runs`;
  const version = pofilterVersion();
  if (!version)
    return {
      workload,
      skipped:
        'pofilter is not installed (Debian: apt-get install -y translate-toolkit); nothing to compare against',
    };
  // Brings the bundle up to date first, so no run pays for building it.
  spawnSync(process.execPath, [bin, '--help'], { stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'audarma-compare-'));
  try {
    const tsv = join(dir, 'pairs.tsv');
    const po = join(dir, 'pairs.po');
    writeFileSync(tsv, toTsv(pairs));
    writeFileSync(po, toPo(pairs));
    const ours: ProcessRun[] = [];
    const theirs: ProcessRun[] = [];
    for (let i = 0; i < times; i += 1) {
      ours.push(
        runProcess(process.execPath, [bin, 'check', tsv, '--source-lang', 'ru', '--target-lang', 'en']),
      );
      theirs.push(runProcess('pofilter', ['--progress=none', '-i', po, '-o', join(dir, 'flagged.po')]));
    }
    const failed = [...ours, ...theirs].find((r) => r.code !== 0 && r.code !== 1);
    if (failed) throw new Error(`a run failed (exit ${failed.code}): ${failed.stderr}`);
    const a = summary(ours);
    const p = summary(theirs);
    return {
      workload,
      pofilter: version.split('\n')[0] ?? version,
      audarmaWallMs: a.wallMs,
      audarmaCpuMs: a.cpuMs,
      audarmaPeakMiB: a.peakMiB,
      pofilterWallMs: p.wallMs,
      pofilterCpuMs: p.cpuMs,
      pofilterPeakMiB: p.peakMiB,
      // Above 1: Audarma is faster (time) or smaller (memory) by that factor.
      wallRatio: Math.round((p.wallMs / a.wallMs) * 100) / 100,
      cpuRatio: Math.round((p.cpuMs / a.cpuMs) * 100) / 100,
      memoryRatio: Math.round((p.peakMiB / a.peakMiB) * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('compare.ts')) console.log(await bench());
