import type { Command } from './command.ts';
import { MAX_SEGMENT_CHARS } from '../core/align/input.ts';

export const TM_USAGE = 'tm lookup --tm MEMORY.tmx --source-lang ru --target-lang en QUERIES.txt [--json]';

const CONVERT_SUMMARY = [
  'Convert documents and glossaries between formats, chosen by extension.',
  'Documents: .txt .csv .tsv .xlf .xliff .tmx .docx convert into one another; --target-lang picks the language of',
  '  single-language outputs. A .json project backup exports its first document (or --document NAME); a document',
  '  converted to .json becomes a new one-project backup (import revisions, states kept) to restore in the app;',
  '  an XLIFF file is kept whole in it, and the backup converted back to .xlf is that file with its targets.',
  'Glossaries: .tbx ↔ .csv/.tsv (glossary CSV: a column per language, status, pos, definition, note, id) ↔ .json',
  "  (the backup's terms); .tbx → .tbx normalises to TBX v3 Basic. A .tbx on either side, or --part glossary,",
  '  reads and writes .csv/.tsv/.json as a glossary. A glossary with .txt .xlf .xliff .tmx .docx is refused.',
  'Text into .xlf .xliff .tmx .csv .tsv, and .csv/.tsv into .xlf .xliff .tmx .csv .tsv .txt, are streamed (up to',
  '  512 MiB), and XLIFF into .csv .tsv .tmx .txt, or into .xlf/.xliff without --target-lang and --xliff-version',
  '  (up to 1 GiB); other files are read whole (up to 64 MiB).',
  'OUT is written only when the whole conversion succeeded. Exit 0 done, 2 bad input (file:line: message).',
].join('\n      ');

/** Every CLI command, in the order `--help` lists them. Add a command here and nowhere else. */
export const commands: readonly Command[] = [
  {
    name: 'segment',
    usage: 'segment FILE --lang en|ru|kk [--json]',
    summary: 'Split a UTF-8 text file into sentences, headings and list items, in order.',
    load: async () => (await import('./commands/segment.ts')).segment,
  },
  {
    name: 'validate',
    usage: 'validate FILE [--json]',
    summary:
      'Check an XLIFF (1.2, 2.0, 2.1, 2.2), TMX or TBX file against its specification, or an Audarma project\n' +
      '      backup (.json: JSON, version, every record, references) as a restore would. Exit 0 valid, 1 not valid,\n' +
      '      2 not readable (no such file, too large, binary data or an unsupported encoding).',
    load: async () => (await import('./commands/validate.ts')).validate,
  },
  {
    name: 'convert',
    usage:
      'convert IN OUT [--source-lang ru] [--target-lang en] [--xliff-version 2.1|2.2|1.2] [--document NAME] [--part document|glossary]',
    summary: CONVERT_SUMMARY,
    load: async () => (await import('./commands/convert.ts')).convert,
  },
  {
    name: 'check',
    usage:
      'check FILE --source-lang ru --target-lang en|kk [--glossary GLOSSARY] [--rules RULES] [--project BACKUP.json] [--json] [--threads N]',
    summary: [
      'Run the QA checks over a TSV/CSV of id, source, target (empty source = target only); exit 1 on major issues.',
      '  --rules: phrase rules as the app exports them (.csv/.tsv/.json), added to the built-in ones.',
      '  --project: a project backup (.json): its check settings (checks off, severities, phrase rules, spelling,',
      '  letters), its glossary (unless --glossary) and its languages (unless given). FILE is read a piece at a time.',
    ].join('\n      '),
    load: async () => (await import('./commands/check.ts')).check,
  },
  {
    name: 'align',
    usage:
      'align SRC TGT --source-lang ru --target-lang en [--presegmented] [--terms FILE] [--glossary GLOSSARY] [--project BACKUP.json] [--json]',
    summary:
      'Align two versions of a document segment by segment (--presegmented: one segment per line, blank lines are ' +
      `paragraph breaks). Segments over ${MAX_SEGMENT_CHARS} characters are refused. --terms: TSV of approved term pairs; ` +
      '--glossary (.csv/.tsv/.tbx) or the glossary of --project: its approved terms of the two languages anchor the alignment.',
    load: async () => (await import('./commands/align.ts')).align,
  },
  {
    name: 'tm',
    usage: TM_USAGE,
    summary: 'Translation-memory look-up: best matches (score ≥ 50, at most 3) for each line of a file.',
    load: async () => (await import('./commands/tm.ts')).tm,
  },
];
