// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18nFor } from '../../../src/i18n/i18n.ts';
import { CheckSettingsDialog } from '../../../src/ui/features/issues/CheckSettingsDialog.tsx';
import { runJob } from '../../../src/ui/hooks/runJob.ts';
import { allChecks } from '../../../src/core/checks/registry.ts';

// The dialog asks the worker for the list of checks (here the jobs run inline, as in every jsdom test); the
// first request is made to fail, to show what the reviewer sees when the worker cannot answer.
vi.mock('../../../src/ui/hooks/runJob.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/ui/hooks/runJob.ts')>();
  return { ...real, runJob: vi.fn(real.runJob) };
});

async function open(onSave = vi.fn()) {
  const i18n = await createI18nFor('en');
  const onCancel = vi.fn();
  const view = render(
    <I18nextProvider i18n={i18n}>
      <CheckSettingsDialog settings={{ disabled: ['doubled-word'] }} onSave={onSave} onCancel={onCancel} />
    </I18nextProvider>,
  );
  return { view, onSave, onCancel };
}

describe('CheckSettingsDialog', () => {
  it('says so when the worker cannot list the checks, and asks again when opened again', async () => {
    vi.mocked(runJob).mockRejectedValueOnce(new Error('the worker stopped'));
    const user = userEvent.setup();
    const first = await open();
    const alert = await screen.findByRole('alertdialog', { name: 'QA checks' });
    expect(alert).toHaveTextContent('The list of checks could not be loaded: the worker stopped');
    await user.click(within(alert).getByRole('button', { name: 'Cancel' }));
    expect(first.onCancel).toHaveBeenCalled();
    first.view.unmount();

    await open();
    const dialog = await screen.findByRole('dialog', { name: 'QA checks' }, { timeout: 5000 });
    expect(within(dialog).getAllByRole('checkbox')).toHaveLength(allChecks.length);
  });

  it('lists every check from the worker with its default severity and saves only the changes', async () => {
    const user = userEvent.setup();
    const { onSave } = await open();
    const dialog = await screen.findByRole('dialog', { name: 'QA checks' }, { timeout: 5000 });
    expect(within(dialog).getByRole('checkbox', { name: 'doubled-word' })).not.toBeChecked();
    const dateMismatch = allChecks.find((c) => c.id === 'date-mismatch')!;
    const select = within(dialog).getByRole('combobox', { name: 'Severity of date-mismatch' });
    expect(select).toHaveValue(dateMismatch.severity);
    const other = dateMismatch.severity === 'minor' ? 'critical' : 'minor';
    await user.selectOptions(select, other);
    await user.click(within(dialog).getByRole('button', { name: 'Save and check again' }));
    expect(onSave).toHaveBeenCalledWith({ disabled: ['doubled-word'], severity: { 'date-mismatch': other } });
  });
});
