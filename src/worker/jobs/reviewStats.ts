import { documentEffort, type DocumentEffort } from '../../core/review/editDistance.ts';
import { countWords } from '../../core/review/mqm.ts';

export type ReviewStatsInput = {
  /** Target texts of one language, one per unit that has a rendering. */
  readonly texts: readonly { readonly id: string; readonly text: string }[];
  /** Machine translation and final text of every post-edited unit. */
  readonly postEdits: readonly { readonly machine: string; readonly final: string }[];
};

export type ReviewStatsOutput = {
  /** Word count per unit id, for the MQM evaluated-word total. */
  readonly words: readonly (readonly [string, number])[];
  readonly effort: DocumentEffort;
};

const PROGRESS_EVERY = 2000;

/** Word counts and post-editing effort of one language of a document: linear, but 100,000 units take a while. */
export function reviewStatsJob(
  input: ReviewStatsInput,
  progress: (fraction: number) => void,
): ReviewStatsOutput {
  const total = input.texts.length + input.postEdits.length;
  const step = (done: number) => {
    if (done % PROGRESS_EVERY === 0) progress(total === 0 ? 1 : done / total);
  };
  const words = input.texts.map((t, i): readonly [string, number] => {
    step(i);
    return [t.id, countWords(t.text)];
  });
  const effort = documentEffort(input.postEdits, (_, i) => step(input.texts.length + i));
  progress(1);
  return { words, effort };
}
