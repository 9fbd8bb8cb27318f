import { fail, ok, type Result } from '../result.ts';
import type { Lang } from '../model/lang.ts';
import {
  hasCodes,
  plainText,
  type Content,
  type InterchangeDocument,
  type InterchangeUnit,
} from '../formats/interchange.ts';
import { readTmx, writeTmx } from '../formats/tmx.ts';
import type { MemoryEntry } from './types.ts';

/**
 * Entries of an imported TMX memory: one per unit with text in both languages. Matching works on the plain text;
 * inline codes are kept beside it, so that an export gives them back.
 */
export function memoryFromTmx(
  input: string | Uint8Array,
  options: {
    readonly memoryId: string;
    readonly sourceLang: Lang;
    readonly targetLang: Lang;
    readonly by: string;
    readonly at: number;
  },
): Result<MemoryEntry[]> {
  const read = readTmx(input, { sourceLang: options.sourceLang });
  if (!read.ok) return read;
  const doc = read.value;
  const same = (a: string, b: string) => a.toLowerCase().split('-')[0] === b.toLowerCase().split('-')[0];
  if (!same(doc.sourceLang, options.sourceLang))
    return fail({ message: `the memory's source language is ${doc.sourceLang}, not ${options.sourceLang}` });
  const targetLang = doc.targetLangs.find((lang) => same(lang, options.targetLang));
  if (targetLang === undefined)
    return fail({
      message: `the memory has no ${options.targetLang} text (it has ${doc.targetLangs.join(', ')})`,
    });
  const entries: MemoryEntry[] = [];
  let previous = '';
  for (const unit of doc.units) {
    const sourceContent = unit.source;
    const targetContent = unit.targets[targetLang]?.content ?? [];
    const source = plainText(sourceContent).trim();
    const target = plainText(targetContent).trim();
    if (source !== '' && target !== '')
      entries.push({
        id: `${options.memoryId}:${unit.id}`,
        memoryId: options.memoryId,
        sourceLang: options.sourceLang,
        targetLang: options.targetLang,
        source,
        target,
        ...(hasCodes(sourceContent) ? { sourceContent } : {}),
        ...(hasCodes(targetContent) ? { targetContent } : {}),
        ...(previous ? { context: previous } : {}),
        createdBy: options.by,
        createdAt: options.at,
        updatedBy: options.by,
        updatedAt: options.at,
      });
    previous = source;
  }
  return ok(entries);
}

/** TMX 1.4b of entries with a source (post-editing entries have none and stay out). */
export function memoryToTmx(entries: readonly MemoryEntry[], sourceLang: Lang, targetLang: Lang): string {
  const units: InterchangeUnit[] = entries
    .filter((e) => e.source !== '' && e.sourceLang === sourceLang && e.targetLang === targetLang)
    .map((e, i) => ({
      id: String(i + 1),
      source: contentOf(e.sourceContent, e.source),
      targets: {
        [targetLang]: { content: contentOf(e.targetContent, e.target), state: 'approved', notes: [] },
      },
      notes: [],
    }));
  const doc: InterchangeDocument = { sourceLang, targetLangs: [targetLang], units, format: 'tmx' };
  return writeTmx(doc);
}

/** The coded content where it still reads as the entry's text; an edited text has lost its codes' places. */
function contentOf(content: Content | undefined, text: string): Content {
  return content !== undefined && plainText(content).trim() === text ? content : [text];
}
