import { primaryLang } from '../../model/lang.ts';

const primaries = new Map<string, string>();
const MAX_REMEMBERED = 1_000;

/**
 * primaryLang, remembered per code: the checks ask it of every term hit and every input, and a project uses
 * a handful of codes.
 */
export function primaryOf(code: string): string {
  let primary = primaries.get(code);
  if (primary === undefined) {
    primary = primaryLang(code);
    if (primaries.size < MAX_REMEMBERED) primaries.set(code, primary);
  }
  return primary;
}
