import { fail, ok, type Result } from '../../result.ts';

/**
 * Turns the bytes of an XML file into a string. UTF-8 (with or without BOM) and UTF-16 (with BOM, or
 * recognisable from a leading `<?`) are read; any other declared encoding is refused unless the file is
 * plain ASCII, where every such encoding agrees. Nothing is guessed: a wrong guess would corrupt text silently.
 * UTF-16 without a byte-order mark is recognised and refused (read as UTF-8 it would pass as text full of
 * control characters); a file with NUL bytes is binary and refused with the line of the first one.
 */
export function decodeXml(bytes: Uint8Array): Result<string> {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return decodeUtf16(bytes, 'utf-16le');
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return decodeUtf16(bytes, 'utf-16be');
  const hasBom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const binary = sniffBinary(body);
  if (binary) return fail(binary);
  const declared = declaredEncoding(asciiHead(body));
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    if (/^utf-?16/i.test(declared)) {
      return fail({
        message: `the XML declaration says ${declared} but the file has no UTF-16 byte-order mark`,
        line: 1,
      });
    }
    const nonAscii = body.findIndex((b) => b > 0x7f);
    if (hasBom || nonAscii >= 0) {
      return fail({
        message: `encoding "${declared}" is not supported: save the file as UTF-8 (or UTF-16)`,
        line: nonAscii >= 0 ? lineAt(body, nonAscii) : 1,
      });
    }
  }
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return fail({
      message: 'not valid UTF-8 (is the file in another encoding?)',
      line: lineAt(body, firstBadUtf8(body)),
    });
  }
}

function decodeUtf16(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be'): Result<string> {
  try {
    const text = new TextDecoder(label, { fatal: true }).decode(bytes);
    const declared = declaredEncoding(text.slice(0, 200));
    if (declared !== undefined && !/^utf-?16/i.test(declared)) {
      return fail({ message: `the file is UTF-16 but its XML declaration says "${declared}"`, line: 1 });
    }
    return ok(text);
  } catch {
    return fail({ message: `not valid ${label.toUpperCase()}`, line: 1 });
  }
}

export function asciiHead(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length && i < 200; i += 1) s += String.fromCharCode(bytes[i] as number);
  return s;
}

export function declaredEncoding(head: string): string | undefined {
  const decl = /^<\?xml\s[^?]*?encoding\s*=\s*["']([^"']+)["']/.exec(head);
  return decl?.[1];
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) if (bytes[i] === 10) line += 1;
  return line;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstBadUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k += 1) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return bytes.length;
}

/** How many leading bytes are looked at to tell UTF-16 without a BOM from other data. */
const SNIFF_BYTES = 4096;

/**
 * Recognises data that must not be decoded as UTF-8: NUL bytes only, UTF-16 without a byte-order mark
 * (every other byte is a high byte: 0x00 for Latin, 0x04 for Cyrillic), or any other NUL byte (binary data).
 */
export function sniffBinary(bytes: Uint8Array): { message: string; line: number } | undefined {
  if (bytes.length === 0) return undefined;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  const high = [0, 0];
  let nul = -1;
  for (let i = 0; i < n; i += 1) {
    const b = bytes[i] as number;
    if (b < 0x09) high[i % 2] = (high[i % 2] as number) + 1;
    if (b === 0 && nul < 0) nul = i;
  }
  const pairs = Math.floor(n / 2);
  if (pairs >= 2) {
    const [even, odd] = high as [number, number];
    const unmark = 'without a byte-order mark: save it as UTF-8, or as UTF-16 with a byte-order mark';
    if (odd >= pairs * 0.9 && even < pairs * 0.5)
      return { message: `the file looks like UTF-16LE ${unmark}`, line: 1 };
    if (even >= pairs * 0.9 && odd < pairs * 0.5)
      return { message: `the file looks like UTF-16BE ${unmark}`, line: 1 };
  }
  if (nul < 0) nul = bytes.indexOf(0, n);
  if (nul < 0) return undefined;
  if (bytes.every((b) => b === 0))
    return { message: 'the file holds nothing but NUL bytes: it is not text', line: 1 };
  return { message: 'binary data (a NUL byte), not text', line: lineAt(bytes, nul) };
}
