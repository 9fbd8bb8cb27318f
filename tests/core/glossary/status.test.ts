import { describe, expect, it } from 'vitest';
import { canChangeStatus, changeTermStatus } from '../../../src/core/glossary/status.ts';
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
  ];
  const refused: [TermStatus, TermStatus][] = [
    ['forbidden', 'approved'],
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
});
