import { describe, expect, it } from 'vitest';
import {
  addTerm,
  removeTerm,
  renameTerm,
  setEntryText,
  setPartOfSpeech,
} from '../../../src/core/glossary/editEntry.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { TermEntry } from '../../../src/core/model/term.ts';

const base: TermEntry = {
  id: entryId('e1'),
  projectId: projectId('p'),
  terms: [{ lang: 'en', text: 'Akim', status: 'approved' }],
  note: 'old note',
  createdAt: 1,
  updatedAt: 1,
};
const key = (r: { ok: boolean; error?: { key: string } }) => (r.ok ? 'ok' : r.error?.key);

describe('entry edits produce the new entry and one history record', () => {
  it('adds a term as proposed by default', () => {
    const r = addTerm(base, { lang: 'kk', text: ' әкім ' }, 'dana', 5);
    expect(r.ok && r.value.entry.terms.at(-1)).toEqual({
      lang: 'kk',
      text: 'әкім',
      status: 'proposed',
      setBy: 'dana',
      setAt: 5,
    });
    expect(r.ok && r.value.change).toEqual({
      entryId: 'e1',
      at: 5,
      by: 'dana',
      field: 'term',
      lang: 'kk',
      term: 'әкім',
      before: null,
      after: 'әкім',
    });
  });
  it('renames a term keeping its status', () => {
    const r = renameTerm(base, { lang: 'en', text: 'Akim' }, 'Akim (head)', 'dana', 6);
    expect(r.ok && r.value.entry.terms[0]).toEqual({ lang: 'en', text: 'Akim (head)', status: 'approved' });
    expect(r.ok && [r.value.change.before, r.value.change.after]).toEqual(['Akim', 'Akim (head)']);
  });
  it('removes a term', () => {
    const two = addTerm(base, { lang: 'ru', text: 'аким' }, 'dana', 5);
    if (!two.ok) throw new Error('setup');
    const r = removeTerm(two.value.entry, { lang: 'ru', text: 'аким' }, 'dana', 7);
    expect(r.ok && r.value.entry.terms).toEqual(base.terms);
    expect(r.ok && [r.value.change.before, r.value.change.after]).toEqual(['аким', null]);
  });
  it('sets and clears the note and definition', () => {
    const cleared = setEntryText(base, 'note', '', 'dana', 8);
    expect(cleared.ok && 'note' in cleared.value.entry).toBe(false);
    expect(
      cleared.ok && [cleared.value.change.field, cleared.value.change.before, cleared.value.change.after],
    ).toEqual(['note', 'old note', null]);
    const defined = setEntryText(base, 'definition', 'head of a region', 'dana', 8);
    expect(defined.ok && defined.value.entry.definition).toBe('head of a region');
  });
  it('sets the part of speech', () => {
    const r = setPartOfSpeech(base, 'noun', 'dana', 9);
    expect(r.ok && [r.value.entry.partOfSpeech, r.value.change.after]).toEqual(['noun', 'noun']);
  });
});

describe('entry edits refuse', () => {
  it.each([
    [
      'a duplicate term (case aside)',
      addTerm(base, { lang: 'en', text: 'akim' }, 'd', 1),
      'glossary.edit.duplicateTerm',
    ],
    ['an empty term', addTerm(base, { lang: 'en', text: '  ' }, 'd', 1), 'glossary.edit.emptyTerm'],
    ['a bad language', addTerm(base, { lang: 'english', text: 'x' }, 'd', 1), 'glossary.edit.badLang'],
    [
      'removing the last term',
      removeTerm(base, { lang: 'en', text: 'Akim' }, 'd', 1),
      'glossary.edit.lastTerm',
    ],
    [
      'removing a missing term',
      removeTerm(base, { lang: 'en', text: 'Aki' }, 'd', 1),
      'glossary.edit.noSuchTerm',
    ],
    [
      'a rename to the same text',
      renameTerm(base, { lang: 'en', text: 'Akim' }, 'Akim', 'd', 1),
      'glossary.edit.unchanged',
    ],
    ['an edit with no author', setEntryText(base, 'note', 'x', '', 1), 'glossary.edit.noAuthor'],
    ['a note set to itself', setEntryText(base, 'note', 'old note', 'd', 1), 'glossary.edit.unchanged'],
    [
      'clearing an absent part of speech',
      setPartOfSpeech(base, undefined, 'd', 1),
      'glossary.edit.unchanged',
    ],
  ])('%s', (_name, result, expected) => {
    expect(key(result)).toBe(expected);
  });
});
