import { describe, expect, it } from 'vitest';
import { CALQUES, calqueRegExp, requiredRuns } from '../../../src/core/checks/util/calques.ts';

describe('requiredRuns', () => {
  it.each([
    ['in the frames? of', ['in the frame']],
    ['accept(?:s|ed)? (?:a|the) decision', ['accept', ' decision']],
    ["on the today['’]?s? day", ['on the today', ' day']],
    ['\\(further ([A-ZА-Я]{2,})\\)', ['further ']],
    ['(?<=[«"“])about (?=\\p{Lu})', ['about ']],
    ['\\bon today\\b', ['on today']],
    ['law[- ]enforcement bodies', ['law', 'enforcement bodies']],
    ['Given Day', ['given day']],
  ])('%s needs %j', (pattern, runs) => {
    expect(requiredRuns(pattern)).toEqual(runs);
  });

  it.each([['first|second'], ['(?:a|b)'], ['ab'], ['x{2}y?z*']])('%s needs nothing', (pattern) => {
    expect(requiredRuns(pattern)).toEqual([]);
  });

  // Texts each entry matches, in any letter case: every run it needs is in the text lower-cased.
  const samples = [
    'The question about taxes',
    'They ACCEPTED THE DECISION yesterday',
    'in 2015 Year the plan',
    'On the today’s day we met',
    'Law-enforcement bodies act',
    'in the frame of the law',
    '(further MPS)',
  ];
  it('are in the text whenever the entry matches it', () => {
    let matched = 0;
    for (const c of CALQUES) {
      for (const text of samples) {
        if (!calqueRegExp(c.pattern).test(text)) continue;
        matched += 1;
        for (const run of c.required) expect(text.toLowerCase()).toContain(run);
      }
    }
    expect(matched).toBeGreaterThanOrEqual(samples.length);
  });
});
