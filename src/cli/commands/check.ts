import type { Run } from '../command.ts';
import { availableParallelism } from 'node:os';
import { fileSize, langFlag, outputStream, tooLarge } from '../io.ts';
import { MAX_STREAMED_TEXT_BYTES } from '../../core/formats/limits.ts';
import { readTableFile, rowProblem } from '../readTable.ts';
import { UsageError } from '../args.ts';
import { message } from '../messages.ts';
import { readGlossary } from '../readGlossary.ts';
import {
  completeDocument,
  computeDocumentStats,
  pairLogRatios,
  documentContext,
  type CheckPair,
  type Issue,
} from '../../core/checks/index.ts';
import { baseContext, type CheckJob } from '../check/checkJob.ts';
import { CheckThreads, EARLY_START_BYTES, pairOutcomes } from '../check/pairOutcomes.ts';
import { readProjectFile, readRulesFile, withRules } from '../check/projectFiles.ts';
import { ownCopy } from '../check/ownCopy.ts';
import { keepHeapsTight } from '../check/heapGrowth.ts';
import { withProjectSettings } from '../../core/checks/projectSettings.ts';

/** Twice the 100,000-pair file: beyond it one thread's heap is kept tight too. */
const ONE_THREAD_TIGHT_BYTES = 32 * 1024 * 1024;

/**
 * Whether the heaps of a run are kept close to what they keep alive (heapGrowth.ts): where several threads each
 * grow a heap of their own on a file large enough for threads, or where one thread reads a file so large that
 * its live pairs alone approach the memory a check should take. One thread on 100,000 pairs (16.5 MB) peaks at
 * about 245 MiB left to itself, and collecting less often saves it 0.2 s of 3.4 s.
 */
export function tightHeaps(bytes: number, threads: number): boolean {
  return bytes >= (threads >= 2 ? EARLY_START_BYTES : ONE_THREAD_TIGHT_BYTES);
}

/**
 * --threads N (1 = this thread only). By default one thread per core up to four from three cores on, and this
 * thread alone on two: there a second check thread bought no time on 100,000 pairs (3.8–4.5 s either way, runs
 * taking turns) for half as much CPU again and 60 MiB more, as this thread's collector already runs beside it on
 * the other core.
 */
export function defaultThreads(cores: number): number {
  return cores <= 2 ? 1 : Math.min(cores, 4);
}

function threadsFlag(value: string | undefined): number {
  if (value === undefined) return defaultThreads(availableParallelism());
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new UsageError(`--threads: "${value}" is not a whole number from 1 to 64`);
  return n;
}

/**
 * Reads FILE (.tsv/.csv with id, source, target columns; other columns ignored) into pairs, a piece at a time:
 * memory holds the pairs, not the file.
 */
function readPairs(path: string | undefined, size: number): CheckPair[] {
  const file = path ?? '';
  if (size > MAX_STREAMED_TEXT_BYTES) throw new UsageError(tooLarge(file, size, MAX_STREAMED_TEXT_BYTES));
  const pairs: CheckPair[] = [];
  const seen = new Set<string>();
  let columns: [number, number, number] | undefined;
  readTableFile(file, {
    header(header) {
      const lower = header.map((h) => h.toLowerCase());
      const col = (name: string) => {
        const i = lower.indexOf(name);
        if (i < 0)
          throw new UsageError(
            `${file}:1: the header needs an "${name}" column (found: ${header.join(', ')})`,
          );
        return i;
      };
      columns = [col('id'), col('source'), col('target')];
    },
    row(row) {
      const [id, source, target] = columns ?? [0, 1, 2];
      const pairId = (row.cells[id] ?? '').trim();
      if (!pairId) throw rowProblem(file, { message: 'empty id' }, row);
      if (seen.has(pairId)) throw rowProblem(file, { message: `id "${pairId}" is used twice` }, row);
      seen.add(pairId);
      pairs.push({
        id: pairId,
        source: ownCopy(row.cells[source] ?? ''),
        target: ownCopy(row.cells[target] ?? ''),
      });
    },
  });
  return pairs;
}

/** A project's target language when it has just one: --target-lang may then be left out. */
function onlyTarget(langs: readonly string[] | undefined): string | undefined {
  if (!langs || langs.length !== 1) {
    if (langs && langs.length > 1)
      throw new UsageError(`missing --target-lang (the project has ${langs.join(', ')})`);
    return undefined;
  }
  return langs[0];
}

