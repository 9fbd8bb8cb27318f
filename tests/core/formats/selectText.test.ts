import { describe, expect, it } from 'vitest';
import type { InterchangeDocument, InterchangeTarget } from '../../../src/core/formats/interchange.ts';
import { writePlainText } from '../../../src/core/formats/plainText.ts';
import { selectText, type TextContent } from '../../../src/core/formats/selectText.ts';
import type { RenderingState } from '../../../src/core/model/types.ts';

const target = (text: string, state: RenderingState, machine?: string): InterchangeTarget => ({
  content: text ? [text] : [],
  state,
  notes: [],
  ...(machine !== undefined ? { machine } : {}),
});
const doc: InterchangeDocument = {
  sourceLang: 'ru',
  targetLangs: ['en'],
  format: 'text',
  units: [
    {
      id: '1',
      source: ['Один.'],
      targets: { en: target('One.', 'approved', 'Uno.') },
      notes: [],
      separator: '',
    },
    {
      id: '2',
      source: ['Два.'],
      targets: { en: target('Two!', 'edited', 'Deux.') },
      notes: [],
      separator: ' ',
    },
    { id: '3', source: ['Три.'], targets: { en: target('Tree.', 'rejected') }, notes: [], separator: ' ' },
    { id: '4', source: ['Четыре.'], targets: { en: target('Four.', 'mt') }, notes: [], separator: '\n\n' },
    { id: '5', source: ['Пять.'], targets: {}, notes: [], separator: ' ' },
  ],
};

describe('selectText: what a text export of one language holds', () => {
  const cases: [TextContent, string, Record<string, number>][] = [
    ['approved', 'One. […] […]\n\n[…] […]\n', { approved: 1, machine: 0, unapproved: 0, gaps: 4 }],
    ['approved-mt', 'One. Deux. […]\n\nFour. […]\n', { approved: 1, machine: 2, unapproved: 0, gaps: 2 }],
    ['all', 'One. Two! Tree.\n\nFour. […]\n', { approved: 1, machine: 1, unapproved: 2, gaps: 1 }],
  ];
  it.each(cases)('%s', (content, text, report) => {
    const selected = selectText(doc, 'en', content);
    expect(writePlainText(selected.doc, 'en')).toBe(text);
    expect(selected.report).toEqual({ ...report, source: 0 });
  });

  it('the source language is every source, with nothing to choose', () => {
    const selected = selectText(doc, 'ru', 'approved');
    expect(writePlainText(selected.doc, 'ru')).toBe('Один. Два. Три.\n\nЧетыре. Пять.\n');
    expect(selected.report.source).toBe(5);
  });
});
