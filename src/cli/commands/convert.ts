import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Run } from '../command.ts';
import { UsageError } from '../args.ts';
import { fileSize, langFlag, readBytes, tooLarge } from '../io.ts';
import { streamTextFile } from '../streamConvert.ts';
import { canStreamTableInto, streamTableFile } from '../streamTable.ts';
import { canStreamText } from '../../core/formats/streamedText.ts';
import {
  MAX_FILE_BYTES,
  MAX_STREAMED_TEXT_BYTES,
  MAX_STREAMED_XML_BYTES,
} from '../../core/formats/limits.ts';
import { canStreamXliffInto, convertXliffFile } from '../streamXliff.ts';
import {
  CONVERT_EXTENSIONS,
  anyFileKind,
  convertFile,
  type ConvertFileOptions,
} from '../../core/formats/convertFile.ts';
import type { ConvertOptions } from '../../core/formats/convertDocument.ts';

export const convert: Run = {
  run(args, io) {
    const [input, output] = args.positional;
    if (!input || !output) throw new UsageError('needs IN and OUT files');
    if (args.positional.length > 2) throw new UsageError(`unexpected argument "${args.positional[2] ?? ''}"`);
    for (const f of [input, output])
      if (!anyFileKind(f)) throw new UsageError(`${f}: unknown file type (use ${CONVERT_EXTENSIONS})`);
    const version = args.flags['xliff-version'];
    if (version !== undefined && !['1.2', '2.0', '2.1', '2.2'].includes(version))
      throw new UsageError(`--xliff-version: "${version}" (use 1.2, 2.0, 2.1 or 2.2)`);
    const part = args.flags.part;
    if (part !== undefined && part !== 'document' && part !== 'glossary')
      throw new UsageError(`--part: "${part}" (use document or glossary)`);
    // Narrowed above; TypeScript keeps `string` for a flag value read from a record.
    const partOption = part as ConvertFileOptions['part'];
    const document = args.flags.document;
    if (document !== undefined && anyFileKind(input) !== 'json')
      throw new UsageError('--document applies only to a .json backup as IN');
    const options: ConvertFileOptions = {
      ...(args.flags['source-lang']
        ? { sourceLang: langFlag(args.flags['source-lang'], 'source-lang') }
        : {}),
      ...(args.flags['target-lang']
        ? { targetLang: langFlag(args.flags['target-lang'], 'target-lang') }
        : {}),
      ...(version ? { xliffVersion: version as NonNullable<ConvertOptions['xliffVersion']> } : {}),
      ...(partOption ? { part: partOption } : {}),
      ...(document !== undefined ? { documentName: document } : {}),
      now: Date.now(),
    };
    // Plain text may be far larger than anything read whole: it is converted as it is read.
    if (anyFileKind(input) === 'text' && canStreamText(output) && part !== 'glossary') {
      const size = fileSize(input);
      if (size > MAX_STREAMED_TEXT_BYTES)
        throw new UsageError(tooLarge(input, size, MAX_STREAMED_TEXT_BYTES));
      const units = streamTextFile(input, output, options.sourceLang ?? 'ru', options);
      io.err(`${input} → ${output}: ${units} units`);
      return 0;
    }
    // A table (a column per language) is converted a row at a time when OUT can be written the same way.
    const inKind = anyFileKind(input);
    if ((inKind === 'csv' || inKind === 'tsv') && part !== 'glossary' && canStreamTableInto(output)) {
      const size = fileSize(input);
      if (size > MAX_STREAMED_TEXT_BYTES)
        throw new UsageError(tooLarge(input, size, MAX_STREAMED_TEXT_BYTES));
      const units = streamTableFile(input, output, options);
      io.err(`${input} → ${output}: ${units} units`);
      return 0;
    }
    // XLIFF is read a unit at a time when OUT can be written the same way.
    if (anyFileKind(input) === 'xliff' && part !== 'glossary' && canStreamXliffInto(output, options)) {
      const size = fileSize(input);
      if (size > MAX_STREAMED_XML_BYTES) throw new UsageError(tooLarge(input, size, MAX_STREAMED_XML_BYTES));
      const units = convertXliffFile(input, output, options);
      if (units !== undefined) {
        io.err(`${input} → ${output}: ${units} units`);
        return 0;
      }
      if (size > MAX_FILE_BYTES) throw new UsageError(tooLarge(input, size, MAX_FILE_BYTES));
    }
    const result = convertFile(readBytes(input), input, output, options);
    if (!result.ok) {
      const e = result.error;
      throw new UsageError(`${e.file ?? input}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`);
    }
    writeWhole(output, result.value.bytes);
    const what = result.value.part === 'glossary' ? 'entries' : 'units';
    io.err(`${input} → ${output}: ${result.value.count} ${what}`);
    return 0;
  },
};

/** Writes beside OUT and renames, so that OUT is either the old file or the whole new one, never half. */
function writeWhole(path: string, bytes: Uint8Array): void {
  const temp = `${path}.${process.pid}.part`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new UsageError(`${path}: cannot write (${error instanceof Error ? error.message : String(error)})`);
  }
}
