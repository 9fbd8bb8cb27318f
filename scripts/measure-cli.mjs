// Times whole runs of the command line, hyperfine-style: each case run `--runs` times (10 by default) after one
// warm-up, and the median wall, CPU (user + system) and peak RSS printed as JSON. CPU and RSS come from the
// child's rusage, so they hold on a busy machine where wall time does not. Cases are interleaved run by run,
// so a change in the machine's load touches every case alike.
//   node scripts/measure-cli.mjs [--runs 10] [--bin bin/audarma.mjs] [--before OTHER/bin/audarma.mjs] [--big FILE]
// --before times a second checkout (say, main's) in the same runs, each case alternating between the two.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(flag('runs', '10'));
const bins = [resolve(flag('bin', 'bin/audarma.mjs'))];
if (flag('before', undefined)) bins.unshift(resolve(flag('before', undefined)));
const big = flag('big', undefined);

const dir = mkdtempSync(join(tmpdir(), 'audarma-measure-'));
const one = join(dir, 'one.tsv');
writeFileSync(one, 'id\tsource\ttarget\n1\tПривет, мир.\tHello, world.\n');

const commands = [
  { name: '--help', args: ['--help'] },
  { name: 'check, one pair (en)', args: ['check', one, '--source-lang', 'ru', '--target-lang', 'en'] },
  { name: 'check, one pair (kk)', args: ['check', one, '--source-lang', 'ru', '--target-lang', 'kk'] },
];
if (big) {
  commands.push({
    name: `check ${big}`,
    args: ['check', big, '--source-lang', 'ru', '--target-lang', 'en', '--json'],
  });
  commands.push({ name: `convert ${big} → .xlf`, args: ['convert', big, join(dir, 'out.xlf')] });
}

const cases = commands.flatMap((c) =>
  bins.map((bin, k) => ({
    ...c,
    bin,
    name: bins.length > 1 ? `${c.name} [${k === 0 ? 'before' : 'after'}]` : c.name,
  })),
);

/** One run under /usr/bin/time, which reports the child's own CPU and peak RSS. */
function once(bin, args) {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, bin, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [user, sys, rss] = last.split(' ').map(Number);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return { wall, cpu: (user ?? 0) + (sys ?? 0), rssMb: (rss ?? 0) / 1024 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const samples = cases.map(() => []);
for (const c of cases) once(c.bin, c.args);
for (let i = 0; i < runs; i += 1) cases.forEach((c, k) => samples[k].push(once(c.bin, c.args)));
rmSync(dir, { recursive: true, force: true });
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
console.log(
  JSON.stringify(
    cases.map((c, k) => ({
      case: c.name,
      runs,
      wallS: round(median(samples[k].map((s) => s.wall))),
      cpuS: round(median(samples[k].map((s) => s.cpu))),
      peakRssMb: round(median(samples[k].map((s) => s.rssMb)), 1),
    })),
    null,
    2,
  ),
);
