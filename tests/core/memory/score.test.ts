import { describe, expect, it } from 'vitest';
import { matchScore } from '../../../src/core/memory/score.ts';

// Sentence pairs written for these tests (not taken from the demo or any evaluation set).
describe('matchScore', () => {
  it.each([
    [
      'identical text is 100',
      'The committee approved the budget.',
      'The committee approved the budget.',
      100,
      100,
    ],
    [
      'only a number differs: high, below 100',
      'Article 10 applies to all residents.',
      'Article 12 applies to all residents.',
      95,
      99,
    ],
    [
      'only case and punctuation differ: 99',
      'the committee approved the budget',
      'The committee approved the budget.',
      99,
      99,
    ],
    ['ё and е alone: 99', 'Всё решено комиссией.', 'Все решено комиссией.', 99, 99],
    [
      'one word changed in a long sentence: about 90',
      'The municipal council approved the new budget on Monday.',
      'The municipal council approved the new budget on Friday.',
      85,
      94,
    ],
    [
      'a clause added: about 75',
      'The office is closed on public holidays.',
      'The office is closed on public holidays and on Sundays.',
      70,
      82,
    ],
    [
      'half the words differ: about 50',
      'Residents may apply for the permit online.',
      'Residents must collect the permit in person.',
      40,
      65,
    ],
    [
      'unrelated sentences: low',
      'The bridge will reopen next spring.',
      'Tax forms are available at the library.',
      0,
      40,
    ],
  ])('%s', (_name, a, b, low, high) => {
    const score = matchScore(a, b);
    expect(score).toBeGreaterThanOrEqual(low);
    expect(score).toBeLessThanOrEqual(high);
  });

  it('never shows 100 for texts that differ', () => {
    expect(matchScore('Пункт 3.', 'Пункт 4.')).toBeLessThan(100);
    expect(matchScore('a  b', 'a b')).toBe(99);
  });

  it('is symmetric', () => {
    const a = 'Заявление подаётся в течение 10 дней.';
    const b = 'Заявление подаётся в течение 15 рабочих дней.';
    expect(matchScore(a, b)).toBe(matchScore(b, a));
  });
});
