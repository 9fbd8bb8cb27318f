// Runs one command-line invocation in its own process and prints its exit code, stderr and peak memory
// as JSON: the limits workload measures each case in a fresh process.
import { main } from '../src/cli/main.ts';

const err: string[] = [];
const start = performance.now();
const cpuStart = process.cpuUsage();
const code = await main(process.argv.slice(2), { out: () => undefined, err: (t) => err.push(t) });
process.stdout.write(
  JSON.stringify({
    code,
    ms: Math.round(performance.now() - start),
    // CPU time of the process: on a shared machine, wall time also counts the time others used.
    cpuMs: Math.round(((c) => (c.user + c.system) / 1000)(process.cpuUsage(cpuStart))),
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    stderr: err.join('\n'),
  }),
);
