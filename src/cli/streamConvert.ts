import { UsageError } from './args.ts';
import type { Lang } from '../core/model/lang.ts';
import type { ConvertOptions } from '../core/formats/convertDocument.ts';
import { streamText } from '../core/formats/streamedText.ts';
import { readPieces, writeBeside } from './readPieces.ts';

/**
 * Converts a plain-text file into XLIFF, TMX, CSV or TSV without holding it whole: pieces are decoded
 * (UTF-8, or UTF-16 with a BOM), converted as their lines complete, and written to a file beside OUT that
 * replaces OUT only when everything succeeded. Returns the number of units.
 */
export function streamTextFile(input: string, output: string, lang: Lang, options: ConvertOptions): number {
  const converter = streamText(output, lang, options);
  if (!converter.ok) throw new UsageError(converter.error.message);
  const c = converter.value;
  return writeBeside(output, (write) => {
    let lines = 0;
    readPieces(input, (text, last) => {
      const out = c.push(text);
      const end = out.ok && last ? c.end() : undefined;
      const failed = !out.ok ? out : end && !end.ok ? end : undefined;
      if (failed) throw new UsageError(`${input}:${failed.error.line ?? lines + 1}: ${failed.error.message}`);
      if (out.ok) write(out.value);
      if (end?.ok) write(end.value);
      lines += (text.match(/\r\n?|\n/g) ?? []).length;
    });
    return c.units();
  });
}
