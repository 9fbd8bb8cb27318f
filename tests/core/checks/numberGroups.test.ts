import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../../src/core/checks/util/numbers.ts';

// The grouped-thousands reading is only tried where a digit, a group separator and a digit stand together:
// each separator must still join the groups into one number, and text without one must read digit runs alone.
describe('findNumbers grouping', () => {
  const cases: [string, string[]][] = [
    ['Выделено 1 500 тенге', ['1 500']],
    ['Выделено 1\u00a0500 тенге', ['1\u00a0500']],
    ['Выделено 1\u202f500 тенге', ['1\u202f500']],
    ['Выделено 1\u2009500 тенге', ['1\u2009500']],
    ['Выделено 15 000,5 тенге', ['15 000,5']],
    ['Выделено 1500 тенге и 2,5 млн', ['1500', '2,5']],
    ['In 12 days, 3.5 tons', ['12', '3.5']],
    ['Room 7-12, id4', ['7', '12']],
  ];
  it.each(cases)('%s', (text, tokens) => {
    expect(findNumbers(text).map((n) => n.text)).toEqual(tokens);
  });
});
