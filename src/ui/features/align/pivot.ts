import type { AlignSegment } from '../../../core/align/types.ts';
import type { Lang } from '../../../core/model/lang.ts';
import type { Project, Unit } from '../../../core/model/types.ts';

/**
 * What an imported version is aligned against: the text the units already have in another language — the source
 * where there is one, else the machine translation.
 */
export type Pivot = {
  readonly lang: Lang;
  readonly role: 'source' | 'mt';
  /** Unit index → pivot text. */
  readonly texts: readonly string[];
};

export type PivotChoice =
  | { readonly ok: true; readonly pivot: Pivot }
  | { readonly ok: false; readonly problem: 'noPivot' | 'sameLanguage' };

function mtLangOf(project: Pick<Project, 'mtLang'>, units: readonly Unit[]): Lang | undefined {
  if (project.mtLang) return project.mtLang;
  for (const unit of units) for (const [lang, text] of Object.entries(unit.mt)) if (text.trim()) return lang;
  return undefined;
}

/** Chooses the pivot for importing (or re-aligning) a version in `lang`. */
export function choosePivot(
  project: Pick<Project, 'sourceLang' | 'mtLang'>,
  units: readonly Unit[],
  lang: Lang,
): PivotChoice {
  const hasSource = units.some((u) => u.source.trim() !== '');
  if (hasSource && lang !== project.sourceLang)
    return {
      ok: true,
      pivot: { lang: project.sourceLang, role: 'source', texts: units.map((u) => u.source) },
    };
  const mt = mtLangOf(project, units);
  if (mt !== undefined && mt !== lang)
    return { ok: true, pivot: { lang: mt, role: 'mt', texts: units.map((u) => u.mt[mt] ?? '') } };
  return {
    ok: false,
    problem: units.length > 0 && (hasSource || mt !== undefined) ? 'sameLanguage' : 'noPivot',
  };
}

/** Pivot units as aligner segments, with their paragraphs. */
export function pivotSegments(units: readonly Unit[], pivot: Pivot): AlignSegment[] {
  return units.map((u, i) => ({ text: pivot.texts[i] ?? '', paragraph: u.paragraph }));
}
