// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { serialiseTbx, parseTbx } from '../../../src/core/formats/tbx.ts';
import { entryId, projectId } from '../../../src/core/model/ids.ts';
import { listEntries } from '../../../src/storage/terms.ts';
import { listEntryHistory } from '../../../src/storage/glossary.ts';
import { DEMO_PROJECT_ID } from '../../../src/core/demo/project.ts';
import { englishColumn, entryRows, renderGlossary } from './harness.tsx';

const notice = () => screen.getByRole('status', { name: 'Glossary messages' });
const fileInput = () => screen.getByLabelText('Import TBX or CSV');

/** A TBX file from the core writer: one new concept, one that shares "Akim" with the demo glossary. */
const tbx = serialiseTbx([
  {
    id: entryId('c-deputy'),
    projectId: projectId('elsewhere'),
    terms: [
      { lang: 'en', text: 'Deputy', status: 'approved' },
      { lang: 'ru', text: 'депутат', status: 'approved' },
    ],
    createdAt: 0,
    updatedAt: 0,
  },
  {
    id: entryId('c-akim'),
    projectId: projectId('elsewhere'),
    terms: [
      { lang: 'en', text: 'Akim', status: 'approved' },
      { lang: 'kk-Latn', text: 'Äkım', status: 'proposed' },
    ],
    note: 'Romanised as in the 2021 alphabet.',
    createdAt: 0,
    updatedAt: 0,
  },
]);

afterEach(() => vi.restoreAllMocks());

