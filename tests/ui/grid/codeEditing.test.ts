import { describe, expect, it } from 'vitest';
import {
  insertNextCode,
  keepCodesWhole,
  snapSelection,
  sourceCodes,
} from '../../../src/ui/features/grid/codeEditing.ts';
import { fromLabels } from '../../../src/core/text/codeTokens.ts';

/** The field's value after the browser's own edit, then kept whole: [text, caret]. */
const edit = (before: string, after: string, caret: number) => {
  const r = keepCodesWhole(before, after, caret);
  return [r.text, r.caret];
};

describe('keepCodesWhole: a code label is kept or removed whole, never cut', () => {
  it.each([
    ['Backspace after a label removes it whole', 'Save ⟨1/⟩ now', 'Save ⟨1/ now', 8, ['Save  now', 5]],
    ['Delete before a label removes it whole', 'Save ⟨1/⟩ now', 'Save 1/⟩ now', 5, ['Save  now', 5]],
    ['Backspace after a closing label', '⟨1⟩Save⟨/1⟩', '⟨1⟩Save⟨/1', 10, ['⟨1⟩Save', 7]],
    ['a selection ending inside a label takes the label', 'ab⟨2/⟩cd', 'a/⟩cd', 1, ['acd', 1]],
    ['a selection starting inside a label takes the label', 'ab⟨2/⟩cd', 'ab⟨2d', 4, ['abd', 2]],
    ['typing inside a label goes after it', 'a⟨1⟩b', 'a⟨1x⟩b', 4, ['a⟨1⟩xb', 5]],
    ['typing next to a label leaves it alone', 'a⟨1⟩b', 'a⟨1⟩xb', 5, ['a⟨1⟩xb', 5]],
    ['typing a letter equal to the one before it', 'aa⟨1/⟩', 'aaa⟨1/⟩', 3, ['aaa⟨1/⟩', 3]],
    ['plain text edits are untouched', 'Save now', 'Save no', 7, ['Save no', 7]],
    ['a pasted code character becomes its label', 'ab', 'a\uE001b', 2, ['a⟨1⟩b', 4]],
  ])('%s', (_name, before, after, caret, expected) => {
    expect(edit(before, after, caret)).toEqual(expected);
  });
});

describe('snapSelection: the caret passes a label as one unit', () => {
  it('moving right into a label lands after it, moving left lands before it', () => {
    expect(snapSelection('a⟨1⟩b', 2, 2, 1)).toEqual({ start: 4, end: 4 });
    expect(snapSelection('a⟨1⟩b', 3, 3, 4)).toEqual({ start: 1, end: 1 });
  });
  it('a selection grows to whole labels, so a copy holds whole codes', () => {
    expect(snapSelection('a⟨1⟩b⟨/1⟩', 2, 7, 0)).toEqual({ start: 1, end: 9 });
  });
  it('a caret outside labels stays where it is', () => {
    expect(snapSelection('a⟨1⟩b', 4, 4, 1)).toEqual({ start: 4, end: 4 });
  });
});

describe('insertNextCode', () => {
  const source = fromLabels('Нажмите ⟨1⟩Сохранить⟨/1⟩ ⟨2/⟩');
  it('puts the first missing code at the caret', () => {
    expect(insertNextCode(source, 'Press ⟨1⟩Save⟨/1⟩ ', 18, 18)).toEqual({
      text: 'Press ⟨1⟩Save⟨/1⟩ ⟨2/⟩',
      caret: 22,
    });
  });
  it('wraps a selection in a missing pair', () => {
    expect(insertNextCode(source, 'Press Save', 6, 10)).toEqual({ text: 'Press ⟨1⟩Save⟨/1⟩', caret: 17 });
  });
  it('does nothing when no code is missing', () => {
    expect(insertNextCode(source, 'Press ⟨1⟩Save⟨/1⟩ ⟨2/⟩', 0, 0)).toBeUndefined();
  });
  it('lists the codes of the source with those the text has', () => {
    expect(sourceCodes(source, fromLabels('⟨1⟩Save'))).toEqual([
      { label: '⟨1⟩', present: true },
      { label: '⟨/1⟩', present: false },
      { label: '⟨2/⟩', present: false },
    ]);
  });
});
