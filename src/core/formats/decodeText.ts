import { ok, type Result } from '../result.ts';
import { decodeXml } from './xml/decodeXml.ts';

/**
 * The text of a text file (plain text, CSV, TBX, a backup): UTF-8 with or without BOM, UTF-16 with BOM, the BOM
 * removed. decodeXml makes exactly the checks a text file needs; a text file has no declaration for it to find.
 */
export function decodeText(bytes: Uint8Array): Result<string> {
  const r = decodeXml(bytes);
  return r.ok ? ok(r.value.replace(/^\uFEFF/, '')) : r;
}
