import type { Project } from '../../../core/model/types.ts';
import type { Term, TermEntry } from '../../../core/model/term.ts';
import { primaryLang } from '../../../core/model/lang.ts';
import { kazakhToLatin } from '../../../core/translit/kazakhToLatin.ts';

export const KAZAKH_LATIN = 'kk-Latn';

/** Term languages shown as columns: the source, the targets, and Kazakh Latin next to Kazakh. */
export function glossaryLangs(project: Project): string[] {
  const langs = [...new Set([project.sourceLang, ...project.targetLangs])];
  const kk = langs.findIndex((l) => primaryLang(l) === 'kk');
  if (kk >= 0 && !langs.includes(KAZAKH_LATIN)) langs.splice(kk + 1, 0, KAZAKH_LATIN);
  return langs;
}

/** A term as shown: stored, or (Kazakh Latin only) computed from the Cyrillic form. */
export type ShownTerm = Term & { readonly computed: boolean };

/** Terms of one language; Kazakh Latin falls back to the 2021 transliteration of the Kazakh terms. */
export function termsIn(entry: TermEntry, lang: string): ShownTerm[] {
  const stored = entry.terms.filter((t) => t.lang === lang).map((t) => ({ ...t, computed: false }));
  if (stored.length > 0 || lang !== KAZAKH_LATIN) return stored;
  return entry.terms
    .filter((t) => t.lang === 'kk')
    .map((t) => ({ ...t, lang: KAZAKH_LATIN, text: kazakhToLatin(t.text), computed: true }));
}
