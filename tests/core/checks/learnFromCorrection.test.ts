import { describe, expect, it } from 'vitest';
import { applyPhraseChange, phraseChange, unitsWithPhrase } from '../../../src/core/checks/index.ts';

// Sentences written for these tests: none comes from the demo document or an evaluation set.
const offers: readonly [before: string, after: string, from: string, to: string][] = [
  // A content word is specific on its own.
  ['They adopted a package of measures.', 'They adopted a set of measures.', 'package', 'set'],
  [
    'The realization of the plan began.',
    'The implementation of the plan began.',
    'realization',
    'implementation',
  ],
  ['Жиналыс мектепте өткізілді.', 'Жиналыс мектепте өтті.', 'өткізілді', 'өтті'],
  // A preposition is learnt with the word it goes with.
  [
    'You should pay attention on the details.',
    'You should pay attention to the details.',
    'attention on',
    'attention to',
  ],
  ['Prices depend from the season.', 'Prices depend on the season.', 'depend from', 'depend on'],
  ['He took part at the meeting yesterday.', 'He took part in the meeting yesterday.', 'part at', 'part in'],
  // The nearer content word wins: here the one after the preposition.
  ['It is in the internet now.', 'It is on the internet now.', 'in the internet', 'on the internet'],
  // A word dropped keeps its neighbour, so the rule still has a better wording.
  [
    'We discussed about the budget yesterday.',
    'We discussed the budget yesterday.',
    'discussed about',
    'discussed',
  ],
  // Too short to stand alone: a neighbour is added.
  ['The fee is low.', 'The fee is small.', 'is low', 'is small'],
  ['Ол бойынша шешім қабылданды.', 'Ол туралы шешім қабылданды.', 'бойынша шешім', 'туралы шешім'],
];

const refusals: readonly [why: string, before: string, after: string][] = [
  ['an article swapped', 'The committee approved the plan.', 'The committee approved a plan.'],
  ['an article dropped', 'She is the member of the board.', 'She is member of the board.'],
  ['a pronoun swapped', 'They is ready to start.', 'It is ready to start.'],
  ['an auxiliary swapped', 'The rules is strict.', 'The rules are strict.'],
  ['a Kazakh conjunction swapped', 'Алматы мен Астана келісті.', 'Алматы және Астана келісті.'],
  ['punctuation only', 'It works', 'It works.'],
  ['a comma only', 'However the plan failed.', 'However, the plan failed.'],
  ['capitals only', 'The Senate met on Monday.', 'The senate met on Monday.'],
  ['a hyphen only', 'Send it by e-mail today.', 'Send it by email today.'],
  ['a number only', 'The fee was 15 dollars.', 'The fee was 16 dollars.'],
  ['words only added', 'It works.', 'It works well.'],
  ['a rewrite', 'one two three four five six seven eight', 'a b c d e f g h'],
  ['function words with no content word near', 'It is on.', 'It is in.'],
  ['nothing changed', 'The plan was adopted.', 'The plan was adopted.'],
];

describe('the phrase learnt from a correction', () => {
  it.each(offers)('%s → %s offers “%s” → “%s”', (before, after, from, to) => {
    expect(phraseChange(before, after)).toEqual({ from, to });
  });

  it.each(refusals)('offers nothing for %s', (_why, before, after) => {
    expect(phraseChange(before, after)).toBeUndefined();
  });

  it('counts and changes the other units by the widened phrase, not by the bare preposition', () => {
    const change = phraseChange('Pay attention on the details.', 'Pay attention to the details.')!;
    const units = [
      { id: 'a', text: 'Drivers must pay attention on the road.' },
      { id: 'b', text: 'She turned on the light.' },
      { id: 'c', text: 'Attention on safety is a duty.' },
      { id: 'd', text: 'They called attention, on purpose.' },
    ];
    // "attention, on purpose": a comma between the words is another phrase.
    expect(unitsWithPhrase(change.from, units)).toEqual(['a', 'c']);
    expect(applyPhraseChange('Attention on safety is a duty.', change)).toBe(
      'Attention to safety is a duty.',
    );
    expect(applyPhraseChange('She turned on the light.', change)).toBe('She turned on the light.');
  });
});
