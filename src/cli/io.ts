import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './args.ts';
import { isLangCode, isSupportedLangTag, KNOWN_LANGS } from '../core/model/lang.ts';
import { decodeXml } from '../core/formats/xml/decodeXml.ts';
import { formatBytes, MAX_FILE_BYTES } from '../core/formats/limits.ts';

export type Io = {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Writes part of the output as it is (no line break added), so a long report need not be held whole. */
  readonly write?: (text: string) => void;
};

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  write: (text) => process.stdout.write(text),
};

/**
 * The output of one command written piece by piece, in writes of ~64 KB; `end` finishes it as `out` would
 * (one final line break). Without `io.write` the pieces are gathered and handed to `out` at the end.
 */
export function outputStream(io: Io): { put(text: string): void; end(): void } {
  const pieces: string[] = [];
  let size = 0;
  const flush = () => {
    if (!io.write || pieces.length === 0) return;
    io.write(pieces.join(''));
    pieces.length = 0;
    size = 0;
  };
  return {
    put(text) {
      pieces.push(text);
      size += text.length;
      if (size >= 65_536) flush();
    },
    end() {
      if (io.write) {
        pieces.push('\n');
        flush();
      } else io.out(pieces.join(''));
    },
  };
}

/**
 * Size of a file that exists and is not a folder; anything else is refused with the path. Nothing is read,
 * so a file too large to read is refused before it costs memory.
 */
export function fileSize(path: string | undefined, what = 'FILE'): number {
  if (!path) throw new UsageError(`missing ${what}`);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`${path}: no such file`);
  }
  if (stat.isDirectory()) throw new UsageError(`${path}: is a folder, not a file`);
  return stat.size;
}

/** Reads a whole file as bytes after checking its size against `limit` (MAX_FILE_BYTES by default). */
export function readBytes(path: string | undefined, what = 'FILE', limit = MAX_FILE_BYTES): Uint8Array {
  const size = fileSize(path, what);
  if (size > limit) throw new UsageError(tooLarge(path ?? '', size, limit));
  try {
    return new Uint8Array(readFileSync(path ?? ''));
  } catch (error) {
    throw new UsageError(`${path}: cannot read (${error instanceof Error ? error.message : String(error)})`);
  }
}

export function tooLarge(path: string, size: number, limit: number): string {
  return `${path}: the file is too large (${formatBytes(size)}; the limit is ${formatBytes(limit)})`;
}

/**
 * Reads a text file: UTF-8 (a BOM is dropped) or UTF-16 with a BOM. Binary data, UTF-16 without a BOM and
 * invalid UTF-8 are refused with the file name and line, by the same decoder the converters use.
 */
export function readText(path: string | undefined, what = 'FILE'): string {
  const bytes = readBytes(path, what);
  const decoded = decodeXml(bytes);
  if (!decoded.ok) throw new UsageError(`${path}:${decoded.error.line ?? 1}: ${decoded.error.message}`);
  return decoded.value.replace(/^\uFEFF/, '');
}

export function langFlag(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`missing --${flag}`);
  if (!isLangCode(value))
    throw new UsageError(`--${flag}: "${value}" is not a language code (use ${KNOWN_LANGS.join(', ')})`);
  if (!isSupportedLangTag(value))
    throw new UsageError(
      `--${flag}: "${value}" is not a supported language (use ${KNOWN_LANGS.join(', ')}, optionally with a script and region such as kk-KZ)`,
    );
  return value.toLowerCase();
}
