import type { Command } from '../command.ts';
import { langFlag, readText } from '../io.ts';
import { UsageError } from '../args.ts';
import { message } from '../messages.ts';
import { delimiterFor, parseTable } from '../../core/formats/csv.ts';
import { parseGlossaryCsv } from '../../core/formats/glossaryCsv.ts';
import { buildTermIndex } from '../../core/glossary/match.ts';
import { projectId } from '../../core/model/ids.ts';
import type { TermEntry } from '../../core/model/term.ts';
import { checkDocument, type CheckContext, type CheckPair, type Issue } from '../../core/checks/index.ts';

/** Reads FILE (.tsv/.csv with id, source, target columns; other columns ignored) into pairs. */
function readPairs(path: string | undefined): CheckPair[] {
  const text = readText(path);
  const table = parseTable(text, delimiterFor(path ?? '', text));
  if (!table.ok) throw new UsageError(`${path}: line ${table.error.line ?? 1}: ${table.error.message}`);
  const header = table.value.header.map((h) => h.toLowerCase());
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0)
      throw new UsageError(
        `${path}: line 1: the header needs an "${name}" column (found: ${table.value.header.join(', ')})`,
      );
    return i;
  };
  const [id, source, target] = [col('id'), col('source'), col('target')];
  const seen = new Set<string>();
  return table.value.rows.map((row) => {
    const pairId = (row.cells[id] ?? '').trim();
    if (!pairId) throw new UsageError(`${path}: line ${row.line}: empty id`);
    if (seen.has(pairId)) throw new UsageError(`${path}: line ${row.line}: id "${pairId}" is used twice`);
    seen.add(pairId);
    return { id: pairId, source: row.cells[source] ?? '', target: row.cells[target] ?? '' };
  });
}

function readGlossary(path: string): TermEntry[] {
  const parsed = parseGlossaryCsv(readText(path, 'GLOSSARY'), projectId('cli'), Date.now());
  if (!parsed.ok) throw new UsageError(`${path}: line ${parsed.error.line ?? 1}: ${parsed.error.message}`);
  return parsed.value;
}

/** nspell over dictionary-en, loaded only for English targets (the .dic is ~550 KB). */
async function englishSpeller(): Promise<(word: string) => boolean> {
  const [{ default: nspell }, { default: dictionary }] = await Promise.all([
    import('nspell'),
    import('dictionary-en'),
  ]);
  const speller = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  return (word) => speller.correct(word);
}

function textOf(issue: Issue, pair: CheckPair): string {
  const t = issue.target?.[0];
  if (t) return pair.target.slice(t.start, t.end);
  const s = issue.source?.[0];
  return s ? pair.source.slice(s.start, s.end) : '';
}

export const check: Command = {
  name: 'check',
  usage: 'check FILE --source-lang ru --target-lang en|kk [--glossary GLOSSARY] [--json]',
  summary:
    'Run the QA checks over a TSV/CSV of id, source, target (empty source = target only); exit 1 on major issues.',
  async run(args, io) {
    const sourceLang = langFlag(args.flags['source-lang'], 'source-lang');
    const targetLang = langFlag(args.flags['target-lang'], 'target-lang');
    const pairs = readPairs(args.positional[0]);
    const glossaryPath = args.flags.glossary;
    const entries = glossaryPath ? readGlossary(glossaryPath) : undefined;
    const context: Omit<CheckContext, 'documentStats'> = {
      sourceLang,
      targetLang,
      ...(entries ? { glossary: buildTermIndex(entries), glossaryEntries: entries } : {}),
      ...(targetLang.startsWith('en') ? { spell: await englishSpeller() } : {}),
    };
    const results = checkDocument(pairs, context);
    const rows = pairs.flatMap((pair) =>
      (results.get(pair.id) ?? []).map((issue) => ({
        pair,
        issue,
        text: message(issue.messageKey, issue.params),
      })),
    );
    const failing = rows.some(({ issue }) => issue.severity !== 'minor');
    if (args.flags.json) {
      const issues = rows.map(({ pair, issue, text }) => {
        const span = issue.target?.[0];
        return {
          segment: pair.id,
          check: issue.check,
          severity: issue.severity,
          category: issue.category,
          message: text,
          span: span ? [span.start, span.end] : null,
        };
      });
      io.out(JSON.stringify({ segments: pairs.length, issues }));
    } else {
      const lines: string[] = [];
      let last: string | undefined;
      for (const { pair, issue, text } of rows) {
        if (pair.id !== last) {
          lines.push(
            '',
            `${pair.id}: ${pair.target.length > 100 ? `${pair.target.slice(0, 97)}…` : pair.target}`,
          );
          last = pair.id;
        }
        const where = textOf(issue, pair);
        const fix = issue.fix ? ` → "${issue.fix.replacement}"` : '';
        lines.push(`  [${issue.severity}] ${issue.check}: ${text}${where ? `  ("${where}")` : ''}${fix}`);
      }
      const counts = { minor: 0, major: 0, critical: 0 };
      for (const { issue } of rows) counts[issue.severity] += 1;
      lines.push(
        '',
        `${pairs.length} segments, ${rows.length} issues (${counts.critical} critical, ${counts.major} major, ${counts.minor} minor)`,
      );
      io.out(lines.join('\n').replace(/^\n/, ''));
    }
    return failing ? 1 : 0;
  },
};
