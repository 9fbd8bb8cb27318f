// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { App } from '../../../src/ui/app/App.tsx';
import { createI18nFor } from '../../../src/i18n/i18n.ts';

const demo = readFileSync('src/demo/municipal-police-kazakhstan.en.txt', 'utf8');

describe('glossary undo beside the review grid', () => {
  it('Ctrl+Z in the glossary undoes the glossary change only, not a bulk approval made in review', async () => {
    const user = userEvent.setup();
    render(<App i18n={await createI18nFor('en')} dbName={`undo-${Date.now()}`} demoText={demo} />);
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    await user.type(within(dialog).getByRole('textbox'), 'Aigul');
    await user.click(within(dialog).getAllByRole('button').at(-1)!);
    await screen.findByRole('grid', { name: 'Document units' }, { timeout: 5000 });

    // A bulk approval in review leaves an undo of its own waiting.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Issues' }), 'none');
    await user.click(await screen.findByRole('button', { name: /^Approve \d+ without issues/ }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: /^Yes, change/ }));
    // The review's undo is offered once the whole approval is written.
    await waitFor(() => expect(screen.getByRole('button', { name: /^Undo/ })).toBeEnabled(), {
      timeout: 5000,
    });
    const bar = screen.getByRole('progressbar', { name: 'English: approved units' });
    const approved = bar.getAttribute('aria-valuenow');
    expect(Number(approved)).toBeGreaterThan(0);

    await user.click(screen.getByRole('tab', { name: /Glossary/ }));
    const grid = await screen.findByRole('grid', { name: 'Glossary entries' }, { timeout: 10_000 });
    grid.focus();
    await user.keyboard('p');
    const statuses = screen.getByRole('group', { name: 'Filter by status' });
    await waitFor(
      () =>
        expect(within(statuses).getByRole('button', { name: 'With proposed terms: 1' })).toBeInTheDocument(),
      { timeout: 5000 },
    );
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(
      () =>
        expect(within(statuses).getByRole('button', { name: 'With proposed terms: 0' })).toBeInTheDocument(),
      { timeout: 5000 },
    );
    expect(bar).toHaveAttribute('aria-valuenow', approved);
  }, 60_000);
});
