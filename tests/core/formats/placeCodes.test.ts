import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainText, type Content, type InlineCode } from '../../../src/core/formats/interchange.ts';
import { placeCodes } from '../../../src/core/formats/placeCodes.ts';

const code = (kind: InlineCode['kind'], id: string): InlineCode => ({
  kind,
  format: 'xliff2',
  element: kind === 'open' ? 'sc' : kind === 'close' ? 'ec' : 'ph',
  id,
  attributes: [],
});
const open = (id: string) => code('open', id);
const close = (id: string) => code('close', id);
const ph = (id: string) => code('standalone', id);

/** Content as a string with codes written [id, ]id, {id}: easy to read in a table. */
const show = (c: Content) =>
  c
    .map((p) =>
      typeof p === 'string'
        ? p
        : p.kind === 'open'
          ? `[${p.id}`
          : p.kind === 'close'
            ? `${p.id}]`
            : `{${p.id}}`,
    )
    .join('');

describe('placeCodes puts the codes of a reference into an edited plain text', () => {
  const cases: [string, Content, string, string][] = [
    [
      'unchanged text gives the reference back',
      ['a ', open('1'), 'b', close('1'), ' c'],
      'a b c',
      'a [1b1] c',
    ],
    [
      'an edit after the codes keeps them in place',
      ['The ', open('1'), 'Minister', close('1'), ' of X'],
      'The Minister of the Interior',
      'The [1Minister1] of the Interior',
    ],
    [
      'an edit before the codes keeps them around the same words',
      [open('1'), 'Order', close('1'), ' now'],
      'Order right now',
      '[1Order1] right now',
    ],
    [
      'a placeholder at the end stays at the end',
      ['Affairs', ph('2')],
      'Internal Affairs',
      'Internal Affairs{2}',
    ],
    [
      'codes in a rewritten text go round whole words',
      ['Вступает в силу ', open('3'), 'с 1 января', close('3'), '.'],
      'Takes effect from 1 January.',
      'Takes effect from [31 January3].',
    ],
    ['text with no codes is the text', ['old'], 'new', 'new'],
    ['codes survive an emptied text', [open('1'), 'x', close('1'), ph('2')], '', '[11]{2}'],
  ];
  it.each(cases)('%s', (_name, reference, text, expected) => {
    expect(show(placeCodes(reference, text))).toBe(expected);
  });

  it('keeps every code, in order, and the edited text exactly, whatever the edit', () => {
    const part = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'ж'), maxLength: 6 }),
      fc.constantFrom<'ph' | 'pair'>('ph', 'pair'),
    );
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 6 }),
        fc.string({ unit: fc.constantFrom('a', 'c', ' ', 'ж'), maxLength: 12 }),
        (parts, text) => {
          let n = 0;
          const reference: Content = parts.flatMap((p) => {
            if (p === 'ph') return [ph(String(++n))];
            if (p === 'pair') {
              const id = String(++n);
              return [open(id), 'w', close(id)];
            }
            return [p];
          });
          const placed = placeCodes(reference, text);
          const codes = (c: Content) => c.filter((p) => typeof p !== 'string');
          expect(codes(placed)).toEqual(codes(reference));
          expect(plainText(placed)).toBe(text);
        },
      ),
    );
  });
});
