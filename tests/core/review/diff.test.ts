import { describe, expect, it } from 'vitest';
import { diffText, diffToMarkup } from '../../../src/core/review/diff.ts';
import { progressOf } from '../../../src/core/review/progress.ts';

describe('diffText', () => {
  it.each([
    ['To pass to contents', 'Go to contents', '<del>To pass</del><ins>Go</ins> to contents'],
    ['same text', 'same text', 'same text'],
    ['', 'new', '<ins>new</ins>'],
    [
      'At once I will note that',
      'I should note at once that',
      '<del>At once </del>I <del>will</del><ins>should</ins> note <ins>at once </ins>that',
    ],
    [
      'Akimats and Maslikhatami.',
      'the akimats and maslikhats.',
      '<del>Akimats</del><ins>the akimats</ins> and <del>Maslikhatami</del><ins>maslikhats</ins>.',
    ],
  ])('%s → %s', (before, after, markup) => {
    expect(diffToMarkup(diffText(before, after))).toBe(markup);
  });
});

describe('progressOf', () => {
  it('counts units without a rendering as not started', () => {
    const progress = progressOf(5, ['approved', 'mt', 'approved']);
    expect(progress.approved).toBe(2);
    expect(progress.byState).toMatchObject({ new: 2, mt: 1, approved: 2, edited: 0 });
  });
});
