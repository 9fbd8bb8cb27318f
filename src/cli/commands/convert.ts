import { writeFileSync } from 'node:fs';
import type { Command } from '../command.ts';
import { UsageError } from '../args.ts';
import { langFlag, readBytes } from '../io.ts';
import {
  fileKind,
  readDocument,
  writeDocument,
  type ConvertOptions,
} from '../../core/formats/convertDocument.ts';

export const convert: Command = {
  name: 'convert',
  usage: 'convert IN OUT [--source-lang ru] [--target-lang en] [--xliff-version 2.1|2.2|1.2]',
  summary: 'Convert between .txt .csv .tsv .xlf .xliff .tmx and .docx by extension.',
  run(args, io) {
    const [input, output] = args.positional;
    if (!input || !output) throw new UsageError('needs IN and OUT files');
    for (const f of [input, output]) {
      if (!fileKind(f))
        throw new UsageError(`${f}: unknown file type (use .txt .csv .tsv .xlf .xliff .tmx .docx)`);
    }
    const version = args.flags['xliff-version'];
    if (version !== undefined && !['1.2', '2.0', '2.1', '2.2'].includes(version)) {
      throw new UsageError(`--xliff-version: "${version}" (use 1.2, 2.0, 2.1 or 2.2)`);
    }
    const options: ConvertOptions = {
      ...(args.flags['source-lang']
        ? { sourceLang: langFlag(args.flags['source-lang'], 'source-lang') }
        : {}),
      ...(args.flags['target-lang']
        ? { targetLang: langFlag(args.flags['target-lang'], 'target-lang') }
        : {}),
      ...(version ? { xliffVersion: version as NonNullable<ConvertOptions['xliffVersion']> } : {}),
    };
    const doc = readDocument(readBytes(input), input, options);
    if (!doc.ok) {
      const at = doc.error.line !== undefined ? `:${doc.error.line}` : '';
      throw new UsageError(`${input}${at}: ${doc.error.message}`);
    }
    const bytes = writeDocument(doc.value, output, options);
    if (!bytes.ok) throw new UsageError(`${output}: ${bytes.error.message}`);
    writeFileSync(output, bytes.value);
    io.err(`${input} → ${output}: ${doc.value.units.length} units`);
    return 0;
  },
};
