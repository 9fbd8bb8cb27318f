import { fail, ok, type Result } from '../../result.ts';

/**
 * Turns the bytes of an XML file into a string. UTF-8 (with or without BOM) and UTF-16 (with BOM, or
 * recognisable from a leading `<?`) are read; any other declared encoding is refused unless the file is
 * plain ASCII, where every such encoding agrees. Nothing is guessed: a wrong guess would corrupt text silently.
 */
export function decodeXml(bytes: Uint8Array): Result<string> {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return decodeUtf16(bytes, 'utf-16le');
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return decodeUtf16(bytes, 'utf-16be');
  const hasBom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
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

function asciiHead(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length && i < 200; i += 1) s += String.fromCharCode(bytes[i] as number);
  return s;
}

function declaredEncoding(head: string): string | undefined {
  const decl = /^<\?xml\s[^?]*?encoding\s*=\s*["']([^"']+)["']/.exec(head);
  return decl?.[1];
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) if (bytes[i] === 10) line += 1;
  return line;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstBadUtf8(bytes: Uint8Array): number {
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
