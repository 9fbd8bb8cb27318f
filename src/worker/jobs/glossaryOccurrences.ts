import { buildTermIndex } from '../../core/glossary/match.ts';
import { findOccurrences, type Occurrence, type RenderingsByLang } from '../../core/glossary/occurrences.ts';
import type { TermEntry } from '../../core/model/term.ts';
import type { Unit } from '../../core/model/types.ts';

export type GlossaryOccurrencesInput = {
  readonly entries: readonly TermEntry[];
  readonly sourceLang: string;
  readonly units: readonly Unit[];
  readonly renderings: RenderingsByLang;
};

/** Where each entry occurs in a document; linear in the document, so it runs off the main thread. */
export function glossaryOccurrencesJob(
  input: GlossaryOccurrencesInput,
  progress: (fraction: number) => void,
): readonly (readonly [string, Occurrence])[] {
  progress(0);
  const found = findOccurrences(buildTermIndex(input.entries), input, input.units, input.renderings);
  progress(1);
  return [...found];
}
