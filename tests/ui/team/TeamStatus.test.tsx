// @vitest-environment jsdom
// The header's way into the conflicts dialog names what waits there: conflicts, refused changes, or both.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18nFor } from '../../../src/i18n/i18n.ts';
import { TeamStatus } from '../../../src/ui/features/team/TeamStatus.tsx';
import type { Conflict, Refused } from '../../../src/sync/syncState.ts';
import type { TeamSyncView } from '../../../src/sync/TeamSync.ts';

const rendering = (id: string, text: string, seq: number) => ({
  id,
  kind: 'rendering' as const,
  base: null,
  documentId: 'doc',
  unitId: 'u3',
  lang: 'en',
  action: 'edit' as const,
  text,
  state: 'edited' as const,
  seq,
});
const conflict: Conflict = {
  target: 'rendering:u3:en',
  mine: rendering('m1', 'Mine.', 4),
  theirs: { ...rendering('t1', 'Theirs.', 5), author: 'bolat', at: 9, supersedes: 4 },
};
const refused = (id: string): Refused => ({
  change: { id, kind: 'settings', base: null, value: { disabled: ['spelling'] } },
  code: 'forbidden',
  at: 1,
});

async function show(view: Omit<TeamSyncView, 'localOnly'>, lang: 'en' | 'ru' | 'kk' = 'en') {
  const i18n = await createI18nFor(lang);
  render(
    <I18nextProvider i18n={i18n}>
      <TeamStatus
        view={{ localOnly: [], ...view }}
        unitNumber={() => 3}
        onTakeTheirs={() => undefined}
        onKeepMine={() => undefined}
        onForgetRefused={() => undefined}
      />
    </I18nextProvider>,
  );
}

describe('TeamStatus', () => {
  it('offers refused changes, not conflicts, when only refused changes wait, and opens them', async () => {
    await show({
      status: { kind: 'not-allowed', count: 2 },
      conflicts: [],
      refused: [refused('a'), refused('b')],
    });
    expect(screen.queryByRole('button', { name: /conflicts/i })).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Open refused changes (2)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Not allowed' });
    expect(dialog).not.toHaveTextContent('No conflicts.');
  });

  it('counts conflicts alone, and both kinds when both wait', async () => {
    await show({ status: { kind: 'conflict', count: 1 }, conflicts: [conflict], refused: [] });
    expect(screen.getByRole('button', { name: 'Open conflicts (1)' })).toBeVisible();
    document.body.innerHTML = '';
    await show({ status: { kind: 'conflict', count: 1 }, conflicts: [conflict], refused: [refused('a')] });
    expect(screen.getByRole('button', { name: 'Open conflicts (1) and refused changes (1)' })).toBeVisible();
  });

  it('says it in Russian and Kazakh', async () => {
    await show({ status: { kind: 'not-allowed', count: 1 }, conflicts: [], refused: [refused('a')] }, 'ru');
    expect(screen.getByRole('button', { name: 'Открыть отклонённые изменения (1)' })).toBeVisible();
    document.body.innerHTML = '';
    await show({ status: { kind: 'not-allowed', count: 1 }, conflicts: [], refused: [refused('a')] }, 'kk');
    expect(screen.getByRole('button', { name: 'Қабылданбаған өзгерістерді ашу (1)' })).toBeVisible();
  });

  it('shows no button when nothing waits', async () => {
    await show({ status: { kind: 'synced' }, conflicts: [], refused: [] });
    expect(screen.queryByRole('button')).toBeNull();
  });
});