function textOf(issue: Issue, pair: CheckPair): string {
  const t = issue.target?.[0];
  if (t) return pair.target.slice(t.start, t.end);
  const s = issue.source?.[0];
  return s ? pair.source.slice(s.start, s.end) : '';
}

/**
 * The pair checks (over worker threads, or here), then the document checks here over the pairs their outcomes
 * pick: what checkDocument finds, without keeping every pair's tokens and verdicts or the speller meanwhile.
 */
async function checkAll(
  pairs: readonly CheckPair[],
  job: CheckJob,
  threads: number,
  running: CheckThreads | undefined,
  logRatios: Float64Array,
): Promise<Map<string, Issue[]>> {
  const outcomes = await pairOutcomes(pairs, job, threads, running, logRatios);
  // The document checks read terms and verdicts, not spelling: no speller is needed for them here.
  const base = withProjectSettings(await baseContext(job, { speller: false }), job.settings);
  return completeDocument(pairs, outcomes, documentContext(base, job.stats), job.settings);
}

export const check: Run = {
  async run(args, io) {
    const project = args.flags.project ? await readProjectFile(args.flags.project) : undefined;
    const sourceLang = langFlag(args.flags['source-lang'] ?? project?.project.sourceLang, 'source-lang');
    const targetLang = langFlag(
      args.flags['target-lang'] ?? onlyTarget(project?.project.targetLangs),
      'target-lang',
    );
    const threads = threadsFlag(args.flags.threads);
    let settings = project?.settings;
    if (args.flags.rules) settings = withRules(settings ?? {}, await readRulesFile(args.flags.rules));
    const size = fileSize(args.positional[0]);
    if (tightHeaps(size, threads)) keepHeapsTight();
    const running = CheckThreads.early(threads, size, { targetLang });
    let pairs: CheckPair[];
    let results: Map<string, Issue[]>;
    try {
      pairs = readPairs(args.positional[0], size);
      const glossaryPath = args.flags.glossary;
      const projectTerms = project && project.terms.length > 0 ? project.terms : undefined;
      const entries = glossaryPath ? readGlossary(glossaryPath) : projectTerms;
      const logRatios = pairLogRatios(pairs);
      const job: CheckJob = {
        sourceLang,
        targetLang,
        entries,
        stats: computeDocumentStats(pairs, logRatios),
        ...(settings ? { settings } : {}),
      };
      results = await checkAll(pairs, job, threads, running, logRatios);
    } finally {
      await running?.close();
    }
    const output = outputStream(io);
    const counts = { minor: 0, major: 0, critical: 0 };
    let total = 0;
    if (args.flags.json) output.put(`{"segments":${pairs.length},"issues":[`);
    for (const pair of pairs) {
      const issues = results.get(pair.id) ?? [];
      let first = true;
      for (const issue of issues) {
        const text = message(issue.messageKey, issue.params);
        if (args.flags.json) {
          const span = issue.target?.[0];
          const row = {
            segment: pair.id,
            check: issue.check,
            severity: issue.severity,
            category: issue.category,
            message: text,
            span: span ? [span.start, span.end] : null,
          };
          output.put(`${total > 0 ? ',' : ''}${JSON.stringify(row)}`);
        } else {
          if (first) {
            const shown = pair.target.length > 100 ? `${pair.target.slice(0, 97)}…` : pair.target;
            output.put(`${total > 0 ? '\n\n' : ''}${pair.id}: ${shown}`);
          }
          const where = textOf(issue, pair);
          const fix = issue.fix ? ` → "${issue.fix.replacement}"` : '';
          output.put(`\n  [${issue.severity}] ${issue.check}: ${text}${where ? `  ("${where}")` : ''}${fix}`);
        }
        first = false;
        counts[issue.severity] += 1;
        total += 1;
      }
    }
    if (args.flags.json) output.put(']}');
    else
      output.put(
        `${total > 0 ? '\n\n' : ''}${pairs.length} segments, ${total} issues (${counts.critical} critical, ${counts.major} major, ${counts.minor} minor)`,
      );
    output.end();
    return counts.major + counts.critical > 0 ? 1 : 0;
  },
};
