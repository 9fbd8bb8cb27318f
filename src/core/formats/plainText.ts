import type { Lang } from '../model/lang.ts';
import { joinSegments, segmentText } from '../text/segment.ts';
import { plainText, type InterchangeDocument, type InterchangeUnit } from './interchange.ts';

/** Reads plain text as a source-only document: one unit per sentence, heading or list item. */
export function readPlainText(text: string, lang: Lang): InterchangeDocument {
  const units: InterchangeUnit[] = segmentText(text, lang).map((s, i) => ({
    id: `u${i + 1}`,
    source: [s.text],
    targets: {},
    notes: [],
    separator: s.separator,
    kind: s.kind,
  }));
  return { sourceLang: lang, targetLangs: [], units, format: 'text' };
}

/**
 * Writes one language as plain text, paragraphs as in the original (each unit's separator). Units without
 * a separator are taken as paragraphs of their own. A unit with no text in that language is left out.
 */
export function writePlainText(doc: InterchangeDocument, lang: Lang = doc.sourceLang): string {
  const parts: { text: string; separator: string }[] = [];
  for (const u of doc.units) {
    const text = unitText(u, lang, doc.sourceLang);
    if (text === undefined || text === '') continue;
    parts.push({ text, separator: parts.length === 0 ? '' : (u.separator ?? '\n\n') || '\n\n' });
  }
  return joinSegments(parts);
}

export function unitText(u: InterchangeUnit, lang: Lang, sourceLang: Lang): string | undefined {
  if (lang === sourceLang) return plainText(u.source);
  const t = u.targets[lang];
  return t ? plainText(t.content) : undefined;
}
