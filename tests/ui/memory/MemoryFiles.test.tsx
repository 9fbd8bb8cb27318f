// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18nFor } from '../../../src/i18n/i18n.ts';
import { MemoryFiles } from '../../../src/ui/features/memory/MemoryFiles.tsx';
import { openAudarmaDb } from '../../../src/storage/db.ts';
import { listMemory } from '../../../src/storage/memory.ts';
import { projectId } from '../../../src/core/model/ids.ts';
import type { Project } from '../../../src/core/model/types.ts';

const project: Project = {
  id: projectId('p'),
  name: 'P',
  sourceLang: 'ru',
  targetLangs: ['en'],
  createdAt: 1,
};
const tmx = readFileSync(join(import.meta.dirname, '../../fixtures/memory/offices.tmx'));

describe('MemoryFiles', () => {
  it('imports a TMX memory into storage and lists it; a broken file is refused with its name', async () => {
    const db = await openAudarmaDb(`files-${Date.now()}`);
    const onChanged = vi.fn();
    const i18n = await createI18nFor('en');
    const { rerender } = render(
      <I18nextProvider i18n={i18n}>
        <MemoryFiles
          db={db}
          project={project}
          lang="en"
          author="ann"
          version="1"
          onChanged={onChanged}
          onEdit={() => undefined}
        />
      </I18nextProvider>,
    );
    // The summary comes from the worker's jobs (run in-process here), loaded on first use.
    expect(
      await screen.findByRole('button', { name: 'Export 0 entries as TMX' }, { timeout: 15_000 }),
    ).toBeDisabled();
    await userEvent.upload(
      screen.getByLabelText('Import a TMX memory…'),
      new File([tmx], 'offices.tmx', { type: 'text/xml' }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent('Imported 3 entries from offices.tmx.');
    expect(onChanged).toHaveBeenCalled();
    const stored = await listMemory(db, ['tmx:offices.tmx']);
    expect(stored.map((e) => e.target)).toContain('Press Save.');
    rerender(
      <I18nextProvider i18n={i18n}>
        <MemoryFiles
          db={db}
          project={project}
          lang="en"
          author="ann"
          version="2"
          onChanged={onChanged}
          onEdit={() => undefined}
        />
      </I18nextProvider>,
    );
    expect(await screen.findByText(/offices\.tmx: 3 entries/, {}, { timeout: 10_000 })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'remove' }));
    await vi.waitFor(async () => expect(await listMemory(db, ['tmx:offices.tmx'])).toEqual([]));
    expect(onChanged).toHaveBeenCalledTimes(2);

    await userEvent.upload(
      screen.getByLabelText('Import a TMX memory…'),
      new File(['<tmx version="1.4"><body/></tmx>'], 'broken.tmx', { type: 'text/xml' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(/^broken\.tmx: line 1: .*header/);
  });
});
