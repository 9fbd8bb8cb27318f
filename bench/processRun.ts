// Wall time, CPU time and peak resident memory of one whole process, read from GNU time (/usr/bin/time) or,
// without it, from Python's resource module; with neither only the wall time is known (peakMiB -1).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type ProcessRun = {
  readonly code: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakMiB: number;
  readonly stderr: string;
};

const GNU_TIME = '/usr/bin/time';
const PY_WRAPPER = [
  'import resource, subprocess, sys, time',
  't = time.time()',
  'code = subprocess.call(sys.argv[2:], stdout=subprocess.DEVNULL)',
  'wall = time.time() - t',
  'r = resource.getrusage(resource.RUSAGE_CHILDREN)',
  "open(sys.argv[1], 'w').write('%f %f %f %d' % (wall, r.ru_utime, r.ru_stime, r.ru_maxrss))",
  'sys.exit(code)',
].join('\n');

function hasPython(): boolean {
  return spawnSync('python3', ['-c', 'import resource'], { stdio: 'ignore' }).status === 0;
}

/** Runs `command args…` with its standard output discarded. */
export function runProcess(command: string, args: readonly string[]): ProcessRun {
  const dir = mkdtempSync(join(tmpdir(), 'audarma-run-'));
  const report = join(dir, 'rusage');
  try {
    const started = performance.now();
    let r;
    if (existsSync(GNU_TIME)) {
      r = spawnSync(GNU_TIME, ['-o', report, '-f', '%e %U %S %M', command, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 1 << 24,
      });
    } else if (hasPython()) {
      r = spawnSync('python3', ['-c', PY_WRAPPER, report, command, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 1 << 24,
      });
    } else {
      r = spawnSync(command, args, {
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 1 << 24,
      });
    }
    const wall = performance.now() - started;
    const figures = existsSync(report)
      ? readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number)
      : [];
    const [seconds, user, sys, maxKb] = figures;
    return {
      code: r.status ?? -1,
      wallMs: Math.round(seconds !== undefined ? seconds * 1000 : wall),
      cpuMs: user !== undefined && sys !== undefined ? Math.round((user + sys) * 1000) : -1,
      peakMiB: maxKb !== undefined ? Math.round((maxKb / 1024) * 10) / 10 : -1,
      stderr: (r.stderr ?? '').slice(-2000),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
