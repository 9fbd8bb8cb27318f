import { extractCandidates, type Candidate, type SourceText } from '../../core/glossary/extractCandidates.ts';

export type ExtractCandidatesInput = { readonly texts: readonly SourceText[] };

/** Term candidates over a document's texts (source, machine translations, renderings), most frequent first. */
export function extractCandidatesJob(
  input: ExtractCandidatesInput,
  progress: (fraction: number) => void,
): readonly Candidate[] {
  progress(0);
  const candidates = extractCandidates(input.texts);
  progress(1);
  return candidates;
}
