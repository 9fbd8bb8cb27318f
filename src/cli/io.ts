import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './args.ts';
import { isLangCode } from '../core/model/lang.ts';

export type Io = {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
};

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Reads a file as bytes, refusing what does not exist or is a folder, with the path in the message. */
export function readBytes(path: string | undefined, what = 'FILE'): Uint8Array {
  if (!path) throw new UsageError(`missing ${what}`);
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`${path}: is a folder, not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: no such file`);
  }
  void size;
  return new Uint8Array(readFileSync(path));
}

/** Reads a UTF-8 text file; binary data and invalid UTF-8 are refused with the file name and line. */
export function readText(path: string | undefined, what = 'FILE'): string {
  const bytes = readBytes(path, what);
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new UsageError(
      `${path}: binary data (NUL byte at line ${lineAt(bytes, nul)}), expected UTF-8 text`,
    );
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new UsageError(`${path}: line ${lineAt(bytes, bad)}: not valid UTF-8`);
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) if (bytes[i] === 10) line += 1;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // The shortest prefix that fails to decode ends near the first bad byte.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      decoder.decode();
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

export function langFlag(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`missing --${flag}`);
  if (!isLangCode(value))
    throw new UsageError(`--${flag}: "${value}" is not a language code (use ru, en, kk…)`);
  return value.toLowerCase();
}
