// One in-process checkDocument run over the 100,000 varied pairs, in a process of its own, exactly as the checks
// workload times its own run (same context, same 2,000-pair warm-up): the further samples its median is taken
// over. Prints {"wallMs": …, "cpuMs": …}.
import { checkDocument } from '../src/core/checks/index.ts';
import { benchContext, pairs, timedCheckDocument } from './checks.ts';
import { variedPairs } from './variedPairs.ts';

const context = benchContext();
const doc = structuredClone(variedPairs(100_000).map(({ id, source, target }) => ({ id, source, target })));
checkDocument(pairs(2_000), context);
const { wallMs, cpuMs } = timedCheckDocument(doc, context);
process.stdout.write(`${JSON.stringify({ wallMs, cpuMs })}\n`);
