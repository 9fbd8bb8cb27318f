import { describe, expect, it } from 'vitest';
import { makeCheckJobs, type CheckDocumentInput } from '../../../src/worker/jobs/checkDocument.ts';
import { computeDocumentStats, pairLogRatios } from '../../../src/core/checks/documentStats.ts';
import type { Issue } from '../../../src/core/checks/types.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { TermEntry } from '../../../src/core/model/term.ts';

// English "spelling" for the test: a word with "qx" in it is misspelled unless the project knows it.
const jobs = () =>
  makeCheckJobs(async (lang) =>
    lang === 'en' ? { lang, correct: (word: string) => !word.includes('qx') } : undefined,
  );

const pairs = [
  { id: 'a', source: 'Отчёт опубликован.', target: 'The report was qxpublished.' },
  { id: 'b', source: 'Сайт обновлён.', target: 'The qxsite was updated.' },
];
const base: CheckDocumentInput = { pairs, sourceLang: 'ru', targetLang: 'en', entries: [], spelling: true };

/** The words the spelling check flags across a job's answer. */
function misspelled(issues: readonly (readonly [string, readonly Issue[]])[]): string[] {
  const target = new Map(pairs.map((p) => [p.id, p.target]));
  return issues.flatMap(([id, list]) =>
    list
      .filter((issue) => issue.check === 'spelling')
      .flatMap((issue) => (issue.target ?? []).map((s) => target.get(id)!.slice(s.start, s.end))),
  );
}

const term = (text: string, updatedAt: number): TermEntry => ({
  id: entryId('e1'),
  projectId: projectId('p'),
  terms: [
    { lang: 'ru', text: 'сайт', status: 'approved' },
    { lang: 'en', text, status: 'approved' },
  ],
  createdAt: 0,
  updatedAt,
});

describe('the check jobs', () => {
  it("count the project's approved text and glossary as spelled right, and follow them when they change", async () => {
    const run = jobs();
    const stats = computeDocumentStats(pairs);
    const slice = (input: Partial<CheckDocumentInput>) =>
      run
        .checkSlice({ ...base, ...input, stats }, () => undefined)
        .then(({ outcomes }) =>
          misspelled(outcomes.found.map((i, k) => [pairs[i]!.id, outcomes.issues[k]!] as const)),
        );
    expect(misspelled((await run.checkDocument(base, () => undefined)).issues)).toEqual([
      'qxpublished',
      'qxsite',
    ]);
    // Approved text sent once is kept for the slices that follow without it.
    expect(await slice({ approvedTexts: ['It was qxpublished.'] })).toEqual(['qxsite']);
    expect(await slice({})).toEqual(['qxsite']);
    // A new list replaces it; so does a glossary that changed.
    expect(await slice({ approvedTexts: ['Our qxsite.'] })).toEqual(['qxpublished']);
    expect(await slice({ approvedTexts: [], entries: [term('qxsite', 1)] })).toEqual(['qxpublished']);
    expect(await slice({ entries: [term('site', 2)] })).toEqual(['qxpublished', 'qxsite']);
  });

  it('reads the length ratios a slice is sent with, one per pair of the slice', async () => {
    const run = jobs();
    const long = [
      {
        id: 'x',
        source: 'Служба местной полиции работает каждый день.',
        target: 'The local police work daily.',
      },
      { id: 'y', source: 'Отчёт опубликован на сайте ведомства.', target: 'The report is on the website.' },
    ];
    const stats = computeDocumentStats(long);
    const lengthIssues = async (logRatios?: Float64Array) => {
      const { outcomes } = await run.checkSlice(
        { ...base, spelling: false, pairs: long, stats, ...(logRatios ? { logRatios } : {}) },
        () => undefined,
      );
      return outcomes.found.flatMap((i, k) =>
        outcomes.issues[k]!.filter((issue) => issue.check.startsWith('length-')).map(
          (issue) => `${long[i]!.id} ${issue.check}`,
        ),
      );
    };
    expect(await lengthIssues()).toEqual([]);
    expect(await lengthIssues(pairLogRatios(long))).toEqual([]);
    // A ratio far from the document's, for the second pair only: the slice took it as that pair's.
    expect(await lengthIssues(Float64Array.of(Number.NaN, Math.log(5)))).toEqual(['y length-long']);
  });
});
