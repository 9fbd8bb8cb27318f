import type { Rendering, RenderingState, Unit } from '../model/types.ts';
import type { Issue, Severity } from '../checks/types.ts';
import { compileLinear } from '../text/linearRegex.ts';

/** What the reviewer wants to see. Empty criteria show every unit. */
export type FilterCriteria = {
  /** Language the state, issue and text criteria look at; undefined = any target language. */
  readonly lang?: string;
  /** `unapproved` = anything but approved. */
  readonly state?: RenderingState | 'unapproved';
  /** `any` = at least one open issue; a severity = at least one issue of that severity or worse. */
  readonly issues?: 'any' | Severity | 'none';
  readonly check?: string;
  readonly text?: string;
  readonly regex?: boolean;
  readonly caseSensitive?: boolean;
  /** Only rows whose alignment confidence is below this. */
  readonly uncertainBelow?: number;
  /** Only units with these ids (e.g. units with open comment threads), when given. */
  readonly unitIds?: ReadonlySet<string>;
};

export type FilterInput = {
  readonly units: readonly Unit[];
  readonly langs: readonly string[];
  readonly renderings: ReadonlyMap<string, ReadonlyMap<string, Rendering>>;
  readonly issues: ReadonlyMap<string, ReadonlyMap<string, readonly Issue[]>>;
};

const RANK: Readonly<Record<Severity, number>> = { minor: 1, major: 2, critical: 3 };

export type TextMatcher = (text: string) => boolean;

/** Builds the text test, or an error message when the regular expression does not compile. */
export function textMatcher(
  criteria: FilterCriteria,
):
  | { readonly ok: true; readonly test: TextMatcher | undefined }
  | { readonly ok: false; readonly error: string } {
  const text = criteria.text ?? '';
  if (text === '') return { ok: true, test: undefined };
  if (criteria.regex) {
    const re = compileLinear(text, criteria.caseSensitive ?? false);
    return re.ok
      ? { ok: true, test: (value) => re.value.test(value) }
      : { ok: false, error: re.error.message };
  }
  if (criteria.caseSensitive) return { ok: true, test: (value) => value.includes(text) };
  // A case-insensitive regular expression tests a text without copying it, unlike lower-casing every text.
  const re = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu');
  return { ok: true, test: (value) => re.test(value) };
}

/** Indices of the units that pass every criterion, in document order. Linear in the document. */
export function filterUnits(input: FilterInput, criteria: FilterCriteria): number[] {
  const langs = criteria.lang ? [criteria.lang] : input.langs;
  const matcher = textMatcher(criteria);
  const test = matcher.ok ? matcher.test : () => false;
  const out: number[] = [];
  for (const unit of input.units) {
    if (criteria.unitIds && !criteria.unitIds.has(unit.id)) continue;
    if (
      criteria.uncertainBelow !== undefined &&
      !(unit.alignScore !== undefined && unit.alignScore < criteria.uncertainBelow)
    )
      continue;
    if (criteria.state) {
      const wanted = criteria.state;
      const hit = langs.some((lang) => {
        const state = input.renderings.get(lang)?.get(unit.id)?.state ?? 'new';
        return wanted === 'unapproved' ? state !== 'approved' : state === wanted;
      });
      if (!hit) continue;
    }
    if (criteria.issues || criteria.check) {
      const list = langs.flatMap((lang) => input.issues.get(lang)?.get(unit.id) ?? []);
      if (criteria.issues === 'none') {
        if (list.length > 0) continue;
      } else {
        const relevant = criteria.check ? list.filter((issue) => issue.check === criteria.check) : list;
        const floor = criteria.issues && criteria.issues !== 'any' ? RANK[criteria.issues] : 0;
        if (!relevant.some((issue) => RANK[issue.severity] >= floor)) continue;
      }
    }
    if (test && !unitMatches(unit, langs, input.renderings, test)) continue;
    out.push(unit.index);
  }
  return out;
}

function unitMatches(
  unit: Unit,
  langs: readonly string[],
  renderings: FilterInput['renderings'],
  test: TextMatcher,
): boolean {
  if (unit.source !== '' && test(unit.source)) return true;
  for (const lang in unit.mt) {
    const text = unit.mt[lang];
    if (text && test(text)) return true;
  }
  for (const lang of langs) {
    const text = renderings.get(lang)?.get(unit.id)?.text;
    if (text && text !== unit.mt[lang] && test(text)) return true;
  }
  return false;
}

export function isEmptyFilter(criteria: FilterCriteria): boolean {
  return (
    !criteria.state &&
    !criteria.issues &&
    !criteria.check &&
    !criteria.text &&
    criteria.uncertainBelow === undefined &&
    !criteria.unitIds
  );
}
