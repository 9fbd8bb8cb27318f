// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18nFor } from '../../../src/i18n/i18n.ts';
import { MemoryEditor } from '../../../src/ui/features/memory/MemoryEditor.tsx';
import { openAudarmaDb } from '../../../src/storage/db.ts';
import { importMemory, listMemory } from '../../../src/storage/memory.ts';
import type { MemoryEntry } from '../../../src/core/memory/types.ts';

const entry = (id: string, memoryId: string, source: string, target: string, at: number): MemoryEntry => ({
  id,
  memoryId,
  sourceLang: 'ru',
  targetLang: 'en',
  source,
  target,
  createdBy: 'ann',
  createdAt: at,
  updatedBy: 'ann',
  updatedAt: at,
});

describe('MemoryEditor', () => {
  it('finds entries by a typed phrase, corrects one with who and when, and prunes what it found', async () => {
    const db = await openAudarmaDb(`editor-${Date.now()}`);
    await importMemory(db, [
      entry(
        'p:1',
        'p',
        'Офис закрыт в праздничные дни.',
        'The office is close on holidays.',
        1_700_000_000_000,
      ),
      entry('p:2', 'p', 'Статья 10 применяется ко всем.', 'Article 10 applies to all.', 1_700_000_100_000),
      entry('tmx:old.tmx:1', 'tmx:old.tmx', 'Офис открыт.', 'Office open.', 1_600_000_000_000),
    ]);
    const onChanged = vi.fn();
    const i18n = await createI18nFor('en');
    render(
      <I18nextProvider i18n={i18n}>
        <MemoryEditor
          db={db}
          projectId="p"
          imported={['tmx:old.tmx']}
          author="bob"
          originOf={(e) => (e.memoryId === 'p' ? 'law.txt' : 'old.tmx')}
          onChanged={onChanged}
          onClose={() => undefined}
        />
      </I18nextProvider>,
    );
    // Without a phrase: the latest entries, newest first.
    expect(await screen.findByText('The latest 3 entries', {}, { timeout: 15_000 })).toBeInTheDocument();
    const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows()[0]).toHaveTextContent('Article 10 applies to all.');

    await userEvent.type(screen.getByRole('searchbox', { name: 'Find entries (any language)' }), 'офис');
    expect(await screen.findByText('2 approved segments', {}, { timeout: 10_000 })).toBeInTheDocument();
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Memory' }),
      "This project's approvals",
    );
    expect(await screen.findByText('1 approved segment', {}, { timeout: 10_000 })).toBeInTheDocument();

    await userEvent.click(within(rows()[0]!).getByRole('button', { name: 'edit' }));
    const box = screen.getByRole('textbox', { name: 'Stored rendering' });
    await userEvent.clear(box);
    await userEvent.type(box, 'The office is closed on public holidays.{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Entry saved.')).toBeInTheDocument();
    const [stored] = await listMemory(db, ['p']).then((all) => all.filter((e) => e.id === 'p:1'));
    expect(stored).toMatchObject({
      target: 'The office is closed on public holidays.',
      updatedBy: 'bob',
      createdBy: 'ann',
    });
    expect(onChanged).toHaveBeenCalledTimes(1);

    // Pruning asks once more before it deletes what the search found.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Memory' }), 'old.tmx');
    expect(await screen.findByText('1 approved segment', {}, { timeout: 10_000 })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete the 1 entry found' }));
    expect(await listMemory(db, ['tmx:old.tmx'])).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Really delete 1 entry? Click again' }));
    expect(await screen.findByText('1 entry deleted.')).toBeInTheDocument();
    expect(await listMemory(db, ['tmx:old.tmx'])).toEqual([]);
    expect(await listMemory(db, ['p'])).toHaveLength(2);
  });
});
