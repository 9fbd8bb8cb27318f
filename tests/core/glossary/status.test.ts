import { describe, expect, it } from 'vitest';
import {
  canChangeStatus,
  changeTermStatus,
  entrySummary,
  needsReason,
} from '../../../src/core/glossary/status.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import type { TermEntry, TermStatus } from '../../../src/core/model/term.ts';

const entry = (status: TermStatus): TermEntry => ({
  id: entryId('e1'),
  projectId: projectId('p'),
  terms: [
    { lang: 'en', text: 'Akim', status },
    { lang: 'ru', text: 'аким', status: 'approved' },
  ],
  createdAt: 1,
  updatedAt: 1,
});

describe('term status transitions', () => {
  const allowed: [TermStatus, TermStatus][] = [
    ['proposed', 'approved'],
    ['proposed', 'forbidden'],
    ['approved', 'forbidden'],
    ['approved', 'proposed'],
    ['forbidden', 'proposed'],
    ['forbidden', 'approved'],
  ];
  const refused: [TermStatus, TermStatus][] = [
    ['proposed', 'proposed'],
    ['approved', 'approved'],
    ['forbidden', 'forbidden'],
  ];
  it.each(allowed)('%s → %s is allowed and records who and when', (from, to) => {
    expect(canChangeStatus(from, to)).toBe(true);
    const result = changeTermStatus(entry(from), { lang: 'en', text: 'Akim' }, to, 'aigerim', 42, 'checked');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.entry.terms[0]).toEqual({
      lang: 'en',
      text: 'Akim',
      status: to,
      setBy: 'aigerim',
      setAt: 42,
    });
    expect(result.value.entry.terms[1]?.status).toBe('approved');
    expect(result.value.entry.updatedAt).toBe(42);
    expect(result.value.change).toEqual({
      entryId: 'e1',
      at: 42,
      by: 'aigerim',
      field: 'status',
      lang: 'en',
      term: 'Akim',
      before: from,
      after: to,
      reason: 'checked',
    });
  });
  it.each(refused)('%s → %s is refused with a reason', (from, to) => {
    expect(canChangeStatus(from, to)).toBe(false);
    const result = changeTermStatus(entry(from), { lang: 'en', text: 'Akim' }, to, 'aigerim', 42);
    expect(result.ok ? 'ok' : [result.error.key, result.error.params]).toEqual([
      'glossary.statusChange.refused',
      { from, to, term: 'Akim' },
    ]);
  });
  it('refuses an unknown term and a change without an author', () => {
    const unknown = changeTermStatus(entry('proposed'), { lang: 'kk', text: 'әкім' }, 'approved', 'a', 1);
    expect(unknown.ok || unknown.error.key).toBe('glossary.edit.noSuchTerm');
    const anonymous = changeTermStatus(entry('proposed'), { lang: 'en', text: 'Akim' }, 'approved', ' ', 1);
    expect(anonymous.ok || anonymous.error.key).toBe('glossary.edit.noAuthor');
  });

  it.each([
    ['forbidden', 'approved'],
    ['approved', 'forbidden'],
  ] as [TermStatus, TermStatus][])('%s → %s in one step needs a reason', (from, to) => {
    expect(needsReason(from, to)).toBe(true);
    const bare = changeTermStatus(entry(from), { lang: 'en', text: 'Akim' }, to, 'aigerim', 42, '  ');
    expect(bare.ok || bare.error.key).toBe('glossary.statusChange.needsReason');
    const explained = changeTermStatus(
      entry(from),
      { lang: 'en', text: 'Akim' },
      to,
      'aigerim',
      42,
      ' usage changed ',
    );
    expect(explained.ok && [explained.value.entry.terms[0]?.status, explained.value.change.reason]).toEqual([
      to,
      'usage changed',
    ]);
  });
  it.each([
    ['proposed', 'approved'],
    ['proposed', 'forbidden'],
    ['approved', 'proposed'],
    ['forbidden', 'proposed'],
  ] as [TermStatus, TermStatus][])('%s → %s needs no reason', (from, to) => {
    expect(needsReason(from, to)).toBe(false);
  });
});

describe('entry status as a summary of its terms', () => {
  const of = (...terms: [string, TermStatus][]): TermEntry => ({
    id: entryId('e'),
    projectId: projectId('p'),
    terms: terms.map(([lang, status], i) => ({ lang, text: `t${i}`, status })),
    createdAt: 0,
    updatedAt: 0,
  });
  it.each([
    ['every language approved', of(['ru', 'approved'], ['en', 'approved']), 'approved', []],
    [
      'approved with a forbidden variant beside it',
      of(['ru', 'approved'], ['en', 'approved'], ['en', 'forbidden']),
      'approved',
      [],
    ],
    ['a language still proposed', of(['ru', 'approved'], ['en', 'proposed']), 'proposed', ['en']],
    [
      'a language with only a forbidden term',
      of(['ru', 'approved'], ['en', 'forbidden']),
      'proposed',
      ['en'],
    ],
    ['every term forbidden', of(['en', 'forbidden'], ['en', 'forbidden']), 'forbidden', []],
    ['no terms', of(), 'proposed', []],
  ] as [string, TermEntry, TermStatus, string[]][])('%s', (_name, e, status, undecided) => {
    const summary = entrySummary(e);
    expect([summary.status, summary.undecided]).toEqual([status, undecided]);
  });
  it('counts terms per status', () => {
    expect(entrySummary(of(['ru', 'approved'], ['en', 'approved'], ['en', 'forbidden'])).terms).toEqual({
      proposed: 0,
      approved: 2,
      forbidden: 1,
    });
  });
});
