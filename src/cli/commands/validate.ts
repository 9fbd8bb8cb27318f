import type { Run } from '../command.ts';
import { closeSync, openSync, readSync } from 'node:fs';
import { fileSize, readBytes, tooLarge } from '../io.ts';
import { validateXliffFile } from '../streamXliff.ts';
import { formatBytes, MAX_FILE_BYTES, MAX_STREAMED_XML_BYTES } from '../../core/formats/limits.ts';
import { UsageError } from '../args.ts';
import { decodeXml } from '../../core/formats/xml/decodeXml.ts';
import { validateXmlDocument, type Validation } from '../../core/formats/convertDocument.ts';
import { parseTbx } from '../../core/formats/tbx.ts';
import { projectId } from '../../core/model/ids.ts';
import { validateBackup } from '../../core/formats/validateBackup.ts';

/** A .json file, or a file whose first character is `{`, is read as a project backup. */
function looksLikeJson(path: string, bytes: Uint8Array): boolean {
  if (/\.json$/i.test(path)) return true;
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '');
  return /^\s*\{/.test(head);
}

function validateTbx(text: string): Validation {
  const r = parseTbx(text, projectId('validate'), 0);
  return { format: 'tbx', errors: r.ok ? [] : [r.error] };
}

/** The first bytes of a file, to tell a backup from XML. */
function head(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const bytes = new Uint8Array(64);
    return bytes.subarray(0, readSync(fd, bytes, 0, 64, 0));
  } finally {
    closeSync(fd);
  }
}

function validateWhole(path: string): Validation {
  const bytes = readBytes(path);
  // Bytes that are not text at all (binary, UTF-16 without a BOM, bad UTF-8) are bad input, not an invalid document.
  const text = decodeXml(bytes);
  if (!text.ok) throw new UsageError(`${path}:${text.error.line ?? 1}: ${text.error.message}`);
  let result: Validation;
  if (looksLikeJson(path, bytes)) result = validateBackup(bytes);
  else result = validateXmlDocument(bytes);
  if (result.format === 'xml' && /\.tbx$/i.test(path))
    result = validateTbx(text.value.replace(/^\uFEFF/, ''));
  else if (
    result.format === 'xml' &&
    result.errors.length === 1 &&
    /unknown document type <(martif|tbx)>/.test(result.errors[0]?.message ?? '')
  ) {
    result = validateTbx(text.value.replace(/^\uFEFF/, ''));
  }
  return result;
}

export const validate: Run = {
  run(args, io) {
    const path = args.positional[0];
    const size = fileSize(path);
    // XLIFF is checked a piece at a time, whatever its size; any other file is read whole.
    let result =
      size <= MAX_STREAMED_XML_BYTES && !looksLikeJson(path ?? '', head(path ?? ''))
        ? validateXliffFile(path ?? '')
        : undefined;
    if (!result) {
      if (size > MAX_FILE_BYTES && size <= MAX_STREAMED_XML_BYTES)
        throw new UsageError(
          `${tooLarge(path ?? '', size, MAX_FILE_BYTES)}: only XLIFF is read in pieces, up to ${formatBytes(MAX_STREAMED_XML_BYTES)}`,
        );
      result = validateWhole(path ?? '');
    }
    const valid = result.errors.length === 0;
    if (args.flags.json) {
      io.out(
        JSON.stringify({
          valid,
          format: result.format,
          errors: result.errors.map((e) => ({ line: e.line ?? 1, message: e.message })),
        }),
      );
    } else if (valid) io.out(`${path}: valid ${result.format}`);
    else {
      const lines = [
        `${path}: not valid ${result.format} (${result.errors.length} problem${result.errors.length === 1 ? '' : 's'})`,
      ];
      for (const e of result.errors)
        lines.push(`  ${path}:${e.line ?? 1}${e.column ? `:${e.column}` : ''}: ${e.message}`);
      io.out(lines.join('\n'));
    }
    return valid ? 0 : 1;
  },
};
