import { describe, expect, it } from 'vitest';
import { importedRendering } from '../../../src/core/model/importedRendering.ts';
import { documentId, unitId } from '../../../src/core/model/ids.ts';

describe('importedRendering', () => {
  const base = {
    unitId: unitId('d:u1'),
    documentId: documentId('d'),
    lang: 'kk',
    text: 'Мазмұны',
    author: 'MT',
    at: 5,
  };

  it('starts a rendering at revision 1 with an import revision from `new`', () => {
    const { rendering, revision } = importedRendering({ ...base, state: 'mt' });
    expect(rendering).toEqual({
      id: 'd:u1:kk',
      unitId: 'd:u1',
      documentId: 'd',
      lang: 'kk',
      text: 'Мазмұны',
      state: 'mt',
      updatedAt: 5,
      updatedBy: 'MT',
      revision: 1,
    });
    expect(revision).toMatchObject({
      id: 'd:u1:kk#1',
      renderingId: 'd:u1:kk',
      number: 1,
      action: 'import',
      previousState: 'new',
      state: 'mt',
    });
    expect(revision).not.toHaveProperty('note');
  });

  it('keeps an imported state and a rejection reason', () => {
    const { rendering, revision } = importedRendering({ ...base, state: 'rejected', note: 'wrong term' });
    expect(rendering.state).toBe('rejected');
    expect(revision).toMatchObject({ state: 'rejected', note: 'wrong term' });
  });
});
