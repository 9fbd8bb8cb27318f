import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { UsageError } from './args.ts';
import { asciiHead, declaredEncoding, firstBadUtf8, sniffBinary } from '../core/formats/xml/decodeXml.ts';

/** Bytes read at a time: large enough to be fast, small enough that memory stays flat. */
const PIECE = 1024 * 1024;

/**
 * Reads a text file a piece at a time and hands each decoded piece to `take` (`last` on the final one, which
 * may be empty), never holding the file whole. The checks are those of decodeXml: UTF-8 (a BOM dropped) or
 * UTF-16 with a BOM (or, for XML, recognisable from a leading `<?`); binary data, UTF-16 without a BOM, invalid
 * UTF-8 and, for XML, a declared encoding other than UTF-8/UTF-16 with non-ASCII bytes are refused with the
 * file name and line.
 */
export function readPieces(
  path: string,
  take: (text: string, last: boolean) => void,
  options: { readonly xml?: boolean } = {},
): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(PIECE);
    let decoder: TextDecoder | undefined;
    let lines = 0;
    /** An encoding the XML declaration names that we cannot read: fine only while every byte is ASCII. */
    let foreign: string | undefined;
    const fail = (line: number | undefined, message: string): never => {
      throw new UsageError(`${path}:${line ?? lines + 1}: ${message}`);
    };
    const lineIn = (bytes: Uint8Array, offset: number) => {
      let line = lines + 1;
      for (let i = 0; i < offset; i += 1) if (bytes[i] === 10) line += 1;
      return line;
    };
    for (;;) {
      const n = readSync(fd, buffer, 0, PIECE, null);
      let bytes = buffer.subarray(0, n);
      if (!decoder) {
        const [b0, b1, b2, b3] = bytes;
        let label: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
        if (b0 === 0xff && b1 === 0xfe) [label, bytes] = ['utf-16le', bytes.subarray(2)];
        else if (b0 === 0xfe && b1 === 0xff) [label, bytes] = ['utf-16be', bytes.subarray(2)];
        else if (options.xml && b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0) label = 'utf-16le';
        else if (options.xml && b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f) label = 'utf-16be';
        if (label === 'utf-8') {
          const hasBom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
          if (hasBom) bytes = bytes.subarray(3);
          const binary = sniffBinary(bytes);
          if (binary) fail(binary.line, binary.message);
          const declared = options.xml ? declaredEncoding(asciiHead(bytes)) : undefined;
          if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
            if (/^utf-?16/i.test(declared))
              fail(1, `the XML declaration says ${declared} but the file has no UTF-16 byte-order mark`);
            if (hasBom)
              fail(1, `encoding "${declared}" is not supported: save the file as UTF-8 (or UTF-16)`);
            foreign = declared;
          }
        }
        decoder = new TextDecoder(label, { fatal: true });
      }
      if (foreign !== undefined) {
        const nonAscii = bytes.findIndex((b) => b > 0x7f);
        if (nonAscii >= 0)
          fail(
            lineIn(bytes, nonAscii),
            `encoding "${foreign}" is not supported: save the file as UTF-8 (or UTF-16)`,
          );
      }
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: n > 0 });
      } catch {
        if (decoder.encoding !== 'utf-8') return fail(1, `not valid ${decoder.encoding.toUpperCase()}`);
        return fail(lineIn(bytes, firstBadUtf8(bytes)), 'not valid UTF-8 (is the file in another encoding?)');
      }
      const nul = text.indexOf('\0');
      if (nul >= 0) fail(lines + countBreaks(text.slice(0, nul)) + 1, 'binary data (a NUL byte), not text');
      take(text, n === 0);
      lines += countBreaks(text);
      if (n === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}

function countBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n += 1;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text[i + 1] !== '\n') n += 1;
  return n;
}

/**
 * Writes OUT through `write` into a file beside it that replaces OUT only when `produce` returns: OUT is the
 * old file or the whole new one, never half. A failure removes the partial file.
 */
export function writeBeside<T>(output: string, produce: (write: (text: string) => void) => T): T {
  const temp = `${output}.${process.pid}.part`;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'w');
    const out = fd;
    const result = produce((text) => {
      if (text !== '') writeSync(out, text);
    });
    closeSync(fd);
    fd = undefined;
    renameSync(temp, output);
    return result;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `${output}: cannot write (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
