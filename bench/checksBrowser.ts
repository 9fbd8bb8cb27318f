// The checks bench's 100,000 varied ru→en pairs (variedPairs.ts) as a stored document in the built app in headless
// Chromium: how long after its last unit is shown its whole-document checks are done, as a reviewer who opens it
// waits for them (the app's own workers, split over two where the page reports two cores; BENCH_WORKERS=1 for one).
import { storedDocument } from './browser.ts';
import { describeWorkload, variedPairs } from './variedPairs.ts';

const PAIRS = Number(process.env.BENCH_UNITS ?? 100_000);

export async function bench(): Promise<Record<string, number | string>> {
  const generated = variedPairs(PAIRS);
  const figures = await storedDocument({
    texts: { source: generated.map((p) => p.source), target: generated.map((p) => p.target) },
    checksOnly: true,
  });
  return { workload: describeWorkload(generated), ...figures };
}
