import { describe, expect, it } from 'vitest';
import { buildTermIndex } from '../../../src/core/glossary/match.ts';
import { createTermMarker, termMarks, termSuggestions } from '../../../src/core/glossary/termMarks.ts';
import { demoGlossary } from '../../../src/core/demo/project.ts';
import { projectId } from '../../../src/core/model/ids.ts';
import type { TermEntry } from '../../../src/core/model/term.ts';

const entries: TermEntry[] = [
  ...demoGlossary(projectId('p'), 1, 'a'),
  {
    id: 'p:term:militia' as TermEntry['id'],
    projectId: projectId('p'),
    terms: [
      { lang: 'ru', text: 'милиция', status: 'approved' },
      { lang: 'en', text: 'militia', status: 'forbidden' },
      { lang: 'en', text: 'police', status: 'approved' },
    ],
    createdAt: 1,
    updatedAt: 1,
  },
];
const index = buildTermIndex(entries);
const byId = new Map(entries.map((e) => [e.id as string, e]));

describe('termMarks', () => {
  it('marks inflected Russian terms and describes the entry on hover', () => {
    const text = 'Начальник МПС отчитывается перед акиматами и маслихатом.';
    const marks = termMarks(index, byId, text, 'ru');
    expect(marks.map((m) => text.slice(m.start, m.end))).toEqual(['МПС', 'акиматами', 'маслихатом']);
    expect(marks[2]?.title).toContain('en: Maslikhat');
    expect(marks[2]?.title).toContain('Representative body');
  });

  it('marks a forbidden rendering as such', () => {
    const marks = termMarks(index, byId, 'The Russian militia was divided.', 'en');
    expect(marks.map((m) => m.kind)).toEqual(['term-forbidden']);
  });

  it('finds nothing in an empty text', () => {
    expect(termMarks(index, byId, '', 'en')).toEqual([]);
  });
});

describe('termSuggestions', () => {
  it('offers the approved Kazakh renderings of the terms found in the English text, once each', () => {
    const suggestions = termSuggestions(
      index,
      byId,
      [{ text: 'The head of LPS reports to Akimats and Maslikhats, and to the akimat again.', lang: 'en' }],
      'kk',
    );
    expect(suggestions.map((s) => s.text)).toEqual(['ЖПҚ', 'әкімдік', 'мәслихат']);
  });

  it('offers nothing where the entry has no approved term in the editor language', () => {
    expect(termSuggestions(index, byId, [{ text: 'милиция', lang: 'ru' }], 'kk')).toEqual([]);
  });
});

describe('createTermMarker', () => {
  it('gives the same marks as termMarks and the same array for the same text', () => {
    const marker = createTermMarker(index, byId);
    const text = 'The head of LPS reports to the Maslikhat.';
    expect(marker(text, 'en')).toEqual(termMarks(index, byId, text, 'en'));
    expect(marker(text, 'en')).toBe(marker(text, 'en'));
    expect(marker(text, 'ru')).not.toBe(marker(text, 'en'));
  });
});
