import type { Run } from '../command.ts';
import { UsageError } from '../args.ts';
import { langFlag, readBytes, readText } from '../io.ts';
import { buildMemoryIndex, lookupMemory } from '../../core/memory/MemoryIndex.ts';
import { memoryFromTmx } from '../../core/memory/memoryTmx.ts';
import { TM_USAGE as USAGE } from '../commands.ts';

/**
 * Looks each line of QUERIES up in a TMX memory: at most three matches of 50 % or more, best first. The same
 * index and scoring as the review view's memory panel.
 */
export const tm: Run = {
  run(args, io) {
    const [sub, queriesPath] = args.positional;
    if (sub !== 'lookup') throw new UsageError(`unknown subcommand "${sub ?? ''}" (use: ${USAGE})`);
    const tmPath = args.flags.tm;
    if (!tmPath) throw new UsageError('missing --tm MEMORY.tmx');
    const sourceLang = langFlag(args.flags['source-lang'], 'source-lang');
    const targetLang = langFlag(args.flags['target-lang'], 'target-lang');
    const read = memoryFromTmx(readBytes(tmPath, 'MEMORY.tmx'), {
      memoryId: 'cli',
      sourceLang,
      targetLang,
      by: '',
      at: 0,
    });
    if (!read.ok) {
      const where = read.error.line ? `line ${read.error.line}: ` : '';
      throw new UsageError(`${tmPath}: ${where}${read.error.message}`);
    }
    const queries = readText(queriesPath, 'QUERIES.txt')
      .split(/\r\n?|\n/)
      .filter((line) => line.trim() !== '');
    const index = buildMemoryIndex(read.value, (e) => e.source);
    const results = queries.map((query) => ({
      query,
      matches: lookupMemory(index, query).map((m) => ({
        source: m.item.source,
        target: m.item.target,
        score: m.score,
      })),
    }));
    if (args.flags.json) io.out(JSON.stringify({ results }));
    else
      for (const r of results) {
        io.out(r.query);
        for (const m of r.matches) io.out(`  ${m.score}%  ${m.target}`);
        if (r.matches.length === 0) io.out('  (no match)');
      }
    return 0;
  },
};