describe('glossary import and export', () => {
  it('refuses a bad CSV naming the file and line, and imports nothing', async () => {
    const { user, grid, db } = await renderGlossary();
    const csv = 'en,ru,status\nDeputy,депутат,approved\nRegion,область,maybe\n';
    await user.upload(fileInput(), new File([csv], 'bad.csv', { type: 'text/csv' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'bad.csv — Line 3: unknown status “maybe” (use approved, proposed or forbidden). Nothing was imported.',
    );
    expect(screen.queryByRole('region', { name: 'Import preview' })).not.toBeInTheDocument();
    expect(entryRows(grid)).toHaveLength(7);
    expect(await listEntries(db, DEMO_PROJECT_ID)).toHaveLength(7);
  });

  it('refuses a TBX that is not well-formed, with its line', async () => {
    const { user } = await renderGlossary();
    const broken = tbx.replace('<term>Deputy</term>', '<term>Deputy</trem>');
    const line = broken.split('\n').findIndex((l) => l.includes('</trem>')) + 1;
    await user.upload(fileInput(), new File([broken], 'broken.tbx'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `broken.tbx — Line ${line}: not well-formed XML: unexpected close tag. Nothing was imported.`,
    );
  });

  it('previews every entry with its match against the glossary, then merges in one write', async () => {
    const { user, grid, db } = await renderGlossary();
    await user.upload(fileInput(), new File([tbx], 'terms.tbx'));
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    expect(preview).toHaveTextContent(
      'terms.tbx: 2 entries — new: 1, same as in the glossary: 0, conflicting: 1.',
    );
    const rows = within(within(preview).getByRole('list', { name: 'Entries in the file' }))
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('glossary-import-row'));
    expect(rows[0]).toHaveTextContent(/^new Deputy \(English, approved\) · депутат \(Russian, approved\)/);
    expect(rows[1]).toHaveTextContent(
      /^conflicting Akim \(English, approved\) · Äkım \(Kazakh \(Latin\), proposed\)/,
    );
    expect(rows[1]).toHaveTextContent('In the glossary: Akim (English, approved) · аким (Russian, approved)');
    expect(rows[1]).toHaveTextContent('adds Äkım (Kazakh (Latin), proposed)');
    expect(within(preview).getByRole('combobox', { name: 'What to do with “Akim”' })).toHaveValue('merge');
    expect(entryRows(grid)).toHaveLength(7);
    await user.click(within(preview).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(entryRows(grid)).toHaveLength(8));
    expect(notice()).toHaveTextContent('terms.tbx imported — added: 1, merged: 1, updated: 0, skipped: 0.');
    expect(englishColumn(grid)).toContain('Deputy');
    const akim = entryRows(grid).find((r) =>
      r.querySelector('td[lang="en"]')?.textContent?.startsWith('Akim'),
    )!;
    const latin = akim.querySelector('td[lang="kk-Latn"]')!;
    expect(latin).toHaveTextContent('Äkım');
    expect(within(latin as HTMLElement).queryByText('transliterated')).not.toBeInTheDocument();
    const stored = (await listEntries(db, DEMO_PROJECT_ID)).find((e) =>
      e.terms.some((t) => t.text === 'Akim'),
    )!;
    expect(stored.note).toBe('Romanised as in the 2021 alphabet.');
    expect((await listEntryHistory(db, stored.id)).map((h) => [h.change, h.after, h.reason])).toEqual([
      ['term', 'Äkım', 'terms.tbx'],
      ['note', 'Romanised as in the 2021 alphabet.', 'terms.tbx'],
    ]);
    // The whole import is one step to undo.
    grid.focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(entryRows(grid)).toHaveLength(7));
    expect((await listEntries(db, DEMO_PROJECT_ID)).find((e) => e.id === stored.id)?.note).toBeUndefined();
  });

  it('skips an entry when asked', async () => {
    const { user, grid, db } = await renderGlossary();
    await user.upload(fileInput(), new File([tbx], 'terms.tbx'));
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    await user.selectOptions(
      within(preview).getByRole('combobox', { name: 'What to do with “Akim”' }),
      'skip',
    );
    await user.click(within(preview).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(entryRows(grid)).toHaveLength(8));
    expect(notice()).toHaveTextContent('added: 1, merged: 0, updated: 0, skipped: 1');
    const stored = (await listEntries(db, DEMO_PROJECT_ID)).find((e) =>
      e.terms.some((t) => t.text === 'Akim'),
    )!;
    expect(stored.terms.map((t) => t.lang)).toEqual(['en', 'ru', 'kk']);
  });

  it('brings terms without a status in as proposed, unless the terminologist says otherwise', async () => {
    const { user, grid, db } = await renderGlossary();
    const csv = 'en,ru\nDeputy,депутат\nRegion,область\n';
    await user.upload(fileInput(), new File([csv], 'plain.csv', { type: 'text/csv' }));
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    expect(preview).toHaveTextContent('Deputy (English, proposed)');
    await user.selectOptions(
      within(preview).getByRole('combobox', { name: 'Terms without a status arrive as' }),
      'approved',
    );
    expect(preview).toHaveTextContent('Deputy (English, approved)');
    await user.selectOptions(
      within(preview).getByRole('combobox', { name: 'Terms without a status arrive as' }),
      'proposed',
    );
    await user.click(within(preview).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(entryRows(grid)).toHaveLength(9));
    const deputy = (await listEntries(db, DEMO_PROJECT_ID)).find((e) =>
      e.terms.some((t) => t.text === 'Deputy'),
    )!;
    expect(deputy.terms.map((t) => t.status)).toEqual(['proposed', 'proposed']);
  });

  it('shows a status the file gives otherwise as a conflict, and takes it when asked to update', async () => {
    const { user, db } = await renderGlossary();
    const csv = 'en,ru,status\nAkim,аким,forbidden\nAkimat,акимат,approved\n';
    await user.upload(fileInput(), new File([csv], 'ban.csv', { type: 'text/csv' }));
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    expect(preview).toHaveTextContent('new: 0, same as in the glossary: 1, conflicting: 1.');
    expect(preview).toHaveTextContent('Akim (English): approved here, forbidden in the file');
    expect(within(preview).getByRole('combobox', { name: 'What to do with “Akimat”' })).toHaveValue('skip');
    await user.selectOptions(
      within(preview).getByRole('combobox', { name: 'What to do with “Akim”' }),
      'update',
    );
    await user.click(within(preview).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(notice()).toHaveTextContent('added: 0, merged: 0, updated: 1, skipped: 1'));
    const akim = (await listEntries(db, DEMO_PROJECT_ID)).find((e) =>
      e.terms.some((t) => t.text === 'Akim'),
    )!;
    expect(akim.terms.map((t) => t.status)).toEqual(['forbidden', 'forbidden', 'approved']);
    expect((await listEntryHistory(db, akim.id)).map((h) => h.reason)).toEqual(['ban.csv', 'ban.csv']);
  });

  it('exports the glossary as TBX that reads back the same entries', async () => {
    const { user } = await renderGlossary();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:glossary';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Export TBX' }));
    expect(blobs).toHaveLength(1);
    const parsed = parseTbx(await blobs[0]!.text(), DEMO_PROJECT_ID, 0);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.map((e) => e.terms.find((t) => t.lang === 'en')?.text).sort()).toEqual([
      'Akim',
      'Akimat',
      'LPS',
      'Local police service',
      'MIA',
      'Maslikhat',
      'Ministry of Internal Affairs',
    ]);
    expect(notice()).toHaveTextContent('Exported entries: 7.');
  });
});
