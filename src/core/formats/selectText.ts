import type { Lang } from '../model/lang.ts';
import type { InterchangeDocument, InterchangeUnit } from './interchange.ts';
import { plainText } from './interchange.ts';

/**
 * What a running-text export (plain text, Word) of one target language holds, unit by unit:
 *  - `approved`: approved renderings only;
 *  - `approved-mt` (the default): the approved rendering, else the machine translation;
 *  - `all`: whatever each rendering says now, in any state (rejected included), else the machine translation.
 * A unit with nothing to show is a gap, written as GAP_MARK, so the text never silently closes up around it.
 */
export const TEXT_CONTENTS = ['approved-mt', 'approved', 'all'] as const;
export type TextContent = (typeof TEXT_CONTENTS)[number];
export const DEFAULT_TEXT_CONTENT: TextContent = 'approved-mt';

/** Stands where a unit has no text to export; the same in every language. */
export const GAP_MARK = '[…]';

/** How many units the export took from where. The source language counts every unit as `source`. */
export type TextReport = {
  readonly approved: number;
  readonly machine: number;
  /** Renderings not approved (edited, reviewed, rejected), in `all` only. */
  readonly unapproved: number;
  readonly source: number;
  readonly gaps: number;
};

export function selectText(
  doc: InterchangeDocument,
  lang: Lang,
  content: TextContent,
): { readonly doc: InterchangeDocument; readonly report: TextReport } {
  const report = { approved: 0, machine: 0, unapproved: 0, source: 0, gaps: 0 };
  if (lang === doc.sourceLang) {
    report.source = doc.units.filter((u) => plainText(u.source) !== '').length;
    return { doc, report };
  }
  const units = doc.units.map((u): InterchangeUnit => {
    const t = u.targets[lang];
    const text = t ? plainText(t.content) : '';
    const machine = t?.machine ?? (t?.state === 'mt' ? text : '');
    let chosen: string;
    if (t?.state === 'approved' && text !== '') {
      chosen = text;
      report.approved += 1;
    } else if (content === 'all' && t && text !== '' && t.state !== 'mt') {
      chosen = text;
      report.unapproved += 1;
    } else if (content !== 'approved' && machine !== '') {
      chosen = machine;
      report.machine += 1;
    } else {
      chosen = GAP_MARK;
      report.gaps += 1;
    }
    const targets = { [lang]: { content: [chosen], state: t?.state ?? 'new', notes: [] } };
    return { ...u, targets };
  });
  return { doc: { ...doc, targetLangs: [lang], units }, report };
}
