import { fail, ok, type Result } from '../result.ts';
import type { Lang } from '../model/lang.ts';
import type { OriginalFile } from '../model/types.ts';
import {
  hasCodes,
  plainText,
  type Content,
  type Inline,
  type InterchangeDocument,
  type InterchangeTarget,
  type InterchangeUnit,
} from './interchange.ts';
import { fromBase64 } from './base64.ts';
import { placeCodes } from './placeCodes.ts';
import { formatById } from './registry.ts';

type Locator = NonNullable<InterchangeUnit['locator']>;
const key = (l: Locator) => `${l.file}\u0000${l.unit}\u0000${l.segment}`;

/**
 * A stored document laid over the file it was imported from: the file's units, ids, source content and inline
 * codes, with each unit's targets taken from the project (found by the unit's place in the file). The target
 * language of the file gets the rendering's text with the file's codes put back (see placeCodes), its state, and
 * the notes of the original plus any added since; a unit the project no longer has keeps what the file had.
 * Written as XLIFF, the result patches the original tree, so everything else in the file stays as it was.
 */
export function asOriginal(stored: InterchangeDocument, original: OriginalFile): Result<InterchangeDocument> {
  // A .docx is patched paragraph by paragraph when written (see docxPatch): it needs its package and the places.
  if (original.format === 'docx')
    return ok({ ...stored, format: 'docx', package: fromBase64(original.text) });
  // Only XLIFF files are kept (see projectDocument.ts); anything else is a backup edited by hand.
  const read = original.format.startsWith('xliff-')
    ? formatById('xliff').read?.(new TextEncoder().encode(original.text), original.fileName, {})
    : undefined;
  if (!read)
    return fail({ message: `${original.fileName}: a kept ${original.format} file cannot be written back` });
  if (!read.ok) return read;
  const file = read.value;
  const fileTarget: Lang | undefined = file.targetLangs[0];
  const byPlace = new Map<string, InterchangeUnit>();
  for (const u of stored.units) if (u.locator) byPlace.set(key(u.locator), u);
  // The file's target language is the project language of the same primary code (en-US in the file, en here).
  const primary = (l: Lang) => l.toLowerCase().split('-')[0];
  const storedLang =
    fileTarget === undefined
      ? stored.targetLangs[0]
      : (stored.targetLangs.find((l) => l.toLowerCase() === fileTarget.toLowerCase()) ??
        stored.targetLangs.find((l) => primary(l) === primary(fileTarget) && !/-latn$/i.test(l)));
  const trg = fileTarget ?? storedLang;
  const others = stored.targetLangs.filter((l) => l !== storedLang);
  const units = file.units.map((fu): InterchangeUnit => {
    const su = fu.locator ? byPlace.get(key(fu.locator)) : undefined;
    if (!su || trg === undefined) return fu;
    const targets: Record<Lang, InterchangeTarget> = { ...fu.targets };
    for (const l of others) {
      const t = su.targets[l];
      if (t) targets[l] = t;
    }
    const mine = storedLang !== undefined ? su.targets[storedLang] : undefined;
    const theirs = fu.targets[trg];
    if (mine) {
      const text = plainText(mine.content);
      const reference = theirs && plainText(theirs.content) !== '' ? theirs.content : fu.source;
      // A note of the file came in as a comment (its category is ours now): it is known by its text.
      const known = new Set([...(theirs?.notes ?? []), ...fu.notes].map((n) => n.text));
      const added = mine.notes.filter((n) => !known.has(n.text));
      // A text that has codes (code characters, see text/codeTokens) brings them back where the reviewer left
      // them. A text with none of them (typed where the file had no target, or stored before codes were kept)
      // gets the file's codes placed by position, since the system at the other end expects them.
      const placed = hasCodes(mine.content) ? mine.content : placeCodes(reference, text);
      targets[trg] = {
        content: file.format === 'xliff-1.2' ? placed : withCharCodes(placed),
        state: mine.state,
        notes: [...(theirs?.notes ?? []), ...added],
        ...(mine.machine !== undefined ? { machine: mine.machine } : {}),
      };
    }
    return { ...fu, targets, separator: su.separator ?? fu.separator ?? '' };
  });
  return ok({
    ...file,
    targetLangs: trg === undefined ? others : [trg, ...others],
    units,
  });
}

/** Characters XML cannot hold (C0 controls but tab and line breaks, U+FFFE/U+FFFF): XLIFF 2 writes them as `<cp>`. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point here
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function withCharCodes(content: Content): Content {
  const out: Inline[] = [];
  for (const part of content) {
    if (typeof part !== 'string' || part.search(NOT_XML) === -1) {
      out.push(part);
      continue;
    }
    let last = 0;
    for (const m of part.matchAll(NOT_XML)) {
      if (m.index > last) out.push(part.slice(last, m.index));
      const hex = (m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      out.push({
        kind: 'standalone',
        format: 'xliff2',
        element: 'cp',
        attributes: [{ name: 'hex', local: 'hex', prefix: '', uri: '', value: hex }],
      });
      last = m.index + m[0].length;
    }
    if (last < part.length) out.push(part.slice(last));
  }
  return out;
}
