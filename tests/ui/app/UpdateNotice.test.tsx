// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { UpdateNotice } from '../../../src/ui/app/UpdateNotice.tsx';
import { createAppUpdate } from '../../../src/ui/app/appUpdate.ts';
import { createI18nFor } from '../../../src/i18n/i18n.ts';

async function renderNotice(language: 'en' | 'kk' = 'en') {
  const update = createAppUpdate();
  const applied: string[] = [];
  const i18n = await createI18nFor(language);
  render(
    <I18nextProvider i18n={i18n}>
      <UpdateNotice update={update} />
    </I18nextProvider>,
  );
  return { update, applied };
}

describe('UpdateNotice', () => {
  it('says nothing until a new version is waiting, then offers Reload, which switches to it', async () => {
    const { update, applied } = await renderNotice();
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
    act(() =>
      update.announce(async () => {
        applied.push('reloaded');
      }),
    );
    expect(screen.getByText('A new version of Audarma is ready. Your work is saved.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(applied).toEqual(['reloaded']);
  });

  it('goes away on Later without switching', async () => {
    const { update, applied } = await renderNotice();
    act(() =>
      update.announce(async () => {
        applied.push('reloaded');
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
    expect(applied).toEqual([]);
  });

  it('speaks the interface language', async () => {
    const { update } = await renderNotice('kk');
    act(() => update.announce(async () => undefined));
    expect(screen.getByRole('button', { name: 'Қайта жүктеу' })).toBeTruthy();
  });
});
