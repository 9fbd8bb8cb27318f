import { describe, expect, it } from 'vitest';
import { transition, type RenderingAction } from '../../../src/core/review/stateMachine.ts';
import type { RenderingState } from '../../../src/core/model/types.ts';

const actions: Record<string, RenderingAction> = {
  import: { type: 'import', text: 'machine' },
  edit: { type: 'edit', text: 'changed' },
  review: { type: 'review' },
  approve: { type: 'approve' },
  reject: { type: 'reject', reason: 'wrong term' },
  reopen: { type: 'reopen' },
  restore: { type: 'restore', text: 'older', fromRevision: 1 },
  revert: { type: 'revert', text: 'before', state: 'mt' },
};

// Every (state, action) pair with the state it leads to, or null where the machine must refuse.
const table: Record<RenderingState, Record<string, RenderingState | null>> = {
  new: {
    import: 'mt',
    edit: 'edited',
    review: null,
    approve: null,
    reject: null,
    reopen: null,
    restore: null,
    revert: null,
  },
  mt: {
    import: null,
    edit: 'edited',
    review: 'reviewed',
    approve: 'approved',
    reject: 'rejected',
    reopen: null,
    restore: 'edited',
    revert: 'mt',
  },
  imported: {
    import: null,
    edit: 'edited',
    review: 'reviewed',
    approve: 'approved',
    reject: 'rejected',
    reopen: null,
    restore: 'edited',
    revert: 'mt',
  },
  edited: {
    import: null,
    edit: 'edited',
    review: 'reviewed',
    approve: 'approved',
    reject: 'rejected',
    reopen: null,
    restore: 'edited',
    revert: 'mt',
  },
  reviewed: {
    import: null,
    edit: 'edited',
    review: null,
    approve: 'approved',
    reject: 'rejected',
    reopen: null,
    restore: 'edited',
    revert: 'mt',
  },
  approved: {
    import: null,
    edit: 'edited',
    review: null,
    approve: null,
    reject: 'rejected',
    reopen: 'reviewed',
    restore: 'edited',
    revert: 'mt',
  },
  rejected: {
    import: null,
    edit: 'edited',
    review: null,
    approve: null,
    reject: null,
    reopen: 'edited',
    restore: 'edited',
    revert: 'mt',
  },
};

describe('rendering state machine', () => {
  const rows = Object.entries(table).flatMap(([from, byAction]) =>
    Object.entries(byAction).map(([action, to]) => [from as RenderingState, action, to] as const),
  );
  it.each(rows)('%s --%s--> %s', (from, action, to) => {
    const result = transition(from, from === 'new' ? '' : 'current', actions[action] as RenderingAction);
    if (to === null) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: 'invalidTransition', from, action });
    } else {
      expect(result).toMatchObject({ ok: true, value: { state: to } });
    }
  });

  it("imports a people's translation as imported, not as machine translation", () => {
    expect(transition('new', '', { type: 'import', text: 'Made by a translator.', human: true })).toEqual({
      ok: true,
      value: { state: 'imported', text: 'Made by a translator.' },
    });
    expect(transition('new', '', { type: 'import', text: 'Machine output.' })).toMatchObject({
      value: { state: 'mt' },
    });
  });

  it('reverts a rendering that did not exist to no text at all', () => {
    expect(transition('mt', 'x', { type: 'revert', text: '', state: 'new' })).toEqual({
      ok: true,
      value: { state: 'new', text: '' },
    });
  });

  it('refuses an edit that changes nothing, and empty text', () => {
    expect(transition('mt', 'same', { type: 'edit', text: 'same' })).toMatchObject({
      ok: false,
      error: { code: 'unchanged' },
    });
    expect(transition('mt', 'same', { type: 'edit', text: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'emptyText' },
    });
    expect(transition('edited', '', { type: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'emptyText' },
    });
  });

  it('needs a reason to reject and keeps it as the note', () => {
    expect(transition('mt', 'x', { type: 'reject', reason: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'reasonRequired' },
    });
    expect(transition('mt', 'x', { type: 'reject', reason: ' calque ' })).toMatchObject({
      ok: true,
      value: { note: 'calque' },
    });
  });
});
