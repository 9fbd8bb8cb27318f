import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { UsageError } from './args.ts';
import type { Lang } from '../core/model/lang.ts';
import type { ConvertOptions } from '../core/formats/convertDocument.ts';
import { streamText, type StreamedText } from '../core/formats/streamedText.ts';
import { ok, type Result } from '../core/result.ts';
import { firstBadUtf8, sniffBinary } from '../core/formats/xml/decodeXml.ts';

/** Bytes read at a time: large enough to be fast, small enough that memory stays flat. */
const PIECE = 1024 * 1024;

/**
 * Converts a plain-text file into XLIFF, TMX, CSV or TSV without holding it whole: pieces are decoded
 * (UTF-8, or UTF-16 with a BOM), converted as their lines complete, and written to a file beside OUT that
 * replaces OUT only when everything succeeded. Returns the number of units.
 */
export function streamTextFile(input: string, output: string, lang: Lang, options: ConvertOptions): number {
  const converter = streamText(output, lang, options);
  if (!converter.ok) throw new UsageError(converter.error.message);
  const temp = `${output}.${process.pid}.part`;
  const inFd = openSync(input, 'r');
  let outFd: number | undefined;
  try {
    outFd = openSync(temp, 'w');
    const buffer = new Uint8Array(PIECE);
    let decoder: TextDecoder | undefined;
    let lines = 0;
    const fail = (line: number | undefined, message: string): never => {
      throw new UsageError(`${input}:${line ?? lines + 1}: ${message}`);
    };
    for (;;) {
      const n = readSync(inFd, buffer, 0, PIECE, null);
      let bytes = buffer.subarray(0, n);
      if (!decoder) {
        const [b0, b1, b2] = bytes;
        const label =
          b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : 'utf-8';
        if (label === 'utf-8') {
          if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) bytes = bytes.subarray(3);
          const binary = sniffBinary(bytes);
          if (binary) fail(binary.line, binary.message);
        } else bytes = bytes.subarray(2);
        decoder = new TextDecoder(label, { fatal: true });
      }
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: n > 0 });
      } catch {
        if (decoder.encoding !== 'utf-8')
          return fail(undefined, `not valid ${decoder.encoding.toUpperCase()}`);
        const bad = firstBadUtf8(bytes);
        let line = lines + 1;
        for (let i = 0; i < bad; i += 1) if (bytes[i] === 10) line += 1;
        return fail(line, 'not valid UTF-8 (is the file in another encoding?)');
      }
      const nul = text.indexOf('\0');
      if (nul >= 0) fail(lines + countBreaks(text.slice(0, nul)) + 1, 'binary data (a NUL byte), not text');
      const out = n > 0 ? converter.value.push(text) : pushEnd(converter.value, text);
      if (!out.ok) fail(out.error.line, out.error.message);
      else writeSync(outFd, out.value);
      lines += countBreaks(text);
      if (n === 0) break;
    }
    closeSync(outFd);
    outFd = undefined;
    renameSync(temp, output);
    return converter.value.units();
  } catch (error) {
    if (outFd !== undefined) closeSync(outFd);
    rmSync(temp, { force: true });
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `${output}: cannot write (${error instanceof Error ? error.message : String(error)})`,
    );
  } finally {
    closeSync(inFd);
  }
}

/** The last piece and the tail. */
function pushEnd(converter: StreamedText, text: string): Result<string> {
  const last = converter.push(text);
  if (!last.ok) return last;
  const end = converter.end();
  return end.ok ? ok(last.value + end.value) : end;
}

function countBreaks(text: string): number {
  return (text.match(/\r\n?|\n/g) ?? []).length;
}
