// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18nFor } from '../../../src/i18n/i18n.ts';
import { MemoryPanel } from '../../../src/ui/features/memory/MemoryPanel.tsx';
import { RepeatsOffer } from '../../../src/ui/features/memory/RepeatsOffer.tsx';
import { ConcordanceDialog } from '../../../src/ui/features/memory/ConcordanceDialog.tsx';
import { CellEditor } from '../../../src/ui/features/grid/CellEditor.tsx';
import { MemoryMatchesContext } from '../../../src/ui/features/memory/MemoryMatchesContext.ts';
import { buildMemoryIndex, lookupMemory } from '../../../src/core/memory/MemoryIndex.ts';
import type { MemoryEntry } from '../../../src/core/memory/types.ts';
import { openAudarmaDb } from '../../../src/storage/db.ts';
import { importMemory } from '../../../src/storage/memory.ts';

const entry = (id: string, source: string, target: string, at = 1_700_000_000_000): MemoryEntry => ({
  id,
  memoryId: 'p',
  sourceLang: 'ru',
  targetLang: 'en',
  source,
  target,
  documentId: 'd1',
  createdBy: 'ann',
  createdAt: at,
  updatedBy: 'bob',
  updatedAt: at,
});

const entries = [
  entry('1', 'Статья 10 применяется ко всем жителям.', 'Article 10 applies to all residents.'),
  entry('2', 'Офис закрыт в праздничные дни.', 'The office is closed on public holidays.'),
];

async function wrap(ui: React.ReactElement) {
  const i18n = await createI18nFor('en');
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}

describe('MemoryPanel', () => {
  it('shows each match with its percentage, the differing number and who approved it; a click inserts it', async () => {
    const matches = lookupMemory(
      buildMemoryIndex(entries, (e) => e.source),
      'Статья 12 применяется ко всем жителям.',
    );
    const onInsert = vi.fn();
    await wrap(
      <MemoryPanel kind="source" matches={matches} originOf={() => 'law.txt'} onInsert={onInsert} />,
    );
    const panel = screen.getByRole('region', { name: 'Memory' });
    const item = within(panel).getAllByRole('listitem')[0] as HTMLElement;
    expect(within(item).getByLabelText(/% match/)).toHaveTextContent(/^9\d%$/);
    expect(item.querySelector('del')).toHaveTextContent('10');
    expect(item.querySelector('ins')).toHaveTextContent('12');
    expect(item).toHaveTextContent('Article 10 applies to all residents.');
    expect(item).toHaveTextContent(/approved by bob, .* · law\.txt/);
    await userEvent.click(within(item).getByRole('button', { name: 'Insert match 1 into the rendering' }));
    expect(onInsert).toHaveBeenCalledWith(0);
  });

  it('says so when nothing matches, and marks the post-editing memory', async () => {
    await wrap(<MemoryPanel kind="mt" matches={[]} originOf={() => ''} onInsert={() => undefined} />);
    expect(screen.getByText('No earlier approved rendering of a similar segment.')).toBeInTheDocument();
    expect(screen.getByText('machine translations corrected before')).toBeInTheDocument();
  });
});

describe('RepeatsOffer', () => {
  it('previews the change for each repeat and applies all in one step', async () => {
    const onApply = vi.fn();
    await wrap(
      <RepeatsOffer
        text="The office is closed."
        pending={[
          { index: 4, before: 'Office closed.' },
          { index: 9, before: '' },
        ]}
        onApply={onApply}
      />,
    );
    expect(screen.getByText(/occurs 2 more times/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByText('unit 5')).toBeInTheDocument();
    expect(screen.getAllByLabelText('Change to the repeat')[0]?.querySelector('del')).toHaveTextContent(
      /Office/,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Approve this rendering for 2 repeats' }));
    expect(onApply).toHaveBeenCalledTimes(1);
  });

  it('offers nothing without repeats', async () => {
    const { container } = await wrap(<RepeatsOffer text="x" pending={[]} onApply={() => undefined} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('ConcordanceDialog', () => {
  it('finds a phrase typed in either language and marks it, searching the stored memory', async () => {
    const db = await openAudarmaDb(`concordance-${Date.now()}`);
    await importMemory(db, entries);
    await wrap(<ConcordanceDialog db={db.name} originOf={() => 'law.txt'} onClose={() => undefined} />);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Phrase (any language)' }), 'закрыт');
    // The first search loads the worker's jobs (run in-process here), which takes a moment.
    expect(await screen.findByText('1 approved segment', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByRole('table').querySelector('mark')).toHaveTextContent('закрыт');
    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.type(screen.getByRole('searchbox'), 'APPLIES');
    expect(await screen.findByText('1 approved segment')).toBeInTheDocument();
    expect(screen.getByRole('table').querySelector('mark')).toHaveTextContent('applies');
  });
});

describe('CellEditor with memory matches', () => {
  it('Alt+Shift+2 replaces the draft with the second match; a missing match changes nothing', async () => {
    await wrap(
      <MemoryMatchesContext value={['First match.', 'Second match.']}>
        <CellEditor
          label="English"
          text="Draft."
          revision={1}
          machineText={undefined}
          error={undefined}
          onCommand={() => undefined}
        />
      </MemoryMatchesContext>,
    );
    const box = screen.getByRole('textbox', { name: 'English' });
    await userEvent.type(box, '{Alt>}{Shift>}2{/Shift}{/Alt}');
    expect(box).toHaveValue('Second match.');
    await userEvent.type(box, '{Alt>}{Shift>}3{/Shift}{/Alt}');
    expect(box).toHaveValue('Second match.');
  });
});
