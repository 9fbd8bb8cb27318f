import { describe, expect, it } from 'vitest';
import { checkPair, type CheckContext } from '../../../src/core/checks/index.ts';

// A speller that knows American spellings only, as dictionary-en does.
const US_WORDS = new Set([
  'the',
  'color',
  'colors',
  'center',
  'centers',
  'of',
  'is',
  'red',
  'was',
  'program',
  'we',
  'traveled',
  'far',
  'organize',
  'analyze',
  'data',
]);
const spell = (w: string) => US_WORDS.has(w.toLowerCase());

const flagged = (target: string, englishSpelling?: CheckContext['englishSpelling']) =>
  checkPair(
    { id: 'u', source: '', target },
    { sourceLang: 'ru', targetLang: 'en', spell, ...(englishSpelling ? { englishSpelling } : {}) },
  )
    .filter((i) => i.check === 'spelling')
    .map((i) => [i.messageKey, target.slice(i.target![0]!.start, i.target![0]!.end), i.fix?.replacement]);

describe('British or American English, as the project chooses', () => {
  it('accepts both by default', () => {
    expect(flagged('the colour of the centre is red')).toEqual([]);
    expect(flagged('the color of the center is red')).toEqual([]);
  });

  it('reports American spellings in a British project, with the British form as the fix', () => {
    expect(flagged('the colors of the center', 'en-GB')).toEqual([
      ['checks.spelling.variant', 'colors', 'colours'],
      ['checks.spelling.variant', 'center', 'centre'],
    ]);
    expect(flagged('we traveled far', 'en-GB')).toEqual([
      ['checks.spelling.variant', 'traveled', 'travelled'],
    ]);
    // Oxford -ize and "program" (software) are British too.
    expect(flagged('we organize the program', 'en-GB')).toEqual([]);
  });

  it('reports British spellings in an American project', () => {
    expect(flagged('the colour of the centre', 'en-US')).toEqual([
      ['checks.spelling.misspelled', 'colour', undefined],
      ['checks.spelling.misspelled', 'centre', undefined],
    ]);
    expect(flagged('the color of the center', 'en-US')).toEqual([]);
  });
});
